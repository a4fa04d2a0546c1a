// A CONSTRUCT or DESCRIBE result opened as a graph view of its own: the same explorer shows the
// result's triples in place of the data, and "back" restores the data with the selection, filters
// and camera it had. Queries keep running against the data (the base), not against the result.
import type { Quad } from '@rdfjs/types';
import { DEFAULT_FILTERS, type Filters } from '../graph/filters.ts';
import type { QueryResult } from '../query/types.ts';
import type { Camera, Dataset, ExplorerState, Selection } from './explorer.ts';
import { datasetFromQuads, withTermLabels } from './import.ts';
import * as q from './query.ts';
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

/**
 * A function that puts the answer to query run `id` (`query`, run on the local data or an
 * endpoint) into the explorer: rows or a yes/no go to the table; triples open as a graph view of
 * their own, labelled from `labelSource` and written with `prefixes`. The graph is built here,
 * once, outside the state update.
 */
export function answerQuery(
  id: number,
  query: string,
  result: QueryResult,
  labelSource: readonly Quad[],
  prefixes: Readonly<Record<string, string>>,
  at: number,
): (state: ExplorerState) => ExplorerState {
  switch (result.type) {
    case 'bindings':
      return (s) => ({
        ...s,
        query: q.querySucceeded(s.query, id, { kind: 'table', result }, at),
      });
    case 'boolean':
      return (s) => ({
        ...s,
        query: q.querySucceeded(s.query, id, { kind: 'boolean', value: result.value }, at),
      });
    case 'quads': {
      const graph = datasetFromQuads(
        'the CONSTRUCT result',
        withTermLabels(result.quads, labelSource),
        prefixes,
      );
      return (s) => {
        const outcome = { kind: 'graph', triples: result.quads.length } as const;
        const next = q.querySucceeded(s.query, id, outcome, at, result.quads);
        if (next === s.query) return s;
        return openResultView({ ...s, query: next }, graph, query);
      };
    }
  }
}
