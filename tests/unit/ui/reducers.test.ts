// What sigma is told to draw for each node and edge under filters, hover, selection and zoom.
import { describe, expect, test } from 'vitest';
import { buildViewGraph } from '../../../src/graph/appearance.ts';
import { computeVisibility, DEFAULT_FILTERS } from '../../../src/graph/filters.ts';
import {
  mixColors,
  pairLabels,
  reduceEdge,
  reduceNode,
  type ReducerContext,
} from '../../../src/ui/canvas/reducers.ts';
import { CANVAS_THEMES } from '../../../src/ui/theme.ts';
import { R, TS, rosmerMini } from '../graph/fixtures.ts';

const projection = rosmerMini();
const view = buildViewGraph(projection, {
  includeVocabulary: false,
  scheme: 'light',
  sizeBy: 'degree',
  position: () => ({ x: 0, y: 0 }),
});
const visibility = computeVisibility(projection.graph, DEFAULT_FILTERS, null);
const theme = CANVAS_THEMES.light;
const ALFRED = `${R}alfred-rosmer`;
const TROTSKY = `${R}leon-trotsky`;
const MET = `${ALFRED} -[${TS}met]-> ${TROTSKY}`;
const WORKED = `${ALFRED} -[${TS}workedWith]-> ${TROTSKY}`;
const FOUNDED = `${TROTSKY} -[${TS}founded]-> ${R}fourth-international`;

const context = (overrides: Partial<ReducerContext> = {}): ReducerContext => ({
  visibility,
  hovered: null,
  hoverGroup: new Set(),
  selectedNode: null,
  selectedEdge: null,
  edgeLabels: pairLabels(view, visibility.edges),
  zoomedIn: false,
  theme,
  ...overrides,
});
const node = (key: string, ctx: ReducerContext) =>
  reduceNode(key, view.getNodeAttributes(key), ctx);
const edge = (key: string, ctx: ReducerContext) =>
  reduceEdge(key, view.getEdgeAttributes(key), view.source(key), view.target(key), ctx);

describe('mixColors', () => {
  test('mixes two hex colours; leaves other notations alone', () => {
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColors('#2563eb', '#ffffff', 0)).toBe('#2563eb');
    expect(mixColors('#2563eb', '#ffffff', 1)).toBe('#ffffff');
    expect(mixColors('rgba(0,0,0,1)', '#ffffff', 0.5)).toBe('rgba(0,0,0,1)');
  });
});

describe('pairLabels', () => {
  test('parallel edges share one label that names every predicate once', () => {
    const labels = pairLabels(view, visibility.edges);
    expect(labels.get(MET)).toBe('met · worked with');
    expect(labels.has(WORKED)).toBe(false);
    expect(labels.get(FOUNDED)).toBe('founded');
    const withoutMet = new Set([...visibility.edges].filter((e) => e !== MET));
    expect(pairLabels(view, withoutMet).get(WORKED)).toBe('worked with');
  });
});

describe('reduceNode', () => {
  test('filtered nodes are hidden; others keep their render attributes', () => {
    const hiddenClass = computeVisibility(
      projection.graph,
      { ...DEFAULT_FILTERS, hiddenClasses: [`${TS}Person`] },
      null,
    );
    expect(node(ALFRED, context({ visibility: hiddenClass })).hidden).toBe(true);
    expect(node(ALFRED, context())).toEqual({ ...view.getNodeAttributes(ALFRED), zIndex: 1 });
  });

  test('hovering dims what is not a neighbour and forces the neighbours’ labels', () => {
    const ctx = context({ hovered: TROTSKY, hoverGroup: new Set([TROTSKY, ALFRED]) });
    expect(node(TROTSKY, ctx)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 2 });
    expect(node(ALFRED, ctx)).toMatchObject({ forceLabel: true, zIndex: 2 });
    expect(node(ALFRED, ctx).highlighted).toBeUndefined();
    const far = node(`${R}natalia-sedova`, ctx);
    expect(far).toMatchObject({ label: null, zIndex: 0 });
    expect(far.color).toBe(
      mixColors(view.getNodeAttribute(`${R}natalia-sedova`, 'color'), theme.background, 0.78),
    );
  });

  test('the selected node is highlighted with its label, above the others', () => {
    expect(node(ALFRED, context({ selectedNode: ALFRED }))).toMatchObject({
      highlighted: true,
      forceLabel: true,
      zIndex: 3,
    });
  });
});

describe('reduceEdge', () => {
  test('edge labels: only zoomed in, or around the hovered or selected node', () => {
    expect(edge(MET, context()).label).toBeNull();
    expect(edge(MET, context({ zoomedIn: true })).label).toBe('met · worked with');
    expect(edge(WORKED, context({ zoomedIn: true })).label).toBeNull();
    expect(edge(MET, context({ selectedNode: TROTSKY }))).toMatchObject({
      label: 'met · worked with',
      color: theme.edgeStrong,
    });
    expect(
      edge(FOUNDED, context({ hovered: ALFRED, hoverGroup: new Set([ALFRED]) })),
    ).toMatchObject({
      label: null,
      color: mixColors(theme.edge, theme.background, 0.6),
    });
  });

  test('the selected edge stands out with its own label, forced', () => {
    expect(edge(WORKED, context({ selectedEdge: WORKED }))).toEqual({
      ...view.getEdgeAttributes(WORKED),
      color: theme.accent,
      size: 1.5 * 2.5,
      label: 'worked with',
      forceLabel: true,
      zIndex: 2,
    });
  });

  test('filtered edges are hidden', () => {
    const noMet = computeVisibility(
      projection.graph,
      { ...DEFAULT_FILTERS, hiddenPredicates: [`${TS}met`] },
      null,
    );
    expect(edge(MET, context({ visibility: noMet })).hidden).toBe(true);
  });
});
