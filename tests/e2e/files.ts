// Helpers of the import and export browser tests: the files they open, downloads captured as
// text or bytes, files dropped on the page through a synthetic drag and drop, and the counts the
// status line should show for a dataset.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import type { Page } from 'playwright-core';
import { computeVisibility, DEFAULT_FILTERS } from '../../src/graph/filters.ts';
import { parseRdf, type RdfFormatId } from '../../src/rdf/index.ts';
import { datasetFromQuads } from '../../src/state/import.ts';

/** The Kennedy family graph (N-Triples) from the shared datasets beside the project. */
export const KENNEDY = join(
  process.cwd(),
  '..',
  'shared',
  'datasets',
  'kennedy',
  'kennedy.ntriples',
);
/** A Turtle file with one syntax error (see the file's comment). */
export const BROKEN = join(process.cwd(), 'tests', 'fixtures', 'import', 'broken-people.ttl');

/** Reads a file with the RDF core, as the app's import worker does. */
export async function readQuads(path: string, format: RdfFormatId): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseRdf(readFileSync(path), { format, source: basename(path) }, (batch) => {
    quads.push(...batch);
  });
  return quads;
}

/** "Showing A of B nodes and C of D edges." for a dataset made of `quads`, default filters. */
export function statusLine(quads: readonly Quad[]): string {
  const { graph } = datasetFromQuads('expected', quads, {}).projection;
  const v = computeVisibility(graph, DEFAULT_FILTERS, null);
  const n = (x: number): string => x.toLocaleString('en');
  const s = (x: number, one: string): string => `${n(x)} ${x === 1 ? one : `${one}s`}`;
  return `Showing ${n(v.nodes.size)} of ${s(graph.order, 'node')} and ${n(v.edges.size)} of ${s(graph.size, 'edge')}.`;
}

/** Captures the download that `click` starts: its suggested name and its bytes. */
export async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  // NOTE: the browser runs as a server the tests connect to, so the file comes as a stream.
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Drops files on the page as a person dragging them from a file manager would. */
export async function dropFiles(page: Page, paths: readonly string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), text: readFileSync(p, 'utf8') }));
  await page.evaluate((given) => {
    const transfer = new DataTransfer();
    for (const f of given) transfer.items.add(new File([f.text], f.name));
    const target = document.querySelector('.stage') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    }
  }, files);
}
