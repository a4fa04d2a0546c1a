// A CONSTRUCT or DESCRIBE result opened as a graph view of its own: the same explorer shows the
// result's triples in place of the data, and "back" restores the data with the selection, filters
// and camera it had. Queries keep running against the data (the base), not against the result.
import { DEFAULT_FILTERS, type Filters } from '../graph/filters.ts';
import type { Camera, Dataset, ExplorerState, Selection } from './explorer.ts';
import { selectDataset } from './selectors.ts';

/** What the explorer was showing before a result view, to go back to. */
export interface ResultView {
  base: Dataset;
  saved: { selection: Selection; filters: Filters; camera: Camera | null };
  /** The query whose result is shown. */
  query: string;
}

/** The data queries run against: the base of a result view, else the loaded dataset. */
export function selectBaseDataset(state: ExplorerState): Dataset | null {
  return state.resultView?.base ?? selectDataset(state);
}

/** Shows `result` (made by `query`) in place of the data; a no-op while no data is loaded. */
export function openResultView(
  state: ExplorerState,
  result: Dataset,
  query: string,
): ExplorerState {
  const current = selectDataset(state);
  if (current === null) return state;
  const resultView: ResultView = state.resultView
    ? { ...state.resultView, query }
    : {
        base: current,
        saved: { selection: state.selection, filters: state.filters, camera: state.camera },
        query,
      };
  return {
    ...state,
    data: { status: 'loaded', dataset: result },
    resultView,
    selection: null,
    hovered: null,
    filters: DEFAULT_FILTERS,
    camera: null,
    panels: { ...state.panels, details: false },
    query: { ...state.query, resultsOnly: false },
  };
}

/** Back from a result view to the data, as it was shown before. */
export function closeResultView(state: ExplorerState): ExplorerState {
  const view = state.resultView;
  if (view === null) return state;
  return {
    ...state,
    data: { status: 'loaded', dataset: view.base },
    resultView: null,
    selection: view.saved.selection,
    hovered: null,
    filters: view.saved.filters,
    camera: view.saved.camera,
    panels: { ...state.panels, details: view.saved.selection !== null },
  };
}
