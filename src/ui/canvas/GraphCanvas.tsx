// The graph canvas (region "Graph"): sigma drawing the view graph, with its controllers and
// toolbar, or a message while the data loads or when it failed to.
import { SigmaContainer } from '@react-sigma/core';
import { useMemo } from 'react';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { ViewEdge, ViewNode } from '../../graph/appearance.ts';
import { useExplorer, useViewGraph } from '../../state/hooks.tsx';
import { useColorScheme } from '../theme.ts';
import { CanvasControls } from './CanvasControls.tsx';
import { EndpointController } from './EndpointController.tsx';
import { ImageController } from './ImageController.tsx';
import { OverviewController } from './OverviewController.tsx';
import { ViewsController } from './ViewsController.tsx';
import {
  AppearanceController,
  CameraController,
  EventsController,
  FirstFrameMark,
  LayoutController,
  ReducersController,
  ResizeController,
} from './controllers.tsx';
import {
  asPoint,
  EDGES_DRAWN_DURING_LAYOUT,
  hideEdge,
  POINT_NODE_TYPE,
  WAITING_EDGE_TYPE,
} from './reducers.ts';

/** Draws nothing: the program of the edges that wait for the layout (see WAITING_EDGE_TYPE). */
class WaitingEdgeProgram extends EdgeLineProgram<ViewNode, ViewEdge> {
  override process(): void {
    // Nothing to write: each layout step would otherwise fill the edges' buffer with zeros.
  }

  override render(): void {
    // Nothing to draw, and nothing sent to the GPU.
  }
}

// NOTE: SigmaContainer rebuilds sigma whenever this object changes, so it is a constant; what
// depends on the colour scheme or the view state is set by the controllers.
const SETTINGS: Partial<Settings<ViewNode, ViewEdge>> = {
  allowInvalidContainer: true,
  defaultEdgeType: 'arrow',
  enableEdgeEvents: true,
  renderEdgeLabels: true,
  zIndex: true,
  labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelSize: 13,
  labelWeight: '500',
  edgeLabelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  edgeLabelSize: 11,
  edgeLabelWeight: '400',
  // The grid only pre-selects the biggest node of each small cell; LabelPlanner (drawing.ts)
  // then places labels so that none overlaps another.
  labelDensity: 1,
  labelGridCellSize: 40,
  labelRenderedSizeThreshold: 7,
  stagePadding: 40,
  minCameraRatio: 0.03,
  maxCameraRatio: 4,
  nodeProgramClasses: { [POINT_NODE_TYPE]: NodePointProgram },
  edgeProgramClasses: { [WAITING_EDGE_TYPE]: WaitingEdgeProgram },
};

// A large graph's first frame is drawn as its layout starts, so without its edges and with its
// nodes as points (see edgesWaitForLayout): sigma draws that frame as it is made, before
// ReducersController runs.
const SETTINGS_LARGE: Partial<Settings<ViewNode, ViewEdge>> = {
  ...SETTINGS,
  nodeReducer: (_key, data) => asPoint(data),
  edgeReducer: hideEdge,
};

const graphIds = new WeakMap<object, string>();
let lastGraphId = 0;

/**
 * A key per view graph. NOTE: a new graph must remount the whole sigma subtree: otherwise the
 * controllers would run their effects once more on the old sigma instance just before
 * SigmaContainer kills it, and its scheduled frame would then fail.
 */
function graphKey(graph: object): string {
  let id = graphIds.get(graph);
  if (id === undefined) {
    lastGraphId += 1;
    id = String(lastGraphId);
    graphIds.set(graph, id);
  }
  return id;
}

function CanvasMessage() {
  const data = useExplorer((s) => s.data);
  switch (data.status) {
    case 'idle':
    case 'loading':
      return <p className="canvas-message">Loading the graph…</p>;
    case 'failed':
      return (
        <div className="canvas-message" role="alert">
          <p>Could not load {data.source}.</p>
          <pre>{data.message}</pre>
        </div>
      );
    case 'loaded':
      return null;
  }
}

/** The canvas region. */
export function GraphCanvas() {
  const scheme = useColorScheme();
  const graph = useViewGraph(scheme);
  // NOTE: chosen once per graph: a graph grown in place (the endpoint explorer) keeps its sigma.
  const settings = useMemo(
    () => (graph && graph.size > EDGES_DRAWN_DURING_LAYOUT ? SETTINGS_LARGE : SETTINGS),
    [graph],
  );
  return (
    <section className="canvas" aria-label="Graph">
      {graph ? (
        <SigmaContainer<ViewNode, ViewEdge>
          key={graphKey(graph)}
          graph={graph}
          settings={settings}
          className="sigma"
        >
          <AppearanceController scheme={scheme} />
          <ReducersController scheme={scheme} />
          <EventsController />
          <LayoutController />
          <CameraController />
          <FirstFrameMark />
          <ResizeController />
          <ImageController scheme={scheme} />
          <ViewsController />
          <EndpointController />
          <OverviewController />
          <CanvasControls />
        </SigmaContainer>
      ) : (
        <CanvasMessage />
      )}
    </section>
  );
}
