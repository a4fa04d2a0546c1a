// Offers the export action a PNG of the canvas as drawn: sigma's layers (edges, nodes, labels)
// composited in their stacking order over the canvas colour, at the canvas's own pixel size.
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';
import type { ColorScheme, ViewEdge, ViewNode } from '../../graph/appearance.ts';
import { useActions } from '../../state/hooks.tsx';
import { CANVAS_THEMES } from '../theme.ts';

/** Registers the PNG drawing of this sigma with the actions while mounted. */
export function ImageController({ scheme }: { scheme: ColorScheme }) {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const actions = useActions();
  useEffect(() => {
    actions.attachImage(
      () =>
        new Promise<Blob>((resolve, reject) => {
          // NOTE: sigma's WebGL layers do not keep their drawing buffer; rendering synchronously and
          // copying in the same task reads them before the browser clears them.
          sigma.refresh();
          const layers = [...sigma.getContainer().querySelectorAll('canvas')];
          const first = layers[0];
          if (!first) {
            reject(new Error('The graph is not drawn yet.'));
            return;
          }
          const out = document.createElement('canvas');
          out.width = first.width;
          out.height = first.height;
          const context = out.getContext('2d');
          if (!context) {
            reject(new Error('This browser cannot draw an image of the graph.'));
            return;
          }
          context.fillStyle = CANVAS_THEMES[scheme].background;
          context.fillRect(0, 0, out.width, out.height);
          for (const layer of layers) context.drawImage(layer, 0, 0, out.width, out.height);
          out.toBlob((blob) => {
            if (blob) resolve(blob);
            else reject(new Error('The image of the graph could not be encoded.'));
          }, 'image/png');
        }),
    );
    return () => {
      actions.attachImage(null);
    };
  }, [sigma, actions, scheme]);
  return null;
}
