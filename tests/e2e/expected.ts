// What the browser tests expect, computed in Node from the same files the app bundles (graph/ and
// ontology/) by the same projection and filters, so no count is written down by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byCodeUnit } from '../../src/graph/compare.ts';
import { computeVisibility, DEFAULT_FILTERS, type Filters } from '../../src/graph/filters.ts';
import { datasetFromFiles, type TextFile } from '../../src/state/dataset.ts';
import type { Dataset } from '../../src/state/explorer.ts';

/** The built-in files, named and ordered as the app names and orders them. */
export function builtInFilesFromDisk(root = process.cwd()): TextFile[] {
  return ['graph', 'ontology']
    .flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((f) => f.endsWith('.ttl'))
        .map((f) => `${folder}/${f}`),
    )
    .sort(byCodeUnit)
    .map((name) => ({ name, text: readFileSync(join(root, name), 'utf8') }));
}

const builtIn = await datasetFromFiles('the Rosmer graph', builtInFilesFromDisk());

/** The built-in dataset, as the app builds it. */
export function builtInDataset(): Dataset {
  return builtIn;
}

/** Shown and total counts of nodes and edges under `filters`, as the status line should say. */
export function expectedCounts(filters: Filters = DEFAULT_FILTERS, focus: string | null = null) {
  const { graph } = builtInDataset().projection;
  const visibility = computeVisibility(graph, filters, focus);
  return {
    shownNodes: visibility.nodes.size,
    totalNodes: graph.order,
    shownEdges: visibility.edges.size,
    totalEdges: graph.size,
  };
}

/** The article every quote of the graph comes from (shared material beside the repository). */
export function articleText(): string {
  return readFileSync(join(process.cwd(), '..', 'shared', 'seed', 'rosmer-article.txt'), 'utf8');
}
