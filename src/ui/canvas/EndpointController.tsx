// Brings what an endpoint exploration just drew into view: after each growth of the explored graph
// (a node expanded, a resource added), the camera moves to frame the node and its neighbours, and
// keeps them framed while the layout tidies the new ones — until the person takes the camera.
// The drawing opened from the overview of large data grows the same way (OverviewController).
// Render-nothing, like the other canvas controllers.
import { useSigma } from '@react-sigma/core';
import { useEffect, useRef } from 'react';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';
import { useExplorer, useExplorerStore } from '../../state/hooks.tsx';
import type { Growth } from '../../state/remote.ts';
import { frameNodes } from './framing.ts';

/** Frames each growth of the explored graph once it is drawn. */
export function EndpointController() {
  useFrameGrowth(useExplorer((s) => s.remote.growth));
  return null;
}

/** Frames each new `growth` of the drawn graph once it is drawn, and while the layout tidies it. */
export function useFrameGrowth(growth: Growth): void {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const store = useExplorerStore();
  // A growth made before this canvas existed is not framed: the canvas starts on the selection.
  const framed = useRef(growth.id);
  useEffect(() => {
    if (growth.id === framed.current) return;
    framed.current = growth.id;
    const camera = sigma.getCamera();
    const target = () => frameNodes(sigma, growth.nodes);
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
}
