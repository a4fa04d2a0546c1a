// Growing a drawn graph without scrambling it: when an exploration adds nodes (a node of a SPARQL
// endpoint expanded), the view graph grows in place — every node already drawn keeps its position,
// each new node is placed next to the node it was reached from (its anchor), in a fan facing away
// from the rest of the graph. The layout is not run again for a growth: ForceAtlas2 would pull a
// hub's fan into a ring around the hub, over what was drawn before. If a layout run is under way
// when the graph grows, the nodes already drawn are pinned until it ends, so only the new ones
// move. Pure but for the pins' bookkeeping.
import {
  classColors,
  colorClassOf,
  NEUTRAL_COLOR,
  NODE_SIZE,
  resizeViewGraph,
  type ColorScheme,
  type SizeMetric,
  type ViewGraph,
} from '../graph/appearance.ts';
import type { Projection } from '../graph/types.ts';
import { seededPosition } from './initial.ts';

/** A point of the layout's plane. */
export interface Point {
  x: number;
  y: number;
}

/** 2 − φ: its multiples, taken modulo 1, spread over [0, 1) as evenly as any sequence can. */
const GOLDEN = (3 - Math.sqrt(5)) / 2;

/** The median of some numbers (0 for none). */
function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The graph's typical link length: the median length of its drawn edges, else its extent shared
 * out among its nodes, else 10 (a graph of one node).
 */
export function typicalLength(positions: ReadonlyMap<string, Point>, edges: [string, string][]) {
  const lengths: number[] = [];
  for (const [s, t] of edges) {
    const a = positions.get(s);
    const b = positions.get(t);
    if (a && b && s !== t) lengths.push(Math.hypot(a.x - b.x, a.y - b.y));
  }
  const fromEdges = median(lengths.filter((l) => l > 0));
  if (fromEdges > 0) return fromEdges;
  const points = [...positions.values()];
  if (points.length > 1) {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const extent = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    if (extent > 0) return extent / Math.sqrt(points.length);
  }
  return 10;
}

/** The widest fan of new neighbours: a half-turn, facing away from the drawn graph. */
const FAN = Math.PI;

/**
 * Starting positions of new nodes. The new neighbours of a placed anchor fan out from it on the
 * side facing away from the centre of the drawn graph — spread over up to half a turn, the first
 * ones closest, at about `length` and further with the square root of their number (a sunflower
 * cut to a fan) — so they land beside what is drawn rather than on it. A node without a placed
 * anchor goes at a seeded spot around the centre, at the drawn graph's typical reach. The same
 * inputs always give the same positions.
 */
export function placeNewNodes(
  newNodes: readonly string[],
  anchors: ReadonlyMap<string, string>,
  positions: ReadonlyMap<string, Point>,
  length: number,
): Map<string, Point> {
  const placed = new Map<string, Point>();
  const points = [...positions.values()];
  const centre =
    points.length === 0
      ? { x: 0, y: 0 }
      : {
          x: points.reduce((s, p) => s + p.x, 0) / points.length,
          y: points.reduce((s, p) => s + p.y, 0) / points.length,
        };
  const children = new Map<string, string[]>();
  for (const node of newNodes) {
    const anchor = anchors.get(node);
    if (anchor !== undefined && positions.has(anchor)) {
      const list = children.get(anchor);
      if (list) list.push(node);
      else children.set(anchor, [node]);
    } else {
      const offset = seededPosition(node, 1);
      const reach = Math.max(length, Math.sqrt(points.length) * length * 0.5);
      placed.set(node, { x: centre.x + offset.x * reach, y: centre.y + offset.y * reach });
    }
  }
  for (const [anchor, nodes] of children) {
    const a = positions.get(anchor) ?? centre;
    const away =
      Math.hypot(a.x - centre.x, a.y - centre.y) > 1e-9
        ? Math.atan2(a.y - centre.y, a.x - centre.x)
        : seededPosition(anchor, 1).x * Math.PI;
    // A few neighbours spread evenly over a part of the fan; many fill all of it.
    const span = Math.min(FAN, (nodes.length - 1) * (Math.PI / 6));
    nodes.forEach((node, j) => {
      const t = nodes.length === 1 ? 0.5 : (j * GOLDEN) % 1;
      const angle = away + (t - 0.5) * span;
      const radius = length * (1 + 0.35 * Math.sqrt(j));
      placed.set(node, { x: a.x + radius * Math.cos(angle), y: a.y + radius * Math.sin(angle) });
    });
  }
  return placed;
}

/** Options of {@link growViewGraph}. */
export interface GrowOptions {
  /** For each new node, the node it was reached from. */
  anchors: ReadonlyMap<string, string>;
  includeVocabulary: boolean;
  scheme: ColorScheme;
  sizeBy: SizeMetric;
}

/** Nodes pinned by the last growth, released when its layout run ends. */
let pinned: { view: ViewGraph; nodes: string[] } | null = null;

/**
 * Grows `view` in place to draw `projection`, a superset of what it draws: labels and classes of
 * the nodes already drawn are brought up to date, new nodes and edges are added (new nodes placed
 * by {@link placeNewNodes}), sizes follow the metric, and the nodes already drawn are pinned
 * (`fixed`) until {@link releaseGrowthPins}. Nodes that became vocabulary terms leave the view
 * unless those are drawn. Returns the keys of the nodes added.
 */
export function growViewGraph(
  view: ViewGraph,
  projection: Projection,
  options: GrowOptions,
): string[] {
  const { graph } = projection;
  const colors = classColors(projection, options.scheme);
  const drawn = (key: string): boolean =>
    graph.hasNode(key) && (options.includeVocabulary || !graph.getNodeAttribute(key, 'vocabulary'));
  const positions = new Map<string, Point>();
  const gone: string[] = [];
  view.forEachNode((key, attributes) => {
    if (drawn(key)) positions.set(key, { x: attributes.x, y: attributes.y });
    else gone.push(key);
  });
  for (const key of gone) view.dropNode(key);
  const added = graph.filterNodes((key) => drawn(key) && !view.hasNode(key));
  const edges = view.mapEdges((_, __, source, target): [string, string] => [source, target]);
  const placed = placeNewNodes(added, options.anchors, positions, typicalLength(positions, edges));
  // Pin first: the layout's worker restarts as soon as nodes are added, and reads the pins then.
  releaseGrowthPins();
  const pins = view.filterNodes((_, attributes) => attributes.fixed !== true);
  for (const key of pins) view.setNodeAttribute(key, 'fixed', true);
  pinned = { view, nodes: pins };
  view.updateEachNodeAttributes((key, attributes) => {
    const node = graph.getNodeAttributes(key);
    const colorClass = colorClassOf(node, projection);
    return {
      ...attributes,
      label: node.label,
      colorClass,
      color: colors.get(colorClass) ?? NEUTRAL_COLOR[options.scheme],
    };
  });
  for (const key of added) {
    const node = graph.getNodeAttributes(key);
    const colorClass = colorClassOf(node, projection);
    view.addNode(key, {
      ...(placed.get(key) ?? seededPosition(key)),
      size: NODE_SIZE.min,
      color: colors.get(colorClass) ?? NEUTRAL_COLOR[options.scheme],
      label: node.label,
      colorClass,
    });
  }
  graph.forEachEdge((key, edge, source, target) => {
    if (view.hasEdge(key) || !view.hasNode(source) || !view.hasNode(target)) return;
    view.addDirectedEdgeWithKey(key, source, target, {
      label: edge.label,
      predicate: edge.predicate,
      size: 1.5,
    });
  });
  resizeViewGraph(view, options.sizeBy);
  return added;
}

/** Releases the nodes the last growth pinned (those the user pinned by dragging stay pinned). */
export function releaseGrowthPins(): void {
  if (!pinned) return;
  const { view, nodes } = pinned;
  pinned = null;
  for (const key of nodes) {
    if (view.hasNode(key)) view.setNodeAttribute(key, 'fixed', false);
  }
}

/** Whether some nodes are pinned by a growth (its layout run has not ended yet). */
export function hasGrowthPins(): boolean {
  return pinned !== null;
}
