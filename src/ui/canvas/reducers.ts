// What sigma draws for each node and edge given the view state: hidden by the filters, dimmed
// away from the hovered node, emphasised around the selection, edge labels where they can be read.
// Pure functions of their inputs, called from sigma's nodeReducer/edgeReducer.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ViewEdge, ViewGraph, ViewNode } from '../../graph/appearance.ts';
import type { Visibility } from '../../graph/filters.ts';
import type { LayoutStatus } from '../../layout/forceAtlas2.ts';
import type { CanvasTheme } from '../theme.ts';

/** Everything the reducers depend on, gathered once per change of view state. */
export interface ReducerContext {
  visibility: Visibility;
  hovered: string | null;
  /** The hovered node and its shown neighbours. */
  hoverGroup: ReadonlySet<string>;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** Label to draw on each edge that carries one (one label per linked pair, see {@link pairLabels}). */
  edgeLabels: ReadonlyMap<string, string>;
  /** Zoomed in far enough for every edge label to be drawn. */
  zoomedIn: boolean;
  theme: CanvasTheme;
  /** Nodes found by the latest query: emphasised, the others toned down (none while null). */
  results?: ReadonlySet<string> | null;
  /**
   * What a clicked sentence supports, or the paths found (state/sources.ts): drawn strong, the
   * rest toned down (none while null).
   */
  emphasis?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  /** Nodes whose label is drawn whatever their size: those an endpoint exploration just drew. */
  labelled?: ReadonlySet<string> | null;
}

/**
 * Above this many edges, edges are not drawn while the layout moves the nodes. NOTE: every layout
 * step moves every edge, so each frame sigma re-processes and the GPU redraws all of them; without
 * a GPU (software WebGL) tens of thousands of edges take seconds a frame, and the page waits for
 * each frame's pixels before it can do anything else.
 */
export const EDGES_DRAWN_DURING_LAYOUT = 5000;

/**
 * Whether the edges of `graph` wait for the layout to rest before they are drawn (and its nodes
 * are drawn as points): a large graph while its layout runs, and before it starts (the first
 * frame, drawn as the layout begins).
 */
export function edgesWaitForLayout(graph: ViewGraph, layout: LayoutStatus['status']): boolean {
  return graph.size > EDGES_DRAWN_DURING_LAYOUT && (layout === 'running' || layout === 'idle');
}

/**
 * Type of the edges that wait for the layout, drawn by a program that draws nothing. NOTE: hidden
 * edges alone are not enough: sigma still sends every one to the GPU, and with software WebGL
 * even empty instances cost seconds a frame at tens of thousands of edges.
 */
export const WAITING_EDGE_TYPE = 'waiting';

/** Edge reducer that hides every edge and draws none. */
export function hideEdge(_key: string, data: ViewEdge): Partial<EdgeDisplayData> {
  return { ...data, type: WAITING_EDGE_TYPE, hidden: true };
}

/**
 * Type of the nodes of a large graph while its layout runs: drawn as points, one vertex each.
 * NOTE: sigma's circles are instanced triangles, which software WebGL draws about ten times
 * slower (half a second a frame at 10k nodes); points look the same at the sizes a layout shows.
 */
export const POINT_NODE_TYPE = 'point';

/** A node drawn as a point (see POINT_NODE_TYPE). */
export function asPoint(data: Partial<NodeDisplayData>): Partial<NodeDisplayData> {
  return { ...data, type: POINT_NODE_TYPE };
}

/** How much bigger an emphasised node is drawn. */
export const EMPHASIS_SCALE = 1.3;

/** Mixes two `#rrggbb` colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mixColors(a: string, b: string, t: number): string {
  const parse = (hex: string): number[] =>
    [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const ca = parse(a);
  const cb = parse(b);
  if (a.length !== 7 || b.length !== 7 || [...ca, ...cb].some(Number.isNaN)) return a;
  return `#${ca
    .map((v, i) =>
      Math.round(v + ((cb[i] ?? v) - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * One label per pair of linked nodes, so parallel edges (two people linked by several predicates,
 * or in both directions) do not print their labels on top of each other: the pair's first edge by
 * key carries every distinct predicate label of the pair, joined by " · ".
 */
export function pairLabels(graph: ViewGraph, shown: ReadonlySet<string>): Map<string, string> {
  const pairs = new Map<string, { edge: string; labels: string[] }>();
  const keys = [...shown].filter((e) => graph.hasEdge(e)).sort();
  for (const edge of keys) {
    const [a, b] = [graph.source(edge), graph.target(edge)].sort();
    const id = `${a ?? ''}\n${b ?? ''}`;
    const label = graph.getEdgeAttribute(edge, 'label');
    const pair = pairs.get(id);
    if (!pair) pairs.set(id, { edge, labels: [label] });
    else if (!pair.labels.includes(label)) pair.labels.push(label);
  }
  return new Map([...pairs.values()].map((p) => [p.edge, p.labels.join(' · ')]));
}

/** Display data of a node. */
export function reduceNode(
  key: string,
  data: ViewNode,
  ctx: ReducerContext,
): Partial<NodeDisplayData> {
  if (!ctx.visibility.nodes.has(key)) return { ...data, hidden: true };
  const out: Partial<NodeDisplayData> = { ...data, zIndex: 1 };
  if (ctx.hovered !== null && !ctx.hoverGroup.has(key)) {
    out.color = mixColors(data.color, ctx.theme.background, 0.78);
    out.label = null;
    out.zIndex = 0;
  } else if (ctx.hovered !== null) {
    out.forceLabel = true;
    out.zIndex = 2;
    // The hovered node itself: its label is drawn in full, whatever else wants the room.
    if (key === ctx.hovered) out.highlighted = true;
  }
  if (ctx.hovered === null && ctx.labelled?.has(key) === true) out.forceLabel = true;
  if (ctx.hovered === null && ctx.results && ctx.results.size > 0) {
    if (ctx.results.has(key)) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 2;
    } else {
      out.color = mixColors(data.color, ctx.theme.background, 0.6);
    }
  }
  if (ctx.hovered === null && ctx.emphasis) {
    if (ctx.emphasis.nodes.has(key)) {
      // NOTE: not `highlighted`: several emphasised labels sit close together (a path's end and
      // its neighbours), and the label planner keeps them from covering one another.
      out.size = data.size * EMPHASIS_SCALE;
      out.forceLabel = true;
      out.zIndex = 2;
    } else {
      out.color = mixColors(data.color, ctx.theme.background, 0.7);
      out.label = null;
      out.zIndex = 0;
    }
  }
  if (key === ctx.selectedNode) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 3;
  }
  return out;
}

/** Display data of an edge. */
export function reduceEdge(
  key: string,
  data: ViewEdge,
  source: string,
  target: string,
  ctx: ReducerContext,
): Partial<EdgeDisplayData> {
  if (!ctx.visibility.edges.has(key)) return { ...data, hidden: true };
  const touchesHover = ctx.hovered !== null && (source === ctx.hovered || target === ctx.hovered);
  const touchesSelection =
    ctx.selectedNode !== null && (source === ctx.selectedNode || target === ctx.selectedNode);
  const label = ctx.edgeLabels.get(key) ?? null;
  const out: Partial<EdgeDisplayData> = { ...data, color: ctx.theme.edge, label: null, zIndex: 0 };
  if (key === ctx.selectedEdge) {
    return {
      ...out,
      color: ctx.theme.accent,
      size: data.size * 2.5,
      label: data.label,
      forceLabel: true,
      zIndex: 2,
    };
  }
  if (ctx.hovered === null && ctx.emphasis) {
    return ctx.emphasis.edges.has(key)
      ? {
          ...out,
          color: ctx.theme.accent,
          size: data.size * 2,
          label: data.label,
          forceLabel: true,
          zIndex: 2,
        }
      : { ...out, color: mixColors(ctx.theme.edge, ctx.theme.background, 0.6) };
  }
  if (ctx.hovered !== null && !touchesHover) {
    return { ...out, color: mixColors(ctx.theme.edge, ctx.theme.background, 0.6) };
  }
  if (touchesHover || touchesSelection) {
    // Sigma offers these labels anyway (an end is hovered or highlighted); the label planner
    // keeps those that have room.
    return { ...out, color: ctx.theme.edgeStrong, label, zIndex: 1 };
  }
  return ctx.zoomedIn ? { ...out, label } : out;
}
