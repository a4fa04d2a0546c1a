// The baseline of the rendering benchmarks: sigma alone, in the same browser as the explorer.
//   ?graph=URL  draws a serialized graphology graph (the explorer's first frame of the Rosmer graph:
//               same nodes, positions, sizes, colours and labels)
//   ?file       draws the N-Triples file chosen in #file: n3 parses it on the main thread, every IRI
//               or blank node is a node at the explorer's seeded position, sized by degree, every
//               link between two nodes an edge (the least work from a file to a frame)
//   &settings=explorer  uses the explorer's renderer settings instead of sigma's defaults
//   &layout     starts graphology's ForceAtlas2 worker after the first frame
// Either way it marks its first frame as the explorer does (`triplescope:first-frame`), after the
// animation frame that follows sigma's first render, then `bench:drawn` once the GPU has drawn it;
// a file's start is marked `bench:file-chosen`.
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { Parser } from 'n3';
import Sigma from 'sigma';
import { seededPosition } from '../../../src/layout/initial.ts';

const container = document.getElementById('graph');
const input = document.getElementById('file');
if (!container || !(input instanceof HTMLInputElement))
  throw new Error('The bare page needs <div id="graph"> and <input id="file">.');

// The explorer's renderer settings (src/ui/canvas/GraphCanvas.tsx), for `&settings=explorer`: they
// tell what the settings cost from what the explorer's own code costs.
const EXPLORER_SETTINGS = {
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
  labelDensity: 1,
  labelGridCellSize: 40,
  labelRenderedSizeThreshold: 7,
  stagePadding: 40,
  minCameraRatio: 0.03,
  maxCameraRatio: 4,
} as const;

function draw(graph: MultiDirectedGraph): void {
  const explorer = new URLSearchParams(window.location.search).get('settings') === 'explorer';
  const renderer = new Sigma(
    graph,
    container as HTMLElement,
    explorer ? EXPLORER_SETTINGS : { defaultEdgeType: 'arrow' },
  );
  // For the benchmark to check what the page shows (camera, renders).
  (window as unknown as { renderer: Sigma }).renderer = renderer;
  requestAnimationFrame(() => {
    performance.mark('triplescope:first-frame');
    waitForGpu();
    performance.mark('bench:drawn');
    // `&layout`: graphology's own ForceAtlas2 worker, as the explorer starts it on a new graph.
    if (new URLSearchParams(window.location.search).has('layout')) {
      new FA2LayoutSupervisor(graph, { settings: inferSettings(graph) }).start();
    }
  });
}

/**
 * Waits until the GPU has drawn everything sigma asked of it. NOTE: with software WebGL (headless
 * Chromium without a GPU) drawing runs in the GPU process long after the animation frame: reading
 * one pixel back is what makes the page wait for it. The benchmark does the same in the explorer.
 */
function waitForGpu(): void {
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>(
    'canvas.sigma-edges, canvas.sigma-nodes',
  )) {
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
}

function graphOfTriples(text: string): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  const node = (key: string): string => {
    if (!graph.hasNode(key)) graph.addNode(key, { ...seededPosition(key), size: 4, label: key });
    return key;
  };
  for (const q of new Parser({ format: 'N-Triples' }).parse(text)) {
    if (q.object.termType === 'Literal') continue;
    const key = (t: { termType: string; value: string }): string =>
      t.termType === 'BlankNode' ? `_:${t.value}` : t.value;
    const s = node(key(q.subject));
    if (q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type') continue;
    graph.addDirectedEdge(s, node(key(q.object)), { size: 1.5 });
  }
  graph.updateEachNodeAttributes((key, a) => ({
    ...a,
    size: 4 + Math.min(11, graph.degree(key) / 4),
  }));
  return graph;
}

const params = new URLSearchParams(window.location.search);
const url = params.get('graph');
if (url !== null) {
  const response = await fetch(url);
  const graph = new MultiDirectedGraph();
  graph.import((await response.json()) as SerializedGraph);
  draw(graph);
} else if (params.has('file')) {
  input.hidden = false;
  input.addEventListener('change', () => {
    performance.mark('bench:file-chosen');
    const file = input.files?.[0];
    if (file)
      void file.text().then((text) => {
        draw(graphOfTriples(text));
      });
  });
}
