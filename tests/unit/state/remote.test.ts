// The endpoint explorer's pure producers, on answers recorded from the test Virtuoso
// (tests/fixtures/remote/): the connection's lifecycle and recent endpoints, the label search, link
// counts and pages, the explored triples and the dataset that grows from them, disconnecting and
// copying into local data. Whole values, and the same object back when nothing changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTERS } from '../../../src/graph/filters.ts';
import { buildSearchIndex } from '../../../src/graph/search.ts';
import type { EndpointInfo, LinkCount, SearchHit } from '../../../src/remote/index.ts';
import * as p from '../../../src/state/explorer.ts';
import type { ExplorerState } from '../../../src/state/explorer.ts';
import * as r from '../../../src/state/remote.ts';
import { openResultView } from '../../../src/state/result-view.ts';
import { selectDataset } from '../../../src/state/selectors.ts';
import { DEFAULT_URL_STATE } from '../../../src/state/url.ts';
import { rosmerMini } from '../graph/fixtures.ts';

const DIR = join(process.cwd(), 'tests', 'fixtures', 'remote');
const URL_ = 'http://127.0.0.1:8890/sparql';
const R = 'https://w3id.org/triplescope/rosmer/';
const TROTSKY = `${R}leon-trotsky`;
const TOOK_PART_IN = 'https://w3id.org/triplescope/ontology#tookPartIn';
const EVENTS = [
  `${R}disagreement-with-trotsky`,
  `${R}trotskys-refuge-in-paris`,
  `${R}work-with-trotsky`,
];

function nt(name: string): Quad[] {
  return new Parser({ format: 'application/n-triples' }).parse(
    readFileSync(join(DIR, name), 'utf8'),
  );
}

const recorded = JSON.parse(readFileSync(join(DIR, 'trotsky.json'), 'utf8')) as {
  linkCounts: LinkCount[];
  searchHits: { node: string; label: string; language: string }[];
};
const HITS: SearchHit[] = recorded.searchHits.map((h) => ({
  node: h.node,
  label: DataFactory.literal(h.label, h.language),
}));
const START = nt('trotsky-start.nt');
/** His facts and his description both carry his label: the explorer keeps it once. */
const START_ONCE = START.slice(0, 2);
const TOOK_PART = nt('trotsky-took-part-in.nt');
const FRIENDS = nt('trotsky-friends.nt');

const INFO: EndpointInfo = {
  url: URL_,
  latencyMs: 12,
  dialect: 'virtuoso',
  sources: ['service-description'],
  graphs: [],
  features: [],
  resultFormats: [],
  languages: [],
};

const projection = rosmerMini();
const local: p.Dataset = {
  name: 'the mini Rosmer graph',
  projection,
  search: buildSearchIndex(projection.graph),
  quads: [],
};
const loaded = p.loadSucceeded(p.initialState(DEFAULT_URL_STATE), local);
const endpoint = r.connectedEndpoint(INFO, 60_000, false);
const connected: ExplorerState = {
  ...loaded,
  remote: r.connectSucceeded(loaded.remote, URL_, endpoint),
};

describe('recent endpoints', () => {
  test('the newest first, once each, at most eight', () => {
    const many = Array.from({ length: 9 }, (_, i) => `https://example.org/${String(i)}/sparql`);
    const recent = many.reduce<string[]>((list, url) => r.rememberEndpoint(list, url), []);
    expect(recent).toEqual(many.slice(1).reverse());
    expect(r.rememberEndpoint(recent, many[4] ?? '')).toEqual([
      many[4],
      ...many
        .slice(1)
        .reverse()
        .filter((u) => u !== many[4]),
    ]);
  });

  test('read back from storage: http(s) addresses only; damaged text gives none', () => {
    expect(r.readRecent(null)).toEqual([]);
    expect(r.readRecent('not json')).toEqual([]);
    expect(r.readRecent('{"a":1}')).toEqual([]);
    expect(
      r.readRecent(JSON.stringify([URL_, 'javascript:alert(1)', 42, 'https://dbpedia.org/sparql'])),
    ).toEqual([URL_, 'https://dbpedia.org/sparql']);
  });
});

describe('the connection', () => {
  test('what the app shows of a checked endpoint: its published name, else its host', () => {
    expect(endpoint).toEqual({
      url: URL_,
      name: '127.0.0.1:8890',
      graphs: [],
      dialect: 'virtuoso',
      latencyMs: 12,
      timeoutMs: 60_000,
      authorized: false,
    });
    expect(
      r.connectedEndpoint(
        {
          ...INFO,
          name: 'DBpedia',
          server: 'Virtuoso/07.20',
          triples: 1_000_000,
          graphs: [{ name: 'http://dbpedia.org', triples: 999 }],
        },
        5_000,
        true,
      ),
    ).toEqual({
      url: URL_,
      name: 'DBpedia',
      server: 'Virtuoso/07.20',
      triples: 1_000_000,
      graphs: [{ name: 'http://dbpedia.org', triples: 999 }],
      dialect: 'virtuoso',
      latencyMs: 12,
      timeoutMs: 5_000,
      authorized: true,
    });
  });

  test('checking → connected starts an exploration and remembers the address; the dialog closes', () => {
    const opened = r.setDialogOpen(r.INITIAL_REMOTE, true);
    const checking = r.connectStarted(opened, URL_, 100);
    expect(checking.connection).toEqual({ status: 'checking', url: URL_, startedAt: 100 });
    const done = r.connectSucceeded(checking, `${URL_}?x=1`, endpoint);
    expect(done).toEqual({
      ...opened,
      dialogOpen: false,
      connection: { status: 'connected', endpoint },
      recent: [`${URL_}?x=1`],
      session: 1,
    });
  });

  test('a failed check is shown until the dialog opens again', () => {
    const failed = r.connectFailed(r.INITIAL_REMOTE, URL_, 'Cannot reach it.');
    expect(failed.connection).toEqual({ status: 'failed', url: URL_, message: 'Cannot reach it.' });
    const closed = r.setDialogOpen(failed, false);
    expect(closed).toBe(failed);
    expect(r.setDialogOpen(failed, true).connection).toEqual({ status: 'disconnected' });
    expect(r.selectEndpoint({ ...loaded, remote: failed })).toBeNull();
    expect(r.selectEndpoint(connected)).toBe(endpoint);
  });
});

describe('the label search', () => {
  test('hits grouped by resource, in the endpoint’s order; a stale answer is ignored', () => {
    const searching = r.searchStarted(connected.remote, 'Trotsky');
    expect(r.searchSucceeded(searching, 'Leon', HITS)).toBe(searching);
    const done = r.searchSucceeded(searching, 'Trotsky', [
      ...HITS,
      { node: TROTSKY, label: DataFactory.literal('Лев Троцкий', 'ru') },
    ]);
    expect(done.search).toEqual({
      status: 'done',
      text: 'Trotsky',
      hits: recorded.searchHits.map((h) => ({
        node: h.node,
        label: h.label,
        language: h.language,
        others: h.node === TROTSKY ? ['Лев Троцкий'] : [],
      })),
    });
    expect(r.clearSearch(done).search).toEqual({ status: 'idle' });
    expect(r.searchFailed(searching, 'Trotsky', 'timed out').search).toEqual({
      status: 'failed',
      text: 'Trotsky',
      message: 'timed out',
    });
  });
});

/** The link groups of Trotsky, counted. */
function groupsOf(state: r.RemoteState): readonly r.LinkGroup[] {
  const links = state.links.get(TROTSKY);
  if (links?.status !== 'loaded') throw new Error(`not counted: ${JSON.stringify(links)}`);
  return links.groups;
}

describe('link counts and pages', () => {
  const counted = r.linksLoaded(
    r.linksStarted(connected.remote, TROTSKY),
    TROTSKY,
    recorded.linkCounts,
  );

  test('counted: one group per predicate and direction, none fetched yet', () => {
    expect(r.linksStarted(connected.remote, TROTSKY).links.get(TROTSKY)).toEqual({
      status: 'loading',
    });
    expect(counted.links.get(TROTSKY)).toEqual({
      status: 'loaded',
      groups: recorded.linkCounts.map((c) => ({ ...c, fetched: 0, next: null, expanded: false })),
    });
    const group = groupsOf(counted)[2];
    expect(group && r.nextPage(group, 100)).toEqual({ offset: 0, limit: 100 });
  });

  test('a failure is kept with its message; a cancellation is forgotten, to count again', () => {
    const started = r.linksStarted(connected.remote, TROTSKY);
    expect(r.linksFailed(started, TROTSKY, 'HTTP 500').links.get(TROTSKY)).toEqual({
      status: 'failed',
      message: 'HTTP 500',
    });
    expect(r.linksFailed(started, TROTSKY, null).links.has(TROTSKY)).toBe(false);
  });

  test('a page fetched: the group counts what came and knows the next page until all are in', () => {
    const quads = TOOK_PART.filter((q) => q.predicate.value === TOOK_PART_IN);
    const partial = r.pageFetched(counted, {
      node: TROTSKY,
      predicate: TOOK_PART_IN,
      direction: 'out',
      offset: 0,
      limit: 2,
      quads: quads.slice(0, 2),
      more: true,
      next: { offset: 2, limit: 2, after: quads[1]?.object.value ?? '' },
    });
    const groupOf = (state: r.RemoteState) =>
      groupsOf(state).find((g) => g.predicate === TOOK_PART_IN);
    expect(groupOf(partial)).toEqual({
      predicate: TOOK_PART_IN,
      direction: 'out',
      count: 3,
      fetched: 2,
      next: { offset: 2, limit: 2, after: quads[1]?.object.value },
      expanded: true,
    });
    const all = r.pageFetched(partial, {
      node: TROTSKY,
      predicate: TOOK_PART_IN,
      direction: 'out',
      offset: 2,
      limit: 2,
      quads: quads.slice(2),
      more: false,
    });
    const last = groupOf(all);
    expect(last).toEqual({
      predicate: TOOK_PART_IN,
      direction: 'out',
      count: 3,
      fetched: 3,
      next: null,
      expanded: true,
    });
    expect(last && r.nextPage(last, 100)).toBeNull();
    // The other groups are untouched.
    expect(groupsOf(all).filter((g) => g.predicate !== TOOK_PART_IN)).toEqual(
      groupsOf(counted).filter((g) => g.predicate !== TOOK_PART_IN),
    );
  });
});

describe('tasks and notices', () => {
  test('a task is listed until it ends; ending an unknown one changes nothing', () => {
    const task: r.RemoteTask = {
      id: 7,
      kind: 'expand',
      label: 'Fetching',
      startedAt: 3,
      node: TROTSKY,
    };
    const running = r.taskStarted(connected.remote, task);
    expect(running.tasks).toEqual([task]);
    expect(r.taskEnded(running, 8)).toBe(running);
    expect(r.taskEnded(running, 7).tasks).toEqual([]);
    const notice = { kind: 'error', message: 'Cannot reach it.' } as const;
    expect(r.setNotice(running, notice).notice).toBe(notice);
  });
});

describe('the explored triples', () => {
  test('each triple once, in order of arrival; nothing new gives the same value back', () => {
    expect(START).toHaveLength(3);
    expect(START[2]).toEqual(START[1]);
    const first = r.addTriples({ quads: [], keys: new Set() }, START);
    expect(first.added).toEqual(START_ONCE);
    const again = r.addTriples(first.triples, [...START.slice(0, 2), ...FRIENDS]);
    expect(again.added).toEqual(FRIENDS);
    expect(again.triples.quads).toEqual([...START_ONCE, ...FRIENDS]);
    expect(r.addTriples(again.triples, START).triples).toBe(again.triples);
  });

  test('the nodes triples draw: subjects and objects that are IRIs, not classes', () => {
    expect(r.nodesOf(FRIENDS)).toEqual([`${R}alfred-rosmer`, TROTSKY, `${R}marguerite-rosmer`]);
    const marked = r.markDescribed(connected.remote, [TROTSKY]);
    expect(r.undescribed(marked, r.nodesOf(FRIENDS))).toEqual([
      `${R}alfred-rosmer`,
      `${R}marguerite-rosmer`,
    ]);
    expect(r.markDescribed(marked, [TROTSKY])).toBe(marked);
  });
});

describe('growing the explored graph', () => {
  const started = r.grow(connected, START, new Map(), TROTSKY);
  const explored = selectDataset(started);

  test('the first growth replaces the data (kept to go back to) and selects the node drawn', () => {
    expect(explored?.name).toBe('127.0.0.1:8890');
    expect(explored?.quads).toEqual(START_ONCE);
    expect(explored?.explored).toEqual({ session: 1, anchors: new Map() });
    expect(explored?.projection.graph.getNodeAttributes(TROTSKY)).toMatchObject({
      label: 'Leon Trotsky',
      classes: ['http://xmlns.com/foaf/0.1/Person'],
    });
    expect(started.selection).toEqual({ kind: 'node', key: TROTSKY });
    expect(started.camera).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
    expect(started.filters).toBe(DEFAULT_FILTERS);
    expect(started.remote.before).toBe(local);
    expect(started.remote.growth).toEqual({ id: 1, nodes: [TROTSKY] });
    expect(r.selectExploring(started)).toBe(true);
    expect(r.selectExploring(connected)).toBe(false);
    expect(r.selectGrowthLabels(started)).toEqual(new Set([TROTSKY]));
  });

  test('a page joins the drawing: new nodes anchored to the node expanded, the view kept', () => {
    const anchors = new Map(EVENTS.map((e) => [e, TROTSKY]));
    const viewed: ExplorerState = { ...started, camera: { x: 0.2, y: 0.3, ratio: 0.5 } };
    const grown = r.grow(viewed, TOOK_PART, anchors);
    const dataset = selectDataset(grown);
    expect(dataset?.quads).toEqual([...START_ONCE, ...TOOK_PART]);
    expect(dataset?.explored).toEqual({ session: 1, anchors });
    expect(grown.camera).toEqual({ x: 0.2, y: 0.3, ratio: 0.5 });
    expect(grown.selection).toEqual({ kind: 'node', key: TROTSKY });
    expect(grown.remote.before).toBe(local);
    expect(grown.remote.growth).toEqual({ id: 2, nodes: [TROTSKY, ...EVENTS] });
    expect(EVENTS.map((e) => dataset?.projection.graph.getNodeAttribute(e, 'label'))).toEqual([
      'the Rosmers’ disagreement with Trotsky about tactics',
      'Trotsky’s refuge in Paris',
      'the Rosmers’ work with Trotsky',
    ]);
    // Nothing new: the same state (a selection asked for is still made).
    expect(r.grow(grown, TOOK_PART, anchors)).toBe(grown);
  });

  test('a growth while a query result is shown grows the data under it', () => {
    const viewing = openResultView(started, local, 'CONSTRUCT …');
    const grown = r.grow(viewing, FRIENDS, new Map([[`${R}alfred-rosmer`, TROTSKY]]));
    expect(selectDataset(grown)).toBe(local);
    expect(grown.resultView?.base.quads).toEqual([...START_ONCE, ...FRIENDS]);
    expect(r.selectExploring(grown)).toBe(true);
    expect(r.selectExploringView(grown)).toBe(false);
    expect(r.selectGrowthLabels(grown)).toBeNull();
  });

  test('without a connection nothing grows', () => {
    expect(r.grow(loaded, START, new Map(), TROTSKY)).toBe(loaded);
  });
});

describe('leaving the endpoint', () => {
  const started = r.grow(connected, START, new Map(), TROTSKY);

  test('disconnecting shows the data open before, and forgets what was explored', () => {
    const { state, restored } = r.disconnect(started);
    expect(restored).toBe(true);
    expect(selectDataset(state)).toBe(local);
    expect(state.remote.connection).toEqual({ status: 'disconnected' });
    expect(state.remote.triples.quads).toEqual([]);
    expect(state.remote.before).toBeNull();
    expect(state.selection).toBeNull();
  });

  test('with nothing open before, the caller opens something', () => {
    const empty = p.initialState(DEFAULT_URL_STATE);
    const fromNothing = r.grow(
      { ...empty, remote: r.connectSucceeded(empty.remote, URL_, endpoint) },
      START,
      new Map(),
    );
    expect(r.disconnect(fromNothing).restored).toBe(false);
  });

  test('"Copy into local data" keeps the triples and the view as local data, disconnected', () => {
    const copied = r.copyToLocal(started);
    const dataset = selectDataset(copied);
    expect(dataset?.name).toBe('127.0.0.1:8890 (explored)');
    expect(dataset?.quads).toEqual(START_ONCE);
    expect(dataset?.explored).toBeUndefined();
    expect(copied.selection).toEqual(started.selection);
    expect(copied.remote.connection).toEqual({ status: 'disconnected' });
    expect(copied.remote.notice).toEqual({
      kind: 'info',
      message: `Copied 2 explored triples from ${URL_} into local data: queries now run in the browser, and the endpoint is disconnected.`,
    });
    expect(r.copyToLocal(connected)).toBe(connected);
  });
});
