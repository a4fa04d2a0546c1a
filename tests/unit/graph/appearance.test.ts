// Appearance: class colours readable on both schemes, most specific class wins, sizes follow a
// metric, and the view graph carries render attributes only.
import { describe, expect, test } from 'vitest';
import {
  buildViewGraph,
  classColors,
  colorClassOf,
  metricValues,
  NEUTRAL_COLOR,
  NODE_SIZE,
  PALETTE,
  recolorViewGraph,
  resizeViewGraph,
  sizesFromValues,
} from '../../../src/graph/appearance.ts';
import { UNTYPED } from '../../../src/graph/types.ts';
import { CANVAS_THEMES } from '../../../src/ui/theme.ts';
import { DataFactory } from 'n3';
import { projectQuads } from '../../../src/graph/project.ts';
import { EX, R, RDF, TS, projectFixtures, rosmerMini } from './fixtures.ts';

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const position = (key: string) => ({ x: key.length, y: 0 });

describe('colours', () => {
  test('every node colour stands out 3:1 from its scheme background (WCAG non-text contrast)', () => {
    for (const entry of [...PALETTE, NEUTRAL_COLOR]) {
      expect(contrast(entry.light, CANVAS_THEMES.light.background)).toBeGreaterThanOrEqual(3);
      expect(contrast(entry.dark, CANVAS_THEMES.dark.background)).toBeGreaterThanOrEqual(3);
    }
  });

  test('classes take palette colours in legend order; classes beyond the palette are neutral', () => {
    const projection = rosmerMini();
    const colors = classColors(projection, 'light');
    expect(colors.get(`${TS}Person`)).toBe(PALETTE[0]?.light);
    expect(colors.get(`${TS}Organisation`)).toBe(PALETTE[1]?.light);
    expect(classColors(projection, 'dark').get(`${TS}Person`)).toBe(PALETTE[0]?.dark);
    expect(colors.get(UNTYPED)).toBe(NEUTRAL_COLOR.light);

    // Thirteen classes of one member each: legend order is by label, the last two are neutral.
    const many = projectQuads(
      Array.from({ length: 13 }, (_, i) =>
        DataFactory.quad(
          DataFactory.namedNode(`${EX}n${String(i)}`),
          DataFactory.namedNode(`${RDF}type`),
          DataFactory.namedNode(`${EX}C${String(i).padStart(2, '0')}`),
        ),
      ),
    );
    const manyColors = classColors(many, 'light');
    expect(many.classes.map((c) => manyColors.get(c.iri))).toEqual([
      ...PALETTE.map((p) => p.light),
      NEUTRAL_COLOR.light,
      NEUTRAL_COLOR.light,
    ]);
  });

  test("a node wears its most specific class's colour", () => {
    const projection = projectFixtures(['projection-cases.trig']);
    const a = projection.graph.getNodeAttributes('http://example.org/a');
    expect(colorClassOf(a, projection)).toBe('http://example.org/Person');
    const b = projection.graph.getNodeAttributes('http://example.org/b');
    expect(colorClassOf(b, projection)).toBe(UNTYPED);
  });
});

describe('sizes', () => {
  test('values map to sizes on a square-root scale between the bounds', () => {
    const sizes = sizesFromValues(
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 4],
      ]),
    );
    expect(sizes.get('a')).toBe(NODE_SIZE.min);
    expect(sizes.get('b')).toBeCloseTo(NODE_SIZE.min + 0.5 * (NODE_SIZE.max - NODE_SIZE.min));
    expect(sizes.get('c')).toBe(NODE_SIZE.max);
    expect(
      sizesFromValues(
        new Map([
          ['a', 3],
          ['b', 3],
        ]),
      ),
    ).toEqual(
      new Map([
        ['a', (NODE_SIZE.min + NODE_SIZE.max) / 2],
        ['b', (NODE_SIZE.min + NODE_SIZE.max) / 2],
      ]),
    );
  });

  test('degree and betweenness rank the hub first; PageRank is a distribution', () => {
    const view = buildViewGraph(rosmerMini(), {
      includeVocabulary: false,
      scheme: 'light',
      sizeBy: 'degree',
      position,
    });
    const top = (values: Map<string, number>) => [...values].sort((x, y) => y[1] - x[1])[0]?.[0];
    expect(top(metricValues(view, 'degree'))).toBe(`${R}alfred-rosmer`);
    expect(metricValues(view, 'degree').get(`${R}alfred-rosmer`)).toBe(
      view.degree(`${R}alfred-rosmer`),
    );
    expect(top(metricValues(view, 'betweenness'))).toBe(`${R}alfred-rosmer`);
    const pagerank = [...metricValues(view, 'pagerank').values()];
    expect(pagerank).toHaveLength(view.order);
    expect(pagerank.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

describe('the view graph', () => {
  const projection = rosmerMini();

  test('holds the drawn nodes and the edges between them, with render attributes only', () => {
    const view = buildViewGraph(projection, {
      includeVocabulary: false,
      scheme: 'light',
      sizeBy: 'degree',
      position,
    });
    const drawn = projection.graph.filterNodes((_, a) => !a.vocabulary);
    expect(view.nodes().sort()).toEqual(drawn.sort());
    expect(view.size).toBe(
      projection.graph.filterEdges((_, __, s, t) => view.hasNode(s) && view.hasNode(t)).length,
    );
    const alfred = `${R}alfred-rosmer`;
    expect(view.getNodeAttributes(alfred)).toEqual({
      x: alfred.length,
      y: 0,
      size: NODE_SIZE.max,
      color: PALETTE[0]?.light,
      label: 'Alfred Rosmer',
      colorClass: `${TS}Person`,
    });
    const met = `${alfred} -[${TS}met]-> ${R}leon-trotsky`;
    expect(view.getEdgeAttributes(met)).toEqual({ label: 'met', predicate: `${TS}met`, size: 1.5 });
  });

  test('includes vocabulary terms when asked, and recolours and resizes in place', () => {
    const view = buildViewGraph(projection, {
      includeVocabulary: true,
      scheme: 'light',
      sizeBy: 'degree',
      position,
    });
    expect(view.order).toBe(projection.graph.order);
    expect(view.size).toBe(projection.graph.size);
    recolorViewGraph(view, projection, 'dark');
    expect(view.getNodeAttribute(`${R}alfred-rosmer`, 'color')).toBe(PALETTE[0]?.dark);
    resizeViewGraph(view, 'pagerank');
    const sizes = view.mapNodes((_, a) => a.size);
    expect(Math.min(...sizes)).toBe(NODE_SIZE.min);
    expect(Math.max(...sizes)).toBe(NODE_SIZE.max);
    // The data graph is untouched.
    expect(projection.graph.getNodeAttributes(`${R}alfred-rosmer`)).not.toHaveProperty('color');
  });
});
