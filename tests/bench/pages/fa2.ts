// ForceAtlas2 iterations per second on one graph, two ways, in the same page: the explorer's
// worker wrapper (src/layout/forceAtlas2.ts, graphology's supervisor in a Web Worker, positions
// copied back after each iteration) and graphology-layout-forceatlas2 run synchronously on the main
// thread. Both start from the same positions with the settings `inferSettings` gives. The page
// exposes `runLayout(url, mode, ms)` for the benchmark to call.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2, { inferSettings } from 'graphology-layout-forceatlas2';
import type { SerializedGraph } from 'graphology-types';
import { startForceLayout, type LayoutStatus } from '../../../src/layout/forceAtlas2.ts';

/** What one run measured. */
export interface LayoutRun {
  iterations: number;
  seconds: number;
  /** How the run ended: its time was up, or the wrapper found the layout settled. */
  ended: 'time' | 'settled';
}

type Node = { x: number; y: number; size: number };
type LayoutGraph = MultiDirectedGraph<Node>;
const graphs = new Map<string, SerializedGraph<Node>>();

async function freshGraph(url: string): Promise<LayoutGraph> {
  let data = graphs.get(url);
  if (data === undefined) {
    data = (await (await fetch(url)).json()) as SerializedGraph<Node>;
    graphs.set(url, data);
  }
  const graph: LayoutGraph = new MultiDirectedGraph<Node>();
  graph.import(data);
  return graph;
}

/** Synchronous FA2 for about `ms`: a probe sets how many iterations fit, then one timed call. */
function runSync(graph: LayoutGraph, ms: number): LayoutRun {
  const settings = inferSettings(graph);
  const probeStart = performance.now();
  forceAtlas2.assign(graph, { iterations: 2, settings });
  const perIteration = (performance.now() - probeStart) / 2;
  const iterations = Math.max(2, Math.round(ms / Math.max(perIteration, 0.01)));
  const start = performance.now();
  forceAtlas2.assign(graph, { iterations, settings });
  return { iterations, seconds: (performance.now() - start) / 1000, ended: 'time' };
}

/** The explorer's wrapper for about `ms`, counting the positions it copies back (one per iteration). */
function runWorker(graph: LayoutGraph, ms: number): Promise<LayoutRun> {
  return new Promise((resolve) => {
    let iterations = 0;
    graph.on('eachNodeAttributesUpdated', () => {
      iterations += 1;
    });
    const start = performance.now();
    let done = false;
    const finish = (ended: LayoutRun['ended']): void => {
      if (done) return;
      done = true;
      const seconds = (performance.now() - start) / 1000;
      layout.kill();
      resolve({ iterations, seconds, ended });
    };
    const layout = startForceLayout(
      graph,
      (status: LayoutStatus) => {
        if (status.status === 'settled') finish('settled');
      },
      { budgetMs: ms * 10 },
    );
    setTimeout(() => {
      finish('time');
    }, ms);
  });
}

async function runLayout(url: string, mode: 'sync' | 'worker', ms: number): Promise<LayoutRun> {
  const graph = await freshGraph(url);
  return mode === 'sync' ? runSync(graph, ms) : runWorker(graph, ms);
}

(window as unknown as { runLayout: typeof runLayout }).runLayout = runLayout;
document.title = 'ready';
