// Every producer of the explorer's state: what it changes, what it leaves alone, and that it
// returns the same state object when nothing changes (so subscribers stay quiet).
import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTERS } from '../../../src/graph/filters.ts';
import { buildSearchIndex } from '../../../src/graph/search.ts';
import * as p from '../../../src/state/explorer.ts';
import { selectDataset, selectFocus, selectVisibility } from '../../../src/state/selectors.ts';
import { DEFAULT_URL_STATE } from '../../../src/state/url.ts';
import { R, TS, rosmerMini } from '../graph/fixtures.ts';

const projection = rosmerMini();
const dataset: p.Dataset = {
  name: 'the mini Rosmer graph',
  projection,
  search: buildSearchIndex(projection.graph),
  quads: [],
};
const fresh = p.initialState(DEFAULT_URL_STATE);
const loaded = p.loadSucceeded(fresh, dataset);
const TROTSKY = `${R}leon-trotsky`;

describe('lifecycle of the data', () => {
  test('idle → loading → loaded, or failed with its message', () => {
    expect(fresh.data).toEqual({ status: 'idle' });
    const loading = p.loadStarted(fresh, 'the built-in graph');
    expect(loading.data).toEqual({ status: 'loading', source: 'the built-in graph' });
    expect(p.loadSucceeded(loading, dataset).data).toEqual({ status: 'loaded', dataset });
    expect(p.loadFailed(loading, 'the built-in graph', 'graph/x.ttl: line 3').data).toEqual({
      status: 'failed',
      source: 'the built-in graph',
      message: 'graph/x.ttl: line 3',
    });
  });

  test('a selection from the URL survives loading only if the data has it', () => {
    const withNode = p.initialState({
      ...DEFAULT_URL_STATE,
      selection: { kind: 'node', key: TROTSKY },
    });
    expect(withNode.panels.details).toBe(true);
    expect(p.loadSucceeded(withNode, dataset).selection).toEqual({ kind: 'node', key: TROTSKY });
    const missing = p.initialState({
      ...DEFAULT_URL_STATE,
      selection: { kind: 'edge', key: 'nope' },
    });
    const after = p.loadSucceeded(missing, dataset);
    expect(after.selection).toBeNull();
    expect(after.panels.details).toBe(false);
  });
});

describe('selection and hover', () => {
  test('select opens the details; the same selection changes nothing', () => {
    const selected = p.select(loaded, { kind: 'node', key: TROTSKY });
    expect(selected.selection).toEqual({ kind: 'node', key: TROTSKY });
    expect(selected.panels).toEqual({ filters: false, details: true });
    expect(p.select(selected, { kind: 'node', key: TROTSKY })).toBe(selected);
    expect(p.select(selected, null).panels.details).toBe(false);
  });

  test('hover', () => {
    const hovered = p.hover(loaded, TROTSKY);
    expect(hovered.hovered).toBe(TROTSKY);
    expect(p.hover(hovered, TROTSKY)).toBe(hovered);
    expect(p.hover(hovered, null).hovered).toBeNull();
  });
});

describe('filters', () => {
  test('toggling a class or a predicate twice gives back the default filters', () => {
    const hidden = p.toggleClass(p.toggleClass(loaded, `${TS}Place`), `${TS}Event`);
    expect(hidden.filters.hiddenClasses).toEqual([`${TS}Event`, `${TS}Place`]);
    expect(p.toggleClass(p.toggleClass(hidden, `${TS}Place`), `${TS}Event`).filters).toEqual(
      DEFAULT_FILTERS,
    );
    const noMet = p.togglePredicate(loaded, `${TS}met`);
    expect(noMet.filters.hiddenPredicates).toEqual([`${TS}met`]);
    expect(p.togglePredicate(noMet, `${TS}met`).filters.hiddenPredicates).toEqual([]);
  });

  test('depth, isolated, vocabulary, reset', () => {
    const changed = p.setShowVocabulary(p.setHideIsolated(p.setDepth(loaded, 2), true), true);
    expect(changed.filters).toEqual({
      ...DEFAULT_FILTERS,
      depth: 2,
      hideIsolated: true,
      showVocabulary: true,
    });
    expect(p.resetFilters(changed).filters).toEqual(DEFAULT_FILTERS);
  });
});

describe('view settings', () => {
  test('size metric, layout status, help, panels', () => {
    expect(p.setSizeBy(loaded, 'pagerank').sizeBy).toBe('pagerank');
    expect(p.setSizeBy(loaded, 'degree')).toBe(loaded);
    expect(p.setLayoutStatus(loaded, { status: 'settled', reason: 'converged' }).layout).toEqual({
      status: 'settled',
      reason: 'converged',
    });
    expect(p.setHelpOpen(loaded, true).helpOpen).toBe(true);
    expect(p.setHelpOpen(loaded, false)).toBe(loaded);
    expect(p.setPanel(loaded, 'filters', true).panels).toEqual({ filters: true, details: false });
    expect(p.setPanel(loaded, 'filters', false)).toBe(loaded);
  });

  test('the camera is rounded, and an unchanged camera changes nothing', () => {
    const moved = p.setCamera(loaded, { x: 0.123456, y: 0.5, ratio: 0.333333 });
    expect(moved.camera).toEqual({ x: 0.1235, y: 0.5, ratio: 0.3333 });
    expect(p.setCamera(moved, { x: 0.12349, y: 0.50001, ratio: 0.33331 })).toBe(moved);
  });
});

describe('URL state', () => {
  test('applyUrlState takes selection, filters and size, and keeps the camera when the URL has none', () => {
    const withCamera = p.setCamera(loaded, { x: 1, y: 2, ratio: 0.5 });
    const url: p.UrlState = {
      selection: { kind: 'node', key: TROTSKY },
      filters: { ...DEFAULT_FILTERS, depth: 1 },
      sizeBy: 'betweenness',
      camera: null,
      query: '',
    };
    const applied = p.applyUrlState(withCamera, url);
    expect(p.urlStateOf(applied)).toEqual({ ...url, camera: { x: 1, y: 2, ratio: 0.5 } });
    expect(applied.panels.details).toBe(true);
    expect(
      p.applyUrlState(withCamera, { ...url, camera: { x: 0, y: 0, ratio: 1 } }).camera,
    ).toEqual({
      x: 0,
      y: 0,
      ratio: 1,
    });
  });
});

describe('selectors', () => {
  test('the dataset, the focus, and a visibility memoised on its inputs', () => {
    expect(selectDataset(fresh)).toBeNull();
    expect(selectVisibility(fresh)).toBeNull();
    expect(selectDataset(loaded)).toBe(dataset);
    const selected = p.select(loaded, { kind: 'node', key: TROTSKY });
    expect(selectFocus(selected)).toBe(TROTSKY);
    expect(selectFocus(p.select(loaded, { kind: 'edge', key: 'e' }))).toBeNull();
    const first = selectVisibility(selected);
    // The focus only matters with a depth: same filters, other selection, same object.
    expect(selectVisibility(p.select(selected, null))).toBe(first);
    const deep = p.setDepth(selected, 1);
    expect(selectVisibility(deep)?.nodes.size).toBe(4);
    expect(selectVisibility(deep)).toBe(selectVisibility(deep));
  });
});
