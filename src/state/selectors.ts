// Values derived from the state, memoised on the identity of what they are derived from, so
// components and reducers can ask for them on every render without recomputing.
import { computeVisibility, type Visibility } from '../graph/filters.ts';
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
  | { dataset: Dataset; filters: ExplorerState['filters']; focus: string | null; value: Visibility }
  | undefined;

/** What the filters show of the loaded dataset (null while nothing is loaded). */
export function selectVisibility(state: ExplorerState): Visibility | null {
  const dataset = selectDataset(state);
  if (!dataset) return null;
  // The focus only matters to the depth filter; ignoring it otherwise keeps the memo warm.
  const focus = state.filters.depth > 0 ? selectFocus(state) : null;
  const last = lastVisibility;
  if (last?.dataset === dataset && last.filters === state.filters && last.focus === focus) {
    return last.value;
  }
  const value = computeVisibility(dataset.projection.graph, state.filters, focus);
  lastVisibility = { dataset, filters: state.filters, focus, value };
  return value;
}
