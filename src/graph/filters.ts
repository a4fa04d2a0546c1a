// Filters: which nodes and edges of the data graph are shown, and why the others are hidden. The
// result feeds sigma's reducers and the status line; the data graph is never changed. Pure.
import { UNTYPED, type DataGraph } from './types.ts';

/** Neighbourhood depths a person can choose; 0 shows the whole graph. */
export const DEPTHS = [0, 1, 2, 3] as const;
export type Depth = (typeof DEPTHS)[number];

/** What the user chose to hide. */
export interface Filters {
  /** Classes whose nodes are hidden (a node stays while any of its classes is shown); sorted. */
  hiddenClasses: readonly string[];
  /** Predicates whose edges are hidden; sorted. */
  hiddenPredicates: readonly string[];
  /** Show only what lies within this many links of the selected node (0: everything). */
  depth: Depth;
  /** Hide nodes left without any shown edge. */
  hideIsolated: boolean;
  /** Show vocabulary terms (classes, properties, shapes) as nodes. */
  showVocabulary: boolean;
}

/** The filters of a fresh view: everything shown but vocabulary terms. */
export const DEFAULT_FILTERS: Filters = {
  hiddenClasses: [],
  hiddenPredicates: [],
  depth: 0,
  hideIsolated: false,
  showVocabulary: false,
};

/**
 * Why a node is hidden, first reason that applies in this order ('results': outside a query's
 * results while the user shows only those, see restrict.ts; 'time': dated outside the timeline's
 * brushed range, 'undated': undated while the timeline hides those, see time.ts).
 */
export type NodeHideReason =
  'vocabulary' | 'class' | 'depth' | 'isolated' | 'results' | 'time' | 'undated';
/** Why an edge is hidden: its predicate is filtered out, or one of its ends is hidden. */
export type EdgeHideReason = 'predicate' | 'endpoint';

/** What is shown, and the counts of what is hidden by reason (nothing is dropped silently). */
export interface Visibility {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  hiddenNodes: Readonly<Record<NodeHideReason, number>>;
  hiddenEdges: Readonly<Record<EdgeHideReason, number>>;
  /** True when a depth was asked for but there is no shown node to measure it from. */
  depthInactive: boolean;
}

/**
 * The visibility narrowed to `nodes` (a subset of the shown ones), with `hidden` added to the node
 * counts by reason and the edges left without both ends counted as hidden for 'endpoint'. Used by
 * the narrowing that comes after the filters (query results, the time window).
 */
export function narrowVisibility(
  graph: DataGraph,
  visibility: Visibility,
  nodes: ReadonlySet<string>,
  hidden: Partial<Record<NodeHideReason, number>>,
): Visibility {
  const edges = new Set<string>();
  let endpoint = 0;
  for (const edge of visibility.edges) {
    if (nodes.has(graph.source(edge)) && nodes.has(graph.target(edge))) edges.add(edge);
    else endpoint += 1;
  }
  const hiddenNodes = { ...visibility.hiddenNodes };
  for (const [reason, count] of Object.entries(hidden) as [NodeHideReason, number][]) {
    hiddenNodes[reason] += count;
  }
  return {
    ...visibility,
    nodes,
    edges,
    hiddenNodes,
    hiddenEdges: {
      ...visibility.hiddenEdges,
      endpoint: visibility.hiddenEdges.endpoint + endpoint,
    },
  };
}

/**
 * Applies the filters in a fixed order (vocabulary, class, predicate, depth around `focus`,
 * isolated) and counts what each step hides. `focus` is the selected node, if any.
 */
export function computeVisibility(
  graph: DataGraph,
  filters: Filters,
  focus: string | null,
): Visibility {
  const hiddenClasses = new Set(filters.hiddenClasses);
  const hiddenPredicates = new Set(filters.hiddenPredicates);
  const hiddenNodes: Record<NodeHideReason, number> = {
    vocabulary: 0,
    class: 0,
    depth: 0,
    isolated: 0,
    results: 0,
    time: 0,
    undated: 0,
  };
  const nodes = new Set<string>();
  graph.forEachNode((key, node) => {
    if (node.vocabulary && !filters.showVocabulary) {
      hiddenNodes.vocabulary += 1;
    } else if (
      hiddenClasses.size > 0 &&
      (node.classes.length > 0 ? node.classes : [UNTYPED]).every((c) => hiddenClasses.has(c))
    ) {
      hiddenNodes.class += 1;
    } else {
      nodes.add(key);
    }
  });

  const shownEdges = (): Set<string> =>
    new Set(
      graph.filterEdges(
        (_, edge, source, target) =>
          !hiddenPredicates.has(edge.predicate) && nodes.has(source) && nodes.has(target),
      ),
    );
  let edges = shownEdges();

  const depthInactive = filters.depth > 0 && (focus === null || !nodes.has(focus));
  if (filters.depth > 0 && focus !== null && nodes.has(focus)) {
    const reached = new Set([focus]);
    let frontier = [focus];
    for (let step = 0; step < filters.depth; step += 1) {
      const next: string[] = [];
      for (const key of frontier) {
        graph.forEachEdge(key, (edge, _, source, target) => {
          if (!edges.has(edge)) return;
          const other = source === key ? target : source;
          if (!reached.has(other)) {
            reached.add(other);
            next.push(other);
          }
        });
      }
      frontier = next;
    }
    for (const key of [...nodes]) {
      if (!reached.has(key)) {
        nodes.delete(key);
        hiddenNodes.depth += 1;
      }
    }
    edges = shownEdges();
  }

  if (filters.hideIsolated) {
    const linked = new Set<string>();
    for (const edge of edges) {
      linked.add(graph.source(edge));
      linked.add(graph.target(edge));
    }
    for (const key of [...nodes]) {
      if (!linked.has(key) && key !== focus) {
        nodes.delete(key);
        hiddenNodes.isolated += 1;
      }
    }
  }

  const hiddenEdges: Record<EdgeHideReason, number> = { predicate: 0, endpoint: 0 };
  graph.forEachEdge((edge, attributes) => {
    if (edges.has(edge)) return;
    if (hiddenPredicates.has(attributes.predicate)) hiddenEdges.predicate += 1;
    else hiddenEdges.endpoint += 1;
  });
  return { nodes, edges, hiddenNodes, hiddenEdges, depthInactive };
}

/** Total of a record of counts. */
export function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Adds or removes `value` in a sorted list, returning a new sorted list. */
export function toggleInSortedList(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort();
}
