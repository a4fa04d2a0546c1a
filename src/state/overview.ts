// Data too large to draw node by node, in the app: it opens on its overview (graph/overview.ts) —
// one node per class, sized by its instances, and the predicates between classes — and the person
// goes down to the instances from there: a class's instances a page at a time, an entity found by
// search, a node's neighbours a page at a time. What was opened is drawn as a small graph of its
// own that grows in place, as an endpoint's explored graph does (view-graph.ts). The overview and
// the quads come with the dataset (`Dataset.large`); this holds what the person opened of it and
// the threshold above which opened data shows its overview. Pure producers and selectors.
import type { Visibility } from '../graph/filters.ts';
import {
  DEFAULT_OVERVIEW_THRESHOLD,
  type Overview,
  type OverviewGraph,
} from '../graph/overview.ts';
import type { SearchHit } from '../graph/search.ts';
import * as p from './explorer.ts';
import type { Dataset, ExplorerState } from './explorer.ts';
import { datasetFromQuads } from './import.ts';
import type { Growth } from './remote.ts';
import { selectBaseDataset } from './result-view.ts';

/** Instances of a class, and neighbours of a node, drawn per page. */
export const OVERVIEW_PAGE = 50;

/** Where the class graph is seen from: all of it, with room for its big nodes and their labels. */
export const CLASS_VIEW_CAMERA = { x: 0.5, y: 0.5, ratio: 1.4 } as const;

/** Data too large to draw node by node: its overview and every quad as N-Quads text. */
export interface LargeData {
  overview: Overview;
  /** Every quad read, as N-Quads: what the query engine loads (never parsed on the page). */
  nquads: string;
  /**
   * The drawing's exploration (`Dataset.explored`): negative, so that it never equals the session
   * of an endpoint's exploration (remote.ts counts those up from 0).
   */
  session: number;
}

/** What the person opened of the overview. */
export interface OverviewState {
  /** Drawn nodes (vocabulary terms aside) above which opened data shows its overview. */
  threshold: number;
  /** What the canvas shows: the class summary, or the instances opened from it. */
  view: 'classes' | 'instances';
  /** The class whose instances are drawn and listed, and its open page (from 0). */
  opened: { iri: string; page: number } | null;
  /** Nodes drawn because the person went to them (a search hit, a listed instance, a link). */
  visited: readonly string[];
  /** Nodes whose neighbours are drawn, with how many pages of them. */
  expanded: ReadonlyMap<string, number>;
  /** The latest growth of the drawing: the nodes to bring into view (the canvas frames them). */
  growth: Growth;
}

/** The overview state of a fresh explorer. */
export const INITIAL_OVERVIEW: OverviewState = {
  threshold: DEFAULT_OVERVIEW_THRESHOLD,
  view: 'classes',
  opened: null,
  visited: [],
  expanded: new Map(),
  growth: { id: 0, nodes: [] },
};

/** The large data behind what is shown (also under a query result), or null. */
export function selectLarge(state: ExplorerState): LargeData | null {
  return selectBaseDataset(state)?.large ?? null;
}

/** Whether the canvas shows the class summary of large data (not its instances, not a result). */
export function selectClassView(state: ExplorerState): boolean {
  return (
    state.resultView === null && state.overview.view === 'classes' && selectLarge(state) !== null
  );
}

let lastClassGraph:
  { overview: Overview; includeVocabulary: boolean; graph: OverviewGraph } | undefined;

/** The class graph of the large data shown (null when there is none). */
export function selectClassGraph(state: ExplorerState): OverviewGraph | null {
  const large = selectLarge(state);
  if (!large) return null;
  const includeVocabulary = state.filters.showVocabulary;
  const last = lastClassGraph;
  if (last?.overview === large.overview && last.includeVocabulary === includeVocabulary)
    return last.graph;
  const graph = large.overview.graph({ includeVocabulary });
  lastClassGraph = { overview: large.overview, includeVocabulary, graph };
  return graph;
}

let lastClassVisibility:
  { graph: OverviewGraph; filters: ExplorerState['filters']; value: Visibility } | undefined;

/**
 * What the filters show of the class graph: the classes the legend leaves on, and the links of
 * the relations left on between them (null when there is no class graph).
 */
export function selectClassVisibility(state: ExplorerState): Visibility | null {
  const graph = selectClassGraph(state);
  if (!graph) return null;
  const { filters } = state;
  const last = lastClassVisibility;
  if (last?.graph === graph && last.filters === filters) return last.value;
  const nodes = new Set(graph.filterNodes((key) => !filters.hiddenClasses.includes(key)));
  const edges = new Set<string>();
  let predicate = 0;
  let endpoint = 0;
  graph.forEachEdge((key, link, source, target) => {
    if (filters.hiddenPredicates.includes(link.predicate)) predicate += 1;
    else if (!nodes.has(source) || !nodes.has(target)) endpoint += 1;
    else edges.add(key);
  });
  const value: Visibility = {
    nodes,
    edges,
    hiddenNodes: {
      vocabulary: 0,
      class: graph.order - nodes.size,
      depth: 0,
      isolated: 0,
      results: 0,
      time: 0,
      undated: 0,
    },
    hiddenEdges: { predicate, endpoint },
    depthInactive: false,
  };
  lastClassVisibility = { graph, filters, value };
  return value;
}

/** The nodes drawn from the overview, in the order they were opened, each once. */
export function drawnNodes(overview: Overview, state: OverviewState): string[] {
  const keys = new Set<string>();
  if (state.opened) {
    const { iri, page } = state.opened;
    for (const node of overview.instances(iri, {
      offset: page * OVERVIEW_PAGE,
      limit: OVERVIEW_PAGE,
    }).items)
      keys.add(node.key);
  }
  for (const key of state.visited) keys.add(key);
  for (const [key, pages] of state.expanded) {
    keys.add(key);
    for (const edge of overview.neighbours(key, { limit: pages * OVERVIEW_PAGE }).items)
      keys.add(edge.other.key);
  }
  return [...keys];
}

/**
 * The dataset drawing `keys` of large data: the projection of their quads, its classes listed in
 * the overview's order (those not drawn with no member), so that each class wears the colour it
 * has in the class graph and the legend lists classes as the overview does.
 */
function drawing(
  name: string,
  large: LargeData,
  keys: readonly string[],
  anchors: ReadonlyMap<string, string>,
): Dataset {
  const { overview } = large;
  const drawn = datasetFromQuads(name, overview.quadsOf(keys), overview.data.prefixes);
  const counts = new Map(drawn.projection.classes.map((c) => [c.iri, c]));
  const classes = overview.classes.map(
    (c) => counts.get(c.iri) ?? { ...c, count: 0, vocabularyCount: 0 },
  );
  const listed = new Set(classes.map((c) => c.iri));
  for (const c of drawn.projection.classes) if (!listed.has(c.iri)) classes.push(c);
  return {
    ...drawn,
    projection: { ...drawn.projection, classes },
    large,
    explored: { session: large.session, anchors },
  };
}

/**
 * The state with `overview` drawn: the dataset becomes the drawing of the nodes it opens, new
 * nodes placed beside their `anchors`. A query result shown in place of the data stays, over the
 * new drawing.
 */
function redraw(
  state: ExplorerState,
  opened: OverviewState,
  frame: readonly string[],
  anchors: ReadonlyMap<string, string> = new Map(),
): ExplorerState {
  const base = selectBaseDataset(state);
  const large = base?.large;
  if (!base || !large) return state;
  const dataset = drawing(base.name, large, drawnNodes(large.overview, opened), anchors);
  const overview: OverviewState = {
    ...opened,
    growth: { id: state.overview.growth.id + 1, nodes: frame },
  };
  // Coming from the class graph, the drawing is seen whole, not where the classes were.
  const camera = state.overview.view === 'classes' ? null : state.camera;
  const next: ExplorerState = { ...state, overview, camera };
  return state.resultView
    ? { ...next, resultView: { ...state.resultView, base: dataset } }
    : p.loadSucceeded(next, dataset);
}

/** Large data named `name`, opened on its class summary: nothing of it is drawn yet. */
export function largeDataset(name: string, large: LargeData): Dataset {
  return drawing(name, large, [], new Map());
}

/** Large data was opened: its class summary is shown, nothing of it opened yet. */
export function overviewOpened(overview: OverviewState): OverviewState {
  return { ...INITIAL_OVERVIEW, threshold: overview.threshold, growth: overview.growth };
}

/** Shows the class graph, or the instances opened so far (which stay, to go back to). */
export function showView(state: ExplorerState, view: OverviewState['view']): ExplorerState {
  if (state.overview.view === view) return state;
  return {
    ...state,
    overview: { ...state.overview, view },
    hovered: null,
    selection: null,
    camera: view === 'classes' ? CLASS_VIEW_CAMERA : null,
  };
}

/** Draws and lists page `page` (from 0) of the instances of class `iri` (or UNTYPED). */
export function openClass(state: ExplorerState, iri: string, page = 0): ExplorerState {
  const large = selectLarge(state);
  if (!large) return state;
  const summary = large.overview.classes.find((c) => c.iri === iri);
  const pages = Math.max(1, Math.ceil((summary?.count ?? 0) / OVERVIEW_PAGE));
  const opened = { iri, page: Math.min(Math.max(0, Math.floor(page)), pages - 1) };
  const next: OverviewState = { ...state.overview, view: 'instances', opened };
  const members = large.overview
    .instances(iri, { offset: opened.page * OVERVIEW_PAGE, limit: OVERVIEW_PAGE })
    .items.map((node) => node.key);
  return redraw({ ...state, selection: null, hovered: null }, next, members);
}

/** Draws node `key` (a search hit, a link followed) and selects it. */
export function visitNode(state: ExplorerState, key: string): ExplorerState {
  const large = selectLarge(state);
  if (!large?.overview.node(key)) return state;
  const visited = state.overview.visited.includes(key)
    ? state.overview.visited
    : [...state.overview.visited, key];
  const next = redraw(state, { ...state.overview, view: 'instances', visited }, [key]);
  return p.select(next, { kind: 'node', key });
}

/** Draws the next page of node `key`'s neighbours, beside it. */
export function expandNode(state: ExplorerState, key: string): ExplorerState {
  const large = selectLarge(state);
  if (!large?.overview.node(key)) return state;
  const before = new Set(drawnNodes(large.overview, state.overview));
  const expanded = new Map(state.overview.expanded);
  expanded.set(key, (expanded.get(key) ?? 0) + 1);
  const overview: OverviewState = { ...state.overview, view: 'instances', expanded };
  const anchors = new Map<string, string>();
  for (const node of drawnNodes(large.overview, overview))
    if (!before.has(node)) anchors.set(node, key);
  return redraw(state, overview, [key, ...anchors.keys()], anchors);
}

/** Sets the threshold for data opened from now on (a whole number of at least 1). */
export function setOverviewThreshold(state: ExplorerState, threshold: number): ExplorerState {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold === state.overview.threshold)
    return state;
  return { ...state, overview: { ...state.overview, threshold } };
}

/** Search hits over the whole of large data, as the search box lists them. */
export function searchLarge(
  large: LargeData,
  query: string,
  options: { limit: number; includeVocabulary: boolean },
): SearchHit[] {
  return large.overview.search(query, options).map((node) => ({
    key: node.key,
    label: node.label,
    matchedName: null,
    vocabulary: node.vocabulary,
  }));
}
