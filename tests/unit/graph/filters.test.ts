// Filters: each one hides what it should, in order, and every hidden node and edge is counted.
import { describe, expect, test } from 'vitest';
import {
  computeVisibility,
  DEFAULT_FILTERS,
  toggleInSortedList,
  total,
  type Filters,
} from '../../../src/graph/filters.ts';
import { UNTYPED } from '../../../src/graph/types.ts';
import { EX, R, TS, projectFixtures, rosmerMini } from './fixtures.ts';

const projection = rosmerMini();
const { graph } = projection;
const drawn = graph.filterNodes((_, a) => !a.vocabulary);
const drawnEdges = graph.filterEdges((_, __, s, t) => drawn.includes(s) && drawn.includes(t));
const ALFRED = `${R}alfred-rosmer`;

function visible(filters: Partial<Filters>, focus: string | null = null) {
  return computeVisibility(graph, { ...DEFAULT_FILTERS, ...filters }, focus);
}

describe('computeVisibility', () => {
  test('by default every node but the vocabulary terms is shown, and the vocabulary is counted', () => {
    const v = visible({});
    expect([...v.nodes].sort()).toEqual([...drawn].sort());
    expect([...v.edges].sort()).toEqual([...drawnEdges].sort());
    expect(v.hiddenNodes).toEqual({
      vocabulary: projection.stats.vocabularyTerms,
      class: 0,
      depth: 0,
      isolated: 0,
      results: 0,
      time: 0,
      undated: 0,
    });
    expect(v.hiddenEdges).toEqual({ predicate: 0, endpoint: graph.size - drawnEdges.length });
    expect(v.nodes.size + total(v.hiddenNodes)).toBe(graph.order);
    expect(v.edges.size + total(v.hiddenEdges)).toBe(graph.size);
    expect(v.depthInactive).toBe(false);
  });

  test('showing the vocabulary shows every node and edge', () => {
    const v = visible({ showVocabulary: true });
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
  });

  test('a hidden class hides its nodes and their edges', () => {
    const v = visible({ hiddenClasses: [`${TS}Organisation`] });
    const organisations = drawn.filter((n) =>
      graph.getNodeAttribute(n, 'classes').includes(`${TS}Organisation`),
    );
    expect(organisations).toHaveLength(3);
    expect(v.hiddenNodes.class).toBe(3);
    for (const o of organisations) expect(v.nodes.has(o)).toBe(false);
    expect(v.edges.size).toBe(
      drawnEdges.filter(
        (e) => !organisations.includes(graph.source(e)) && !organisations.includes(graph.target(e)),
      ).length,
    );
    expect(v.hiddenEdges.predicate).toBe(0);
  });

  test('a node stays while any of its classes is shown; untyped nodes have a class of their own', () => {
    const cases = projectFixtures(['projection-cases.trig']);
    const untypedHidden = computeVisibility(
      cases.graph,
      { ...DEFAULT_FILTERS, hiddenClasses: [UNTYPED] },
      null,
    );
    expect([...untypedHidden.nodes].sort()).toEqual(
      cases.graph.filterNodes((_, a) => a.classes.length > 0).sort(),
    );
    expect(untypedHidden.nodes.has(`${EX}a`)).toBe(true);
  });

  test('a hidden predicate hides its edges only', () => {
    const v = visible({ hiddenPredicates: [`${TS}workedWith`] });
    expect(v.hiddenEdges.predicate).toBe(2);
    expect(v.nodes.size).toBe(drawn.length);
    expect(
      [...v.edges].some((e) => graph.getEdgeAttribute(e, 'predicate') === `${TS}workedWith`),
    ).toBe(false);
  });

  test('depth keeps the neighbourhood of the focus, through shown edges, in both directions', () => {
    const one = visible({ depth: 1 }, `${R}natalia-sedova`);
    expect([...one.nodes]).toEqual([`${R}natalia-sedova`]);
    const trotsky = visible({ depth: 1 }, `${R}leon-trotsky`);
    expect([...trotsky.nodes].sort()).toEqual(
      [ALFRED, `${R}fourth-international`, `${R}leon-trotsky`, `${R}marguerite-rosmer`].sort(),
    );
    expect(trotsky.hiddenNodes.depth).toBe(drawn.length - 4);
    const two = visible({ depth: 2 }, `${R}leon-trotsky`);
    expect(two.nodes.has(`${R}dewey-commission`)).toBe(true);
    expect(two.nodes.has(`${R}founding-of-the-fourth-international`)).toBe(true);
    // Without the workedWith edges, Marguerite is two steps away (through Alfred's partner edge).
    const around = visible({ depth: 1, hiddenPredicates: [`${TS}workedWith`] }, `${R}leon-trotsky`);
    expect(around.nodes.has(`${R}marguerite-rosmer`)).toBe(false);
  });

  test('a depth without a shown focus does nothing and says so', () => {
    const v = visible({ depth: 2 }, null);
    expect(v.nodes.size).toBe(drawn.length);
    expect(v.depthInactive).toBe(true);
    expect(visible({ depth: 2, hiddenClasses: [`${TS}Person`] }, ALFRED).depthInactive).toBe(true);
  });

  test('hide isolated nodes removes nodes left without a shown edge, not the focus', () => {
    const v = visible({ hideIsolated: true });
    expect(v.nodes.has(`${R}natalia-sedova`)).toBe(false);
    expect(v.nodes.has(`${R}article`)).toBe(false);
    expect(v.hiddenNodes.isolated).toBe(2);
    const focused = visible({ hideIsolated: true, depth: 1 }, `${R}natalia-sedova`);
    expect([...focused.nodes]).toEqual([`${R}natalia-sedova`]);
  });
});

describe('toggleInSortedList', () => {
  test('adds in order, removes, and never mutates', () => {
    const list = ['b', 'd'];
    expect(toggleInSortedList(list, 'c')).toEqual(['b', 'c', 'd']);
    expect(toggleInSortedList(list, 'b')).toEqual(['d']);
    expect(list).toEqual(['b', 'd']);
  });
});
