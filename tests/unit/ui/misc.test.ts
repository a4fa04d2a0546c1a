// Small pure pieces of the interface: safe links, shortcuts, the status line's hidden summary.
import { describe, expect, test } from 'vitest';
import type { Visibility } from '../../../src/graph/filters.ts';
import { isWebIri } from '../../../src/ui/components/links.tsx';
import { hiddenSummary } from '../../../src/ui/panels/StatusBar.tsx';
import { SHORTCUTS, shortcutFor } from '../../../src/ui/shortcuts.ts';

describe('isWebIri', () => {
  test('only http and https IRIs become live links', () => {
    expect(isWebIri('https://w3id.org/triplescope/rosmer/alfred-rosmer')).toBe(true);
    expect(isWebIri('http://example.org/a')).toBe(true);
    expect(isWebIri('javascript:alert(1)')).toBe(false);
    expect(isWebIri('JavaScript:alert(1)')).toBe(false);
    expect(isWebIri('data:text/html,<b>x</b>')).toBe(false);
    expect(isWebIri('urn:isbn:0451450523')).toBe(false);
    expect(isWebIri('_:b0')).toBe(false);
    expect(isWebIri('not an iri')).toBe(false);
  });
});

describe('shortcuts', () => {
  test('every key is bound once and has a description', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) expect(s.description).not.toBe('');
    expect(shortcutFor('/')?.description).toBe('Search');
    expect(shortcutFor('?')?.description).toBe('Show this help');
    expect(shortcutFor('x')).toBeUndefined();
  });
});

describe('hiddenSummary', () => {
  const visibility = (
    nodes: Partial<Visibility['hiddenNodes']>,
    edges: Partial<Visibility['hiddenEdges']>,
  ): Visibility => ({
    nodes: new Set(),
    edges: new Set(),
    hiddenNodes: {
      vocabulary: 0,
      class: 0,
      depth: 0,
      isolated: 0,
      results: 0,
      time: 0,
      undated: 0,
      ...nodes,
    },
    hiddenEdges: { predicate: 0, endpoint: 0, ...edges },
    depthInactive: false,
  });

  test('says nothing is hidden, or counts what is and why', () => {
    expect(hiddenSummary(visibility({}, {}))).toBe('Nothing hidden.');
    expect(
      hiddenSummary(visibility({ vocabulary: 175, class: 28, depth: 40 }, { endpoint: 389 })),
    ).toBe(
      'Hidden: 243 nodes and 389 edges (175 vocabulary terms, 28 by class, 40 beyond the neighbourhood).',
    );
    expect(hiddenSummary(visibility({ isolated: 1 }, { predicate: 1, endpoint: 1 }))).toBe(
      'Hidden: 1 node and 2 edges (1 isolated, 1 edge by relation).',
    );
    expect(hiddenSummary(visibility({ vocabulary: 1 }, {}))).toBe(
      'Hidden: 1 node and 0 edges (1 vocabulary term).',
    );
    expect(hiddenSummary(visibility({ results: 12 }, { endpoint: 30 }))).toBe(
      'Hidden: 12 nodes and 30 edges (12 outside the query results).',
    );
    expect(hiddenSummary(visibility({ time: 41, undated: 57 }, { endpoint: 200 }))).toBe(
      'Hidden: 98 nodes and 200 edges (41 outside the timeline range, 57 undated).',
    );
  });
});
