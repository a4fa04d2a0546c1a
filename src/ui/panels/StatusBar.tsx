// The status line (region "Status"): how many nodes and edges are shown, how many are hidden and
// why, and what the layout is doing. For large data, what its overview stands for: the whole
// data's nodes and edges, as classes and the relations between them, or as what is drawn of it.
import { total, type Visibility } from '../../graph/filters.ts';
import type { LayoutStatus } from '../../layout/forceAtlas2.ts';
import type { DataState } from '../../state/explorer.ts';
import { useExplorer, useVisibility } from '../../state/hooks.tsx';
import { selectClassView, selectLarge, type LargeData } from '../../state/overview.ts';
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
    case 'running': {
      const running =
        edges > EDGES_DRAWN_DURING_LAYOUT
          ? 'Laying out… (edges are drawn when it rests)'
          : 'Laying out…';
      return layout.restarted === undefined
        ? running
        : `The layout stopped (${layout.restarted}); it was restarted from the current positions. ${running}`;
    }
    case 'paused':
      return 'Layout paused.';
    case 'settled':
      switch (layout.reason) {
        case 'converged':
          return 'Layout settled.';
        case 'time budget':
          return 'Layout stopped (time limit).';
        case 'failed':
          return layout.failure;
      }
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

/** What the class graph of large data stands for, and what it leaves out. */
function ClassViewStatus({
  large,
  visibility,
  layout,
}: {
  large: LargeData;
  visibility: Visibility;
  layout: LayoutStatus;
}) {
  const showVocabulary = useExplorer((s) => s.filters.showVocabulary);
  const { stats } = large.overview;
  const hidden: string[] = [];
  if (visibility.hiddenNodes.class > 0)
    hidden.push(plural(visibility.hiddenNodes.class, 'class', 'classes'));
  const links = visibility.hiddenEdges.predicate + visibility.hiddenEdges.endpoint;
  if (links > 0) hidden.push(plural(links, 'relation', 'relations'));
  const left: string[] = [];
  if (hidden.length > 0) left.push(`Hidden by the filters: ${hidden.join(' and ')}.`);
  if (!showVocabulary && stats.vocabularyTerms > 0)
    left.push(
      `${plural(stats.vocabularyTerms, 'vocabulary term is', 'vocabulary terms are')} not counted in the classes.`,
    );
  return (
    <>
      <span className="shown">
        Overview of {plural(stats.nodes, 'node', 'nodes')} and{' '}
        {plural(stats.edges, 'edge', 'edges')}: {plural(visibility.nodes.size, 'class', 'classes')}{' '}
        drawn as big as their instances, and{' '}
        {plural(visibility.edges.size, 'relation', 'relations')} between them as wide as their
        edges.
      </span>{' '}
      <span className="hidden-summary">{left.join(' ') || 'Nothing hidden.'}</span>{' '}
      <span className="layout-status" aria-live="polite">
        {layoutText(layout, visibility.edges.size)}
      </span>
    </>
  );
}

/** The status region. */
export function StatusBar() {
  const visibility = useVisibility();
  const data = useExplorer((s) => s.data);
  const layout = useExplorer((s) => s.layout);
  const classView = useExplorer(selectClassView);
  const large = useExplorer(selectLarge);
  const graph = data.status === 'loaded' ? data.dataset.projection.graph : null;
  if (classView && large && visibility) {
    return (
      <footer className="status" aria-label="Status" role="region">
        <ClassViewStatus large={large} visibility={visibility} layout={layout} />
      </footer>
    );
  }
  // Of large data, only what was opened from its overview is drawn: the rest is counted apart.
  const whole = large
    ? large.overview.stats
    : graph
      ? { nodes: graph.order, edges: graph.size }
      : null;
  return (
    <footer className="status" aria-label="Status" role="region">
      {graph && whole && visibility ? (
        <>
          <span className="shown">
            Showing {n(visibility.nodes.size)} of {plural(whole.nodes, 'node', 'nodes')} and{' '}
            {n(visibility.edges.size)} of {plural(whole.edges, 'edge', 'edges')}.
          </span>{' '}
          <span className="hidden-summary">
            {hiddenSummary(visibility)}
            {large &&
              ` Not drawn: ${plural(whole.nodes - graph.order, 'node', 'nodes')} and ${plural(whole.edges - graph.size, 'edge', 'edges')}, in the overview (open a class or search a name).`}
          </span>{' '}
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
