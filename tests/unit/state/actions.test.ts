// Actions: producers bound to the store, plus the commands they hand to the canvas and the layout
// when those are attached (here: recorders of the calls, standing in for the sigma canvas that the
// browser tests drive for real).
import { describe, expect, test } from 'vitest';
import {
  createExplorer,
  type CanvasCommands,
  type LayoutCommands,
} from '../../../src/state/actions.ts';
import { builtInFiles } from '../../../src/state/builtin.ts';

const TROTSKY = 'https://w3id.org/triplescope/rosmer/leon-trotsky';

function recorders() {
  const calls: string[] = [];
  const canvas: CanvasCommands = {
    focus: (s) => calls.push(`focus ${s.kind} ${s.key}`),
    fit: () => calls.push('fit'),
    zoomIn: () => calls.push('zoomIn'),
    zoomOut: () => calls.push('zoomOut'),
    moveTo: (c) => calls.push(`moveTo ${String(c.x)},${String(c.y)},${String(c.ratio)}`),
  };
  const layout: LayoutCommands = { run: () => calls.push('run'), pause: () => calls.push('pause') };
  return { calls, canvas, layout };
}

describe('actions', () => {
  test('loadBuiltIn reads graph/ and ontology/ and reaches "loaded"', async () => {
    const { store, actions } = createExplorer('');
    const files = await builtInFiles();
    expect(files.map((f) => f.name).every((n) => /^(graph|ontology)\/[^/]+\.ttl$/.test(n))).toBe(
      true,
    );
    const loading = actions.loadBuiltIn();
    expect(store.get().data.status).toBe('loading');
    await loading;
    const { data } = store.get();
    if (data.status !== 'loaded') throw new Error(`expected loaded data, got ${data.status}`);
    expect(data.dataset.projection.graph.hasNode(TROTSKY)).toBe(true);
  });

  test('the URL a page opens with is the starting state', () => {
    const { store } = createExplorer(`?node=${encodeURIComponent(TROTSKY)}&depth=2`);
    expect(store.get().selection).toEqual({ kind: 'node', key: TROTSKY });
    expect(store.get().filters.depth).toBe(2);
  });

  test('walking selects and moves the camera; a canvas click selects only', () => {
    const { store, actions } = createExplorer('');
    const { calls, canvas } = recorders();
    actions.walkTo({ kind: 'node', key: TROTSKY });
    expect(store.get().selection).toEqual({ kind: 'node', key: TROTSKY });
    actions.attachCanvas(canvas);
    actions.select({ kind: 'edge', key: 'e' });
    actions.walkTo({ kind: 'node', key: TROTSKY });
    actions.centreOnSelection();
    actions.zoomIn();
    actions.zoomOut();
    actions.fit();
    expect(calls).toEqual([
      `focus node ${TROTSKY}`,
      `focus node ${TROTSKY}`,
      'zoomIn',
      'zoomOut',
      'fit',
    ]);
    actions.attachCanvas(null);
    actions.fit();
    expect(calls).toHaveLength(5);
  });

  test('applyUrl moves to the camera the URL names, else to a newly selected item', () => {
    const { store, actions } = createExplorer('');
    const { calls, canvas } = recorders();
    actions.attachCanvas(canvas);
    actions.applyUrl({
      selection: { kind: 'node', key: TROTSKY },
      filters: store.get().filters,
      sizeBy: 'degree',
      camera: null,
      query: '',
    });
    actions.applyUrl({
      selection: { kind: 'node', key: TROTSKY },
      filters: store.get().filters,
      sizeBy: 'degree',
      camera: { x: 0.5, y: 0.5, ratio: 1 },
      query: '',
    });
    expect(calls).toEqual([`focus node ${TROTSKY}`, 'moveTo 0.5,0.5,1']);
  });

  test('layout commands reach the attached layout', () => {
    const { actions } = createExplorer('');
    const { calls, layout } = recorders();
    actions.runLayout();
    actions.attachLayout(layout);
    actions.pauseLayout();
    actions.runLayout();
    expect(calls).toEqual(['pause', 'run']);
  });
});
