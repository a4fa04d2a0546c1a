// The messages between the page and the import worker, which reads RDF files off the main thread.
// Plain data only (Blobs and strings clone cheaply; quads travel as one N-Quads text, and the
// overview of a large graph as arrays whose buffers are transferred, not copied).
import type { OverviewData } from '../graph/overview.ts';
import type { RdfFormatId } from '../rdf/formats.ts';

/** One input to read: a file (or any Blob) or pasted text. */
export interface ImportSource {
  /** Name in messages: the file name, or "pasted text". */
  name: string;
  blob?: Blob;
  text?: string;
  /** The format, when the user chose it; otherwise from the name or the first lines. */
  format?: RdfFormatId;
  /**
   * The data already open, read again with the inputs added to it (so that the whole is judged):
   * left out of the progress, which is about the inputs being opened.
   */
  open?: boolean;
}

/** Page → worker: read these inputs, in order. */
export interface ReadRequest {
  type: 'read';
  sources: ImportSource[];
  /**
   * Drawn nodes (vocabulary terms aside) above which the page opens the data on its overview: the
   * worker then sends the overview and the page never parses the quads.
   */
  overviewThreshold: number;
  /** Preferred label languages, best first, for the overview's labels. */
  languages: readonly string[];
}

/** How far reading has come, over all inputs. */
export interface ReadProgress {
  /** The input being read. */
  source: string;
  /** Bytes read over all inputs (compressed bytes for gzip; characters for text). */
  bytes: number;
  /** Size of all inputs, when known. */
  totalBytes: number;
  /** Triples (quads) read over all inputs. */
  triples: number;
}

/** What one input gave. */
export interface SourceSummary {
  name: string;
  format: RdfFormatId;
  triples: number;
}

/** Worker → page. */
export type ImportMessage =
  | ({ type: 'progress' } & ReadProgress)
  | {
      type: 'done';
      /** Every quad read, as N-Quads (blank nodes kept apart per input). */
      nquads: string;
      /** The overview, when the data has more drawn nodes than the threshold; else null. */
      overview: OverviewData | null;
      triples: number;
      prefixes: Record<string, string>;
      sources: SourceSummary[];
    }
  | {
      type: 'failed';
      /** The whole message, naming the input, line and column: `people.ttl:12:7: expected …`. */
      message: string;
      source: string;
      line?: number;
      column?: number;
    };
