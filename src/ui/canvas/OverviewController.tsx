// The canvas side of the overview of large data: a double click on a class opens its instances
// (instead of zooming in), and each growth of the drawing opened from the overview is brought into
// view as an endpoint's is. Render-nothing, like the other canvas controllers.
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';
import type { SigmaNodeEventPayload } from 'sigma/types';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { selectClassView } from '../../state/overview.ts';
import { useFrameGrowth } from './EndpointController.tsx';

/** Opens classes on a double click, and frames what the overview's drawing gains. */
export function OverviewController() {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const actions = useActions();
  const classView = useExplorer(selectClassView);
  useFrameGrowth(useExplorer((s) => s.overview.growth));
  useEffect(() => {
    if (!classView) return;
    const open = (payload: SigmaNodeEventPayload): void => {
      payload.preventSigmaDefault();
      actions.openClass(payload.node);
    };
    sigma.on('doubleClickNode', open);
    return () => {
      sigma.off('doubleClickNode', open);
    };
  }, [sigma, actions, classView]);
  return null;
}
