// Where the camera must go to frame a set of drawn nodes: the centre of their box and a ratio that
// fits it. Shared by "Fit to screen", the historian's tools (a path, a sentence's claims) and the
// endpoint explorer (each growth). A loop, not Math.min(...xs): spreading the coordinates of a
// large graph as arguments overflows the call stack.
import type Sigma from 'sigma';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';

/** Extra room around framed nodes (their labels run to the right). */
const FRAME_MARGIN = 1.6;
/** The closest a frame of a few nodes zooms in (camera ratio). */
const FRAME_MIN_RATIO = 0.25;

export interface FrameOptions {
  /** The ratio is the box's larger side times this. */
  margin: number;
  /** The smallest ratio given (the closest zoom). */
  minRatio: number;
}

const FOR_FEW: FrameOptions = { margin: FRAME_MARGIN, minRatio: FRAME_MIN_RATIO };

/**
 * The camera state framing the shown nodes among `keys` (every node of the graph when omitted), or
 * null when none of them is shown.
 */
export function frameNodes(
  sigma: Sigma<ViewNode, ViewEdge>,
  keys?: Iterable<string>,
  options: FrameOptions = FOR_FEW,
): { x: number; y: number; ratio: number } | null {
  const graph = sigma.getGraph();
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const key of keys ?? graph.nodes()) {
    const data = graph.hasNode(key) ? sigma.getNodeDisplayData(key) : undefined;
    if (!data || data.hidden) continue;
    minX = Math.min(minX, data.x);
    maxX = Math.max(maxX, data.x);
    minY = Math.min(minY, data.y);
    maxY = Math.max(maxY, data.y);
  }
  if (minX > maxX) return null;
  const ratio = Math.max(Math.max(maxX - minX, maxY - minY) * options.margin, options.minRatio);
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
}
