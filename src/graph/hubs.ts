// Hubs: a node with more neighbours than a threshold (a class, a place, an archive with thousands of
// links) would flood the view, so its neighbours are shown a page at a time and the rest are folded
// into one "+N" group the user can page through. Nothing is dropped: every group says how many
// neighbours it folds, and a folded neighbour is hidden only when it has no other link on screen.
//
// Rules, applied to the nodes and edges already shown (after the filters, see filters.ts):
//   - a hub is a node with more than `threshold` distinct shown neighbours;
//   - a hub's neighbours that are not hubs are ordered most connected first (then by key) and cut
//     into pages of `pageSize`; the open page (0 unless `pages` says otherwise) is shown;
//   - an edge between a hub and a neighbour folded under it is hidden; edges between two hubs are
//     never folded;
//   - a node is hidden when every one of its shown edges is hidden; hubs never are.
// Pure: reads the graph, never changes it; the result feeds sigma's reducers.
import type Graph from 'graphology';
import { byCodeUnit } from './compare.ts';

/** Default number of neighbours above which a node is collapsed. */
export const DEFAULT_HUB_THRESHOLD = 50;

/** What is shown before hubs are collapsed (filters.ts `Visibility` fits as it is). */
export interface Shown {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Options of {@link collapseHubs}. */
export interface HubOptions {
  /** A node with more distinct neighbours than this is a hub (default {@link DEFAULT_HUB_THRESHOLD}). */
  threshold?: number;
  /** Neighbours shown per page (default: the threshold). */
  pageSize?: number;
  /** The page open for each hub, by hub key (default 0; clamped to the last page). */
  pages?: ReadonlyMap<string, number>;
  /** What the filters show (default: the whole graph). */
  shown?: Shown;
}

/** One hub's neighbours as a group. */
export interface HubGroup {
  hub: string;
  /** Neighbours grouped under the hub (other hubs are not grouped). */
  neighbours: number;
  /** The open page, from 0. */
  page: number;
  pages: number;
  /** Neighbours of the open page, most connected first. */
  shown: string[];
  /** Neighbours not on the open page: the N of "+N". */
  folded: number;
}

/** What collapsing hubs hides, and each hub's group. */
export interface HubCollapse {
  /** Groups by hub key, hubs in key order. */
  groups: ReadonlyMap<string, HubGroup>;
  /** Shown nodes the collapse hides (every shown edge of theirs is folded). */
  hiddenNodes: ReadonlySet<string>;
  /** Shown edges the collapse hides. */
  hiddenEdges: ReadonlySet<string>;
}

/** The badge of a group: "+N" with N the folded neighbours ("+1,234"); '' when none is folded. */
export function groupBadge(group: HubGroup): string {
  return group.folded > 0 ? `+${group.folded.toLocaleString('en')}` : '';
}

function checkCount(name: string, value: number, least: number): number {
  if (!Number.isInteger(value) || value < least)
    throw new RangeError(`${name} must be a whole number of at least ${least}; got ${value}.`);
  return value;
}

/**
 * Collapses the hubs of `graph` by the rules above. Deterministic: the same graph, options and
 * shown sets give the same groups whatever the graph's insertion order.
 */
export function collapseHubs(graph: Graph, options: HubOptions = {}): HubCollapse {
  const threshold = checkCount('threshold', options.threshold ?? DEFAULT_HUB_THRESHOLD, 1);
  const pageSize = checkCount('pageSize', options.pageSize ?? threshold, 1);
  const shownNodes = options.shown?.nodes;
  const shownEdges = options.shown?.edges;
  const isShownNode = (node: string): boolean => shownNodes?.has(node) ?? true;
  const isShownEdge = (edge: string): boolean => shownEdges?.has(edge) ?? true;

  // Distinct shown neighbours of every shown node, and its number of shown edges.
  const neighbours = new Map<string, Set<string>>();
  const degree = new Map<string, number>();
  graph.forEachNode((node) => {
    if (isShownNode(node)) {
      neighbours.set(node, new Set());
      degree.set(node, 0);
    }
  });
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (!isShownEdge(edge) || !isShownNode(source) || !isShownNode(target)) return;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    if (source === target) return;
    degree.set(target, (degree.get(target) ?? 0) + 1);
    neighbours.get(source)?.add(target);
    neighbours.get(target)?.add(source);
  });
  const hubs = new Set<string>();
  for (const [node, set] of neighbours) if (set.size > threshold) hubs.add(node);

  // Each hub's group, and which of its neighbours are folded.
  const groups = new Map<string, HubGroup>();
  const folded = new Map<string, Set<string>>();
  const byDegree = (a: string, b: string): number =>
    (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || byCodeUnit(a, b);
  for (const hub of [...hubs].sort(byCodeUnit)) {
    const members = [...(neighbours.get(hub) ?? [])].filter((n) => !hubs.has(n)).sort(byDegree);
    const pages = Math.max(1, Math.ceil(members.length / pageSize));
    const page = Math.min(Math.max(0, Math.floor(options.pages?.get(hub) ?? 0)), pages - 1);
    const shown = members.slice(page * pageSize, (page + 1) * pageSize);
    const onPage = new Set(shown);
    folded.set(hub, new Set(members.filter((n) => !onPage.has(n))));
    groups.set(hub, {
      hub,
      neighbours: members.length,
      page,
      pages,
      shown,
      folded: members.length - shown.length,
    });
  }

  // Edges folded into a group, then nodes left without a shown edge.
  const hiddenEdges = new Set<string>();
  const keptEdges = new Map<string, number>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (!isShownEdge(edge) || !isShownNode(source) || !isShownNode(target)) return;
    const hidden =
      (folded.get(source)?.has(target) ?? false) || (folded.get(target)?.has(source) ?? false);
    if (hidden) {
      hiddenEdges.add(edge);
      return;
    }
    keptEdges.set(source, (keptEdges.get(source) ?? 0) + 1);
    if (source !== target) keptEdges.set(target, (keptEdges.get(target) ?? 0) + 1);
  });
  const hiddenNodes = new Set<string>();
  for (const set of folded.values()) {
    for (const node of set) if ((keptEdges.get(node) ?? 0) === 0) hiddenNodes.add(node);
  }
  return { groups, hiddenNodes, hiddenEdges };
}
