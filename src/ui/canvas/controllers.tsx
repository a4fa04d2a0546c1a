// Render-nothing controllers that give the sigma instance its behaviour. Each reads the explorer
// through the hooks and drives sigma imperatively; none of them changes the data graph.
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type Sigma from 'sigma';
import {
  recolorViewGraph,
  resizeViewGraph,
  type ColorScheme,
  type ViewEdge,
  type ViewNode,
} from '../../graph/appearance.ts';
import { startForceLayout } from '../../layout/forceAtlas2.ts';
import type { CanvasCommands } from '../../state/actions.ts';
import type { Camera, Selection } from '../../state/explorer.ts';
import {
  useActions,
  useDataset,
  useExplorer,
  useExplorerStore,
  useVisibility,
} from '../../state/hooks.tsx';
import { selectClassView, selectLarge } from '../../state/overview.ts';
import { selectGrowthLabels } from '../../state/remote.ts';
import { selectResultNodes } from '../../state/selectors.ts';
import { selectEmphasis } from '../../state/sources.ts';
import { CANVAS_THEMES } from '../theme.ts';
import {
  edgeLabelDrawer,
  LabelPlanner,
  nodeHoverDrawer,
  nodeLabelDrawer,
  type LabelCandidate,
} from './drawing.ts';
import { frameNodes } from './framing.ts';
import {
  asPoint,
  edgesWaitForLayout,
  hideEdge,
  pairLabels,
  reduceEdge,
  reduceNode,
  type ReducerContext,
} from './reducers.ts';

type ViewSigma = Sigma<ViewNode, ViewEdge>;

/** Below this camera ratio every edge label is drawn (zoomed in), above it only around focus. */
const EDGE_LABELS_RATIO = 0.45;

/** Camera ratio used when walking to a node from afar. */
const FOCUS_RATIO = 0.35;

const ANIMATION = { duration: 500 } as const;

/** "Fit to screen": the whole drawing, a tenth of room around it. */
const FIT = { margin: 1.1, minRatio: 0.1 } as const;

/** Nodes whose label could be drawn now: shown, on screen, big enough or forced. */
function* labelCandidates(sigma: ViewSigma): Generator<LabelCandidate> {
  const { width, height } = sigma.getDimensions();
  const threshold = sigma.getSetting('labelRenderedSizeThreshold');
  for (const key of sigma.getGraph().nodes()) {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden || !data.label) continue;
    const size = sigma.scaleSize(data.size);
    const priority = data.highlighted ? 2 : data.forceLabel ? 1 : 0;
    if (priority === 0 && size < threshold) continue;
    const { x, y } = sigma.framedGraphToViewport(data);
    if (x < -300 || x > width + 50 || y < -50 || y > height + 50) continue;
    yield { key, label: data.label, x, y, size, priority };
  }
}

/** Colours, label drawing, node sizes and colours for the colour scheme and the chosen metric. */
export function AppearanceController({ scheme }: { scheme: ColorScheme }) {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const dataset = useDataset();
  const sizeBy = useExplorer((s) => s.sizeBy);
  const classView = useExplorer(selectClassView);
  const large = useExplorer(selectLarge);
  useEffect(() => {
    const theme = CANVAS_THEMES[scheme];
    const planner = new LabelPlanner(() => labelCandidates(sigma));
    const reset = (): void => {
      planner.invalidate();
    };
    sigma.on('beforeRender', reset);
    sigma.setSettings({
      labelColor: { color: theme.label },
      edgeLabelColor: { color: theme.edgeLabel },
      defaultEdgeColor: theme.edge,
      defaultDrawNodeLabel: nodeLabelDrawer(theme, planner),
      defaultDrawNodeHover: nodeHoverDrawer(theme),
      defaultDrawEdgeLabel: edgeLabelDrawer(theme, planner),
    });
    return () => {
      sigma.off('beforeRender', reset);
    };
  }, [sigma, scheme]);
  useEffect(() => {
    // The class graph of an overview: each class wears its own colour, in the overview's order.
    const order = classView ? large?.overview : dataset?.projection;
    if (order) recolorViewGraph(sigma.getGraph(), order, scheme);
  }, [sigma, dataset, scheme, classView, large]);
  useEffect(() => {
    // A class of the overview is as big as its number of instances, whatever the metric.
    if (!classView) resizeViewGraph(sigma.getGraph(), sizeBy);
  }, [sigma, sizeBy, classView]);
  return null;
}

/** Feeds sigma's reducers with filters, hover, selection and zoom level. */
export function ReducersController({ scheme }: { scheme: ColorScheme }) {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const graph = sigma.getGraph();
  const layout = useExplorer((s) => s.layout.status);
  // NOTE: until this graph's layout has run, the status may still be the previous graph's.
  const [layoutStarted, setLayoutStarted] = useState(false);
  if (layout === 'running' && !layoutStarted) setLayoutStarted(true);
  const edgesHidden = edgesWaitForLayout(
    graph,
    layoutStarted || layout === 'running' ? layout : 'idle',
  );
  const visibility = useVisibility();
  const hovered = useExplorer((s) => s.hovered);
  const selection = useExplorer((s) => s.selection);
  const results = useExplorer(selectResultNodes);
  const emphasis = useExplorer(selectEmphasis);
  const labelled = useExplorer(selectGrowthLabels);
  // The few links of a class graph are always named.
  const classView = useExplorer(selectClassView);
  const [zoomedIn, setZoomedIn] = useState(
    () => sigma.getCamera().getState().ratio < EDGE_LABELS_RATIO,
  );
  useEffect(() => {
    const camera = sigma.getCamera();
    const onUpdate = (): void => {
      setZoomedIn(camera.getState().ratio < EDGE_LABELS_RATIO);
    };
    camera.on('updated', onUpdate);
    return () => {
      camera.off('updated', onUpdate);
    };
  }, [sigma]);
  const edgeLabels = useMemo(
    () => (visibility ? pairLabels(graph, visibility.edges) : new Map<string, string>()),
    [graph, visibility],
  );
  useEffect(() => {
    if (!visibility) return;
    const hoverGroup = new Set<string>();
    if (hovered !== null && graph.hasNode(hovered)) {
      hoverGroup.add(hovered);
      graph.forEachEdge(hovered, (edge, _, source, target) => {
        if (visibility.edges.has(edge)) hoverGroup.add(source === hovered ? target : source);
      });
    }
    const ctx: ReducerContext = {
      visibility,
      hovered: hovered !== null && graph.hasNode(hovered) ? hovered : null,
      hoverGroup,
      selectedNode: selection?.kind === 'node' ? selection.key : null,
      selectedEdge: selection?.kind === 'edge' ? selection.key : null,
      edgeLabels,
      zoomedIn: zoomedIn || classView,
      theme: CANVAS_THEMES[scheme],
      results,
      emphasis,
      labelled,
    };
    sigma.setSetting('nodeReducer', (node, data) =>
      edgesHidden ? asPoint(reduceNode(node, data, ctx)) : reduceNode(node, data, ctx),
    );
    sigma.setSetting('edgeReducer', (edge, data) =>
      edgesHidden
        ? hideEdge(edge, data)
        : reduceEdge(edge, data, graph.source(edge), graph.target(edge), ctx),
    );
  }, [
    sigma,
    graph,
    visibility,
    hovered,
    selection,
    edgeLabels,
    zoomedIn,
    scheme,
    results,
    emphasis,
    labelled,
    edgesHidden,
    classView,
  ]);
  return null;
}

/** Hover, click and drag on the canvas. */
export function EventsController() {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const registerEvents = useRegisterEvents<ViewNode, ViewEdge>();
  const actions = useActions();
  const store = useExplorerStore();
  const dragged = useRef<{ node: string; resume: boolean; moved: boolean } | null>(null);
  useEffect(() => {
    const graph = sigma.getGraph();
    const endDrag = (): void => {
      const drag = dragged.current;
      if (!drag) return;
      dragged.current = null;
      // NOTE: the frame stays frozen after the drop (releasing it would rescale the view under
      // the dropped node); the next layout run releases it.
      if (drag.moved) graph.setNodeAttribute(drag.node, 'fixed', true);
      if (drag.resume) actions.runLayout();
    };
    registerEvents({
      enterNode: ({ node }) => {
        actions.hover(node);
      },
      leaveNode: () => {
        actions.hover(null);
      },
      clickNode: ({ node }) => {
        actions.select({ kind: 'node', key: node });
      },
      clickEdge: ({ edge }) => {
        actions.select({ kind: 'edge', key: edge });
      },
      clickStage: () => {
        actions.select(null);
      },
      downNode: ({ node }) => {
        const resume = store.get().layout.status === 'running';
        if (resume) actions.pauseLayout();
        dragged.current = { node, resume, moved: false };
        // Freeze the frame so the view does not rescale under the pointer while dragging.
        sigma.setCustomBBox(sigma.getBBox());
      },
      moveBody: ({ event }) => {
        const drag = dragged.current;
        if (!drag) return;
        const position = sigma.viewportToGraph(event);
        graph.mergeNodeAttributes(drag.node, { x: position.x, y: position.y });
        drag.moved = true;
        event.preventSigmaDefault();
        event.original.preventDefault();
        event.original.stopPropagation();
      },
      upNode: endDrag,
      upStage: endDrag,
    });
  }, [sigma, registerEvents, actions, store]);
  return null;
}

/** Runs ForceAtlas2 on the drawn graph; killed with the graph. */
export function LayoutController() {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const actions = useActions();
  useEffect(() => {
    const layout = startForceLayout(sigma.getGraph(), (status) => {
      if (status.status === 'running') sigma.setCustomBBox(null);
      actions.layoutChanged(status);
    });
    actions.attachLayout(layout);
    return () => {
      layout.kill();
      actions.attachLayout(null);
      actions.layoutChanged({ status: 'idle' });
    };
  }, [sigma, actions]);
  return null;
}

function selectionPoint(sigma: ViewSigma, selection: NonNullable<Selection>) {
  if (selection.kind === 'node') return sigma.getNodeDisplayData(selection.key);
  const graph = sigma.getGraph();
  if (!graph.hasEdge(selection.key)) return undefined;
  const a = sigma.getNodeDisplayData(graph.source(selection.key));
  const b = sigma.getNodeDisplayData(graph.target(selection.key));
  return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : undefined;
}

/**
 * Offers camera commands to the actions and reports where the camera comes to rest. A node walked
 * to while the layout still runs is followed until the layout stops (or the person takes the
 * camera), so it ends in the middle of the view rather than where it was when the walk began.
 */
export function CameraController() {
  const sigma = useSigma<ViewNode, ViewEdge>();
  const actions = useActions();
  const store = useExplorerStore();
  useEffect(() => {
    const camera = sigma.getCamera();
    const initial = store.get().camera;
    if (initial) camera.setState(initial);
    let follow: NonNullable<Selection> | null = null;
    const stopFollowing = (): void => {
      follow = null;
    };
    const commands: CanvasCommands = {
      focus: (selection) => {
        const point = selectionPoint(sigma, selection);
        if (!point) return;
        const ratio = Math.min(camera.getState().ratio, FOCUS_RATIO);
        void camera.animate({ x: point.x, y: point.y, ratio }, ANIMATION);
        follow = store.get().layout.status === 'running' ? selection : null;
      },
      fit: () => {
        stopFollowing();
        const target = frameNodes(sigma, undefined, FIT);
        if (target) void camera.animate(target, ANIMATION);
      },
      zoomIn: () => {
        void camera.animatedZoom(ANIMATION);
      },
      zoomOut: () => {
        void camera.animatedUnzoom(ANIMATION);
      },
      moveTo: (target: Camera) => {
        stopFollowing();
        void camera.animate(target, ANIMATION);
      },
    };
    actions.attachCanvas(commands);
    // A link without a camera (opened from a walk link) still shows its selection in the middle.
    const { selection } = store.get();
    if (!initial && selection) commands.focus(selection);
    const onRender = (): void => {
      if (!follow || camera.isAnimated()) return;
      if (store.get().layout.status !== 'running') follow = null;
      const point = follow && selectionPoint(sigma, follow);
      if (!point) return;
      const state = camera.getState();
      if (Math.hypot(point.x - state.x, point.y - state.y) > 1e-5) {
        camera.setState({ x: point.x, y: point.y });
      }
    };
    sigma.on('afterRender', onRender);
    const mouse = sigma.getMouseCaptor();
    const touch = sigma.getTouchCaptor();
    mouse.on('mousedown', stopFollowing);
    mouse.on('wheel', stopFollowing);
    touch.on('touchdown', stopFollowing);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        actions.cameraSettled(camera.getState());
      }, 300);
    };
    camera.on('updated', onUpdate);
    return () => {
      clearTimeout(timer);
      camera.off('updated', onUpdate);
      sigma.off('afterRender', onRender);
      mouse.off('mousedown', stopFollowing);
      mouse.off('wheel', stopFollowing);
      touch.off('touchdown', stopFollowing);
      actions.attachCanvas(null);
    };
  }, [sigma, actions, store]);
  return null;
}

/**
 * Marks the first frame on screen (`performance.mark('triplescope:first-frame')`), for the
 * first-frame benchmark. NOTE: sigma draws synchronously in its constructor, before any child can
 * listen; the mark is set at the next animation frame after the canvas is mounted.
 */
export function FirstFrameMark() {
  useEffect(() => {
    const name = 'triplescope:first-frame';
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName(name).length === 0) performance.mark(name);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, []);
  return null;
}

/**
 * Keeps the drawing the size of its container. Sigma resizes only on the window's resize event,
 * so when a panel opens beside or under the canvas (the query dock, the timeline) the old, larger
 * drawing would stay on screen over its neighbours until the next camera move.
 */
export function ResizeController() {
  const sigma = useSigma<ViewNode, ViewEdge>();
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      sigma.scheduleRefresh();
    });
    observer.observe(sigma.getContainer());
    return () => {
      observer.disconnect();
    };
  }, [sigma]);
  return null;
}
