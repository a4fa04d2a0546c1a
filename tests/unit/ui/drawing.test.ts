// Label placement: short labels on the canvas, and no two labels overlapping.
import { describe, expect, test } from 'vitest';
import {
  LabelPlanner,
  MAX_LABEL_LENGTH,
  shortLabel,
  type LabelCandidate,
} from '../../../src/ui/canvas/drawing.ts';

/** Text width for the tests: 7 pixels a character, as a 13px sans-serif roughly measures. */
const measure = (text: string): number => text.length * 7;
const FONT = 13;

function planned(candidates: LabelCandidate[]): string[] {
  const planner = new LabelPlanner(() => candidates);
  return candidates.filter((c) => planner.allows(c.key, measure, FONT)).map((c) => c.key);
}

const at = (
  key: string,
  x: number,
  y: number,
  size: number,
  priority: 0 | 1 | 2 = 0,
): LabelCandidate => ({
  key,
  label: `label of ${key}`,
  x,
  y,
  size,
  priority,
});

describe('shortLabel', () => {
  test('short labels stay; long ones are cut at a word and end in an ellipsis', () => {
    expect(shortLabel('Leon Trotsky')).toBe('Leon Trotsky');
    const long = 'under Stalin nothing remained of the socialist impulse';
    expect(shortLabel(long)).toBe('under Stalin nothing remained…');
    expect(shortLabel(long).length).toBeLessThanOrEqual(MAX_LABEL_LENGTH + 1);
    expect(shortLabel('x'.repeat(50))).toBe(`${'x'.repeat(MAX_LABEL_LENGTH)}…`);
  });
});

describe('LabelPlanner', () => {
  test('of two overlapping labels the bigger node keeps its label', () => {
    expect(planned([at('small', 100, 100, 4), at('big', 110, 104, 10)])).toEqual(['big']);
  });

  test('labels apart from each other are all drawn', () => {
    expect(planned([at('a', 0, 0, 5), at('b', 0, 40, 5), at('c', 300, 0, 5)])).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  test('priority beats size; the hovered or selected node is drawn whatever it covers', () => {
    expect(planned([at('big', 100, 100, 12), at('neighbour', 105, 102, 4, 1)])).toEqual([
      'neighbour',
    ]);
    expect(planned([at('first', 100, 100, 12, 2), at('second', 105, 102, 4, 2)])).toEqual([
      'first',
      'second',
    ]);
  });

  test('the plan is made once per frame, again after invalidate', () => {
    let calls = 0;
    const planner = new LabelPlanner(() => {
      calls += 1;
      return [at('a', 0, 0, 5)];
    });
    planner.allows('a', measure, FONT);
    planner.allows('b', measure, FONT);
    expect(calls).toBe(1);
    planner.invalidate();
    expect(planner.allows('a', measure, FONT)).toBe(true);
    expect(calls).toBe(2);
  });
});
