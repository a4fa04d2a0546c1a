// Namespace prefixes: the well-known ones (used when data declares none, and to name IRIs in labels)
// and the helpers that shorten an IRI to `prefix:local`.

/** Prefixes of the vocabularies Triplescope's data and shared datasets use. */
export const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  sh: 'http://www.w3.org/ns/shacl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  dc: 'http://purl.org/dc/elements/1.1/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  schema: 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  org: 'http://www.w3.org/ns/org#',
  time: 'http://www.w3.org/2006/time#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  bibo: 'http://purl.org/ontology/bibo/',
  crm: 'http://www.cidoc-crm.org/cidoc-crm/',
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
};

/**
 * `prefixes` plus the well-known prefixes whose name and namespace it does not already use, so data
 * that declares only its own namespaces still gets `xsd:` and `rdfs:`.
 */
export function withWellKnownPrefixes(
  prefixes: Readonly<Record<string, string>>,
): Record<string, string> {
  const merged: Record<string, string> = { ...prefixes };
  const namespaces = new Set(Object.values(prefixes));
  for (const [name, namespace] of Object.entries(WELL_KNOWN_PREFIXES)) {
    if (!(name in merged) && !namespaces.has(namespace)) merged[name] = namespace;
  }
  return merged;
}

/**
 * A local name that can follow `prefix:` as written, without escapes: letters, digits, "_", "-"
 * and inner dots (a conservative subset of Turtle's PN_LOCAL that SPARQL and people read alike).
 */
const SIMPLE_LOCAL = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_-])?$/u;

/**
 * A function that writes an IRI as `prefix:local` with the longest namespace of `prefixes` that
 * fits, or returns the IRI unchanged when none does. Build it once and reuse it for many IRIs.
 */
export function prefixShortener(
  prefixes: Readonly<Record<string, string>>,
): (iri: string) => string {
  // Longest namespace first, so http://ex.org/a/ wins over http://ex.org/.
  const entries = Object.entries(prefixes)
    .filter(([, namespace]) => namespace !== '')
    .sort(([, a], [, b]) => b.length - a.length);
  return (iri) => {
    for (const [name, namespace] of entries) {
      if (iri.startsWith(namespace)) {
        const local = iri.slice(namespace.length);
        if (local === '' || SIMPLE_LOCAL.test(local)) return `${name}:${local}`;
      }
    }
    return iri;
  };
}

/** `iri` as `prefix:local` when one of `prefixes` fits, else the IRI itself. */
export function shorten(iri: string, prefixes: Readonly<Record<string, string>>): string {
  return prefixShortener(prefixes)(iri);
}
