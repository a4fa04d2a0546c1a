// ForceAtlas2 in a Web Worker (graphology's supervisor), run until it settles: it stops by itself
// when nodes have stopped moving or when its time budget is spent, can be paused, resumed and run
// again, and is killed with its view. Positions are written into the graph as the worker sends them.
// A worker that fails (an 'error' event) is replaced, and a running layout goes on in the fresh one
// from the positions the graph holds; the status says so.
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { AbstractGraph } from 'graphology-types';

/** Lifecycle of the layout, as the status line and the buttons show it. */
export type LayoutStatus =
  | { status: 'idle' }
  /** `restarted`: why the worker failed, when this run goes on in a fresh one. */
  | { status: 'running'; restarted?: string }
  | { status: 'paused' }
  | { status: 'settled'; reason: 'converged' | 'time budget' }
  /** Workers failed twice in a row before moving anything: the drawing keeps its positions. */
  | { status: 'settled'; reason: 'failed'; failure: string };

/** Commands of one running layout. */
export interface ForceLayout {
  /** Runs (resumes, re-runs) from the current positions with a fresh time budget. */
  run(): void;
  pause(): void;
  /** Stops the worker for good; the layout cannot be used afterwards. */
  kill(): void;
}

/** Options of {@link startForceLayout}. */
export interface ForceLayoutOptions {
  /** Longest time one run may take (ms); default grows with the graph, 5 s to 10 s. */
  budgetMs?: number;
  /** How often movement is measured (ms). */
  sampleMs?: number;
  /** Mean movement per sample, as a share of the graph's extent, under which it has converged. */
  tolerance?: number;
}

type Positioned = AbstractGraph<{ x: number; y: number }>;

function snapshot(graph: Positioned): Float64Array {
  const out = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_, a) => {
    out[i++] = a.x;
    out[i++] = a.y;
  });
  return out;
}

/** Mean displacement between two snapshots relative to the extent of the newer one. */
function relativeMovement(before: Float64Array, after: Float64Array): number {
  const n = after.length / 2;
  if (n === 0 || before.length !== after.length) return Infinity;
  let moved = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < after.length; i += 2) {
    const x = after[i] ?? 0;
    const y = after[i + 1] ?? 0;
    moved += Math.hypot(x - (before[i] ?? 0), y - (before[i + 1] ?? 0));
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const extent = Math.hypot(maxX - minX, maxY - minY) || 1;
  return moved / n / extent;
}

/**
 * Starts ForceAtlas2 on `graph` (settings from `inferSettings`) and reports its lifecycle through
 * `onStatus`. The caller must call `kill()` when the view goes away or the graph is replaced.
 */
export function startForceLayout(
  graph: Positioned,
  onStatus: (status: LayoutStatus) => void,
  options: ForceLayoutOptions = {},
): ForceLayout {
  const budgetMs = options.budgetMs ?? Math.min(10_000, Math.max(5000, 2000 + graph.order * 4));
  const sampleMs = options.sampleMs ?? 250;
  const tolerance = options.tolerance ?? 0.001;
  const supervisor = new FA2LayoutSupervisor(graph, { settings: inferSettings(graph) });
  let timer: ReturnType<typeof setInterval> | undefined;
  let killed = false;
  // Whether the worker has sent positions since the last sample.
  let moved = false;
  // Whether the current worker has sent positions, and how many workers in a row failed before
  // they did: the second gives up rather than restart for ever.
  let delivered = false;
  let barren = 0;
  const onPositions = (): void => {
    moved = true;
    delivered = true;
  };
  graph.on('eachNodeAttributesUpdated', onPositions);

  const stopWatching = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const settle = (reason: 'converged' | 'time budget'): void => {
    supervisor.stop();
    stopWatching();
    onStatus({ status: 'settled', reason });
  };

  // NOTE: graphology's supervisor (pinned) keeps its worker in `worker` and replaces it in
  // `spawnWorker()`, which it also calls when the graph's structure changes, and which restarts a
  // running layout from the graph's positions; neither is in its typings.
  const internals = supervisor as unknown as { worker: Worker; spawnWorker: () => void };
  const spawnWorker = internals.spawnWorker.bind(supervisor);
  const watch = (): void => {
    delivered = false;
    internals.worker.addEventListener('error', (event) => {
      if (killed || event.target !== internals.worker) return;
      const reason = event.message || 'it failed without saying why';
      const running = supervisor.isRunning();
      barren = delivered ? 0 : barren + 1;
      internals.spawnWorker();
      if (!running) return;
      if (barren < 2) {
        onStatus({ status: 'running', restarted: reason });
        return;
      }
      supervisor.stop();
      stopWatching();
      onStatus({
        status: 'settled',
        reason: 'failed',
        failure: `The layout stopped (${reason}) and could not be restarted; the drawing keeps its positions.`,
      });
    });
  };
  internals.spawnWorker = () => {
    spawnWorker();
    watch();
  };
  watch();
  const run = (): void => {
    if (killed || graph.order === 0) {
      onStatus({ status: 'settled', reason: 'converged' });
      return;
    }
    stopWatching();
    const startedAt = performance.now();
    let last = snapshot(graph);
    let calm = 0;
    moved = false;
    supervisor.start();
    onStatus({ status: 'running' });
    timer = setInterval(() => {
      if (performance.now() - startedAt > budgetMs) {
        settle('time budget');
        return;
      }
      // NOTE: a sample with no new positions since the last one says nothing about movement: when
      // the page is busy (drawing a large graph without a GPU) two samples can run back to back
      // with no step of the layout between them, which looked like a layout at rest.
      if (!moved) return;
      moved = false;
      const now = snapshot(graph);
      calm = relativeMovement(last, now) < tolerance ? calm + 1 : 0;
      last = now;
      if (calm >= 2) settle('converged');
    }, sampleMs);
  };

  run();
  return {
    run,
    pause() {
      if (killed) return;
      supervisor.stop();
      stopWatching();
      onStatus({ status: 'paused' });
    },
    kill() {
      if (killed) return;
      killed = true;
      stopWatching();
      graph.off('eachNodeAttributesUpdated', onPositions);
      supervisor.kill();
    },
  };
}
