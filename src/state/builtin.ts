// The built-in graph: every Turtle file of the top-level graph/ and ontology/ folders, bundled by
// Vite as text chunks fetched on demand (so the data is not part of the app's own script).
import type { TextFile } from './dataset.ts';
import { byCodeUnit } from '../graph/compare.ts';

type Glob = Record<string, () => Promise<string>>;

const graphFiles: Glob = import.meta.glob<string>('/graph/*.ttl', {
  query: '?raw',
  import: 'default',
});
const ontologyFiles: Glob = import.meta.glob<string>('/ontology/*.ttl', {
  query: '?raw',
  import: 'default',
});

/** Reads the built-in Turtle files (graph/ then ontology/, each in name order). */
export async function builtInFiles(): Promise<TextFile[]> {
  const entries = [...Object.entries(graphFiles), ...Object.entries(ontologyFiles)].sort(
    ([a], [b]) => byCodeUnit(a, b),
  );
  if (entries.length === 0) {
    throw new Error(
      'No built-in data: the graph/ and ontology/ folders hold no .ttl file. Add Turtle files there and rebuild.',
    );
  }
  return Promise.all(
    entries.map(async ([path, read]) => ({ name: path.slice(1), text: await read() })),
  );
}
