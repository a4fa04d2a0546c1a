// The export registry's pure pieces: file names, the triples of a set of nodes with the claims
// that quote their sources, neighbourhoods, the drawn graph, and "Show only results".
import { describe, expect, test } from 'vitest';
import { buildViewGraph } from '../../../src/graph/appearance.ts';
import { computeVisibility, DEFAULT_FILTERS } from '../../../src/graph/filters.ts';
import { restrictVisibility } from '../../../src/graph/restrict.ts';
import {
  drawnGraph,
  exportFileName,
  fileStem,
  neighbourhood,
  quadsForNodes,
} from '../../../src/state/export.ts';
import { fixtureQuads, R, RDF, rosmerMini, TS } from '../graph/fixtures.ts';

const DAY = new Date(2026, 4, 20);

describe('file names', () => {
  test('say the data, the day and what the file holds', () => {
    expect(fileStem('the Rosmer graph')).toBe('rosmer');
    expect(fileStem('kennedy.ntriples')).toBe('kennedy');
    expect(fileStem('people.nt.gz + 2 files')).toBe('people');
    expect(fileStem('Élan vital.ttl')).toBe('elan-vital');
    expect(fileStem('///')).toBe('triplescope');
    expect(exportFileName('the Rosmer graph', '', 'ttl', DAY)).toBe('rosmer-2026-05-20.ttl');
    expect(exportFileName('kennedy.ntriples', 'view', 'nt', DAY)).toBe(
      'kennedy-2026-05-20-view.nt',
    );
  });
});

describe('the triples of a set of nodes', () => {
  const { quads } = fixtureQuads('rosmer-mini.ttl');
  const projection = rosmerMini();

  test('hold the links among them, their facts and classes, and the claims that quote them', () => {
    const nodes = neighbourhood(projection.graph, `${R}leon-trotsky`);
    expect(nodes.has(`${R}leon-trotsky`)).toBe(true);
    const kept = quadsForNodes(quads, nodes);
    for (const q of kept) {
      const claim = kept.some(
        (c) => c.subject.equals(q.subject) && c.object.value === `${RDF}Statement`,
      );
      const ends = [q.subject.value, q.object.value];
      expect(
        claim ||
          (nodes.has(q.subject.value) &&
            (q.object.termType === 'Literal' ||
              q.predicate.value === `${RDF}type` ||
              nodes.has(ends[1] ?? ''))),
      ).toBe(true);
    }
    const quotes = kept.filter((q) => q.predicate.value === `${TS}quote`);
    expect(quotes.length).toBeGreaterThan(0);
    // Every claim kept is about a triple that is kept.
    const claims = new Set(quotes.map((q) => q.subject.value));
    for (const claim of claims) {
      const part = (p: string) =>
        kept.find((q) => q.subject.value === claim && q.predicate.value === `${RDF}${p}`)?.object
          .value;
      expect(
        kept.some(
          (q) =>
            q.subject.value === part('subject') &&
            q.predicate.value === part('predicate') &&
            q.object.value === part('object'),
        ),
      ).toBe(true);
    }
  });
});

describe('the drawn graph and "show only results"', () => {
  const projection = rosmerMini();
  const view = buildViewGraph(projection, {
    includeVocabulary: false,
    scheme: 'light',
    sizeBy: 'degree',
    position: () => ({ x: 1, y: 2 }),
  });
  const visibility = computeVisibility(projection.graph, DEFAULT_FILTERS, null);

  test('holds the shown nodes with position (y down), size, colour and class, and the shown edges', () => {
    const drawn = drawnGraph(view, visibility, projection);
    expect(new Set(drawn.nodes())).toEqual(visibility.nodes);
    expect(new Set(drawn.edges())).toEqual(visibility.edges);
    const trotsky = drawn.getNodeAttributes(`${R}leon-trotsky`);
    expect(trotsky).toMatchObject({ label: 'Leon Trotsky', x: 1, y: -2, iri: `${R}leon-trotsky` });
    expect(trotsky.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  test('keeps only the result nodes and counts what it hides', () => {
    const keep = new Set([`${R}leon-trotsky`, `${R}alfred-rosmer`]);
    const only = restrictVisibility(projection.graph, visibility, keep);
    expect([...only.nodes].sort()).toEqual([...keep].sort());
    expect(only.hiddenNodes.results).toBe(visibility.nodes.size - 2);
    expect(only.edges.size + only.hiddenEdges.endpoint - visibility.hiddenEdges.endpoint).toBe(
      visibility.edges.size,
    );
    for (const e of only.edges) {
      expect(keep.has(projection.graph.source(e)) && keep.has(projection.graph.target(e))).toBe(
        true,
      );
    }
  });
});
