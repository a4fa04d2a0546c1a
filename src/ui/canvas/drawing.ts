// Canvas drawing of labels for a colour scheme: node labels and edge labels with a halo in the
// background colour (readable over edges), and the hovered node's label box in the scheme's
// colours (sigma's default box is always white).
import type { Settings } from 'sigma/settings';
import type {
  EdgeLabelDrawingFunction,
  NodeHoverDrawingFunction,
  NodeLabelDrawingFunction,
} from 'sigma/rendering';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';
import type { CanvasTheme } from '../theme.ts';
import { byCodeUnit } from '../../graph/compare.ts';

const HALO_WIDTH = 3;

/** Longest node label drawn in full on the canvas; longer ones end in an ellipsis (hover shows all). */
export const MAX_LABEL_LENGTH = 32;

/** A label cut at a word boundary to at most {@link MAX_LABEL_LENGTH} characters plus "…". */
export function shortLabel(label: string): string {
  if (label.length <= MAX_LABEL_LENGTH) return label;
  const cut = label.slice(0, MAX_LABEL_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function font(settings: Settings<ViewNode, ViewEdge>, kind: 'label' | 'edgeLabel'): string {
  return kind === 'label'
    ? `${settings.labelWeight} ${String(settings.labelSize)}px ${settings.labelFont}`
    : `${settings.edgeLabelWeight} ${String(settings.edgeLabelSize)}px ${settings.edgeLabelFont}`;
}

function textWithHalo(
  context: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  theme: CanvasTheme,
  color: string,
): void {
  context.lineJoin = 'round';
  context.lineWidth = HALO_WIDTH;
  context.strokeStyle = theme.labelHalo;
  context.strokeText(text, x, y);
  context.fillStyle = color;
  context.fillText(text, x, y);
}

/** A node whose label may be drawn this frame, in viewport pixels. */
export interface LabelCandidate {
  key: string;
  label: string;
  x: number;
  /** Rendered radius. */
  size: number;
  y: number;
  /**
   * 2: must be drawn, in full (the selected or hovered node); 1: wanted first (the hovered node's
   * neighbours); 0: drawn where there is room.
   */
  priority: 0 | 1 | 2;
}

function labelBox(x: number, y: number, width: number, fontSize: number): Box {
  return { x: x - 2, y: y - fontSize, width: width + 4, height: fontSize + 5 };
}

/**
 * Chooses which labels a frame draws so that none overlaps another: by priority, then by node size
 * (bigger first), each placed only where its box is free (priority 2 always is). Sigma's label grid alone thins
 * labels out per cell but lets long labels of neighbouring cells run over each other.
 * `invalidate()` runs before every frame; the plan is made on the frame's first label, once
 * sigma has positioned the nodes.
 */
export class LabelPlanner {
  private allowed = new Set<string>();
  private stale = true;
  private readonly widths = new Map<string, number>();
  private nodeBoxes: Box[] = [];
  private edgeBoxes: Box[] = [];
  private edgeFrame: number | null = null;

  constructor(private readonly candidates: () => Iterable<LabelCandidate>) {}

  invalidate(): void {
    this.stale = true;
  }

  /** Whether `key`'s label is drawn in this frame; `measure` gives a text's width in the label font. */
  allows(key: string, measure: (text: string) => number, fontSize: number): boolean {
    if (this.stale) {
      this.plan(measure, fontSize);
      this.stale = false;
    }
    return this.allowed.has(key);
  }

  private width(measure: (text: string) => number, text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = measure(text);
      this.widths.set(text, width);
    }
    return width;
  }

  private plan(measure: (text: string) => number, fontSize: number): void {
    const ordered = [...this.candidates()].sort(
      (a, b) => b.priority - a.priority || b.size - a.size || byCodeUnit(a.key, b.key),
    );
    const boxes: Box[] = [];
    this.allowed = new Set();
    for (const c of ordered) {
      const text = c.priority === 2 ? c.label : shortLabel(c.label);
      const box = labelBox(
        c.x + c.size + 3,
        c.y + fontSize / 3,
        this.width(measure, text),
        fontSize,
      );
      if (c.priority === 2 || isFree(box, boxes)) {
        boxes.push(box);
        this.allowed.add(c.key);
      }
    }
    this.nodeBoxes = boxes;
  }

  /**
   * Claims room for an edge label (its axis-aligned box) unless it would cover a node label or
   * an edge label already drawn in this pass; a forced label (the selected edge) always gets it.
   * NOTE: sigma redraws edge labels alone when the hover changes, so edge claims start afresh on
   * every animation frame rather than with the node plan.
   */
  claimEdgeLabel(box: Box, forced: boolean): boolean {
    const frame = document.timeline.currentTime;
    const frameId = typeof frame === 'number' ? frame : null;
    if (frameId === null || frameId !== this.edgeFrame) {
      this.edgeBoxes = [];
      this.edgeFrame = frameId;
    }
    if (!forced && !(isFree(box, this.nodeBoxes) && isFree(box, this.edgeBoxes))) return false;
    this.edgeBoxes.push(box);
    return true;
  }
}

/** A rectangle of canvas pixels taken by a drawn label. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function isFree(box: Box, taken: readonly Box[]): boolean {
  return taken.every(
    (b) =>
      box.x >= b.x + b.width ||
      b.x >= box.x + box.width ||
      box.y >= b.y + b.height ||
      b.y >= box.y + box.height,
  );
}

/** Node label to the right of the node, with a halo, when the planner has room for it. */
export function nodeLabelDrawer(
  theme: CanvasTheme,
  planner: LabelPlanner,
): NodeLabelDrawingFunction<ViewNode, ViewEdge> {
  return (context, data, settings) => {
    if (!data.label || typeof data.key !== 'string') return;
    context.font = font(settings, 'label');
    const measure = (text: string): number => context.measureText(text).width;
    if (!planner.allows(data.key, measure, settings.labelSize)) return;
    const text = data.highlighted ? data.label : shortLabel(data.label);
    textWithHalo(
      context,
      text,
      data.x + data.size + 3,
      data.y + settings.labelSize / 3,
      theme,
      theme.label,
    );
  };
}

/** Hovered node: a rounded box in the scheme's colours behind the node and its label. */
export function nodeHoverDrawer(theme: CanvasTheme): NodeHoverDrawingFunction<ViewNode, ViewEdge> {
  return (context, data, settings) => {
    const size = settings.labelSize;
    context.font = font(settings, 'label');
    const padding = 3;
    const label = data.label ?? '';
    const width = label ? context.measureText(label).width + 8 : 0;
    const radius = Math.max(data.size, size / 2) + padding;
    context.fillStyle = theme.hoverBox;
    context.shadowColor = theme.hoverShadow;
    context.shadowBlur = 8;
    context.beginPath();
    context.roundRect(
      data.x - radius,
      data.y - radius,
      radius * 2 + (label ? width + 3 : 0),
      radius * 2,
      radius,
    );
    context.fill();
    context.shadowBlur = 0;
    context.shadowColor = 'transparent';
    if (label) {
      context.fillStyle = theme.label;
      context.fillText(label, data.x + data.size + 3, data.y + size / 3);
    }
  };
}

/**
 * Edge label along the middle of the edge, shortened with an ellipsis to fit, with a halo, drawn
 * only where it covers no other label (the selected edge's label always is).
 */
export function edgeLabelDrawer(
  theme: CanvasTheme,
  planner: LabelPlanner,
): EdgeLabelDrawingFunction<ViewNode, ViewEdge> {
  return (context, edge, source, target, settings) => {
    if (!edge.label) return;
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const length = Math.hypot(dx, dy);
    const room = length - source.size - target.size - 8;
    if (room < 24) return;
    context.font = font(settings, 'edgeLabel');
    let text = edge.label;
    if (context.measureText(text).width > room) {
      while (text.length > 1 && context.measureText(`${text}…`).width > room) {
        text = text.slice(0, -1);
      }
      if (text.length < 3) return;
      text = `${text}…`;
    }
    const width = context.measureText(text).width;
    // Keep the text upright: rotate by the edge's angle folded into (-90°, 90°].
    let angle = Math.atan2(dy, dx);
    if (angle > Math.PI / 2) angle -= Math.PI;
    if (angle <= -Math.PI / 2) angle += Math.PI;
    const along = source.size + room / 2 + 4;
    const cx = source.x + (dx * along) / length;
    const cy = source.y + (dy * along) / length;
    const offset = edge.size / 2 + 3;
    // The rotated text's bounding box: half-extents of a width × (font size) rectangle.
    const cos = Math.abs(Math.cos(angle));
    const sin = Math.abs(Math.sin(angle));
    const h = settings.edgeLabelSize + 2;
    const halfW = (width * cos + h * sin) / 2;
    const halfH = (width * sin + h * cos) / 2;
    const mx = cx + Math.sin(angle) * (offset + h / 2);
    const my = cy - Math.cos(angle) * (offset + h / 2);
    const box = { x: mx - halfW, y: my - halfH, width: halfW * 2, height: halfH * 2 };
    if (!planner.claimEdgeLabel(box, edge.forceLabel === true)) return;
    context.save();
    context.translate(cx, cy);
    context.rotate(angle);
    context.textAlign = 'center';
    textWithHalo(context, text, 0, -offset, theme, theme.edgeLabel);
    context.restore();
  };
}
