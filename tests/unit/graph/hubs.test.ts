// Collapsing hubs, on real fixtures: Paris with seven residents and an archive with four documents
// (threshold 3), page by page, with filters; and on the Kennedy family and the built-in Rosmer
// graph, every page of every hub: each neighbour on exactly one page, a node hidden exactly when all
// its shown edges are folded, an edge hidden exactly when it joins a hub to a neighbour it folds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import { byCodeUnit } from '../../../src/graph/compare.ts';
import { computeVisibility, DEFAULT_FILTERS } from '../../../src/graph/filters.ts';
import { collapseHubs, groupBadge, type HubCollapse } from '../../../src/graph/hubs.ts';
import { projectQuads } from '../../../src/graph/project.ts';
import type { DataGraph } from '../../../src/graph/types.ts';
import { EX, projectFixtures } from './fixtures.ts';
import { rosmerDataset } from './rosmer.ts';

const { graph } = projectFixtures(['hubs-cases.ttl']);
const ex = (local: string): string => `${EX}${local}`;
const lived = (person: string): string => `${ex(person)} -[${ex('livedIn')}]-> ${ex('paris')}`;
const held = (doc: string): string => `${ex(doc)} -[${ex('heldBy')}]-> ${ex('archive')}`;

describe('collapsing hubs of the Paris fixture (threshold 3)', () => {
  test('page 0 shows the most connected neighbours; the rest fold into "+N"', () => {
    const collapse = collapseHubs(graph, { threshold: 3 });
    expect(collapse).toEqual({
      groups: new Map([
        [
          ex('archive'),
          {
            hub: ex('archive'),
            neighbours: 4,
            page: 0,
            pages: 2,
            shown: [ex('d1'), ex('d2'), ex('d3')],
            folded: 1,
          },
        ],
        [
          ex('paris'),
          {
            hub: ex('paris'),
            neighbours: 7,
            page: 0,
            pages: 3,
            shown: [ex('p1'), ex('p2'), ex('p3')],
            folded: 4,
          },
        ],
      ]),
      hiddenNodes: new Set([ex('d4'), ex('p4'), ex('p5'), ex('p6'), ex('p7')]),
      hiddenEdges: new Set([held('d4'), lived('p4'), lived('p5'), lived('p6'), lived('p7')]),
    } satisfies HubCollapse);
    expect([...collapse.groups.values()].map(groupBadge)).toEqual(['+1', '+4']);
  });

  test('another page folds the first; a neighbour with another link on screen stays', () => {
    const collapse = collapseHubs(graph, {
      threshold: 3,
      pages: new Map([[ex('paris'), 1]]),
    });
    expect(collapse.groups.get(ex('paris'))).toEqual({
      hub: ex('paris'),
      neighbours: 7,
      page: 1,
      pages: 3,
      shown: [ex('p4'), ex('p5'), ex('p6')],
      folded: 4,
    });
    // p1 still lived in Moscow and knows p2: both stay, only their link to Paris is folded.
    expect(collapse.hiddenNodes).toEqual(new Set([ex('d4'), ex('p3'), ex('p7')]));
    expect(collapse.hiddenEdges).toEqual(
      new Set([held('d4'), lived('p1'), lived('p2'), lived('p3'), lived('p7')]),
    );
  });

  test('the last page holds the remainder; a page past it opens the last one', () => {
    const last = collapseHubs(graph, { threshold: 3, pages: new Map([[ex('paris'), 9]]) });
    expect(last.groups.get(ex('paris'))).toEqual({
      hub: ex('paris'),
      neighbours: 7,
      page: 2,
      pages: 3,
      shown: [ex('p7')],
      folded: 6,
    });
    const paris = last.groups.get(ex('paris'));
    expect(paris && groupBadge(paris)).toBe('+6');
  });

  test('a larger page size shows more; a hub with nothing folded has no badge', () => {
    const collapse = collapseHubs(graph, { threshold: 3, pageSize: 4 });
    const archive = collapse.groups.get(ex('archive'));
    expect(archive).toEqual({
      hub: ex('archive'),
      neighbours: 4,
      page: 0,
      pages: 1,
      shown: [ex('d1'), ex('d2'), ex('d3'), ex('d4')],
      folded: 0,
    });
    expect(archive && groupBadge(archive)).toBe('');
  });

  test('only what the filters show counts: with five residents hidden, Paris is no hub', () => {
    const shown = {
      nodes: new Set(
        graph.filterNodes((n) => !['p3', 'p4', 'p5', 'p6', 'p7'].includes(n.slice(EX.length))),
      ),
      edges: new Set(graph.edges()),
    };
    const collapse = collapseHubs(graph, { threshold: 3, shown });
    // Paris is no hub now, so it is one of the archive's neighbours, and the most connected.
    expect([...collapse.groups.values()]).toEqual([
      {
        hub: ex('archive'),
        neighbours: 5,
        page: 0,
        pages: 2,
        shown: [ex('paris'), ex('d1'), ex('d2')],
        folded: 2,
      },
    ]);
    expect(collapse.hiddenNodes).toEqual(new Set([ex('d3'), ex('d4')]));
    // The two folded documents had no other link: their edges to the archive are hidden with them.
    expect(collapse.hiddenEdges).toEqual(new Set([held('d3'), held('d4')]));
  });

  test('a threshold or page size that is not a whole number of at least 1 is refused', () => {
    expect(() => collapseHubs(graph, { threshold: 0 })).toThrow(
      'threshold must be a whole number of at least 1; got 0.',
    );
    expect(() => collapseHubs(graph, { pageSize: 2.5 })).toThrow(
      'pageSize must be a whole number of at least 1; got 2.5.',
    );
  });
});

/** Checks the rules of hubs.ts on every page of every hub of `data`. */
function checkEveryPage(data: DataGraph, threshold: number): void {
  const visibility = computeVisibility(data, DEFAULT_FILTERS, null);
  const first = collapseHubs(data, { threshold, shown: visibility });
  const hubs = new Set(first.groups.keys());
  const expectedHubs = [...visibility.nodes].filter(
    (n) =>
      new Set(data.neighbors(n).filter((m) => m !== n && visibility.nodes.has(m))).size > threshold,
  );
  expect(expectedHubs.length).toBeGreaterThan(1);
  expect([...hubs]).toEqual(expectedHubs.sort(byCodeUnit));
  for (const group of first.groups.values()) {
    const seen: string[] = [];
    for (let page = 0; page < group.pages; page++) {
      const collapse = collapseHubs(data, {
        threshold,
        shown: visibility,
        pages: new Map([[group.hub, page]]),
      });
      const current = collapse.groups.get(group.hub);
      expect(current?.page).toBe(page);
      seen.push(...(current?.shown ?? []));
      const folded = new Map(
        [...collapse.groups.values()].map((g) => {
          const onPage = new Set(g.shown);
          const members = new Set<string>();
          data.forEachNeighbor(g.hub, (n) => {
            if (visibility.nodes.has(n) && !hubs.has(n) && !onPage.has(n)) members.add(n);
          });
          expect(members.size).toBe(g.folded);
          return [g.hub, members];
        }),
      );
      const expectedEdges = new Set<string>();
      const kept = new Map<string, number>();
      data.forEachEdge((edge, _a, s, t) => {
        if (!visibility.edges.has(edge)) return;
        if (folded.get(s)?.has(t) === true || folded.get(t)?.has(s) === true)
          expectedEdges.add(edge);
        else for (const end of new Set([s, t])) kept.set(end, (kept.get(end) ?? 0) + 1);
      });
      expect(collapse.hiddenEdges).toEqual(expectedEdges);
      expect(collapse.hiddenNodes).toEqual(
        new Set(
          [...visibility.nodes].filter(
            (n) => !hubs.has(n) && [...folded.values()].some((f) => f.has(n)) && !kept.has(n),
          ),
        ),
      );
    }
    // Every neighbour on exactly one page, most connected first.
    expect(seen.length).toBe(group.neighbours);
    expect(new Set(seen).size).toBe(group.neighbours);
  }
}

describe('collapsing hubs of real graphs, every page', () => {
  test('the Kennedy family (threshold 10)', () => {
    const path = join(process.cwd(), '..', 'shared', 'datasets', 'kennedy', 'kennedy.ntriples');
    const quads = new Parser({ format: 'N-Triples' }).parse(readFileSync(path, 'utf8'));
    checkEveryPage(projectQuads(quads).graph, 10);
  });

  test('the built-in Rosmer graph (threshold 10)', () => {
    checkEveryPage(rosmerDataset().projection.graph, 10);
  });
});
