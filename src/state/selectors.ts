// Values derived from the state, memoised on the identity of what they are derived from, so
// components and reducers can ask for them on every render without recomputing.
import { computeVisibility, type Visibility } from '../graph/filters.ts';
import { restrictVisibility } from '../graph/restrict.ts';
import { restrictToTime, type TimeWindow } from '../graph/time.ts';
import { selectTimeWindow } from './timeline.ts';
import { selectClassView, selectClassVisibility } from './overview.ts';
import { resultNodes, resultTable } from './query.ts';
import type { Dataset, ExplorerState } from './explorer.ts';

/** The loaded dataset, or null while there is none. */
export function selectDataset(state: ExplorerState): Dataset | null {
  return state.data.status === 'loaded' ? state.data.dataset : null;
}

/** The selected node's key, or null when nothing or an edge is selected. */
export function selectFocus(state: ExplorerState): string | null {
  return state.selection?.kind === 'node' ? state.selection.key : null;
}

let lastVisibility:
  | {
      dataset: Dataset;
      filters: ExplorerState['filters'];
      focus: string | null;
      only: ReadonlySet<string> | null;
      time: TimeWindow | null;
      value: Visibility;
    }
  | undefined;

let lastResultNodes: { dataset: Dataset; result: object; value: ReadonlySet<string> } | undefined;

/** The graph nodes that appear in the latest SELECT results (null when there are none). */
export function selectResultNodes(state: ExplorerState): ReadonlySet<string> | null {
  const dataset = selectDataset(state);
  const result = resultTable(state.query);
  if (!dataset || !result) return null;
  const last = lastResultNodes;
  if (last?.dataset === dataset && last.result === result) return last.value;
  const { graph } = dataset.projection;
  const value = resultNodes(result, (key) => graph.hasNode(key));
  lastResultNodes = { dataset, result, value };
  return value;
}

/**
 * What the filters show of the loaded dataset (null while nothing is loaded), or of the class
 * graph while the overview of large data shows it.
 */
export function selectVisibility(state: ExplorerState): Visibility | null {
  if (selectClassView(state)) return selectClassVisibility(state);
  const dataset = selectDataset(state);
  if (!dataset) return null;
  // The focus only matters to the depth filter; ignoring it otherwise keeps the memo warm.
  const focus = state.filters.depth > 0 ? selectFocus(state) : null;
  // "Show only results" narrows the view to the nodes found by the latest query.
  const only = state.query.resultsOnly ? selectResultNodes(state) : null;
  // The timeline's brushed range narrows it to what is dated inside (and undated nodes if kept).
  const time = selectTimeWindow(state);
  const last = lastVisibility;
  if (
    last?.dataset === dataset &&
    last.filters === state.filters &&
    last.focus === focus &&
    last.only === only &&
    last.time === time
  ) {
    return last.value;
  }
  const { graph } = dataset.projection;
  const filtered = computeVisibility(graph, state.filters, focus);
  const narrowed = only ? restrictVisibility(graph, filtered, only) : filtered;
  const value = time ? restrictToTime(graph, narrowed, time) : narrowed;
  lastVisibility = { dataset, filters: state.filters, focus, only, time, value };
  return value;
}
