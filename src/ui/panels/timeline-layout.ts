// Where the timeline strip draws things: a scale from the data's first year to the end of its last,
// marks packed into lanes so none hides another, and year ticks spaced to stay readable. Pure
// arithmetic on spans and pixels, so it is tested without a browser.
import type { TimeSpan, YearRange } from '../../graph/time.ts';

/** A horizontal scale from fractional years to pixels. */
export interface TimeScale {
  /** Years covered: from the start of `extent.from` to the end of `extent.to`. */
  extent: YearRange;
  width: number;
  /** Pixels from the left edge for a fractional year. */
  x: (year: number) => number;
  /** The whole year under a pixel, clamped to the extent. */
  yearAt: (x: number) => number;
}

/** Builds the scale of `extent` over `width` pixels, keeping `padding` free at both ends. */
export function timeScale(extent: YearRange, width: number, padding = 12): TimeScale {
  const start = extent.from;
  const span = extent.to + 1 - extent.from;
  const inner = Math.max(1, width - 2 * padding);
  return {
    extent,
    width,
    x: (year) => padding + ((year - start) / span) * inner,
    yearAt: (x) =>
      Math.min(
        extent.to,
        Math.max(extent.from, Math.floor(start + ((x - padding) / inner) * span)),
      ),
  };
}

/** A mark placed on the strip. */
export interface PlacedMark {
  span: TimeSpan;
  lane: number;
  x: number;
  width: number;
}

/** The narrowest a mark is drawn (a day must stay clickable). */
export const MIN_MARK_WIDTH = 4;

/**
 * Packs spans into lanes from the top: each goes into the first lane where it keeps `gap` pixels
 * from the mark before it; spans come in time order, so the result is stable.
 */
export function placeMarks(spans: readonly TimeSpan[], scale: TimeScale, gap = 2): PlacedMark[] {
  const laneEnds: number[] = [];
  return spans.map((span) => {
    const x = scale.x(span.from);
    const width = Math.max(MIN_MARK_WIDTH, scale.x(span.to) - x);
    let lane = laneEnds.findIndex((end) => end + gap <= x);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(x + width);
    } else {
      laneEnds[lane] = x + width;
    }
    return { span, lane, x, width };
  });
}

/** Years to label on the axis: multiples of the smallest step that leaves `minGap` pixels. */
export function yearTicks(scale: TimeScale, minGap = 48): number[] {
  const pixelsPerYear = scale.x(scale.extent.from + 1) - scale.x(scale.extent.from);
  const step =
    [1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000].find((s) => s * pixelsPerYear >= minGap) ?? 1000;
  const ticks: number[] = [];
  for (let y = Math.ceil(scale.extent.from / step) * step; y <= scale.extent.to + 1; y += step) {
    ticks.push(y);
  }
  return ticks;
}

/** Beyond this many dates the strip draws how many fall in each year rather than every mark. */
export const MAX_MARKS = 1500;

/** How many spans cover each year of `extent` (index 0 is `extent.from`). */
export function yearCounts(spans: readonly TimeSpan[], extent: YearRange): number[] {
  const counts = new Array<number>(extent.to - extent.from + 1).fill(0);
  for (const span of spans) {
    const first = Math.max(extent.from, Math.floor(span.from));
    const last = Math.min(extent.to, Math.ceil(span.to) - 1);
    for (let year = first; year <= last; year += 1) {
      counts[year - extent.from] = (counts[year - extent.from] ?? 0) + 1;
    }
  }
  return counts;
}
