// The body of the import worker: reads files and pasted text with the RDF core's `parseRdf` (every
// format, gzip, line:column errors), reporting progress, and answers with the quads as one N-Quads
// text. While reading it builds the overview of the data (graph/overview.ts), so that a graph too
// large to draw node by node reaches the page as its overview, built here, and the page never
// parses or projects its quads. The page starts a new worker per import and terminates it to
// cancel, so reading needs no cancel message. No DOM: it runs in a Web Worker (import-worker.ts)
// and in Node tests alike.
import { OverviewBuilder, type OverviewData } from '../graph/overview.ts';
import { parseRdf, RdfParseError } from '../rdf/index.ts';
import { toNQuadsLine } from '../query/terms.ts';
import type { ImportMessage, ImportSource, ReadRequest, SourceSummary } from './import-protocol.ts';
import { chooseFormat } from './sniff.ts';

/** Characters of a file looked at to guess its format when its name does not tell. */
const HEAD = 4096;
/** Least time between two progress messages. */
const PROGRESS_EVERY_MS = 100;

/** What the reader needs of its message port: a worker scope or a Node MessagePort. */
export interface ImportEndpoint {
  postMessage(message: ImportMessage, options?: { transfer?: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

async function headOf(source: ImportSource): Promise<string> {
  if (source.text !== undefined) return source.text.slice(0, HEAD);
  if (source.blob === undefined) return '';
  return new TextDecoder().decode(await source.blob.slice(0, HEAD).arrayBuffer());
}

/** The buffers of an overview's arrays, handed over to the page rather than copied. */
function buffersOf(data: OverviewData): ArrayBuffer[] {
  const { index } = data;
  const arrays = [
    index.vocabulary,
    index.classSet,
    index.edgeSource,
    index.edgePredicate,
    index.edgeTarget,
    index.edgeGraph,
    index.outStart,
    index.inEdges,
    index.inStart,
  ];
  // A buffer may be listed once only.
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

async function read(
  request: ReadRequest,
  post: (message: ImportMessage, transfer?: Transferable[]) => void,
): Promise<void> {
  const sizeOf = (s: ImportSource): number => s.blob?.size ?? s.text?.length ?? 0;
  const totalBytes = request.sources.reduce((sum, s) => sum + (s.open ? 0 : sizeOf(s)), 0);
  const lines: string[] = [];
  const prefixes: Record<string, string> = {};
  const summaries: SourceSummary[] = [];
  const overview = new OverviewBuilder({ languages: request.languages });
  let bytesBefore = 0;
  let triples = 0;
  /** Triples of the data already open (see ImportSource.open). */
  let reread = 0;
  let lastPost = 0;
  for (const source of request.sources) {
    const head = await headOf(source);
    const choice = source.format
      ? { format: source.format, gzip: undefined }
      : chooseFormat(source.name, () => head);
    const input = source.text ?? source.blob?.stream() ?? '';
    const before = triples - reread;
    const result = await parseRdf(
      input,
      {
        format: choice.format,
        source: source.name,
        ...(choice.gzip === undefined ? {} : { gzip: choice.gzip }),
        onProgress: (p) => {
          const now = performance.now();
          if (source.open === true || now - lastPost < PROGRESS_EVERY_MS) return;
          lastPost = now;
          post({
            type: 'progress',
            source: source.name,
            bytes: bytesBefore + p.bytes,
            totalBytes,
            triples: before + p.quads,
          });
        },
      },
      (batch) => {
        for (const quad of batch) lines.push(toNQuadsLine(quad));
        overview.add(batch);
        triples += batch.length;
      },
    );
    if (source.open === true) reread += result.quads;
    else bytesBefore += sizeOf(source);
    // The first input to declare a prefix keeps it.
    for (const [name, iri] of Object.entries(result.prefixes)) prefixes[name] ??= iri;
    summaries.push({ name: source.name, format: choice.format, triples: result.quads });
  }
  post({ type: 'progress', source: '', bytes: totalBytes, totalBytes, triples: triples - reread });
  const built = overview.finish(prefixes);
  const { nodes, vocabularyTerms } = built.stats;
  const large = nodes - vocabularyTerms > request.overviewThreshold;
  post(
    {
      type: 'done',
      nquads: lines.join(''),
      overview: large ? built.data : null,
      triples,
      prefixes,
      sources: summaries,
    },
    large ? buffersOf(built.data) : [],
  );
}

/** Serves read requests on `endpoint` (the worker's global scope). */
export function serveImports(endpoint: ImportEndpoint): void {
  endpoint.addEventListener('message', (event) => {
    const request = event.data as ReadRequest;
    read(request, (m, transfer) => {
      endpoint.postMessage(m, { transfer: transfer ?? [] });
    }).catch((error: unknown) => {
      if (error instanceof RdfParseError) {
        const failed: ImportMessage = {
          type: 'failed',
          message: error.message,
          source: error.source,
        };
        if (error.line !== undefined) failed.line = error.line;
        if (error.column !== undefined) failed.column = error.column;
        endpoint.postMessage(failed);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      endpoint.postMessage({ type: 'failed', message, source: '' });
    });
  });
}
