// The explorer's questions to a real Virtuoso, checked against the same templates on the local
// engine where the data is the same (the Rosmer graph): search, link counts, pages of neighbours,
// labels and classes in batches; a hub of the 1M graph paged through; the neighbourhood projected
// and exported; and the time from request to parsed neighbourhood on the 1M store.
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { edgeKey, projectQuads } from '../../src/graph/project.ts';
import { parseRdf } from '../../src/rdf/parse.ts';
import { serializeRdf } from '../../src/rdf/serialize.ts';
import type { SparqlStore } from '../../src/query/store.ts';
import { SparqlEndpoint } from '../../src/remote/client.ts';
import {
  describeBatch,
  expand,
  linkCounts,
  neighbourhood,
  searchLabels,
  type LinkCount,
} from '../../src/remote/explore.ts';
import { describeQuery, linkCountsQuery, neighboursQuery } from '../../src/remote/templates.ts';
import { localRosmerStore, PEOPLE_GRAPH, TROTSKY } from './data.ts';

const endpoint = inject('virtuosoEndpoint');
const NPG_TROTSKY = 'http://data.npg.si.edu/person-institution/33885';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const FRIEND_OF = 'http://purl.org/vocab/relationship/friendOf';

function lines(quads: readonly Quad[]): string[] {
  return quads
    .map((q) => {
      const o = q.object;
      const lang = o.termType === 'Literal' && o.language !== '' ? `@${o.language}` : '';
      return `${q.subject.value} ${q.predicate.value} ${o.value}${lang}`;
    })
    .sort();
}

let ep: SparqlEndpoint;
let local: SparqlStore;
beforeAll(async () => {
  ep = new SparqlEndpoint(endpoint);
  local = await localRosmerStore();
});

function localQuads(query: string): Quad[] {
  const result = local.query(query);
  if (result.type !== 'quads') throw new Error(`expected a graph, got ${result.type}`);
  return result.quads;
}

describe('label search', () => {
  test('"Trotsky" finds Leon Trotsky of the Rosmer graph and of the portrait gallery', async () => {
    const hits = await searchLabels(ep, 'Trotsky');
    const found = hits.map((h) => `${h.node} ${h.label.value}@${h.label.language}`);
    expect(found).toContain(`${TROTSKY} Leon Trotsky@en`);
    expect(found).toContain(`${NPG_TROTSKY} Leon Trotsky@`);
    expect(hits.every((h) => /trotsky/i.test(h.label.value))).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(50);
  });

  test('the portable CONTAINS search finds them too on the same server', async () => {
    const hits = await searchLabels(ep, 'leon TROTSKY', { dialect: 'generic', limit: 10 });
    expect(hits.map((h) => h.node).sort()).toEqual(
      [
        'http://data.npg.si.edu/object/68911',
        NPG_TROTSKY,
        `${NPG_TROTSKY}/primary_name`,
        'https://w3id.org/triplescope/rosmer/deportation-of-trotsky',
        TROTSKY,
      ].sort(),
    );
  });
});

describe('expanding Leon Trotsky: counts first, then pages, then labels and classes', () => {
  let counts: LinkCount[];

  test('link counts per predicate and direction are those of the local engine', async () => {
    counts = await linkCounts(ep, TROTSKY);
    const mine = local.query(linkCountsQuery(TROTSKY));
    if (mine.type !== 'bindings') throw new Error('expected rows');
    const expected = mine.rows.map((r) => ({
      predicate: r.predicate?.value,
      direction: r.direction?.value,
      count: Number(r.count?.value),
    }));
    expect(counts).toEqual(expected);
    expect(counts).toContainEqual({ predicate: FRIEND_OF, direction: 'in', count: 2 });
  });

  test('each group expanded gives the triples the local engine gives', async () => {
    for (const { predicate, direction, count } of counts) {
      const page = await expand(ep, TROTSKY, predicate, direction);
      expect(page.quads).toHaveLength(count);
      expect(page.more).toBe(false);
      expect(lines(page.quads)).toEqual(
        lines(
          localQuads(neighboursQuery(TROTSKY, predicate, direction, { offset: 0, limit: 100 })),
        ),
      );
    }
  });

  test('labels and classes of all the new nodes come in one request per batch', async () => {
    const pages = await Promise.all(
      counts.map((c) => expand(ep, TROTSKY, c.predicate, c.direction)),
    );
    const nodes = new Set(
      pages.flatMap((p) => p.quads.flatMap((q) => [q.subject.value, q.object.value])),
    );
    let requests = 0;
    const counting = new SparqlEndpoint(endpoint, {
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const described = await describeBatch(counting, nodes, { batchSize: 10 });
    expect(requests).toBe(Math.ceil(nodes.size / 10));
    expect(lines(described)).toEqual(
      lines(localQuads(describeQuery([...nodes], { limit: 10_000 }))),
    );
    expect(lines(described)).toContain(
      'https://w3id.org/triplescope/rosmer/alfred-rosmer http://www.w3.org/2000/01/rdf-schema#label Alfred Rosmer@en',
    );
  });

  test('the neighbourhood projects onto the explorer graph, and exports to Turtle that reads back', async () => {
    const hood = await neighbourhood(ep, TROTSKY);
    const { graph } = projectQuads(hood.quads);
    expect(graph.getNodeAttributes(TROTSKY)).toMatchObject({
      label: 'Leon Trotsky',
      labelKind: 'literal',
      classes: ['http://xmlns.com/foaf/0.1/Person'],
    });
    expect(
      graph.getNodeAttribute('https://w3id.org/triplescope/rosmer/alfred-rosmer', 'label'),
    ).toBe('Alfred Rosmer');
    expect(
      graph.hasEdge(
        edgeKey('https://w3id.org/triplescope/rosmer/alfred-rosmer', FRIEND_OF, TROTSKY),
      ),
    ).toBe(true);

    const turtle = await serializeRdf(hood.quads, 'turtle', {
      prefixes: { rosmer: 'https://w3id.org/triplescope/rosmer/' },
    });
    expect(turtle).toContain('rosmer:leon-trotsky');
    const back: Quad[] = [];
    await parseRdf(turtle, { format: 'turtle', source: 'explored.ttl' }, (batch) => {
      back.push(...batch);
    });
    expect(back.length).toBe(hood.quads.length);
    expect(isomorphic(back, hood.quads)).toBe(true);
  });
});

describe('a hub of the 1M graph', () => {
  test('found by an aggregate query, then paged through past Virtuoso’s sort limit: pages disjoint and complete', async () => {
    const [top] = (
      await ep.select(`SELECT ?hub ?predicate (COUNT(DISTINCT ?s) AS ?links) WHERE {
  GRAPH <${PEOPLE_GRAPH}> { ?s ?predicate ?hub . FILTER(isIRI(?hub) && ?predicate != <${RDF_TYPE}>) }
} GROUP BY ?hub ?predicate ORDER BY DESC(?links) LIMIT 1`)
    ).rows;
    const hub = top?.hub?.value ?? '';
    const predicate = top?.predicate?.value ?? '';
    const links = Number(top?.links?.value);
    // More than Virtuoso sorts for an OFFSET (10,000): only keyset paging reaches the end.
    expect(links).toBeGreaterThan(10_000);

    const counts = await linkCounts(ep, hub);
    expect(counts[0]).toEqual({ predicate, direction: 'in', count: links });

    const size = 5_000;
    const seen = new Set<string>();
    const pageSizes: number[] = [];
    const offsets: number[] = [];
    let page = await expand(ep, hub, predicate, 'in', { limit: size });
    for (;;) {
      pageSizes.push(page.quads.length);
      offsets.push(page.offset);
      for (const q of page.quads) {
        expect(q.predicate.value).toBe(predicate);
        expect(q.object.value).toBe(hub);
        seen.add(q.subject.value);
      }
      if (page.next === undefined) break;
      page = await expand(ep, hub, predicate, 'in', page.next);
    }
    const full = Math.floor(links / size);
    expect(pageSizes).toEqual([
      ...Array<number>(full).fill(size),
      ...(links % size === 0 ? [0] : [links % size]),
    ]);
    expect(offsets).toEqual(pageSizes.map((_, i) => i * size));
    expect(seen.size).toBe(links); // no neighbour twice, none left out

    // Within the sort limit, the pages are exactly what one SELECT gives.
    const firstPages = new Set<string>();
    let p = await expand(ep, hub, predicate, 'in', { limit: 2_500 });
    for (let i = 0; i < 3 && p.next; i++) {
      for (const q of p.quads) firstPages.add(q.subject.value);
      p = await expand(ep, hub, predicate, 'in', p.next);
    }
    const direct = await ep.select(
      `SELECT DISTINCT ?s WHERE { ?s <${predicate}> <${hub}> } ORDER BY ?s LIMIT 7500`,
    );
    expect([...firstPages].sort()).toEqual(direct.rows.map((r) => r.s?.value ?? '').sort());
  });
});

describe('time from request to parsed neighbourhood on the 1M store', () => {
  test('median of several expansions (counts, first pages, facts, labels and classes)', async () => {
    // A spread of what people click: the two Trotskys, the biggest hub, a material, and the
    // artists and sitters with the most portraits.
    const top = async (predicate: string): Promise<string[]> =>
      (
        await ep.select(`SELECT ?node (COUNT(*) AS ?n) WHERE {
  GRAPH <${PEOPLE_GRAPH}> { ?x <${predicate}> ?node }
} GROUP BY ?node ORDER BY DESC(?n) LIMIT 3`)
      ).rows.map((r) => r.node?.value ?? '');
    const nodes = [
      TROTSKY,
      NPG_TROTSKY,
      'http://vocab.getty.edu/aat/300404670',
      'http://data.npg.si.edu/thesauri/material/paper',
      ...(await top('http://www.cidoc-crm.org/cidoc-crm/P14_carried_out_by')),
      ...(await top('http://www.cidoc-crm.org/cidoc-crm/P62_depicts')),
    ];
    const times: number[] = [];
    const report: string[] = [];
    for (const node of nodes) {
      const started = performance.now();
      const hood = await neighbourhood(ep, node, { pageSize: 50 });
      const ms = performance.now() - started;
      times.push(ms);
      report.push(
        `  ${ms.toFixed(0).padStart(5)} ms  ${String(hood.counts.length).padStart(3)} groups  ${String(hood.quads.length).padStart(5)} triples  ${node}`,
      );
      expect(hood.quads.length).toBeGreaterThan(0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    console.log(
      `Neighbourhood on the 1M store, request to parsed quads (${nodes.length} nodes): median ${median.toFixed(0)} ms, min ${(sorted[0] ?? 0).toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms\n${report.join('\n')}`,
    );
    expect(median).toBeLessThan(2_000);
  });
});
