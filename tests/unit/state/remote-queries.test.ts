// The explorer's own describe query (state/remote-queries.ts) as a string: every node and label
// predicate through the escaping helpers, FILTER … IN rather than VALUES, a LIMIT; names that no
// query can hold are refused with what is wrong.
import { describe, expect, test } from 'vitest';
import { QueryTemplateError } from '../../../src/remote/errors.ts';
import { describeNodesQuery } from '../../../src/state/remote-queries.ts';

describe('describeNodesQuery', () => {
  test('two nodes: their classes and labels, 64 triples each at most', () => {
    expect(
      describeNodesQuery([
        'https://w3id.org/triplescope/rosmer/leon-trotsky',
        'http://data.npg.si.edu/person-institution/33885',
      ]),
    ).toBe(`CONSTRUCT { ?node ?predicate ?value . } WHERE {
  ?node ?predicate ?value .
  FILTER(?node IN (<https://w3id.org/triplescope/rosmer/leon-trotsky>, <http://data.npg.si.edu/person-institution/33885>) && ?predicate IN (<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, <http://www.w3.org/2000/01/rdf-schema#label>, <http://www.w3.org/2004/02/skos/core#prefLabel>, <http://schema.org/name>, <https://schema.org/name>, <http://xmlns.com/foaf/0.1/name>, <http://purl.org/dc/terms/title>))
}
LIMIT 128`);
  });

  test('the LIMIT stops at the endpoint row limit', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => `http://example.org/n${String(i)}`);
    expect(describeNodesQuery(nodes).endsWith('\nLIMIT 10000')).toBe(true);
  });

  test('refuses no node, a blank node, an IRI that would break the query', () => {
    expect(() => describeNodesQuery([])).toThrow(new QueryTemplateError('No node to describe.'));
    expect(() => describeNodesQuery(['_:b0'])).toThrow(
      'The node "_:b0" is a blank node: it has no name outside one answer, so no query can refer to it.',
    );
    expect(() => describeNodesQuery(['http://example.org/a> } DROP ALL #'])).toThrow(
      /holds ">" \(U\+003E\) at position 21, which an IRI in a SPARQL query cannot: percent-encode it\.$/,
    );
  });
});
