// The timeline strip's geometry: the scale, marks packed into lanes without overlap, year ticks,
// on the Rosmer graph's dates.
import { describe, expect, test } from 'vitest';
import { buildTimeIndex } from '../../../src/graph/time.ts';
import {
  MIN_MARK_WIDTH,
  placeMarks,
  timeScale,
  yearCounts,
  yearTicks,
} from '../../../src/ui/panels/timeline-layout.ts';
import { rosmerDataset } from '../graph/rosmer.ts';

const index = buildTimeIndex(rosmerDataset().projection.graph);

describe('timeScale', () => {
  test('maps the first year to the left padding and the end of the last to the right one', () => {
    const scale = timeScale({ from: 1877, to: 1968 }, 932, 10);
    expect(scale.x(1877)).toBe(10);
    expect(scale.x(1969)).toBe(922);
    expect(scale.x(1923)).toBe(466);
    expect(scale.yearAt(466)).toBe(1923);
    expect(scale.yearAt(-50)).toBe(1877);
    expect(scale.yearAt(5000)).toBe(1968);
  });
});

describe('placeMarks', () => {
  test('no two marks of a lane overlap, and every mark can be clicked', () => {
    const scale = timeScale(index.extent ?? { from: 0, to: 0 }, 700);
    const placed = placeMarks(index.spans, scale);
    expect(placed).toHaveLength(index.spans.length);
    for (const a of placed) {
      expect(a.width).toBeGreaterThanOrEqual(MIN_MARK_WIDTH);
      for (const b of placed) {
        if (a === b || a.lane !== b.lane) continue;
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
      }
    }
    // As few lanes as marks drawn over one point at most (five spans start in 1920, and the
    // supply train of 1922 falls inside all of them).
    const deepest = Math.max(
      ...placed.map((a) => placed.filter((b) => b.x <= a.x && a.x < b.x + b.width + 2).length),
    );
    expect(Math.max(...placed.map((m) => m.lane)) + 1).toBe(deepest);
    expect(deepest).toBe(6);
  });

  test('a year is drawn a year wide, never as a single day', () => {
    const scale = timeScale({ from: 1900, to: 1999 }, 1024, 12);
    const [year] = placeMarks(
      index.spans.filter((s) => s.label === '1938'),
      scale,
    );
    expect(year?.width).toBeCloseTo(10, 6);
  });
});

describe('yearTicks', () => {
  test('labels decades across the Rosmer years at a usual width, every year when zoomed', () => {
    expect(yearTicks(timeScale({ from: 1877, to: 1968 }, 700))).toEqual([
      1880, 1890, 1900, 1910, 1920, 1930, 1940, 1950, 1960,
    ]);
    expect(yearTicks(timeScale({ from: 1936, to: 1938 }, 700))).toEqual([1936, 1937, 1938, 1939]);
  });
});

describe('yearCounts', () => {
  test('counts the spans over each year, a span over several years in each of them', () => {
    const counts = yearCounts(index.spans, { from: 1914, to: 1925 });
    expect(counts).toEqual([
      // 1914: the war and the stand; 1917: the revolution; 1918: the movement ("by 1918");
      // 1920–1924: the stay (to 1922), the period, the 1920s, their end, the work with Trotsky;
      // 1922: the supply train; 1924: the Labour government; 1925: the 1920s go on alone.
      2, 0, 0, 1, 1, 0, 5, 5, 6, 4, 5, 3,
    ]);
  });
});
