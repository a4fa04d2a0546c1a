// The endpoint explorer in a real Chromium against the shared Virtuoso (the Rosmer graph and the
// 1M-triple people graph), one session from connecting to keeping what was explored: the check
// and what it shows, a label search whose hit starts the graph, a node's link counts first (as the
// endpoint counts them), "Expand" drawing the neighbours with their labels, a hub of the 1M graph
// paged with "+N more", the time from a click to the drawn neighbourhood, SELECT and CONSTRUCT
// from the query panel on the endpoint, the explored subgraph exported as Turtle, and copying it
// into local data. Screenshots go to test-results/screenshots/ (endpoint-1m.png is the README's).
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SparqlEndpoint } from '../../src/remote/client.ts';
import { describeBatch, expand, linkCounts, type LinkCount } from '../../src/remote/explore.ts';
import { download } from '../e2e/files.ts';
import {
  connect,
  linkGroups,
  openExplorer,
  runQuery,
  screenshot,
  shown,
  startFrom,
  timedExpand,
  unexpectedErrors,
  type OpenedPage,
} from './browser.ts';
import { ROSMER_GRAPH, TROTSKY } from './data.ts';

const endpoint = inject('virtuosoEndpoint');
const TS = 'https://w3id.org/triplescope/ontology#';
const TOOK_PART_IN = `${TS}tookPartIn`;
const PAPER = 'http://data.npg.si.edu/thesauri/material/paper';
const CONSISTS_OF = 'http://www.cidoc-crm.org/cidoc-crm/P45_consists_of';
const NPG_TROTSKY = 'http://data.npg.si.edu/person-institution/33885';
/** The National Portrait Gallery's portrait of Leon Trotsky (chalk and charcoal on paper). */
const PORTRAIT = 'http://data.npg.si.edu/object/68911';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';

const ep = new SparqlEndpoint(endpoint);
let opened: OpenedPage;
let page: Page;

/** What the details panel should list for `counts`. */
function expectedGroups(counts: readonly LinkCount[], fetched = new Map<string, number>()) {
  return counts.map((c) => {
    const done = fetched.get(`${c.direction} ${c.predicate}`);
    const n = (x: number): string => x.toLocaleString('en');
    return {
      predicate: c.predicate,
      direction: c.direction,
      shown: done === undefined ? n(c.count) : `${n(done)} of ${n(c.count)}`,
    };
  });
}

/** The labels `describeBatch` finds for `nodes`, by node. */
async function labelsOf(nodes: readonly string[]): Promise<Map<string, string>> {
  const quads = await describeBatch(ep, nodes);
  const labels = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value === RDFS_LABEL && !labels.has(q.subject.value)) {
      labels.set(q.subject.value, q.object.value);
    }
  }
  return labels;
}

const details = (): ReturnType<Page['getByRole']> => page.getByRole('region', { name: 'Details' });
const links = () => details().getByRole('region', { name: 'Links on the endpoint' });

beforeAll(async () => {
  opened = await openExplorer();
  page = opened.page;
});

afterAll(async () => {
  await opened.close();
});

describe('one session on the shared Virtuoso', () => {
  test('connecting checks the endpoint and shows what it says about itself; the URL alone is remembered', async () => {
    const panel = await connect(page, endpoint);
    const host = new URL(endpoint).host;
    await expect(panel.locator('.endpoint-name').innerText()).resolves.toBe(`Connected to ${host}`);
    // Virtuoso publishes a service description without a name, size or graphs.
    const facts = await panel.locator('.endpoint-facts').innerText();
    expect(facts).toContain(`Address\n${endpoint}`);
    expect(facts).toContain('Size\nnot published');
    expect(facts).toContain('Graphs\nnot published');
    expect(facts).toMatch(/Answers\nin \d+ ms; each request stops after 60 s$/);
    await expect(
      page.evaluate(() => localStorage.getItem('triplescope:recent-endpoints')),
    ).resolves.toBe(JSON.stringify([endpoint]));
    // Nothing explored yet: the data on screen is still the built-in graph.
    await expect(shown(page)).resolves.toMatch(/^Showing \d+ of \d+ nodes/);
    await panel.getByText('Search the endpoint and choose a resource').waitFor();
  });

  test('a search for "Trotsky" lists both Leon Trotskys; choosing one draws it alone, its link counts first', async () => {
    const panel = page.getByRole('region', { name: 'Endpoint', exact: true });
    await panel.getByRole('searchbox', { name: 'Search labels on the endpoint' }).fill('Trotsky');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    const hits = panel.getByRole('list', { name: 'Endpoint search results' });
    await hits.waitFor();
    await expect(
      hits.locator(`.endpoint-hit[title="${TROTSKY}"] .hit-label`).innerText(),
    ).resolves.toBe('Leon Trotsky');
    await expect(
      hits.locator(`.endpoint-hit[title="${NPG_TROTSKY}"] .hit-label`).innerText(),
    ).resolves.toBe('Leon Trotsky');
    await screenshot(page, 'endpoint-search');

    await startFrom(page, 'Trotsky', TROTSKY);
    await details().getByRole('heading', { name: 'Leon Trotsky', level: 2 }).waitFor();
    await expect(shown(page)).resolves.toBe('Showing 1 of 1 node and 0 of 0 edges.');
    // The counts, one group per predicate and direction, are the endpoint's aggregate as is.
    const counts = await linkCounts(ep, TROTSKY);
    expect(await linkGroups(page)).toEqual(expectedGroups(counts));
    expect(counts.length).toBeGreaterThan(5);
    // Nothing is drawn around him until asked for.
    await details().getByText('No relation to another node.').waitFor();
    await expect
      .poll(() =>
        links()
          .getByRole('button', { name: /^Expand/ })
          .count(),
      )
      .toBe(counts.length);
  });

  test('"Expand" draws the neighbours through one predicate, labelled, next to him', async () => {
    const page1 = await expand(ep, TROTSKY, TOOK_PART_IN, 'out');
    const events = page1.quads.map((q) => q.object.value);
    const labels = await labelsOf(events);
    expect(labels.size).toBe(events.length);

    await links().getByRole('button', { name: 'Expand ts:tookPartIn', exact: true }).click();
    await page
      .getByRole('region', { name: 'Status' })
      .getByText(
        `Showing ${String(events.length + 1)} of ${String(events.length + 1)} nodes and ${String(events.length)} of ${String(events.length)} edges.`,
      )
      .waitFor();
    const group = details().getByRole('region', { name: 'ts:tookPartIn', exact: true });
    await expect(group.getByRole('link').allInnerTexts()).resolves.toEqual(
      [...labels.values()].sort((a, b) => a.localeCompare(b)),
    );
    const counts = await linkCounts(ep, TROTSKY);
    expect(await linkGroups(page)).toEqual(
      expectedGroups(counts, new Map([[`out ${TOOK_PART_IN}`, events.length]])),
    );
    await page.waitForTimeout(1500); // the layout tidies the new nodes
    await screenshot(page, 'endpoint-expanded');
  });

  test('a hub of the 1M graph is paged with "+N more", a page at a time, timed from click to drawing', async () => {
    const [counts] = await Promise.all([linkCounts(ep, PAPER)]);
    expect(counts).toEqual([{ predicate: CONSISTS_OF, direction: 'in', count: 6450 }]);
    await startFrom(page, 'Paper', PAPER);
    await details().getByRole('heading', { name: 'Paper', level: 2 }).waitFor();
    const before = await shown(page);
    const nodesBefore = Number(/ of ([\d,]+) node/.exec(before)?.[1]?.replace(/,/g, ''));
    const times: number[] = [];
    times.push(
      await timedExpand(
        page,
        links().getByRole('button', { name: 'Expand P45_consists_of (incoming)' }),
      ),
    );
    for (let i = 0; i < 4; i++) {
      times.push(
        await timedExpand(
          page,
          links().getByRole('button', { name: '+100 more P45_consists_of (incoming)' }),
        ),
      );
    }
    expect(await linkGroups(page)).toEqual([
      { predicate: CONSISTS_OF, direction: 'in', shown: '500 of 6,450' },
    ]);
    const nodes = nodesBefore + 500;
    await expect(shown(page)).resolves.toMatch(
      new RegExp(`^Showing ${nodes.toLocaleString('en')} of ${nodes.toLocaleString('en')} nodes`),
    );
    // The five pages are the first 500 neighbours in the endpoint's order, none twice.
    let p = await expand(ep, PAPER, CONSISTS_OF, 'in', { limit: 100 });
    const expected: string[] = [];
    for (let i = 0; i < 5; i++) {
      expected.push(...p.quads.map((q) => q.subject.value));
      if (p.next) p = await expand(ep, PAPER, CONSISTS_OF, 'in', p.next);
    }
    const relations = details().getByRole('region', { name: 'incoming P45_consists_of' });
    await expect.poll(() => relations.getByRole('link').count()).toBe(500);
    expect(new Set(expected).size).toBe(500);

    // More expansions on the 1M store: the other Leon Trotsky's groups.
    await startFrom(page, 'Trotsky', NPG_TROTSKY);
    const npg = await linkCounts(ep, NPG_TROTSKY);
    for (const g of npg) {
      const name = `Expand ${g.predicate.replace(/^.*[/#]/, '')}${g.direction === 'in' ? ' (incoming)' : ''}`;
      times.push(await timedExpand(page, links().getByRole('button', { name, exact: true })));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    console.log(
      `Click on Expand to drawn neighbourhood on the 1M store (${String(times.length)} expansions): median ${median.toFixed(0)} ms, min ${(sorted[0] ?? 0).toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms; each: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
    );
    expect(median).toBeLessThan(3_000);
    await page.waitForTimeout(1500);
    await screenshot(page, 'endpoint-hub');
  });

  test('a SELECT runs on the endpoint: its rows are the endpoint’s, its drawn resources highlighted, the others drawn on a click', async () => {
    const query = `SELECT ?person ?name WHERE {
  GRAPH <${ROSMER_GRAPH}> { ?person a foaf:Person ; rdfs:label ?name }
}
ORDER BY ?name`;
    const panel = await runQuery(page, query);
    await expect(panel.locator('.query-target').innerText()).resolves.toBe(
      `on ${new URL(endpoint).host}`,
    );
    const expected = await ep.select(
      `PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n${query}`,
    );
    const table = panel.getByRole('table');
    await table.waitFor();
    const names = expected.rows.map((r) => r.name?.value ?? '');
    await expect(table.locator('tbody td:nth-child(2) .literal').allInnerTexts()).resolves.toEqual(
      names,
    );
    // Leon Trotsky (of the Rosmer graph) is drawn: one node highlighted.
    await panel.getByText('(1 nodes highlighted)').waitFor();
    // Alfred Rosmer is not drawn yet: a click draws him from the endpoint and selects him.
    const alfred = 'https://w3id.org/triplescope/rosmer/alfred-rosmer';
    await table.locator(`button[title^="${alfred} "]`).click();
    await details().getByRole('heading', { name: 'Alfred Rosmer', level: 2 }).waitFor();
    await links().getByRole('list').waitFor();
    await panel.getByText('(2 nodes highlighted)').waitFor();
    await screenshot(page, 'endpoint-select');
  });

  test('a CONSTRUCT runs on the endpoint and opens as a graph of its own, with the way back', async () => {
    const query = `CONSTRUCT { ?a <http://purl.org/vocab/relationship/friendOf> ?b } WHERE {
  GRAPH <${ROSMER_GRAPH}> { ?a <http://purl.org/vocab/relationship/friendOf> ?b }
}`;
    const expected = await ep.construct(query);
    await runQuery(page, query);
    const bar = page.getByRole('region', { name: 'Result view' });
    await bar.getByText(`(${String(expected.length)} triples)`).waitFor();
    await screenshot(page, 'endpoint-construct');
    await bar.getByRole('button', { name: /^Back to / }).click();
    await details().getByRole('heading', { name: 'Alfred Rosmer', level: 2 }).waitFor();
    await page
      .getByRole('region', { name: 'Endpoint', exact: true })
      .getByText('triples fetched')
      .waitFor();
  });

  test('the explored subgraph exports as Turtle that parses back to every triple fetched', async () => {
    const count = Number(
      /([\d,]+) triples fetched/
        .exec(await page.getByRole('region', { name: 'Endpoint', exact: true }).innerText())?.[1]
        ?.replace(/,/g, ''),
    );
    await page.getByText('Export', { exact: true }).click();
    const file = await download(page, () =>
      page.getByRole('button', { name: 'Turtle', exact: true }).click(),
    );
    expect(file.name).toMatch(/^127-0-0-1-\d+-\d{4}-\d{2}-\d{2}\.ttl$/);
    const back: Quad[] = new Parser({ format: 'text/turtle' }).parse(file.text);
    expect(back).toHaveLength(count);
    // The pages fetched are in it, triple for triple.
    const lines = new Set(
      back.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`),
    );
    const tookPart = await expand(ep, TROTSKY, TOOK_PART_IN, 'out');
    for (const q of tookPart.quads) {
      expect(lines.has(`${q.subject.value} ${q.predicate.value} ${q.object.value}`)).toBe(true);
    }
    expect(back.filter((q) => q.predicate.value === CONSISTS_OF)).toHaveLength(500);
    await page.keyboard.press('Escape');
  });

  test('"Copy into local data" keeps the explored graph and runs queries in the browser again', async () => {
    const panel = page.getByRole('region', { name: 'Endpoint', exact: true });
    const before = await shown(page);
    await panel.getByRole('button', { name: 'Copy into local data' }).click();
    await panel.getByText(/^Copied [\d,]+ explored triples from /).waitFor();
    await expect(shown(page)).resolves.toBe(before);
    await expect.poll(() => panel.getByText('Connected to').count()).toBe(0);
    const query = page.getByRole('region', { name: 'Query' });
    await expect.poll(() => query.locator('.query-target').count()).toBe(0);
    await runQuery(page, `SELECT (COUNT(*) AS ?n) WHERE { ?s <${CONSISTS_OF}> <${PAPER}> }`);
    await query.getByText('1 row in').waitFor();
    await expect(query.getByRole('table').locator('tbody td .literal').innerText()).resolves.toBe(
      '500',
    );
    expect(unexpectedErrors(opened)).toEqual([]);
  });
});

describe('the README screenshot', () => {
  test('the explorer on the 1M-triple store: Trotsky’s portrait, what it is made of, and the hub of works on paper', async () => {
    const shot = await openExplorer();
    try {
      const p = shot.page;
      const group = p.getByRole('region', { name: 'Links on the endpoint' });
      const expandAll = async (): Promise<void> => {
        const next = group.getByRole('button', { name: /^Expand/ }).first();
        while ((await next.count()) > 0) await timedExpand(p, next);
      };
      await connect(p, endpoint);
      await startFrom(p, 'Trotsky', NPG_TROTSKY);
      await expandAll();
      await startFrom(p, 'Trotsky', PORTRAIT);
      await expandAll();
      await startFrom(p, 'Paper', PAPER);
      await expandAll();
      // The portrait selected: its links on the endpoint in the details panel, its label drawn.
      await startFrom(p, 'Trotsky', PORTRAIT);
      await p.getByRole('button', { name: 'Fit to screen' }).click();
      await p.waitForTimeout(800);
      // The README's docs/endpoint.png is a copy of this one.
      await screenshot(p, 'endpoint-1m');
      expect(unexpectedErrors(shot)).toEqual([]);
    } finally {
      await shot.close();
    }
  });
});
