// The historian's state on the built-in Rosmer graph: the timeline's range and the view it filters,
// the path finder's form and results, the sentence clicked in the article and what the canvas
// emphasises, label languages (the data relabelled from its quads), saved views (captured, written,
// read back field by field, stored, reopened) and the URL. The canvas is a recorder of calls here;
// the browser tests drive the real one.
import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTERS } from '../../../src/graph/filters.ts';
import { createExplorer } from '../../../src/state/actions.ts';
import type { ExplorerState } from '../../../src/state/explorer.ts';
import * as p from '../../../src/state/explorer.ts';
import type { ViewCanvasCommands } from '../../../src/state/historian-actions.ts';
import { applyLanguages, languagesOf, setLanguages } from '../../../src/state/languages.ts';
import * as paths from '../../../src/state/paths.ts';
import { selectVisibility } from '../../../src/state/selectors.ts';
import {
  readSentence,
  selectActiveSentence,
  selectDocumentReading,
  selectEmphasis,
} from '../../../src/state/sources.ts';
import {
  isInitialTimeline,
  nextPlayRange,
  selectTimeWindow,
  setTimeRange,
  setUndatedMode,
} from '../../../src/state/timeline.ts';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState } from '../../../src/state/url.ts';
import {
  applyView,
  captureView,
  loadStoredViews,
  parseView,
  parseViewText,
  STORAGE_KEY,
  storeViews,
  viewMismatch,
  viewToJson,
  ViewError,
  type ViewStorage,
} from '../../../src/state/views.ts';
import { ROSMER, rosmerDataset } from '../graph/rosmer.ts';

const dataset = rosmerDataset();
const loaded = p.loadSucceeded(p.initialState(DEFAULT_URL_STATE), dataset);
const ALFRED = `${ROSMER}alfred-rosmer`;
const SWP = `${ROSMER}socialist-workers-party`;
const DEWEY = `${ROSMER}dewey-commission`;

/** A storage held in a Map, with the browser's getItem/setItem contract. */
function memoryStorage(
  initial: Record<string, string> = {},
): ViewStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
  };
}

describe('timeline state', () => {
  test('a brushed range is kept in order and in whole years; the same range changes nothing', () => {
    const brushed = setTimeRange(loaded, { from: 1938.4, to: 1936 });
    expect(brushed.timeline).toEqual({ range: { from: 1936, to: 1938 }, undated: 'keep' });
    expect(setTimeRange(brushed, { from: 1936, to: 1938 })).toBe(brushed);
    expect(setUndatedMode(brushed, 'keep')).toBe(brushed);
    expect(isInitialTimeline(loaded.timeline)).toBe(true);
    expect(isInitialTimeline(brushed.timeline)).toBe(false);
  });

  test('the view shows what is dated inside the range, and counts the rest', () => {
    const state = setUndatedMode(setTimeRange(loaded, { from: 1936, to: 1938 }), 'hide');
    const window = selectTimeWindow(state);
    const visibility = selectVisibility(state);
    expect(visibility?.nodes.has(DEWEY)).toBe(true);
    expect(visibility?.nodes.has(`${ROSMER}founding-of-the-fourth-international`)).toBe(true);
    expect(visibility?.nodes.has(`${ROSMER}declaration-against-the-algerian-war`)).toBe(false);
    expect(visibility?.hiddenNodes.undated).toBe(window?.undated.size);
    expect(selectTimeWindow(state)).toBe(window);
    expect(selectTimeWindow(loaded)).toBeNull();
  });

  test('play moves the window a year at a time and stops at the end', () => {
    const extent = { from: 1877, to: 1968 };
    expect(nextPlayRange(null, extent)).toEqual({ from: 1877, to: 1881 });
    expect(nextPlayRange({ from: 1936, to: 1938 }, extent)).toEqual({ from: 1937, to: 1939 });
    expect(nextPlayRange({ from: 1960, to: 1968 }, extent)).toBeNull();
  });
});

describe('path finder state', () => {
  test('the form, the search, the results and their highlight', () => {
    let s = paths.setPathEnd(loaded, 'from', ALFRED);
    s = paths.setPathEnd(s, 'to', SWP);
    expect(paths.setPathEnd(s, 'to', SWP)).toBe(s);
    expect(paths.setPathCount(s, 99).paths.query.k).toBe(paths.MAX_K);
    expect(paths.setPathCount(s, 0).paths.query.k).toBe(1);
    expect(paths.selectPathResult(s)).toBeNull();
    s = paths.searchPaths(s);
    const result = paths.selectPathResult(s);
    if (result?.status !== 'found') throw new Error('expected paths');
    expect(result.paths.map((x) => x.nodes.length - 1)).toEqual([3, 6, 8]);
    expect(paths.selectPathResult(s)).toBe(result);
    expect(paths.pathHighlight(result, 0)?.nodes).toEqual(new Set(result.paths[0]?.nodes));
    expect(paths.pathHighlight(result, null)?.nodes.size).toBeGreaterThan(4);
    const swapped = paths.swapPathEnds(s);
    expect(swapped.paths.query).toMatchObject({ from: SWP, to: ALFRED });
    expect(paths.clearPaths(s).paths.searched).toBeNull();
  });

  test('restrictions narrow the search; a missing end is explained', () => {
    let s = paths.setPathEnd(paths.setPathEnd(loaded, 'from', ALFRED), 'to', SWP);
    s = paths.togglePathPredicate(s, 'https://w3id.org/triplescope/ontology#tookPartIn');
    s = paths.searchPaths(s);
    const only = paths.selectPathResult(s);
    expect(only).toEqual({ status: 'found', query: s.paths.searched, paths: [] });
    const half = paths.searchPaths(paths.setPathEnd(loaded, 'from', ALFRED));
    expect(paths.selectPathResult(half)).toEqual({
      status: 'invalid',
      query: half.paths.searched,
      message: 'Pick both ends: a “From” and a “To” entity.',
    });
  });
});

describe('sources state', () => {
  const reading = selectDocumentReading(loaded);
  if (reading?.status !== 'read') throw new Error('The Rosmer graph should cite the article.');
  const dewey = reading.article.sentences.findIndex((x) =>
    x.text.startsWith('Alfred took part in the Dewey'),
  );

  test('the data cites the article the app carries, read once per dataset', () => {
    expect(reading.document.iri).toBe(`${ROSMER}article`);
    expect(selectDocumentReading(loaded)).toBe(reading);
  });

  test('clicking a sentence selects its claims, and a click on the graph replaces it', () => {
    const selected = p.select(loaded, { kind: 'node', key: ALFRED });
    const read = readSentence(selected, dewey);
    expect(read.selection).toBeNull();
    expect(selectActiveSentence(read)).toBe(dewey);
    const emphasis = selectEmphasis(read);
    expect(emphasis?.origin).toBe('sentence');
    expect([...(emphasis?.nodes ?? [])].sort()).toEqual(
      [ALFRED, DEWEY, `${ROSMER}show-trials`].sort(),
    );
    expect(emphasis?.edges.size).toBe(2);
    const clicked = p.select(read, { kind: 'node', key: DEWEY });
    expect(selectActiveSentence(clicked)).toBeNull();
    expect(selectEmphasis(clicked)).toBeNull();
  });

  test('found paths are emphasised when no sentence is', () => {
    const s = paths.searchPaths(
      paths.setPathEnd(paths.setPathEnd(loaded, 'from', ALFRED), 'to', SWP),
    );
    expect(selectEmphasis(s)?.origin).toBe('paths');
    expect(selectEmphasis(readSentence(s, dewey))?.origin).toBe('sentence');
  });
});

describe('label languages', () => {
  test('relabelling projects the same quads again, keeping the name and the quads', () => {
    const french = setLanguages(loaded, ['fr', 'en']);
    if (french.data.status !== 'loaded') throw new Error('expected data');
    expect(french.data.dataset).not.toBe(dataset);
    expect(french.data.dataset.quads).toBe(dataset.quads);
    expect(french.data.dataset.name).toBe(dataset.name);
    expect(languagesOf(french.data.dataset)).toEqual(['fr', 'en']);
    expect(languagesOf(dataset)).toEqual(['en']);
    // The Rosmer graph's labels are all English: the fallback chain gives the same labels.
    expect(french.data.dataset.projection.graph.getNodeAttribute(ALFRED, 'label')).toBe(
      'Alfred Rosmer',
    );
    expect(applyLanguages(french)).toBe(french);
    expect(setLanguages(french, ['fr', 'en'])).toBe(french);
  });
});

describe('saved views', () => {
  const state: ExplorerState = {
    ...setTimeRange(p.select(loaded, { kind: 'node', key: DEWEY }), { from: 1936, to: 1938 }),
    camera: { x: 0.4, y: 0.6, ratio: 0.5 },
    filters: { ...DEFAULT_FILTERS, hideIsolated: true },
  };
  const meta = {
    id: 'view-1',
    name: '  The trials  ',
    note: 'Who investigated them.',
    savedAt: '2026-05-20T10:00:00.000Z',
    positions: { [DEWEY]: [1.5, -2] as [number, number] },
  };
  const view = captureView(state, meta);
  if (!view) throw new Error('expected a view');

  test('captures the data source, filters, timeline, languages, selection, camera and positions', () => {
    expect(view).toEqual({
      format: 'triplescope-view',
      version: 1,
      id: 'view-1',
      name: 'The trials',
      note: 'Who investigated them.',
      savedAt: '2026-05-20T10:00:00.000Z',
      data: {
        name: 'the Rosmer graph',
        nodes: dataset.projection.graph.order,
        edges: dataset.projection.graph.size,
      },
      selection: { kind: 'node', key: DEWEY },
      filters: { ...DEFAULT_FILTERS, hideIsolated: true },
      sizeBy: 'degree',
      camera: { x: 0.4, y: 0.6, ratio: 0.5 },
      timeline: { range: { from: 1936, to: 1938 }, undated: 'keep' },
      languages: ['en'],
      positions: { [DEWEY]: [1.5, -2] },
    });
    expect(captureView(p.initialState(DEFAULT_URL_STATE), meta)).toBeNull();
  });

  test('the JSON file reads back to the same view', () => {
    expect(parseViewText(viewToJson(view), 'view.json')).toEqual(view);
  });

  test('a wrong field is named, with what it should be', () => {
    const broken = (patch: Record<string, unknown>): Record<string, unknown> => ({
      ...(JSON.parse(viewToJson(view)) as Record<string, unknown>),
      ...patch,
    });
    expect(() => parseView(broken({ filters: { ...view.filters, depth: 7 } }), 'v.json')).toThrow(
      new ViewError(
        'v.json: field "filters.depth" must be 0, 1, 2 or 3 (found 7). Fix the file or save the view again.',
      ),
    );
    expect(() =>
      parseView(
        broken({ timeline: { range: { from: 1938, to: 1936 }, undated: 'keep' } }),
        'v.json',
      ),
    ).toThrow(/field "timeline.range" must end after it starts/);
    expect(() => parseView(broken({ camera: { x: 0, y: 0, ratio: -1 } }), 'v.json')).toThrow(
      /"camera.ratio" must be above 0/,
    );
    expect(() => parseView(broken({ languages: ['e'] }), 'v.json')).toThrow(
      /"languages" is wrong: Label languages: “e”/,
    );
    expect(() => parseView(broken({ positions: { a: [1] } }), 'v.json')).toThrow(
      /"positions\["a"\]" must be \[x, y\]/,
    );
    expect(() => parseView(broken({ format: 'other' }), 'v.json')).toThrow(
      /"format" must be "triplescope-view"/,
    );
    const noName = JSON.parse(viewToJson(view)) as Record<string, unknown>;
    delete noName.name;
    expect(() => parseView(noName, 'v.json')).toThrow(
      /field "name" must be text \(found nothing\)/,
    );
    expect(() => parseViewText('{', 'v.json')).toThrow(/^v\.json: not JSON/);
  });

  test('reopening takes every part of the view; other data is refused, a changed one noted', () => {
    const opened = applyView(loaded, view);
    expect(p.urlStateOf(opened)).toEqual({
      ...p.urlStateOf(state),
      camera: { x: 0.4, y: 0.6, ratio: 0.5 },
    });
    expect(viewMismatch(loaded, view)).toBeNull();
    expect(
      viewMismatch(loaded, { ...view, data: { ...view.data, name: 'kennedy.ntriples' } }),
    ).toEqual({
      message:
        '“The trials” was saved on kennedy.ntriples, but the Rosmer graph is open; open kennedy.ntriples first.',
      blocking: true,
    });
    expect(viewMismatch(loaded, { ...view, data: { ...view.data, nodes: 1 } })?.blocking).toBe(
      false,
    );
  });

  test('stored views survive a damaged neighbour, and a full storage is reported', () => {
    const storage = memoryStorage();
    expect(storeViews(storage, [view])).toBeNull();
    expect(loadStoredViews(storage)).toEqual({ views: [view], problem: null });
    const damaged = memoryStorage({ [STORAGE_KEY]: JSON.stringify([view, { format: 'x' }]) });
    const read = loadStoredViews(damaged);
    expect(read.views).toEqual([view]);
    expect(read.problem).toMatch(/^saved view 2: field "format"/);
    expect(loadStoredViews(memoryStorage({ [STORAGE_KEY]: 'nope' })).problem).toBe(
      'The saved views in this browser could not be read (not JSON).',
    );
    const full: ViewStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(storeViews(full, [view])).toBe(
      'The views could not be stored in this browser (QuotaExceededError); export them as files instead.',
    );
  });
});

describe('historian actions', () => {
  test('data opened in other languages is relabelled; views are stored and placed on the canvas', () => {
    const storage = memoryStorage();
    const files: Blob[] = [];
    const { store, actions } = createExplorer('?lang=fr,en', {
      viewStorage: storage,
      saveFile: (_name, data) => files.push(data),
      clock: () => new Date('2026-05-20T10:00:00Z'),
    });
    store.set((s) => p.loadSucceeded(s, dataset));
    const { data } = store.get();
    if (data.status !== 'loaded') throw new Error('expected data');
    expect(languagesOf(data.dataset)).toEqual(['fr', 'en']);

    const placed: string[] = [];
    const canvas: ViewCanvasCommands = {
      positions: () => ({ [ALFRED]: [1, 2] }),
      place: (positions, camera) => placed.push(JSON.stringify([positions, camera])),
      frame: (nodes) => placed.push(`frame ${nodes.join(' ')}`),
    };
    actions.attachViewCanvas(canvas);
    actions.select({ kind: 'node', key: ALFRED });
    actions.cameraSettled({ x: 0.5, y: 0.5, ratio: 0.8 });
    const saved = actions.saveView('Alfred', 'In the middle.');
    expect(saved?.positions).toEqual({ [ALFRED]: [1, 2] });
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? '[]')).toEqual([saved]);
    expect(store.get().views.message).toBe('Saved “Alfred”.');

    actions.select(null);
    actions.openView(saved?.id ?? '');
    expect(store.get().selection).toEqual({ kind: 'node', key: ALFRED });
    expect(placed).toEqual([
      JSON.stringify([{ [ALFRED]: [1, 2] }, { x: 0.5, y: 0.5, ratio: 0.8 }]),
    ]);

    // A fresh explorer on the same storage finds the view.
    const again = createExplorer('', { viewStorage: storage });
    expect(again.store.get().views.saved).toEqual([saved]);

    actions.exportViewJson(saved?.id ?? '');
    expect(files).toHaveLength(1);

    // Finding paths brings them into view.
    actions.setPathEnd('from', ALFRED);
    actions.setPathEnd('to', SWP);
    actions.setPathCount(1);
    actions.searchPaths();
    const result = paths.selectPathResult(store.get());
    if (result?.status !== 'found') throw new Error('expected a path');
    expect(placed.at(-1)).toBe(`frame ${result.paths[0]?.nodes.join(' ') ?? ''}`);
  });
});

describe('playing saved views', () => {
  test('one after another in the order saved, then stopped; a bad file is named', () => {
    const storage = memoryStorage();
    let tick = Date.parse('2026-05-20T10:00:00Z');
    const { store, actions } = createExplorer('', {
      viewStorage: storage,
      clock: () => new Date((tick += 1000)),
    });
    store.set((s) => p.loadSucceeded(s, dataset));
    actions.select({ kind: 'node', key: ALFRED });
    const first = actions.saveView('Alfred', '');
    actions.select({ kind: 'node', key: DEWEY });
    const second = actions.saveView('Dewey', '');
    expect(store.get().views.saved.map((v) => v.name)).toEqual(['Alfred', 'Dewey']);

    actions.playViews();
    expect(store.get().views.playing).toEqual({ ids: [first?.id, second?.id], index: 0 });
    expect(store.get().selection).toEqual({ kind: 'node', key: ALFRED });
    expect(actions.advanceViews()).toBe(true);
    expect(store.get().selection).toEqual({ kind: 'node', key: DEWEY });
    expect(actions.advanceViews()).toBe(false);
    expect(store.get().views.playing).toBeNull();

    actions.deleteView(first?.id ?? '');
    expect(JSON.parse(storage.map.get(STORAGE_KEY) ?? '[]')).toEqual([second]);

    actions.importView('{"format": "triplescope-view", "version": 2}', 'old.json');
    expect(store.get().views.message).toBe(
      'old.json: field "version" must be 1 (the only version there is) (found 2). Fix the file or save the view again.',
    );
  });
});

describe('the URL', () => {
  test('carries the timeline and the label languages, and leaves out their defaults', () => {
    const url = {
      ...DEFAULT_URL_STATE,
      timeline: { range: { from: 1936, to: 1938 }, undated: 'hide' as const },
      languages: ['fr', 'en'],
    };
    expect(encodeUrlState(url)).toBe('?time=1936%2C1938&undated=hide&lang=fr%2Cen');
    expect(decodeUrlState(encodeUrlState(url))).toEqual(url);
    expect(encodeUrlState(p.urlStateOf(loaded))).toBe('');
    expect(decodeUrlState('?time=1938,1936&lang=e')).toEqual(DEFAULT_URL_STATE);
    expect(decodeUrlState('?undated=hide').timeline).toEqual({ range: null, undated: 'hide' });
  });
});
