// Views worth citing: the current view (data source, filters, timeline range, label languages,
// selection, camera, layout positions) saved under a name with a note, kept in the browser's
// storage, played one after another, and written as JSON that reopens it exactly. Reading a view
// back checks every field and names the one that is wrong.
import { SIZE_METRICS, type SizeMetric } from '../graph/appearance.ts';
import { DEPTHS, type Depth, type Filters } from '../graph/filters.ts';
import { parseLanguageList } from '../graph/language.ts';
import type { YearRange } from '../graph/time.ts';
import type { Camera, ExplorerState, Selection } from './explorer.ts';
import { applyLanguages } from './languages.ts';
import type { TimelineState } from './timeline.ts';

/** The `format` every view file carries. */
export const VIEW_FORMAT = 'triplescope-view';

/** Where saved views are kept in the browser's storage. */
export const STORAGE_KEY = 'triplescope:views';

/** Beyond this many nodes, layout positions are not saved (they would fill the storage). */
export const MAX_SAVED_POSITIONS = 5000;

/** Node positions in the layout's coordinates, by node key. */
export type Positions = Record<string, [number, number]>;

/** A saved view. */
export interface SavedView {
  format: typeof VIEW_FORMAT;
  version: 1;
  id: string;
  name: string;
  note: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /** The data it shows: its name and size, to tell when other data is open. */
  data: { name: string; nodes: number; edges: number };
  selection: Selection;
  filters: Filters;
  sizeBy: SizeMetric;
  camera: Camera | null;
  timeline: TimelineState;
  languages: string[];
  /** Layout positions (null when the graph was too large to keep them). */
  positions: Positions | null;
}

/** A view file or stored view that cannot be read, with the field at fault. */
export class ViewError extends Error {
  override name = 'ViewError';
}

/** The saved views and the slideshow playing them. */
export interface ViewsState {
  saved: SavedView[];
  /** The views being played, and which one is on screen; null when not playing. */
  playing: { ids: string[]; index: number } | null;
  /** What the last save, open or read said (an error, or a note such as a data mismatch). */
  message: string | null;
}

/** No view saved yet (the stored ones are read when the app starts). */
export const INITIAL_VIEWS: ViewsState = { saved: [], playing: null, message: null };

/** What a saved view needs besides the state: its identity, words and layout. */
export interface ViewMeta {
  id: string;
  name: string;
  note: string;
  savedAt: string;
  positions: Positions | null;
}

/** The current view as a saved view; null when no data is loaded. */
export function captureView(state: ExplorerState, meta: ViewMeta): SavedView | null {
  if (state.data.status !== 'loaded') return null;
  const { dataset } = state.data;
  return {
    format: VIEW_FORMAT,
    version: 1,
    id: meta.id,
    name: meta.name.trim() === '' ? 'Untitled view' : meta.name.trim(),
    note: meta.note.trim(),
    savedAt: meta.savedAt,
    data: {
      name: dataset.name,
      nodes: dataset.projection.graph.order,
      edges: dataset.projection.graph.size,
    },
    selection: state.selection,
    filters: state.filters,
    sizeBy: state.sizeBy,
    camera: state.camera,
    timeline: state.timeline,
    languages: [...state.languages],
    positions: meta.positions,
  };
}

/** Why a view does not fit the data now open: it cannot be opened (blocking), or only in part. */
export interface ViewMismatch {
  message: string;
  blocking: boolean;
}

/** How a view fits the data now open (null when it fits). */
export function viewMismatch(state: ExplorerState, view: SavedView): ViewMismatch | null {
  if (state.data.status !== 'loaded') {
    return { message: 'No data is open yet; wait for it to load.', blocking: true };
  }
  const { dataset } = state.data;
  const { order, size } = dataset.projection.graph;
  if (dataset.name !== view.data.name) {
    return {
      message: `“${view.name}” was saved on ${view.data.name}, but ${dataset.name} is open; open ${view.data.name} first.`,
      blocking: true,
    };
  }
  if (order !== view.data.nodes || size !== view.data.edges) {
    return {
      message: `“${view.name}” was saved when ${view.data.name} had ${String(view.data.nodes)} nodes and ${String(view.data.edges)} edges; it has ${String(order)} and ${String(size)} now, so some of the view may be missing.`,
      blocking: false,
    };
  }
  return null;
}

/** Takes a saved view's selection, filters, sizes, camera, timeline and languages. */
export function applyView(state: ExplorerState, view: SavedView): ExplorerState {
  return applyLanguages({
    ...state,
    selection: view.selection,
    filters: view.filters,
    sizeBy: view.sizeBy,
    camera: view.camera,
    timeline: view.timeline,
    languages: [...view.languages],
    reading: { sentence: null },
    panels: { ...state.panels, details: view.selection !== null },
  });
}

/** Adds a view (replacing one with the same id) and says so. */
export function addView(state: ExplorerState, view: SavedView): ExplorerState {
  const saved = [...state.views.saved.filter((v) => v.id !== view.id), view];
  return { ...state, views: { ...state.views, saved, message: `Saved “${view.name}”.` } };
}

/** Removes a saved view. */
export function removeView(state: ExplorerState, id: string): ExplorerState {
  const saved = state.views.saved.filter((v) => v.id !== id);
  if (saved.length === state.views.saved.length) return state;
  return { ...state, views: { ...state.views, saved, playing: null } };
}

/** Replaces the list of saved views (read from storage) and the message to show with it. */
export function setSavedViews(
  state: ExplorerState,
  saved: SavedView[],
  message: string | null,
): ExplorerState {
  return { ...state, views: { ...state.views, saved, message } };
}

/** Shows a message in the views panel (null clears it). */
export function setViewsMessage(state: ExplorerState, message: string | null): ExplorerState {
  return state.views.message === message ? state : { ...state, views: { ...state.views, message } };
}

/** Starts, advances or stops (null) the slideshow of views. */
export function setPlaying(
  state: ExplorerState,
  playing: { ids: string[]; index: number } | null,
): ExplorerState {
  return { ...state, views: { ...state.views, playing } };
}

// --- Reading views back -------------------------------------------------------------------------

type Json = unknown;

function fail(where: string, field: string, what: string, found: Json): never {
  // NOTE: JSON.stringify gives undefined (despite its type) for a missing value.
  const shown = found === undefined ? 'nothing' : JSON.stringify(found).slice(0, 80);
  throw new ViewError(
    `${where}: field "${field}" ${what} (found ${shown}). Fix the file or save the view again.`,
  );
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: Json, where: string, field: string): Record<string, Json> {
  if (!isRecord(value)) fail(where, field, 'must be an object', value);
  return value;
}

function text(value: Json, where: string, field: string): string {
  if (typeof value !== 'string') fail(where, field, 'must be text', value);
  return value;
}

function bool(value: Json, where: string, field: string): boolean {
  if (typeof value !== 'boolean') fail(where, field, 'must be true or false', value);
  return value;
}

function num(value: Json, where: string, field: string, whole = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
    fail(where, field, whole ? 'must be a whole number' : 'must be a number', value);
  }
  return value;
}

function texts(value: Json, where: string, field: string): string[] {
  if (!Array.isArray(value)) fail(where, field, 'must be a list of texts', value);
  return value.map((v, i) => text(v, where, `${field}[${String(i)}]`));
}

function selectionOf(value: Json, where: string): Selection {
  if (value === null) return null;
  const s = record(value, where, 'selection');
  const kind = s.kind;
  if (kind !== 'node' && kind !== 'edge')
    fail(where, 'selection.kind', 'must be "node" or "edge"', kind);
  return { kind, key: text(s.key, where, 'selection.key') };
}

function filtersOf(value: Json, where: string): Filters {
  const f = record(value, where, 'filters');
  const depth = f.depth;
  if (!(DEPTHS as readonly Json[]).includes(depth)) {
    fail(where, 'filters.depth', 'must be 0, 1, 2 or 3', depth);
  }
  return {
    hiddenClasses: [...new Set(texts(f.hiddenClasses, where, 'filters.hiddenClasses'))].sort(),
    hiddenPredicates: [
      ...new Set(texts(f.hiddenPredicates, where, 'filters.hiddenPredicates')),
    ].sort(),
    depth: depth as Depth,
    hideIsolated: bool(f.hideIsolated, where, 'filters.hideIsolated'),
    showVocabulary: bool(f.showVocabulary, where, 'filters.showVocabulary'),
  };
}

function cameraOf(value: Json, where: string): Camera | null {
  if (value === null) return null;
  const c = record(value, where, 'camera');
  const ratio = num(c.ratio, where, 'camera.ratio');
  if (ratio <= 0) fail(where, 'camera.ratio', 'must be above 0', ratio);
  return { x: num(c.x, where, 'camera.x'), y: num(c.y, where, 'camera.y'), ratio };
}

function timelineOf(value: Json, where: string): TimelineState {
  const t = record(value, where, 'timeline');
  const undated = t.undated;
  if (undated !== 'keep' && undated !== 'hide') {
    fail(where, 'timeline.undated', 'must be "keep" or "hide"', undated);
  }
  let range: YearRange | null = null;
  if (t.range !== null) {
    const r = record(t.range, where, 'timeline.range');
    range = {
      from: num(r.from, where, 'timeline.range.from', true),
      to: num(r.to, where, 'timeline.range.to', true),
    };
    if (range.from > range.to) fail(where, 'timeline.range', 'must end after it starts', t.range);
  }
  return { range, undated };
}

function positionsOf(value: Json, where: string): Positions | null {
  if (value === null) return null;
  const p = record(value, where, 'positions');
  const out: Positions = {};
  for (const [key, xy] of Object.entries(p)) {
    const field = `positions[${JSON.stringify(key)}]`;
    if (!Array.isArray(xy) || xy.length !== 2) fail(where, field, 'must be [x, y]', xy);
    out[key] = [num(xy[0], where, `${field}[0]`), num(xy[1], where, `${field}[1]`)];
  }
  return out;
}

/**
 * Reads a view from parsed JSON; throws a {@link ViewError} naming `where` (a file name, or the
 * browser's storage) and the first field that is missing or wrong.
 */
export function parseView(value: Json, where: string): SavedView {
  const v = record(value, where, '(the view)');
  if (v.format !== VIEW_FORMAT) fail(where, 'format', `must be "${VIEW_FORMAT}"`, v.format);
  if (v.version !== 1) fail(where, 'version', 'must be 1 (the only version there is)', v.version);
  const data = record(v.data, where, 'data');
  const sizeBy = v.sizeBy;
  if (!(SIZE_METRICS as readonly Json[]).includes(sizeBy)) {
    fail(where, 'sizeBy', `must be one of ${SIZE_METRICS.join(', ')}`, sizeBy);
  }
  const languages = parseLanguageList(texts(v.languages, where, 'languages').join(', '));
  if (!languages.ok) fail(where, 'languages', `is wrong: ${languages.error}`, v.languages);
  return {
    format: VIEW_FORMAT,
    version: 1,
    id: text(v.id, where, 'id'),
    name: text(v.name, where, 'name'),
    note: text(v.note, where, 'note'),
    savedAt: text(v.savedAt, where, 'savedAt'),
    data: {
      name: text(data.name, where, 'data.name'),
      nodes: num(data.nodes, where, 'data.nodes', true),
      edges: num(data.edges, where, 'data.edges', true),
    },
    selection: selectionOf(v.selection, where),
    filters: filtersOf(v.filters, where),
    sizeBy: sizeBy as SizeMetric,
    camera: cameraOf(v.camera, where),
    timeline: timelineOf(v.timeline, where),
    languages: languages.languages,
    positions: positionsOf(v.positions, where),
  };
}

/** Reads a view file's text (JSON); errors name the file, and for bad JSON, where it breaks. */
export function parseViewText(textValue: string, where: string): SavedView {
  let value: Json;
  try {
    value = JSON.parse(textValue);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ViewError(
      `${where}: not JSON (${message}). Choose a view file saved by Triplescope.`,
    );
  }
  return parseView(value, where);
}

/** A view as the JSON file that reopens it. */
export function viewToJson(view: SavedView): string {
  return `${JSON.stringify(view, null, 2)}\n`;
}

/** The storage the views live in (the browser's localStorage, or a stand-in in tests). */
export type ViewStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Reads the stored views; entries that cannot be read are left out and named in `problem`, so one
 * damaged view does not cost the others.
 */
export function loadStoredViews(storage: ViewStorage): {
  views: SavedView[];
  problem: string | null;
} {
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null) return { views: [], problem: null };
  let list: Json;
  try {
    list = JSON.parse(raw);
  } catch {
    return { views: [], problem: 'The saved views in this browser could not be read (not JSON).' };
  }
  if (!Array.isArray(list)) {
    return {
      views: [],
      problem: 'The saved views in this browser could not be read (not a list).',
    };
  }
  const views: SavedView[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    try {
      views.push(parseView(item, `saved view ${String(i + 1)}`));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  });
  return { views, problem: problems.length === 0 ? null : problems.join(' ') };
}

/** Stores the views; returns what went wrong (a full storage) or null. */
export function storeViews(storage: ViewStorage, views: readonly SavedView[]): string | null {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(views));
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `The views could not be stored in this browser (${message}); export them as files instead.`;
  }
}
