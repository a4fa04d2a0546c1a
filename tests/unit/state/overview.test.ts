// Large data in the app, on the Kennedy family graph: opened through the actions with a real import
// worker body (over a message channel) and a low threshold, it arrives as its overview — the class
// graph drawn, nothing of the instances — and the producers go down from there: a class's
// instances a page at a time, a node found by search, a node's neighbours a page at a time, each
// drawing exactly what it opened with the names, classes and edges of the whole data. Queries run
// on every triple, not on what is drawn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Parser } from 'n3';
import { afterEach, describe, expect, test } from 'vitest';
import { buildOverview } from '../../../src/graph/overview.ts';
import { projectQuads } from '../../../src/graph/project.ts';
import { createExplorer, type Explorer } from '../../../src/state/actions.ts';
import type { ExplorerState } from '../../../src/state/explorer.ts';
import * as o from '../../../src/state/overview.ts';
import { selectDataset, selectVisibility } from '../../../src/state/selectors.ts';
import type { ImportWorkerLike } from '../../../src/workers/import-host.ts';
import type { ReadRequest } from '../../../src/workers/import-protocol.ts';
import { serveImports, type ImportEndpoint } from '../../../src/workers/import-reader.ts';
import { nodeWorkerFactory } from '../query/worker-like.ts';

const KENNEDY = join(process.cwd(), '..', 'shared', 'datasets', 'kennedy', 'kennedy.ntriples');
const TEXT = readFileSync(KENNEDY, 'utf8');
const QUADS = new Parser({ format: 'N-Triples' }).parse(TEXT);
const WHOLE = projectQuads(QUADS);
const OVERVIEW = buildOverview(QUADS);
const PERSON = 'http://www.franz.com/simple#person';

/** The import worker's body on one end of a real MessageChannel. */
function channelWorker(): ImportWorkerLike {
  const { port1, port2 } = new MessageChannel();
  serveImports(port2 as unknown as ImportEndpoint);
  return {
    postMessage: (message: ReadRequest) => {
      port1.postMessage(message);
    },
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
      if (type === 'message')
        port1.addEventListener('message', (e) => {
          (listener as (event: { data: unknown }) => void)({ data: (e as MessageEvent).data });
        });
    },
    terminate: () => {
      port1.close();
      port2.close();
    },
  };
}

let explorer: Explorer | undefined;

afterEach(() => {
  explorer?.actions.cancelQuery();
  explorer = undefined;
});

/** An explorer that opened the Kennedy graph with the overview threshold below its size. */
async function openedLarge(): Promise<Explorer> {
  const opened = createExplorer('', {
    importWorker: channelWorker,
    queryWorker: nodeWorkerFactory().spawn,
  });
  opened.actions.setOverviewThreshold(100);
  await opened.actions.openSources([{ name: 'kennedy.nt', text: TEXT }]);
  explorer = opened;
  return opened;
}

/** The keys of the non-vocabulary nodes drawn. */
function drawn(state: ExplorerState): string[] {
  const graph = selectDataset(state)?.projection.graph;
  return (graph?.filterNodes((_, a) => !a.vocabulary) ?? []).sort();
}

describe('opening large data', { timeout: 30_000 }, () => {
  test('it opens on its class graph, nothing of its instances drawn, everything counted', async () => {
    const { store } = await openedLarge();
    const state = store.get();
    const large = o.selectLarge(state);
    if (!large) throw new Error('expected large data');
    expect(large.overview.classes).toEqual(OVERVIEW.classes);
    expect(large.overview.stats).toEqual(OVERVIEW.stats);
    expect(state.importing).toEqual({
      status: 'opened',
      message: `Opened kennedy.nt: 1,214 triples. Its ${String(OVERVIEW.stats.nodes)} nodes are too many to draw at once: it opens on its overview.`,
    });
    expect(o.selectClassView(state)).toBe(true);
    expect(drawn(state)).toEqual([]);
    const classes = OVERVIEW.graph();
    const visibility = selectVisibility(state);
    expect([...(visibility?.nodes ?? [])].sort()).toEqual(classes.nodes().sort());
    expect([...(visibility?.edges ?? [])].sort()).toEqual(classes.edges().sort());
  });

  test('a query runs on every triple, whatever is drawn', async () => {
    const { store, actions } = await openedLarge();
    await actions.runQuery('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
    const run = store.get().query.run;
    if (run.status !== 'done' || run.outcome.kind !== 'table')
      throw new Error(`expected a table, got ${JSON.stringify(run)}`);
    expect(run.outcome.result.rows[0]?.n?.value).toBe(String(QUADS.length));
  });

  test('a graph under the threshold is drawn whole, as before', async () => {
    const small = createExplorer('', { importWorker: channelWorker });
    await small.actions.openSources([{ name: 'kennedy.nt', text: TEXT }]);
    const state = small.store.get();
    expect(o.selectLarge(state)).toBeNull();
    expect(selectDataset(state)?.projection.graph.order).toBe(WHOLE.graph.order);
  });
});

describe('going down to the instances', { timeout: 30_000 }, () => {
  test('a class opens on its first page of instances, the most connected first', async () => {
    const { store, actions } = await openedLarge();
    actions.openClass(PERSON);
    const state = store.get();
    const page = OVERVIEW.instances(PERSON, { limit: o.OVERVIEW_PAGE });
    expect(page.items).toHaveLength(o.OVERVIEW_PAGE);
    expect(state.overview.view).toBe('instances');
    expect(o.selectClassView(state)).toBe(false);
    expect(drawn(state)).toEqual(page.items.map((n) => n.key).sort());
    expect(state.overview.growth.nodes).toEqual(page.items.map((n) => n.key));
    // Each drawn node is named and typed as in the whole data, with the edges between them.
    const graph = selectDataset(state)?.projection.graph;
    for (const key of drawn(state)) {
      expect(graph?.getNodeAttribute(key, 'label')).toBe(
        WHOLE.graph.getNodeAttribute(key, 'label'),
      );
      expect(graph?.getNodeAttribute(key, 'classes')).toEqual(
        WHOLE.graph.getNodeAttribute(key, 'classes'),
      );
    }
    const keys = new Set(drawn(state));
    expect(graph?.edges().sort()).toEqual(
      WHOLE.graph.filterEdges((_e, _a, s, t) => keys.has(s) && keys.has(t)).sort(),
    );
  });

  test('pages go on to the last instance and no further', async () => {
    const { store, actions } = await openedLarge();
    const total = OVERVIEW.classes.find((c) => c.iri === PERSON)?.count ?? 0;
    const last = Math.ceil(total / o.OVERVIEW_PAGE) - 1;
    actions.openClass(PERSON, last + 5);
    expect(store.get().overview.opened).toEqual({ iri: PERSON, page: last });
    expect(drawn(store.get())).toEqual(
      OVERVIEW.instances(PERSON, { offset: last * o.OVERVIEW_PAGE })
        .items.map((n) => n.key)
        .sort(),
    );
  });

  test('a node found by search is drawn and selected; an unknown one changes nothing', async () => {
    const { store, actions } = await openedLarge();
    const large = o.selectLarge(store.get());
    if (!large) throw new Error('expected large data');
    const [hit] = o.searchLarge(large, 'Person13', { limit: 1, includeVocabulary: false });
    if (!hit) throw new Error('no hit');
    expect(hit).toEqual({
      key: 'http://www.franz.com/simple#person13',
      label: 'person13',
      matchedName: null,
      vocabulary: false,
    });
    actions.visitNode(hit.key);
    expect(drawn(store.get())).toEqual([hit.key]);
    expect(store.get().selection).toEqual({ kind: 'node', key: hit.key });
    const before = store.get();
    actions.visitNode('http://example.org/nobody');
    expect(store.get()).toBe(before);
  });

  test("a node's neighbours are drawn a page at a time beside it", async () => {
    const { store, actions } = await openedLarge();
    const [hub] = OVERVIEW.instances(PERSON, { limit: 1 }).items;
    if (!hub) throw new Error('no instance');
    actions.visitNode(hub.key);
    actions.expandNode(hub.key);
    const first = OVERVIEW.neighbours(hub.key, { limit: o.OVERVIEW_PAGE });
    const expected = new Set([hub.key, ...first.items.map((e) => e.other.key)]);
    expect(drawn(store.get())).toEqual([...expected].sort());
    const anchors = selectDataset(store.get())?.explored?.anchors;
    expect([...(anchors?.keys() ?? [])].sort()).toEqual(
      [...expected].filter((k) => k !== hub.key).sort(),
    );
    expect([...(anchors?.values() ?? [])].every((a) => a === hub.key)).toBe(true);
    actions.expandNode(hub.key);
    const two = OVERVIEW.neighbours(hub.key, { limit: 2 * o.OVERVIEW_PAGE });
    expect(drawn(store.get())).toEqual(
      [...new Set([hub.key, ...two.items.map((e) => e.other.key)])].sort(),
    );
  });

  test('the class graph and the instances are one switch apart; what was opened stays', async () => {
    const { store, actions } = await openedLarge();
    actions.openClass(PERSON);
    const opened = drawn(store.get());
    actions.showOverview('classes');
    expect(o.selectClassView(store.get())).toBe(true);
    expect(store.get().camera).toEqual(o.CLASS_VIEW_CAMERA);
    actions.showOverview('instances');
    expect(drawn(store.get())).toEqual(opened);
  });

  test('the filters hide classes and relations of the class graph, and count them', async () => {
    const { store, actions } = await openedLarge();
    const classes = OVERVIEW.graph();
    const link = OVERVIEW.links.find((l) => l.source !== l.target && classes.hasEdge(l.key));
    if (!link) throw new Error('no link between two classes');
    actions.toggleClass(link.source);
    const visibility = selectVisibility(store.get());
    expect(visibility?.nodes.has(link.source)).toBe(false);
    expect(visibility?.hiddenNodes.class).toBe(1);
    const touching = classes.edges(link.source).length;
    expect((visibility?.hiddenEdges.endpoint ?? 0) + (visibility?.hiddenEdges.predicate ?? 0)).toBe(
      touching,
    );
  });
});

describe('the threshold', () => {
  test('is a whole number of at least 1', () => {
    const { store, actions } = createExplorer('');
    expect(store.get().overview.threshold).toBe(20_000);
    actions.setOverviewThreshold(0);
    actions.setOverviewThreshold(2.5);
    actions.setOverviewThreshold(Number.NaN);
    expect(store.get().overview.threshold).toBe(20_000);
    actions.setOverviewThreshold(5000);
    expect(store.get().overview.threshold).toBe(5000);
  });
});
