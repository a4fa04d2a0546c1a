// Narrowing what the filters show to a set of nodes (a query's results: "Show only results"),
// counting what that hides like every other filter does, so nothing disappears unaccounted. Pure.
import { narrowVisibility, type Visibility } from './filters.ts';
import type { DataGraph } from './types.ts';

/**
 * The visibility with only the shown nodes that are in `keep`: the others are counted as hidden
 * for 'results', and edges left without both ends as hidden for 'endpoint'.
 */
export function restrictVisibility(
  graph: DataGraph,
  visibility: Visibility,
  keep: ReadonlySet<string>,
): Visibility {
  const nodes = new Set<string>();
  let dropped = 0;
  for (const key of visibility.nodes) {
    if (keep.has(key)) nodes.add(key);
    else dropped += 1;
  }
  return narrowVisibility(graph, visibility, nodes, { results: dropped });
}
