// Brings what an endpoint exploration just drew into view: after each growth of the explored graph
// (a node expanded, a resource added), the camera moves to frame the node and its neighbours, and
// keeps them framed while the layout tidies the new ones — until the person takes the camera.
// Render-nothing, like the other canvas controllers.
import { useSigma } from '@react-sigma/core';
import { useEffect, useRef } from 'react';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';
import { useExplorer, useExplorerStore } from '../../state/hooks.tsx';

/** Extra room around framed nodes (their labels run to the right). */
const FRAME_MARGIN = 1.6;
/** The closest a frame zooms in (camera ratio). */
const FRAME_MIN_RATIO = 0.25;

/** Frames each growth of the explored graph once it is drawn. */
export function EndpointController() {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const store = useExplorerStore();
  const growth = useExplorer((s) => s.remote.growth);
  // A growth made before this canvas existed is not framed: the canvas starts on the selection.
  const framed = useRef(growth.id);
  useEffect(() => {
    if (growth.id === framed.current) return;
    framed.current = growth.id;
    const graph = sigma.getGraph();
    const camera = sigma.getCamera();
    const target = (): { x: number; y: number; ratio: number } | null => {
      const points = growth.nodes.flatMap((key) => {
        const data = graph.hasNode(key) ? sigma.getNodeDisplayData(key) : undefined;
        return data && !data.hidden ? [data] : [];
      });
      if (points.length === 0) return null;
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      const [minX, maxX, minY, maxY] = [
        Math.min(...xs),
        Math.max(...xs),
        Math.min(...ys),
        Math.max(...ys),
      ];
      const ratio =
        Math.max(maxX - minX, maxY - minY, FRAME_MIN_RATIO / FRAME_MARGIN) * FRAME_MARGIN;
      return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
    };
    // The graph grew in place: draw it now, so the new nodes have their place on screen.
    sigma.refresh();
    const first = target();
    if (first === null) return;
    void camera.animate(first, { duration: 400 });
    // While the layout tidies the new nodes, keep them framed.
    let following = true;
    const stop = (): void => {
      following = false;
    };
    const follow = (): void => {
      if (!following || camera.isAnimated()) return;
      if (store.get().layout.status !== 'running') {
        following = false;
        return;
      }
      const next = target();
      if (next) camera.setState(next);
    };
    sigma.on('afterRender', follow);
    const mouse = sigma.getMouseCaptor();
    const touch = sigma.getTouchCaptor();
    mouse.on('mousedown', stop);
    mouse.on('wheel', stop);
    touch.on('touchdown', stop);
    return () => {
      sigma.off('afterRender', follow);
      mouse.off('mousedown', stop);
      mouse.off('wheel', stop);
      touch.off('touchdown', stop);
    };
  }, [sigma, store, growth]);
  return null;
}
