// The one list of W3C tests that are known to fail, by suite, each with its reason. Reviewed like
// code: a test that starts passing must be removed from here (the runners fail on a stale entry).
export const EXPECTED_FAILURES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'rdf11-turtle': {},
  'rdf11-trig': {},
  'rdf11-ntriples': {},
  'rdf11-nquads': {},
  'jsonld-toRdf': {
    tc037: 'jsonld 9 ignores a property-scoped @context on a term aliased to @nest',
    tc038: 'jsonld 9 ignores property-scoped @contexts on terms aliased to @nest',
    tdi11: 'jsonld 9 does not implement rdfDirection "compound-literal" (a non-normative option)',
    tdi12: 'jsonld 9 does not implement rdfDirection "compound-literal" (a non-normative option)',
    te075:
      'generalized RDF (blank-node predicates) is not RDF: Triplescope does not produce it, and n3 rightly refuses the expected N-Quads',
    ter54:
      'jsonld 9 accepts an array as @type of a value object instead of raising "invalid typed value"',
    ter56:
      'its input, expand/er56-in.jsonld, is not part of the shared copy of the suite (toRdf/ only)',
    tli14: 'jsonld 9 throws a TypeError on an @type: @id list when @base is null',
  },
  sparql10: {},
  sparql11: {},
};
