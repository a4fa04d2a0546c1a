// The timeline's state: the brushed range of years, what to do with undated nodes, and the step
// the play button takes; with the memoised dates of the loaded data and the window they give.
// Producers are pure; actions bind them (historian-actions.ts).
import {
  buildTimeIndex,
  timeWindow,
  type TimeIndex,
  type TimeWindow,
  type UndatedMode,
  type YearRange,
} from '../graph/time.ts';
import type { Dataset, ExplorerState } from './explorer.ts';

/** What the timeline filters by. */
export interface TimelineState {
  /** The brushed years (both ends included), or null: nothing is filtered by time. */
  range: YearRange | null;
  undated: UndatedMode;
}

/** No range brushed; undated nodes kept. */
export const INITIAL_TIMELINE: TimelineState = { range: null, undated: 'keep' };

/** The window the play button starts with when nothing is brushed (years). */
export const PLAY_WINDOW = 5;

/** True for the timeline of a fresh view (nothing to keep in a URL). */
export function isInitialTimeline(timeline: TimelineState): boolean {
  return timeline.range === null && timeline.undated === 'keep';
}

function sameRange(a: YearRange | null, b: YearRange | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}

/** A range in order, in whole years. */
export function normaliseRange(range: YearRange): YearRange {
  const a = Math.round(range.from);
  const b = Math.round(range.to);
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** Brushes a range of years (or clears it with null). */
export function setTimeRange(state: ExplorerState, range: YearRange | null): ExplorerState {
  const next = range === null ? null : normaliseRange(range);
  if (sameRange(state.timeline.range, next)) return state;
  return { ...state, timeline: { ...state.timeline, range: next } };
}

/** Keeps or hides undated nodes while a range is brushed. */
export function setUndatedMode(state: ExplorerState, undated: UndatedMode): ExplorerState {
  if (state.timeline.undated === undated) return state;
  return { ...state, timeline: { ...state.timeline, undated } };
}

/**
 * The play button's next step: the brushed window moved one year later, or, with nothing
 * brushed, a {@link PLAY_WINDOW}-year window at the start of `extent`. Null once the window's end
 * has reached the end of `extent` (the play stops there).
 */
export function nextPlayRange(range: YearRange | null, extent: YearRange): YearRange | null {
  if (range === null) {
    return { from: extent.from, to: Math.min(extent.to, extent.from + PLAY_WINDOW - 1) };
  }
  if (range.to >= extent.to) return null;
  return { from: range.from + 1, to: range.to + 1 };
}

let lastIndex: { dataset: Dataset; value: TimeIndex } | undefined;

/** The dates of the loaded data (null while nothing is loaded). */
export function selectTimeIndex(state: ExplorerState): TimeIndex | null {
  const dataset = state.data.status === 'loaded' ? state.data.dataset : null;
  if (!dataset) return null;
  if (lastIndex?.dataset === dataset) return lastIndex.value;
  const value = buildTimeIndex(dataset.projection.graph);
  lastIndex = { dataset, value };
  return value;
}

let lastWindow: { index: TimeIndex; timeline: TimelineState; value: TimeWindow } | undefined;

/** What the brushed range lets through (null when nothing is brushed or loaded). */
export function selectTimeWindow(state: ExplorerState): TimeWindow | null {
  const index = selectTimeIndex(state);
  const { range } = state.timeline;
  if (!index || !range || state.data.status !== 'loaded') return null;
  const last = lastWindow;
  if (last?.index === index && last.timeline === state.timeline) return last.value;
  const value = timeWindow(
    state.data.dataset.projection.graph,
    index,
    range,
    state.timeline.undated,
  );
  lastWindow = { index, timeline: state.timeline, value };
  return value;
}
