// Gives the historian's tools what only the canvas has: every drawn node's layout position, a way
// to put nodes back where a saved view had them (the layout paused, so they stay) with the view's
// camera, and a camera move that frames a set of nodes (a path, a sentence's claims).
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';
import { useActions } from '../../state/hooks.tsx';
import type { Positions } from '../../state/views.ts';
import { frameNodes } from './framing.ts';

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
        // Room around the nodes for their labels; never closer than a comfortable reading zoom.
        const target = frameNodes(sigma, nodes);
        if (target) void sigma.getCamera().animate(target, { duration: 500 });
      },
    });
    return () => {
      actions.attachViewCanvas(null);
    };
  }, [sigma, actions]);
  return null;
}
