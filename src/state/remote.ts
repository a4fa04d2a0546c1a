// The endpoint explorer's state and its pure producers: the connection to a SPARQL endpoint
// (checking | connected | failed), the recent endpoint addresses, the label search run on the
// endpoint, what has been explored (the triples fetched, without duplicates; each node's link
// counts and how far each group of links was fetched), the requests under way, and the dataset
// drawn from the explored triples. The endpoint object itself, with its Authorization header,
// lives only in remote-actions.ts: nothing here holds a credential.
import type { Quad } from '@rdfjs/types';
import { DEFAULT_FILTERS } from '../graph/filters.ts';
import { toNQuadsLine } from '../query/terms.ts';
import type {
  Direction,
  EndpointDialect,
  EndpointInfo,
  GraphDescription,
  LinkCount,
  NeighbourPage,
  Page,
  SearchHit,
} from '../remote/index.ts';
import * as p from './explorer.ts';
import type { Dataset, ExplorerState } from './explorer.ts';
import { datasetFromQuads } from './import.ts';
import { selectBaseDataset } from './result-view.ts';

/** What the app shows of a connected endpoint (never its headers). */
export interface ConnectedEndpoint {
  /** The address as shown to people (no user info, no query string). */
  url: string;
  /** The name it publishes, else its host and port. */
  name: string;
  description?: string;
  /** Its `Server` header, when the browser may read it. */
  server?: string;
  /** Triples it says it holds, when published. */
  triples?: number;
  /** Named graphs it says it holds, when published. */
  graphs: readonly GraphDescription[];
  dialect: EndpointDialect;
  /** Round trip of the check, in milliseconds. */
  latencyMs: number;
  /** Time limit of each request, in milliseconds. */
  timeoutMs: number;
  /** Whether requests carry an Authorization header (its value is never kept here). */
  authorized: boolean;
}

/** The lifecycle of the connection. */
export type Connection =
  | { status: 'disconnected' }
  | { status: 'checking'; url: string; startedAt: number }
  | { status: 'connected'; endpoint: ConnectedEndpoint }
  | { status: 'failed'; url: string; message: string };

/** A resource found by the label search, with the labels that matched it. */
export interface EndpointHit {
  node: string;
  label: string;
  language: string;
  /** Other labels of the same resource that matched. */
  others: readonly string[];
}

/** The lifecycle of the label search. */
export type EndpointSearch =
  | { status: 'idle' }
  | { status: 'searching'; text: string }
  | { status: 'done'; text: string; hits: readonly EndpointHit[] }
  | { status: 'failed'; text: string; message: string };

/** One group of a node's links: one predicate in one direction. */
export interface LinkGroup {
  predicate: string;
  direction: Direction;
  /** Distinct neighbours the endpoint counted. */
  count: number;
  /** Neighbours fetched so far. */
  fetched: number;
  /** The next page to fetch; null before the first ("Expand") and once all are fetched. */
  next: Page | null;
  /** Whether a page was fetched at all. */
  expanded: boolean;
}

/** A node's links as counted on the endpoint. */
export type NodeLinks =
  | { status: 'loading' }
  | { status: 'loaded'; groups: readonly LinkGroup[] }
  | { status: 'failed'; message: string };

/** What a request under way is doing. */
export type RemoteTaskKind = 'connect' | 'search' | 'links' | 'expand' | 'add' | 'query';

/** A request under way, shown with its elapsed time and a Cancel button. */
export interface RemoteTask {
  id: number;
  kind: RemoteTaskKind;
  /** What a person reads: "Expanding member of (in) of Leon Trotsky". */
  label: string;
  startedAt: number;
  /** The node it is about (links, expand, add). */
  node?: string;
  /** The link group it fetches (expand): `groupKey(predicate, direction)`. */
  group?: string;
}

/** A message about the endpoint: a failure (naming it) or what was done. */
export interface RemoteNotice {
  kind: 'error' | 'info';
  message: string;
}

/** The explored triples: in order of arrival, each once. */
export interface ExploredTriples {
  quads: readonly Quad[];
  keys: ReadonlySet<string>;
}

/** Everything the endpoint explorer shows. */
export interface RemoteState {
  /** The "Connect to endpoint" dialog is open. */
  dialogOpen: boolean;
  connection: Connection;
  /** Recent endpoint addresses, newest first (addresses only, never headers). */
  recent: readonly string[];
  search: EndpointSearch;
  /** Counts explorations: a new connection starts a new one (a new drawing). */
  session: number;
  triples: ExploredTriples;
  /** Nodes whose labels and classes were asked for. */
  described: ReadonlySet<string>;
  /** Link counts of the nodes selected so far, by node key. */
  links: ReadonlyMap<string, NodeLinks>;
  tasks: readonly RemoteTask[];
  notice: RemoteNotice | null;
  /** The data on screen when exploring began, to go back to on disconnecting. */
  before: Dataset | null;
  /** The latest growth of the drawing: the nodes to bring into view (the canvas frames them). */
  growth: Growth;
}

/** A growth of the explored drawing; `id` changes with each. */
export interface Growth {
  id: number;
  /** The node expanded and the neighbours fetched, or the node added. */
  nodes: readonly string[];
}

/** Most recent endpoints remembered. */
export const RECENT_LIMIT = 8;

const NO_TRIPLES: ExploredTriples = { quads: [], keys: new Set() };

/** The explorer before any endpoint. */
export const INITIAL_REMOTE: RemoteState = {
  dialogOpen: false,
  connection: { status: 'disconnected' },
  recent: [],
  search: { status: 'idle' },
  session: 0,
  triples: NO_TRIPLES,
  described: new Set(),
  links: new Map(),
  tasks: [],
  notice: null,
  before: null,
  growth: { id: 0, nodes: [] },
};

/** The key of a link group of a node. */
export function groupKey(predicate: string, direction: Direction): string {
  return `${direction} ${predicate}`;
}

/** Host and port of an address, for a name when the endpoint publishes none. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** What the app shows of an endpoint that passed the check. */
export function connectedEndpoint(
  info: EndpointInfo,
  timeoutMs: number,
  authorized: boolean,
): ConnectedEndpoint {
  const endpoint: ConnectedEndpoint = {
    url: info.url,
    name: info.name ?? hostOf(info.url),
    graphs: info.graphs,
    dialect: info.dialect,
    latencyMs: info.latencyMs,
    timeoutMs,
    authorized,
  };
  if (info.description !== undefined) endpoint.description = info.description;
  if (info.server !== undefined) endpoint.server = info.server;
  if (info.triples !== undefined) endpoint.triples = info.triples;
  return endpoint;
}

// ---------------------------------------------------------------------------------------------
// Recent endpoints

/** `url` first in the recent list, once, the list cut at {@link RECENT_LIMIT}. */
export function rememberEndpoint(recent: readonly string[], url: string): string[] {
  return [url, ...recent.filter((u) => u !== url)].slice(0, RECENT_LIMIT);
}

/**
 * The recent list stored as JSON text (null when nothing is stored): http(s) addresses only,
 * anything else left out, so a damaged entry costs nothing but itself.
 */
export function readRecent(text: string | null): string[] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is string => typeof v === 'string' && /^https?:\/\/\S+$/i.test(v))
    .slice(0, RECENT_LIMIT);
}

// ---------------------------------------------------------------------------------------------
// Producers of RemoteState

/** Opens or closes the connect dialog; a failed check is forgotten when it opens again. */
export function setDialogOpen(state: RemoteState, open: boolean): RemoteState {
  if (state.dialogOpen === open) return state;
  const connection: Connection =
    open && state.connection.status === 'failed' ? { status: 'disconnected' } : state.connection;
  return { ...state, dialogOpen: open, connection };
}

/** Takes the recent endpoints read from storage. */
export function setRecent(state: RemoteState, recent: readonly string[]): RemoteState {
  return { ...state, recent };
}

/** Checking `url` started at `now`. */
export function connectStarted(state: RemoteState, url: string, now: number): RemoteState {
  return { ...state, connection: { status: 'checking', url, startedAt: now }, notice: null };
}

/**
 * The endpoint at `url` (as typed) passed the check: a new exploration starts (nothing explored
 * yet, the data on screen stays until a first node is drawn) and `url` becomes the most recent.
 */
export function connectSucceeded(
  state: RemoteState,
  url: string,
  endpoint: ConnectedEndpoint,
): RemoteState {
  return {
    ...state,
    dialogOpen: false,
    connection: { status: 'connected', endpoint },
    recent: rememberEndpoint(state.recent, url),
    search: { status: 'idle' },
    session: state.session + 1,
    triples: NO_TRIPLES,
    described: new Set(),
    links: new Map(),
    notice: null,
  };
}

/** The check of `url` failed with `message` (which names the endpoint). */
export function connectFailed(state: RemoteState, url: string, message: string): RemoteState {
  return { ...state, connection: { status: 'failed', url, message } };
}

/** A request started. */
export function taskStarted(state: RemoteState, task: RemoteTask): RemoteState {
  return { ...state, tasks: [...state.tasks, task] };
}

/** A request ended (done, failed or cancelled). */
export function taskEnded(state: RemoteState, id: number): RemoteState {
  const tasks = state.tasks.filter((t) => t.id !== id);
  return tasks.length === state.tasks.length ? state : { ...state, tasks };
}

/** Shows a message (null: none). */
export function setNotice(state: RemoteState, notice: RemoteNotice | null): RemoteState {
  return state.notice === notice ? state : { ...state, notice };
}

/** Label search hits grouped by resource, in the endpoint's order of their first label. */
export function groupHits(hits: readonly SearchHit[]): EndpointHit[] {
  const byNode = new Map<string, EndpointHit>();
  for (const { node, label } of hits) {
    const seen = byNode.get(node);
    if (seen === undefined) {
      byNode.set(node, { node, label: label.value, language: label.language, others: [] });
    } else if (seen.label !== label.value && !seen.others.includes(label.value)) {
      byNode.set(node, { ...seen, others: [...seen.others, label.value] });
    }
  }
  return [...byNode.values()];
}

/** A search for `text` started. */
export function searchStarted(state: RemoteState, text: string): RemoteState {
  return { ...state, search: { status: 'searching', text } };
}

/** The search for `text` found `hits` (ignored when another search has started since). */
export function searchSucceeded(
  state: RemoteState,
  text: string,
  hits: readonly SearchHit[],
): RemoteState {
  if (state.search.status !== 'searching' || state.search.text !== text) return state;
  return { ...state, search: { status: 'done', text, hits: groupHits(hits) } };
}

/** The search for `text` failed (ignored when another search has started since). */
export function searchFailed(state: RemoteState, text: string, message: string): RemoteState {
  if (state.search.status !== 'searching' || state.search.text !== text) return state;
  return { ...state, search: { status: 'failed', text, message } };
}

/** Clears the search and its hits. */
export function clearSearch(state: RemoteState): RemoteState {
  return state.search.status === 'idle' ? state : { ...state, search: { status: 'idle' } };
}

function withLinks(state: RemoteState, node: string, links: NodeLinks | undefined): RemoteState {
  const map = new Map(state.links);
  if (links === undefined) map.delete(node);
  else map.set(node, links);
  return { ...state, links: map };
}

/** Counting the node's links started. */
export function linksStarted(state: RemoteState, node: string): RemoteState {
  return withLinks(state, node, { status: 'loading' });
}

/** The node's links were counted: one group per predicate and direction, none fetched yet. */
export function linksLoaded(
  state: RemoteState,
  node: string,
  counts: readonly LinkCount[],
): RemoteState {
  const groups = counts.map((c): LinkGroup => ({ ...c, fetched: 0, next: null, expanded: false }));
  return withLinks(state, node, { status: 'loaded', groups });
}

/** Counting the node's links failed with `message`; cancelled counts are forgotten instead. */
export function linksFailed(state: RemoteState, node: string, message: string | null): RemoteState {
  return withLinks(state, node, message === null ? undefined : { status: 'failed', message });
}

/** A page of the node's neighbours arrived: the group counts it and knows the next page. */
export function pageFetched(state: RemoteState, page: NeighbourPage): RemoteState {
  const links = state.links.get(page.node);
  if (links?.status !== 'loaded') return state;
  const key = groupKey(page.predicate, page.direction);
  const groups = links.groups.map((g): LinkGroup => {
    if (groupKey(g.predicate, g.direction) !== key) return g;
    const fetched = Math.max(g.fetched, page.offset + page.quads.length);
    const more = page.more && page.next !== undefined && fetched < g.count;
    return { ...g, fetched, next: more ? (page.next ?? null) : null, expanded: true };
  });
  return withLinks(state, page.node, { status: 'loaded', groups });
}

/** The page a group fetches next: the first one, or the one after the last fetched; null when done. */
export function nextPage(group: LinkGroup, pageSize: number): Partial<Page> | null {
  if (!group.expanded) return { offset: 0, limit: pageSize };
  return group.next;
}

/** Adds quads to the explored triples; `added` are those not already there. */
export function addTriples(
  triples: ExploredTriples,
  quads: readonly Quad[],
): { triples: ExploredTriples; added: Quad[] } {
  const added: Quad[] = [];
  let keys: Set<string> | undefined;
  for (const q of quads) {
    const key = toNQuadsLine(q);
    if (triples.keys.has(key) || keys?.has(key) === true) continue;
    keys ??= new Set(triples.keys);
    keys.add(key);
    added.push(q);
  }
  if (keys === undefined) return { triples, added };
  return { triples: { quads: [...triples.quads, ...added], keys }, added };
}

/** The IRIs in subject or object position of `quads` (the nodes they draw), in order. */
export function nodesOf(quads: readonly Quad[]): string[] {
  const nodes = new Set<string>();
  for (const q of quads) {
    if (q.subject.termType === 'NamedNode') nodes.add(q.subject.value);
    if (q.object.termType === 'NamedNode' && q.predicate.value !== RDF_TYPE) {
      nodes.add(q.object.value);
    }
  }
  return [...nodes];
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Nodes not yet described among `nodes`. */
export function undescribed(state: RemoteState, nodes: Iterable<string>): string[] {
  return [...new Set(nodes)].filter((n) => !state.described.has(n));
}

/** Marks nodes as described (their labels and classes were asked for). */
export function markDescribed(state: RemoteState, nodes: Iterable<string>): RemoteState {
  const described = new Set(state.described);
  for (const n of nodes) described.add(n);
  return described.size === state.described.size ? state : { ...state, described };
}

// ---------------------------------------------------------------------------------------------
// The explorer's state and the explored dataset

/** The connected endpoint, or null. */
export function selectEndpoint(state: ExplorerState): ConnectedEndpoint | null {
  const { connection } = state.remote;
  return connection.status === 'connected' ? connection.endpoint : null;
}

/**
 * Whether the explored subgraph of the connected endpoint is the data (on screen, or under a
 * query result view): then selecting a node counts its links on the endpoint.
 */
export function selectExploring(state: ExplorerState): boolean {
  if (state.remote.connection.status !== 'connected') return false;
  return selectBaseDataset(state)?.explored?.session === state.remote.session;
}

/** Whether the explored subgraph is drawn right now (not a query result in its place). */
export function selectExploringView(state: ExplorerState): boolean {
  return selectExploring(state) && state.resultView === null;
}

let lastGrowthLabels: { nodes: readonly string[]; value: ReadonlySet<string> } | undefined;

/** The nodes of the latest growth while the explored graph is drawn (their labels are drawn). */
export function selectGrowthLabels(state: ExplorerState): ReadonlySet<string> | null {
  if (!selectExploringView(state)) return null;
  const { nodes } = state.remote.growth;
  if (nodes.length === 0) return null;
  if (lastGrowthLabels?.nodes !== nodes) lastGrowthLabels = { nodes, value: new Set(nodes) };
  return lastGrowthLabels.value;
}

/**
 * The explored triples `quads` joined to the data: the explored dataset is rebuilt from every
 * explored triple, and the nodes new to it start next to their `anchors` (the node each was
 * reached from). The first growth of an exploration replaces the data on screen (kept to go back
 * to) with fresh filters and selects `select`; later ones keep the view as it is.
 */
export function grow(
  state: ExplorerState,
  quads: readonly Quad[],
  anchors: ReadonlyMap<string, string>,
  select: string | null = null,
): ExplorerState {
  const endpoint = selectEndpoint(state);
  if (endpoint === null) return state;
  const { triples, added } = addTriples(state.remote.triples, quads);
  const exploring = selectExploring(state);
  if (exploring && added.length === 0) {
    return select === null ? state : p.select(state, { kind: 'node', key: select });
  }
  const frame = select !== null ? [select] : [...new Set([...anchors.values(), ...anchors.keys()])];
  const remote: RemoteState = {
    ...state.remote,
    triples,
    before: exploring ? state.remote.before : selectBaseDataset(state),
    growth:
      frame.length === 0 ? state.remote.growth : { id: state.remote.growth.id + 1, nodes: frame },
  };
  const base = datasetFromQuads(endpoint.name, triples.quads, {});
  const dataset: Dataset = {
    ...base,
    explored: { session: state.remote.session, anchors: exploring ? anchors : new Map() },
  };
  if (exploring) {
    // A query result shown in place of the explored graph stays; its base is the grown graph.
    const next: ExplorerState = state.resultView
      ? { ...state, remote, resultView: { ...state.resultView, base: dataset } }
      : p.loadSucceeded({ ...state, remote }, dataset);
    return select === null ? next : p.select(next, { kind: 'node', key: select });
  }
  const fresh: ExplorerState = {
    ...state,
    remote,
    resultView: null,
    selection: null,
    hovered: null,
    // The whole (small) graph in view; NOTE: not null, which would focus the selection, and a
    // graph of one node has no extent to focus within.
    camera: { x: 0.5, y: 0.5, ratio: 1 },
    filters: DEFAULT_FILTERS,
    query: { ...state.query, resultsOnly: false },
  };
  const loaded = p.loadSucceeded(fresh, dataset);
  return select === null ? loaded : p.select(loaded, { kind: 'node', key: select });
}

/** Ends the connection and forgets what was explored (the data on screen is the caller's to change). */
export function disconnected(state: RemoteState): RemoteState {
  return {
    ...state,
    connection: { status: 'disconnected' },
    search: { status: 'idle' },
    triples: NO_TRIPLES,
    described: new Set(),
    links: new Map(),
    tasks: [],
    before: null,
  };
}

/**
 * Disconnects, and shows the data that was on screen before exploring (null when there was none:
 * the caller opens something else). The explored triples are dropped.
 */
export function disconnect(state: ExplorerState): { state: ExplorerState; restored: boolean } {
  const exploring = selectExploring(state);
  const before = state.remote.before;
  const remote = disconnected(state.remote);
  if (!exploring) return { state: { ...state, remote }, restored: true };
  if (before === null) return { state: { ...state, remote }, restored: false };
  const fresh: ExplorerState = {
    ...state,
    remote,
    resultView: null,
    selection: null,
    hovered: null,
    camera: null,
    filters: DEFAULT_FILTERS,
    query: { ...state.query, resultsOnly: false },
  };
  return { state: p.loadSucceeded(fresh, before), restored: true };
}

/**
 * "Copy into local data": the explored triples become the data, queried in the browser like an
 * opened file; the endpoint is disconnected. The view (selection, filters, camera) is kept.
 */
export function copyToLocal(state: ExplorerState): ExplorerState {
  const endpoint = selectEndpoint(state);
  if (endpoint === null || !selectExploring(state)) return state;
  const { quads } = state.remote.triples;
  const dataset = datasetFromQuads(`${endpoint.name} (explored)`, quads, {});
  const count = quads.length.toLocaleString('en');
  const remote: RemoteState = {
    ...disconnected(state.remote),
    notice: {
      kind: 'info',
      message: `Copied ${count} explored triples from ${endpoint.url} into local data: queries now run in the browser, and the endpoint is disconnected.`,
    },
  };
  return p.loadSucceeded({ ...state, remote, resultView: null }, dataset);
}
