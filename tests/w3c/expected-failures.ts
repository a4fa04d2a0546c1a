// The one list of W3C tests that are known to fail, by suite, each with its reason. Reviewed like
// code: a test that starts passing must be removed from here (the runners fail on a stale entry).
export const EXPECTED_FAILURES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'rdf11-turtle': {},
  'rdf11-trig': {},
  'rdf11-ntriples': {},
  'rdf11-nquads': {},
  'jsonld-toRdf': {},
  sparql10: {},
  sparql11: {},
};
