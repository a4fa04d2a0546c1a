// Growing a drawn graph in place (layout/incremental.ts), on triples recorded from the test
// Virtuoso: every node drawn before keeps its position, new neighbours fan out beside the node they
// were reached from, away from the rest, the same way every time; nodes already drawn are pinned
// for a layout run under way and released after it, but for those the person pinned.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import { buildViewGraph } from '../../../src/graph/appearance.ts';
import { projectQuads } from '../../../src/graph/project.ts';
import {
  growViewGraph,
  hasGrowthPins,
  placeNewNodes,
  releaseGrowthPins,
  typicalLength,
  type Point,
} from '../../../src/layout/incremental.ts';

const DIR = join(process.cwd(), 'tests', 'fixtures', 'remote');
const R = 'https://w3id.org/triplescope/rosmer/';
const TROTSKY = `${R}leon-trotsky`;
const EVENTS = [
  `${R}disagreement-with-trotsky`,
  `${R}trotskys-refuge-in-paris`,
  `${R}work-with-trotsky`,
];
const FRIENDS = [`${R}alfred-rosmer`, `${R}marguerite-rosmer`];

function nt(name: string): Quad[] {
  return new Parser({ format: 'application/n-triples' }).parse(
    readFileSync(join(DIR, name), 'utf8'),
  );
}

const START = nt('trotsky-start.nt');
const TOOK_PART = nt('trotsky-took-part-in.nt');
const FRIEND_QUADS = nt('trotsky-friends.nt');

describe('the typical link length', () => {
  const at = (entries: [string, Point][]) => new Map(entries);
  test('the median length of the drawn edges', () => {
    const positions = at([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 3, y: 4 }],
      ['c', { x: 0, y: 1 }],
      ['d', { x: 0, y: 10 }],
    ]);
    expect(
      typicalLength(positions, [
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'd'],
      ]),
    ).toBe(5);
  });

  test('without edges, the extent shared out among the nodes; one node alone, 10', () => {
    const positions = at([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 30, y: 40 }],
      ['c', { x: 0, y: 40 }],
      ['d', { x: 30, y: 0 }],
    ]);
    expect(typicalLength(positions, [])).toBe(25);
    expect(typicalLength(at([['a', { x: 4, y: 4 }]]), [])).toBe(10);
  });
});

describe('placing new nodes', () => {
  const positions = new Map<string, Point>([
    ['hub', { x: 0, y: 0 }],
    ['anchor', { x: 100, y: 0 }],
  ]);
  const news = Array.from({ length: 40 }, (_, i) => `n${String(i)}`);
  const anchors = new Map(news.map((n) => [n, 'anchor']));

  test('beside the anchor, facing away from the rest, further out the more there are', () => {
    const placed = placeNewNodes(news, anchors, positions, 10);
    expect([...placed.keys()]).toEqual(news);
    news.forEach((n, j) => {
      const p = placed.get(n) ?? { x: Number.NaN, y: 0 };
      const dx = p.x - 100;
      const dy = p.y;
      // The centre of what is drawn is at x = 50: every new node is on the far side of the anchor.
      expect(dx).toBeGreaterThanOrEqual(-1e-9);
      expect(Math.hypot(dx, dy)).toBeCloseTo(10 * (1 + 0.35 * Math.sqrt(j)), 9);
    });
    // Spread over the whole half-turn, not in a line.
    const angles = [...placed.values()].map((p) => Math.atan2(p.y, p.x - 100));
    expect(Math.min(...angles)).toBeLessThan(-1.3);
    expect(Math.max(...angles)).toBeGreaterThan(1.3);
  });

  test('the same inputs, the same places; a few neighbours spread over a narrower fan', () => {
    expect(placeNewNodes(news, anchors, positions, 10)).toEqual(
      placeNewNodes(news, anchors, positions, 10),
    );
    const two = placeNewNodes(
      ['x', 'y'],
      new Map([
        ['x', 'anchor'],
        ['y', 'anchor'],
      ]),
      positions,
      10,
    );
    const angles = [...two.values()].map((p) => Math.atan2(p.y, p.x - 100));
    expect(Math.abs((angles[0] ?? 0) - (angles[1] ?? 0))).toBeLessThanOrEqual(Math.PI / 6 + 1e-9);
  });

  test('a node without a drawn anchor goes around the centre, at the graph’s reach', () => {
    const placed = placeNewNodes(['lonely'], new Map(), positions, 10);
    const p = placed.get('lonely') ?? { x: Number.NaN, y: 0 };
    expect(Math.hypot(p.x - 50, p.y)).toBeLessThanOrEqual(10);
  });
});

describe('growing a view graph in place', () => {
  const first = projectQuads(START);
  const view = buildViewGraph(first, {
    includeVocabulary: false,
    scheme: 'light',
    sizeBy: 'degree',
    position: () => ({ x: 3, y: 4 }),
  });

  test('old positions kept, new nodes beside the node expanded, edges and labels in, old nodes pinned until released', () => {
    const added = growViewGraph(view, projectQuads([...START, ...TOOK_PART]), {
      anchors: new Map(EVENTS.map((e) => [e, TROTSKY])),
      includeVocabulary: false,
      scheme: 'light',
      sizeBy: 'degree',
    });
    expect(added.sort()).toEqual(EVENTS);
    expect(view.getNodeAttributes(TROTSKY)).toMatchObject({ x: 3, y: 4, fixed: true });
    expect(view.order).toBe(4);
    expect(view.size).toBe(3);
    for (const e of EVENTS) {
      const { x, y, fixed, label } = view.getNodeAttributes(e);
      expect(Math.hypot(x - 3, y - 4)).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(Math.hypot(x - 3, y - 4)).toBeLessThan(20);
      expect(fixed).toBeUndefined();
      expect(label).not.toBe('');
    }
    expect(view.getNodeAttribute(`${R}work-with-trotsky`, 'label')).toBe(
      'the Rosmers’ work with Trotsky',
    );
    // A hub grows bigger with its links.
    expect(view.getNodeAttribute(TROTSKY, 'size')).toBeGreaterThan(
      view.getNodeAttribute(EVENTS[0] ?? '', 'size'),
    );
    expect(hasGrowthPins()).toBe(true);
    releaseGrowthPins();
    expect(hasGrowthPins()).toBe(false);
    expect(view.getNodeAttribute(TROTSKY, 'fixed')).toBe(false);
  });

  test('a node the person pinned stays pinned after a growth', () => {
    view.setNodeAttribute(`${R}work-with-trotsky`, 'fixed', true);
    const before = view.getNodeAttributes(`${R}work-with-trotsky`);
    growViewGraph(view, projectQuads([...START, ...TOOK_PART, ...FRIEND_QUADS]), {
      anchors: new Map(FRIENDS.map((f) => [f, TROTSKY])),
      includeVocabulary: false,
      scheme: 'light',
      sizeBy: 'degree',
    });
    expect(view.order).toBe(6);
    releaseGrowthPins();
    expect(view.getNodeAttributes(`${R}work-with-trotsky`)).toMatchObject({
      x: before.x,
      y: before.y,
      fixed: true,
    });
    expect(view.getNodeAttribute(`${R}trotskys-refuge-in-paris`, 'fixed')).toBe(false);
  });
});
