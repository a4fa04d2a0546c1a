// Gives the historian's tools what only the canvas has: every drawn node's layout position, a way
// to put nodes back where a saved view had them (the layout paused, so they stay) with the view's
// camera, and a camera move that frames a set of nodes (a path, a sentence's claims).
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';
import { useActions } from '../../state/hooks.tsx';
import type { Positions } from '../../state/views.ts';

/** Extra room around framed nodes (their labels run to the right). */
const FRAME_MARGIN = 1.6;
/** The closest a frame zooms in (camera ratio). */
const FRAME_MIN_RATIO = 0.25;

/** Registers the canvas commands of this sigma with the actions while mounted. */
export function ViewsController() {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const actions = useActions();
  useEffect(() => {
    const graph = sigma.getGraph();
    actions.attachViewCanvas({
      positions: () => {
        const out: Positions = {};
        graph.forEachNode((key, { x, y }) => {
          out[key] = [x, y];
        });
        return out;
      },
      place: (positions, camera) => {
        actions.pauseLayout();
        // NOTE: a frame frozen by a drag would give the camera another meaning; views are saved
        // and placed against the graph's own extent.
        sigma.setCustomBBox(null);
        graph.updateEachNodeAttributes((key, attributes) => {
          const at = positions[key];
          return at ? { ...attributes, x: at[0], y: at[1] } : attributes;
        });
        sigma.refresh();
        if (camera) sigma.getCamera().setState(camera);
      },
      frame: (nodes) => {
        const points = nodes.flatMap((key) => {
          const data = graph.hasNode(key) ? sigma.getNodeDisplayData(key) : undefined;
          return data && !data.hidden ? [data] : [];
        });
        if (points.length === 0) return;
        const xs = points.map((p) => p.x);
        const ys = points.map((p) => p.y);
        const [minX, maxX, minY, maxY] = [
          Math.min(...xs),
          Math.max(...xs),
          Math.min(...ys),
          Math.max(...ys),
        ];
        // Room around the nodes for their labels; never closer than a comfortable reading zoom.
        const ratio =
          Math.max(maxX - minX, maxY - minY, FRAME_MIN_RATIO / FRAME_MARGIN) * FRAME_MARGIN;
        void sigma
          .getCamera()
          .animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 500 });
      },
    });
    return () => {
      actions.attachViewCanvas(null);
    };
  }, [sigma, actions]);
  return null;
}
