// What sigma is told to draw while a sentence's claims or found paths are emphasised: those nodes
// and edges strong, the rest toned down, hover still taking over, the selection still on top.
import { describe, expect, test } from 'vitest';
import { buildViewGraph } from '../../../src/graph/appearance.ts';
import { computeVisibility, DEFAULT_FILTERS } from '../../../src/graph/filters.ts';
import {
  EMPHASIS_SCALE,
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
const FI = `${R}fourth-international`;
const MET = `${ALFRED} -[${TS}met]-> ${TROTSKY}`;
const FOUNDED = `${TROTSKY} -[${TS}founded]-> ${FI}`;
const emphasis = { nodes: new Set([ALFRED, TROTSKY]), edges: new Set([MET]) };

const context = (overrides: Partial<ReducerContext> = {}): ReducerContext => ({
  visibility,
  hovered: null,
  hoverGroup: new Set(),
  selectedNode: null,
  selectedEdge: null,
  edgeLabels: pairLabels(view, visibility.edges),
  zoomedIn: false,
  theme,
  emphasis,
  ...overrides,
});
const node = (key: string, ctx: ReducerContext) =>
  reduceNode(key, view.getNodeAttributes(key), ctx);
const edge = (key: string, ctx: ReducerContext) =>
  reduceEdge(key, view.getEdgeAttributes(key), view.source(key), view.target(key), ctx);

describe('emphasis', () => {
  test('emphasised nodes are drawn bigger with their labels, the others toned down unlabelled', () => {
    const alfred = view.getNodeAttributes(ALFRED);
    expect(node(ALFRED, context())).toEqual({
      ...alfred,
      size: alfred.size * EMPHASIS_SCALE,
      zIndex: 2,
      forceLabel: true,
    });
    const fi = view.getNodeAttributes(FI);
    expect(node(FI, context())).toEqual({
      ...fi,
      color: mixColors(fi.color, theme.background, 0.7),
      label: null,
      zIndex: 0,
    });
  });

  test('emphasised edges are drawn in the accent colour with their label, others faded', () => {
    const met = view.getEdgeAttributes(MET);
    expect(edge(MET, context())).toEqual({
      ...met,
      color: theme.accent,
      size: met.size * 2,
      label: met.label,
      forceLabel: true,
      zIndex: 2,
    });
    expect(edge(FOUNDED, context())).toEqual({
      ...view.getEdgeAttributes(FOUNDED),
      color: mixColors(theme.edge, theme.background, 0.6),
      label: null,
      zIndex: 0,
    });
  });

  test('hovering takes over, and the selected node stays on top', () => {
    expect(node(FI, context({ hovered: FI, hoverGroup: new Set([FI, TROTSKY]) })).label).toBe(
      view.getNodeAttribute(FI, 'label'),
    );
    expect(node(FI, context({ selectedNode: FI }))).toMatchObject({ highlighted: true, zIndex: 3 });
  });

  test('without emphasis nothing is toned down', () => {
    expect(node(FI, context({ emphasis: null }))).toEqual({
      ...view.getNodeAttributes(FI),
      zIndex: 1,
    });
  });
});
