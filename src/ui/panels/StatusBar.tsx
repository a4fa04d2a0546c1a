// The status line (region "Status"): how many nodes and edges are shown, how many are hidden and
// why, and what the layout is doing.
import { total, type Visibility } from '../../graph/filters.ts';
import type { LayoutStatus } from '../../layout/forceAtlas2.ts';
import type { DataState } from '../../state/explorer.ts';
import { useExplorer, useVisibility } from '../../state/hooks.tsx';
import { EDGES_DRAWN_DURING_LAYOUT } from '../canvas/reducers.ts';

const n = (value: number): string => value.toLocaleString('en');

function plural(count: number, one: string, many: string): string {
  return `${n(count)} ${count === 1 ? one : many}`;
}

/** "Hidden: …" with the reasons, or '' when nothing is hidden. */
export function hiddenSummary(visibility: Visibility): string {
  const nodes = total(visibility.hiddenNodes);
  const edges = total(visibility.hiddenEdges);
  if (nodes === 0 && edges === 0) return 'Nothing hidden.';
  const reasons: string[] = [];
  const { vocabulary, class: byClass, depth, isolated } = visibility.hiddenNodes;
  if (vocabulary > 0) reasons.push(plural(vocabulary, 'vocabulary term', 'vocabulary terms'));
  if (byClass > 0) reasons.push(`${n(byClass)} by class`);
  if (depth > 0) reasons.push(`${n(depth)} beyond the neighbourhood`);
  if (isolated > 0) reasons.push(`${n(isolated)} isolated`);
  if (visibility.hiddenNodes.results > 0)
    reasons.push(`${n(visibility.hiddenNodes.results)} outside the query results`);
  if (visibility.hiddenNodes.time > 0)
    reasons.push(`${n(visibility.hiddenNodes.time)} outside the timeline range`);
  if (visibility.hiddenNodes.undated > 0)
    reasons.push(`${n(visibility.hiddenNodes.undated)} undated`);
  if (visibility.hiddenEdges.predicate > 0)
    reasons.push(plural(visibility.hiddenEdges.predicate, 'edge by relation', 'edges by relation'));
  return `Hidden: ${plural(nodes, 'node', 'nodes')} and ${plural(edges, 'edge', 'edges')} (${reasons.join(', ')}).`;
}

function layoutText(layout: LayoutStatus, edges: number): string {
  switch (layout.status) {
    case 'idle':
      return '';
    case 'running':
      return edges > EDGES_DRAWN_DURING_LAYOUT
        ? 'Laying out… (edges are drawn when it rests)'
        : 'Laying out…';
    case 'paused':
      return 'Layout paused.';
    case 'settled':
      return layout.reason === 'converged' ? 'Layout settled.' : 'Layout stopped (time limit).';
  }
}

function dataText(data: DataState): string {
  switch (data.status) {
    case 'idle':
      return '';
    case 'loading':
      return `Loading ${data.source}…`;
    case 'loaded':
      return '';
    case 'failed':
      return `Could not load ${data.source}.`;
  }
}

/** The status region. */
export function StatusBar() {
  const visibility = useVisibility();
  const data = useExplorer((s) => s.data);
  const layout = useExplorer((s) => s.layout);
  const graph = data.status === 'loaded' ? data.dataset.projection.graph : null;
  return (
    <footer className="status" aria-label="Status" role="region">
      {graph && visibility ? (
        <>
          <span className="shown">
            Showing {n(visibility.nodes.size)} of {plural(graph.order, 'node', 'nodes')} and{' '}
            {n(visibility.edges.size)} of {plural(graph.size, 'edge', 'edges')}.
          </span>{' '}
          <span className="hidden-summary">{hiddenSummary(visibility)}</span>{' '}
          <span className="layout-status" aria-live="polite">
            {layoutText(layout, graph.size)}
          </span>
        </>
      ) : (
        <span aria-live="polite">{dataText(data)}</span>
      )}
    </footer>
  );
}
