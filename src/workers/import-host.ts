// The page's side of an import: starts an import worker, hands it the inputs, relays its progress,
// and resolves with the quads read — or, for a graph too large to draw node by node, with the
// overview the worker built, the quads left unparsed as N-Quads text. Cancelling terminates the
// worker at once, whatever it is doing. One worker per import, gone when the import ends.
import type { Quad } from '@rdfjs/types';
import { Overview } from '../graph/overview.ts';
import { parseNQuads } from '../query/terms.ts';
import type {
  ImportMessage,
  ImportSource,
  ReadProgress,
  ReadRequest,
  SourceSummary,
} from './import-protocol.ts';

/** What the host needs of a worker: a Web Worker fits as it is. */
export interface ImportWorkerLike {
  postMessage(message: ReadRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** What an import read: the quads, or the overview of data too large to draw node by node. */
export type ImportResult = {
  triples: number;
  prefixes: Record<string, string>;
  sources: SourceSummary[];
} & (
  | { quads: Quad[]; overview: null }
  | {
      quads: null;
      overview: Overview;
      /** Every quad read, as N-Quads, for the query engine and exports. */
      nquads: string;
    }
);

/** How the worker is asked to read. */
export interface ImportOptions {
  /** Drawn nodes above which the data comes back as its overview (see ReadRequest). */
  overviewThreshold: number;
  /** Preferred label languages, best first. */
  languages: readonly string[];
}

/** An input that could not be read: the message names the input, line and column. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly source: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** The import was cancelled by the user. */
export class ImportCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('Opening the data was cancelled.');
  }
}

/**
 * Reads `sources` in a worker made by `spawn`; rejects with ImportError (bad input) or
 * ImportCancelledError (`signal` aborted). The worker is terminated in every case.
 */
export function runImport(
  spawn: () => ImportWorkerLike,
  sources: ImportSource[],
  options: ImportOptions,
  onProgress: (progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  if (signal?.aborted === true) return Promise.reject(new ImportCancelledError());
  const worker = spawn();
  /** The input being read, as the worker last said. */
  let reading = sources[0]?.name ?? 'the data';
  return new Promise<ImportResult>((resolve, reject) => {
    const stop = (error: Error): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = (): void => {
      stop(new ImportCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event) => {
      const message = event.data as ImportMessage;
      switch (message.type) {
        case 'progress': {
          const { source, bytes, totalBytes, triples } = message;
          reading = source;
          onProgress({ source, bytes, totalBytes, triples });
          return;
        }
        case 'failed':
          stop(new ImportError(message.message, message.source, message.line, message.column));
          return;
        case 'done':
          worker.terminate();
          signal?.removeEventListener('abort', onAbort);
          try {
            const { triples, prefixes, sources: read } = message;
            resolve(
              message.overview === null
                ? {
                    quads: parseNQuads(message.nquads),
                    overview: null,
                    triples,
                    prefixes,
                    sources: read,
                  }
                : {
                    quads: null,
                    overview: Overview.from(message.overview),
                    nquads: message.nquads,
                    triples,
                    prefixes,
                    sources: read,
                  },
            );
          } catch (error) {
            // The worker wrote this text, so a failure here is a bug on one side or the other.
            reject(error instanceof Error ? error : new Error(String(error)));
          }
          return;
      }
    });
    // NOTE: a worker that died is not restarted on the same input: its failures are bugs that
    // would recur (a Web Worker's heap running out takes the whole page down in Chromium). Each
    // import starts a fresh worker, so opening the file again is the restart.
    worker.addEventListener('error', (event) => {
      const reason = event.message ?? 'it could not start';
      stop(
        new ImportError(
          `The file reader stopped (${reason}) while reading ${reading}. Each opening starts a ` +
            'fresh reader: open the file again to retry.',
          reading,
        ),
      );
    });
    worker.postMessage({ type: 'read', sources, ...options });
  });
}
