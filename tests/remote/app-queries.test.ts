// The describe query the explorer sends for every page of neighbours it draws, against the real
// Virtuoso: the labels and classes of 100 neighbours of a hub asked in one request are exactly those
// asked one node at a time, so batching (FILTER … IN, a LIMIT per node) loses nothing.
import type { Quad } from '@rdfjs/types';
import { describe, expect, inject, test } from 'vitest';
import { SparqlEndpoint } from '../../src/remote/client.ts';
import { describeBatch, expand } from '../../src/remote/explore.ts';

const endpoint = inject('virtuosoEndpoint');
const PAPER = 'http://data.npg.si.edu/thesauri/material/paper';
const CONSISTS_OF = 'http://www.cidoc-crm.org/cidoc-crm/P45_consists_of';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

function lines(quads: readonly Quad[]): string[] {
  return quads
    .map((q) => {
      const o = q.object;
      const tag = o.termType === 'Literal' ? `@${o.language}^${o.datatype.value}` : '';
      return `${q.subject.value} ${q.predicate.value} ${o.value}${tag}`;
    })
    .sort();
}

describe('describeBatch on Virtuoso', () => {
  test('a page of 100 neighbours of a hub: one request gives what 100 single ones give', async () => {
    const ep = new SparqlEndpoint(endpoint);
    const page = await expand(ep, PAPER, CONSISTS_OF, 'in', { limit: 100 });
    const nodes = page.quads.map((q) => q.subject.value);
    expect(new Set(nodes).size).toBe(100);
    const batched = await describeBatch(ep, nodes);
    const single = await describeBatch(ep, nodes, { batchSize: 1, concurrency: 4 });
    expect(lines(batched)).toEqual(lines(single));
    // Every one of these portraits has a class and a title in the people graph.
    for (const node of nodes) {
      const own = batched.filter((q) => q.subject.value === node);
      expect(
        own.some((q) => q.predicate.value === RDF_TYPE),
        node,
      ).toBe(true);
      expect(
        own.some((q) => q.predicate.value !== RDF_TYPE),
        node,
      ).toBe(true);
    }
  });
});
