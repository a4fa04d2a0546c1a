// Appearance: what sigma draws, derived from the data graph. Class → colour from a palette with a
// light and a dark variant of each hue (each at least 3:1 against its scheme's background), a node
// metric → size, and the view graph that carries only render attributes. Pure.
import { MultiDirectedGraph } from 'graphology';
import type Graph from 'graphology-types';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { OverviewGraph } from './overview.ts';
import { UNTYPED, type ClassSummary, type NodeData, type Projection } from './types.ts';

/** The colour scheme the canvas is drawn for. */
export type ColorScheme = 'light' | 'dark';

/**
 * Node colours, most distinct first: `light` for a white background, `dark` for a near-black one.
 * NOTE: eleven hues are about as many as eyes tell apart; classes beyond them are drawn in
 * {@link NEUTRAL_COLOR} rather than repeat a hue that already means another class.
 */
export const PALETTE: readonly { light: string; dark: string }[] = [
  { light: '#2563eb', dark: '#60a5fa' },
  { light: '#c2410c', dark: '#fb923c' },
  { light: '#15803d', dark: '#4ade80' },
  { light: '#7c3aed', dark: '#a78bfa' },
  { light: '#be123c', dark: '#fb7185' },
  { light: '#0f766e', dark: '#2dd4bf' },
  { light: '#a16207', dark: '#facc15' },
  { light: '#a21caf', dark: '#f0abfc' },
  { light: '#0e7490', dark: '#67e8f9' },
  { light: '#4d7c0f', dark: '#bef264' },
  { light: '#78350f', dark: '#d6a76c' },
];

/** Colour of nodes without a class, and of classes beyond the palette. */
export const NEUTRAL_COLOR = { light: '#6b7280', dark: '#9ca3af' } as const;

/** The metrics a node's size can follow. */
export const SIZE_METRICS = ['degree', 'pagerank', 'betweenness'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

/** Human names of the size metrics, for menus. */
export const SIZE_METRIC_LABELS: Readonly<Record<SizeMetric, string>> = {
  degree: 'Number of links',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
};

/** Smallest and largest node radius, in sigma's screen pixels at zoom 1. */
export const NODE_SIZE = { min: 4, max: 15 } as const;

/** Render attributes of a view node: all sigma needs, plus the class that gives its colour. */
export interface ViewNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** The class whose colour the node wears ({@link UNTYPED} when it has none). */
  colorClass: string;
  /** Pinned by the user: the layout leaves it where it was dropped. */
  fixed?: boolean;
}

/** Render attributes of a view edge. */
export interface ViewEdge {
  label: string;
  predicate: string;
  size: number;
}

/** The graph sigma draws: the data graph's structure with render attributes only. */
export type ViewGraph = Graph<ViewNode, ViewEdge>;

/** What colours are given from: classes in legend order (a projection's, an overview's). */
export interface ClassOrder {
  readonly classes: readonly ClassSummary[];
}

/** Colour of each class of a projection, by legend order (non-vocabulary classes first). */
export function classColors(projection: ClassOrder, scheme: ColorScheme): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  for (const c of projection.classes) {
    if (c.iri === UNTYPED) {
      colors.set(c.iri, NEUTRAL_COLOR[scheme]);
    } else {
      colors.set(c.iri, (PALETTE[next] ?? NEUTRAL_COLOR)[scheme]);
      next += 1;
    }
  }
  return colors;
}

/**
 * The class whose colour a node wears: its most specific class (the one with the fewest members),
 * ties broken by legend order; {@link UNTYPED} when it has none.
 */
export function colorClassOf(node: NodeData, projection: Projection): string {
  let best = UNTYPED;
  let bestSize = Infinity;
  for (const c of projection.classes) {
    if (!node.classes.includes(c.iri)) continue;
    const size = c.count + c.vocabularyCount;
    if (size < bestSize) {
      best = c.iri;
      bestSize = size;
    }
  }
  return best;
}

/** Raw metric values of every node of a graph. */
export function metricValues(graph: ViewGraph, metric: SizeMetric): Map<string, number> {
  const values = new Map<string, number>();
  if (metric === 'degree') {
    graph.forEachNode((node) => values.set(node, graph.degree(node)));
    return values;
  }
  if (graph.order === 0) return values;
  const computed =
    metric === 'pagerank'
      ? pagerank(graph, { getEdgeWeight: null })
      : betweennessCentrality(graph, { getEdgeWeight: null });
  for (const [node, value] of Object.entries(computed)) values.set(node, value);
  return values;
}

/**
 * Maps metric values to node sizes between {@link NODE_SIZE}.min and .max on a square-root scale
 * (area grows with the value); every node gets the middle size when all values are equal.
 */
export function sizesFromValues(values: ReadonlyMap<string, number>): Map<string, number> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values.values()) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const sizes = new Map<string, number>();
  for (const [node, v] of values) {
    const t = hi > lo ? Math.sqrt((v - lo) / (hi - lo)) : 0.5;
    sizes.set(node, NODE_SIZE.min + t * (NODE_SIZE.max - NODE_SIZE.min));
  }
  return sizes;
}

/** Options of {@link buildViewGraph}. */
export interface ViewGraphOptions {
  /** Draw vocabulary terms as nodes too. */
  includeVocabulary: boolean;
  scheme: ColorScheme;
  sizeBy: SizeMetric;
  /** Where a node starts (kept positions, else a seeded spot). */
  position: (key: string) => { x: number; y: number };
}

/**
 * Builds the view graph of a projection: every node (vocabulary terms only when asked) and every
 * edge between drawn nodes, with position, size, colour and label; the data graph is not touched.
 */
export function buildViewGraph(projection: Projection, options: ViewGraphOptions): ViewGraph {
  const { graph } = projection;
  const colors = classColors(projection, options.scheme);
  const view = new MultiDirectedGraph<ViewNode, ViewEdge>();
  graph.forEachNode((key, node) => {
    if (node.vocabulary && !options.includeVocabulary) return;
    const colorClass = colorClassOf(node, projection);
    view.addNode(key, {
      ...options.position(key),
      size: NODE_SIZE.min,
      color: colors.get(colorClass) ?? NEUTRAL_COLOR[options.scheme],
      label: node.label,
      colorClass,
    });
  });
  graph.forEachEdge((key, edge, source, target) => {
    if (!view.hasNode(source) || !view.hasNode(target)) return;
    view.addDirectedEdgeWithKey(key, source, target, {
      label: edge.label,
      predicate: edge.predicate,
      size: 1.5,
    });
  });
  resizeViewGraph(view, options.sizeBy);
  return view;
}

/** Sets every node's size from a metric (in place: sizes are render attributes). */
export function resizeViewGraph(view: ViewGraph, sizeBy: SizeMetric): void {
  const sizes = sizesFromValues(metricValues(view, sizeBy));
  view.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    size: sizes.get(node) ?? NODE_SIZE.min,
  }));
}

/** Recolours every node for a colour scheme (in place: colours are render attributes). */
export function recolorViewGraph(
  view: ViewGraph,
  projection: ClassOrder,
  scheme: ColorScheme,
): void {
  const colors = classColors(projection, scheme);
  view.updateEachNodeAttributes((_, attributes) => ({
    ...attributes,
    color: colors.get(attributes.colorClass) ?? NEUTRAL_COLOR[scheme],
  }));
}

/** Radius of a class node of the overview, smallest and largest, in sigma's pixels at zoom 1. */
export const CLASS_NODE_SIZE = { min: 8, max: 36 } as const;

/** Width of a link of the overview, thinnest and widest. */
export const LINK_SIZE = { min: 1, max: 10 } as const;

/**
 * The view graph of an overview's class graph: a node per class, its area growing with its
 * instances, labelled with their number, coloured as its instances are; an edge per link, its
 * width growing with its edges (square-root scales, the largest at the maximum size).
 */
export function buildClassViewGraph(
  classGraph: OverviewGraph,
  order: ClassOrder,
  scheme: ColorScheme,
  position: (key: string) => { x: number; y: number },
): ViewGraph {
  const colors = classColors(order, scheme);
  const view = new MultiDirectedGraph<ViewNode, ViewEdge>();
  // NOTE: reduced, not spread into Math.max: data may have more classes than a call has arguments.
  const most = classGraph.reduceNodes((m, _, a) => Math.max(m, a.count), 1);
  classGraph.forEachNode((key, { label, count }) => {
    view.addNode(key, {
      ...position(key),
      size:
        CLASS_NODE_SIZE.min + Math.sqrt(count / most) * (CLASS_NODE_SIZE.max - CLASS_NODE_SIZE.min),
      color: colors.get(key) ?? NEUTRAL_COLOR[scheme],
      label: `${label} (${count.toLocaleString('en')})`,
      colorClass: key,
    });
  });
  const widest = classGraph.reduceEdges((m, _, a) => Math.max(m, a.count), 1);
  classGraph.forEachEdge((key, { label, predicate, count }, source, target) => {
    view.addDirectedEdgeWithKey(key, source, target, {
      label: `${label} (${count.toLocaleString('en')})`,
      predicate,
      size: LINK_SIZE.min + Math.sqrt(count / widest) * (LINK_SIZE.max - LINK_SIZE.min),
    });
  });
  return view;
}
