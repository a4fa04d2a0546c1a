// The explorer's state and the pure producers that change it. Every change of app state is one
// of these functions, bound to the store in actions.ts; none of them touches the DOM or sigma.
import type { SizeMetric } from '../graph/appearance.ts';
import { DEFAULT_FILTERS, toggleInSortedList, type Depth, type Filters } from '../graph/filters.ts';
import type { SearchIndex } from '../graph/search.ts';
import type { Projection } from '../graph/types.ts';
import type { LayoutStatus } from '../layout/forceAtlas2.ts';
import type { Quad } from '@rdfjs/types';
import { IDLE_IMPORT, type ImportState } from './import.ts';
import { initialQueryState, setQueryText, type QueryState } from './query.ts';
import type { ResultView } from './result-view.ts';
import { DEFAULT_LANGUAGES } from '../graph/language.ts';
import { INITIAL_PATHS, type PathsState } from './paths.ts';
import { INITIAL_REMOTE, type RemoteState } from './remote.ts';
import { INITIAL_READING, type ReadingState } from './sources.ts';
import { INITIAL_TIMELINE, isInitialTimeline, type TimelineState } from './timeline.ts';
import { INITIAL_VIEWS, type ViewsState } from './views.ts';
import { INITIAL_OVERVIEW, type LargeData, type OverviewState } from './overview.ts';
import type { WorkbenchTab } from './workbench.ts';

/** A loaded graph: its projection and what is derived once from it. */
export interface Dataset {
  /** What the data is called in the interface ("the Rosmer graph"). */
  name: string;
  projection: Projection;
  search: SearchIndex;
  /** The quads the projection was made from (queried, exported, added to). */
  quads: readonly Quad[];
  /**
   * Set on the subgraph explored on a SPARQL endpoint (remote.ts), or opened from the overview of
   * large data (overview.ts): its exploration, and for the nodes its last growth added, the node
   * each was reached from (drawn next to it, see view-graph.ts).
   */
  explored?: { session: number; anchors: ReadonlyMap<string, string> };
  /**
   * Set on data too large to draw node by node (overview.ts): its overview and its quads as text.
   * The projection and `quads` above are then only what is drawn of it.
   */
  large?: LargeData;
}

/** Lifecycle of the data on screen. */
export type DataState =
  | { status: 'idle' }
  | { status: 'loading'; source: string }
  | { status: 'loaded'; dataset: Dataset }
  | { status: 'failed'; source: string; message: string };

/** What is selected: a node, an edge, or nothing. */
export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | null;

/** Sigma's camera in its normalised coordinates (x, y in the framed graph, ratio 1 = fit). */
export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

/** Panels that fold away on narrow screens, and whether each is open there. */
export interface Panels {
  filters: boolean;
  details: boolean;
}

/** Everything the explorer's interface shows that is not in the data itself. */
export interface ExplorerState {
  data: DataState;
  layout: LayoutStatus;
  selection: Selection;
  hovered: string | null;
  filters: Filters;
  sizeBy: SizeMetric;
  /** The camera as last settled (shared in the URL); null until the view has one. */
  camera: Camera | null;
  helpOpen: boolean;
  panels: Panels;
  /** The query panel (query.ts). */
  query: QueryState;
  /** Opening the user's files (import.ts). */
  importing: ImportState;
  /** A CONSTRUCT/DESCRIBE result shown in place of the data, and the way back (result-view.ts). */
  resultView: ResultView | null;
  /** The timeline's brushed range and undated mode (timeline.ts). */
  timeline: TimelineState;
  /** The path finder (paths.ts). */
  paths: PathsState;
  /** The sentence clicked in the article (sources.ts). */
  reading: ReadingState;
  /** Preferred label languages, best first (languages.ts); not the interface's language. */
  languages: readonly string[];
  /** Saved views and their slideshow (views.ts). */
  views: ViewsState;
  /** The open tab of the right-hand column (workbench.ts). */
  workbench: WorkbenchTab;
  /** Exploring a SPARQL endpoint (remote.ts). */
  remote: RemoteState;
  /** What is opened of the overview of large data, and the threshold for it (overview.ts). */
  overview: OverviewState;
}

/** The part of the state a URL carries. */
export interface UrlState {
  selection: Selection;
  filters: Filters;
  sizeBy: SizeMetric;
  camera: Camera | null;
  /** The query in the editor ('' for none). */
  query: string;
  /** The timeline's range and undated mode (left out when nothing is brushed or hidden). */
  timeline?: TimelineState;
  /** Preferred label languages (left out when they are the default). */
  languages?: readonly string[];
}

/** A fresh explorer, starting from what the URL says. */
export function initialState(url: UrlState): ExplorerState {
  return {
    data: { status: 'idle' },
    layout: { status: 'idle' },
    selection: url.selection,
    hovered: null,
    filters: url.filters,
    sizeBy: url.sizeBy,
    camera: url.camera,
    helpOpen: false,
    panels: { filters: false, details: url.selection !== null },
    query: initialQueryState(url.query),
    importing: IDLE_IMPORT,
    resultView: null,
    timeline: url.timeline ?? INITIAL_TIMELINE,
    paths: INITIAL_PATHS,
    reading: INITIAL_READING,
    languages: url.languages ?? DEFAULT_LANGUAGES,
    views: INITIAL_VIEWS,
    workbench: 'details',
    remote: INITIAL_REMOTE,
    overview: INITIAL_OVERVIEW,
  };
}

/** The URL-borne part of a state. */
export function urlStateOf(state: ExplorerState): UrlState {
  return {
    selection: state.selection,
    filters: state.filters,
    sizeBy: state.sizeBy,
    camera: state.camera,
    query: state.query.text,
    timeline: isInitialTimeline(state.timeline) ? undefined : state.timeline,
    languages:
      state.languages.join(',') === DEFAULT_LANGUAGES.join(',') ? undefined : state.languages,
  };
}

/** Data is being read from `source`. */
export function loadStarted(state: ExplorerState, source: string): ExplorerState {
  return { ...state, data: { status: 'loading', source }, hovered: null };
}

/** Data is ready; a selection that names nothing in it is dropped. */
export function loadSucceeded(state: ExplorerState, dataset: Dataset): ExplorerState {
  const { graph } = dataset.projection;
  const { selection } = state;
  const valid =
    selection === null ||
    (selection.kind === 'node' ? graph.hasNode(selection.key) : graph.hasEdge(selection.key));
  return {
    ...state,
    data: { status: 'loaded', dataset },
    selection: valid ? selection : null,
    panels: valid ? state.panels : { ...state.panels, details: false },
  };
}

/** Reading `source` failed with `message` (which names the file, line and column). */
export function loadFailed(state: ExplorerState, source: string, message: string): ExplorerState {
  return { ...state, data: { status: 'failed', source, message } };
}

function sameSelection(a: Selection, b: Selection): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.key === b.key);
}

/** Selects a node or an edge (or nothing); the details panel opens with a selection. */
export function select(state: ExplorerState, selection: Selection): ExplorerState {
  if (sameSelection(state.selection, selection)) return state;
  return { ...state, selection, panels: { ...state.panels, details: selection !== null } };
}

/** The pointer is over a node (or over none). */
export function hover(state: ExplorerState, key: string | null): ExplorerState {
  return state.hovered === key ? state : { ...state, hovered: key };
}

function withFilters(state: ExplorerState, filters: Partial<Filters>): ExplorerState {
  return { ...state, filters: { ...state.filters, ...filters } };
}

/** Hides a class's nodes, or shows them again. */
export function toggleClass(state: ExplorerState, classIri: string): ExplorerState {
  return withFilters(state, {
    hiddenClasses: toggleInSortedList(state.filters.hiddenClasses, classIri),
  });
}

/** Hides a predicate's edges, or shows them again. */
export function togglePredicate(state: ExplorerState, predicate: string): ExplorerState {
  return withFilters(state, {
    hiddenPredicates: toggleInSortedList(state.filters.hiddenPredicates, predicate),
  });
}

/** Shows only what lies within `depth` links of the selection (0: everything). */
export function setDepth(state: ExplorerState, depth: Depth): ExplorerState {
  return withFilters(state, { depth });
}

/** Hides (or shows) nodes left without a shown edge. */
export function setHideIsolated(state: ExplorerState, hideIsolated: boolean): ExplorerState {
  return withFilters(state, { hideIsolated });
}

/** Shows (or hides) vocabulary terms as nodes. */
export function setShowVocabulary(state: ExplorerState, showVocabulary: boolean): ExplorerState {
  return withFilters(state, { showVocabulary });
}

/** Back to the default filters: everything shown but vocabulary terms. */
export function resetFilters(state: ExplorerState): ExplorerState {
  return { ...state, filters: DEFAULT_FILTERS };
}

/** Sizes nodes by another metric. */
export function setSizeBy(state: ExplorerState, sizeBy: SizeMetric): ExplorerState {
  return state.sizeBy === sizeBy ? state : { ...state, sizeBy };
}

/** The layout reports a new stage of its lifecycle. */
export function setLayoutStatus(state: ExplorerState, layout: LayoutStatus): ExplorerState {
  return { ...state, layout };
}

/** The camera came to rest somewhere (values rounded so URLs stay short and stable). */
export function setCamera(state: ExplorerState, camera: Camera): ExplorerState {
  const round = (v: number): number => Math.round(v * 10_000) / 10_000;
  const next = { x: round(camera.x), y: round(camera.y), ratio: round(camera.ratio) };
  const prev = state.camera;
  if (prev && prev.x === next.x && prev.y === next.y && prev.ratio === next.ratio) return state;
  return { ...state, camera: next };
}

/** Opens or closes the keyboard help. */
export function setHelpOpen(state: ExplorerState, helpOpen: boolean): ExplorerState {
  return state.helpOpen === helpOpen ? state : { ...state, helpOpen };
}

/** Opens or closes a folding panel (narrow screens). */
export function setPanel(state: ExplorerState, panel: keyof Panels, open: boolean): ExplorerState {
  if (state.panels[panel] === open) return state;
  return { ...state, panels: { ...state.panels, [panel]: open } };
}

/** Takes what a URL says (browser back/forward, a shared link); keeps the camera when it has none. */
export function applyUrlState(state: ExplorerState, url: UrlState): ExplorerState {
  return {
    ...select(state, url.selection),
    filters: url.filters,
    sizeBy: url.sizeBy,
    camera: url.camera ?? state.camera,
    query: setQueryText(state.query, url.query),
    timeline: url.timeline ?? INITIAL_TIMELINE,
    languages: url.languages ?? DEFAULT_LANGUAGES,
  };
}
