// `parseRdf`: the one way Triplescope reads RDF — files, drops, downloads, stdin, test suites. It
// streams any input (text, bytes, web or async streams, gzip) through the reader of its format and
// hands quads to a sink in batches, with progress, cancellation and errors that name file, line and
// column.
//
// Transactional contract ("nothing is half-loaded"): batches reach the sink while the input is
// read, so a caller can bulk-load a store without holding the file. They are provisional until the
// returned promise resolves. If it rejects (an `RdfParseError`, or an `RdfAbortError` after
// cancellation), the caller discards what the sink received — the simplest way is to load each
// input into a fresh store or graph and adopt it only on success; `error.quadsDelivered` says how
// many quads were handed over, for callers that undo in place. With `keepPartial: true` a syntax
// error does not reject: the quads read before it are delivered and kept, and the result carries
// the error (whose message says how many were kept).
//
// Hostile and broken input: every reader enforces the limits of limits.ts (a limit that is hit is an
// `RdfParseError` naming it); bytes that are not UTF-8 are reported at their line and column; an
// error in a file whose text looks like another format says so ("the text looks like JSON-LD"); a
// failure inside a reader's library is reported as an `RdfParseError` too, so a caller only ever
// meets `RdfParseError`, `RdfAbortError` or its own sink's errors. An empty input (nothing but
// whitespace, a byte order mark or comments) is not an error in any format: it reads as 0 quads,
// and the caller decides whether to tell the user the file was empty.
import type { Quad } from '@rdfjs/types';
import { checkBlankNodePrefix, uniqueBlankNodePrefix } from './blank-nodes.ts';
import type { DocumentLoader } from './document-loader.ts';
import { RdfAbortError, RdfParseError } from './errors.ts';
import type { RdfFormatId } from './formats.ts';
import { formatById } from './formats.ts';
import { InputDecodeError, textChunks, xmlEncoding, type RdfInput } from './input.ts';
import type { JsonLdProcessingOptions } from './jsonld-api.ts';
import { createQuadGuard, limitError, resolveLimits, type RdfLimits } from './limits.ts';
import { createN3Reader } from './read-n3.ts';
import type { ReaderContext, SyntaxReader } from './reader.ts';
import { mismatchHint } from './sniff.ts';

export type { RdfInput } from './input.ts';

/** How far reading has come. */
export interface ParseProgress {
  /** Input read so far: bytes (compressed bytes for gzip), or UTF-16 code units for a string. */
  bytes: number;
  /** Quads read so far. */
  quads: number;
}

export interface ParseOptions {
  format: RdfFormatId;
  /** Name of the input in messages, e.g. the file name. */
  source: string;
  /** Base IRI for relative IRIs (a document's own @base / xml:base wins). */
  baseIRI?: string;
  /**
   * Prefix of every blank node label of this input. Default: a new one per call, so blank nodes of
   * two inputs never collide.
   */
  blankNodePrefix?: string;
  /** Cancels reading; the promise then rejects with an `RdfAbortError`. */
  signal?: AbortSignal;
  /** Called after each chunk of input is read, and once at the end. */
  onProgress?: (progress: ParseProgress) => void;
  /** JSON-LD: serves remote documents (contexts). Default: every remote document is refused. */
  documentLoader?: DocumentLoader;
  /** JSON-LD processing options (processingMode, rdfDirection, …). */
  jsonld?: JsonLdProcessingOptions;
  /** On a syntax error, keep the quads read before it and resolve with the error (see above). */
  keepPartial?: boolean;
  /** The input is gzip-compressed: true, false, or undefined to detect it from its first bytes. */
  gzip?: boolean;
  /** Quads per sink call (the last batch may be smaller, a batch may be a chunk larger). */
  batchSize?: number;
  /**
   * Limits this input must stay within (see limits.ts for each and its default); the defaults read
   * real data and stop pathological input. Throws a `RangeError` for an unknown or invalid limit.
   */
  limits?: Partial<RdfLimits>;
}

export interface ParseResult {
  /** Quads delivered to the sink. */
  quads: number;
  /** Prefixes the document declares, for writing it back. */
  prefixes: Record<string, string>;
  /** The base IRI in force at the end of the document, if any. */
  baseIRI?: string;
  /** With `keepPartial`: the syntax error that ended reading early. */
  error?: RdfParseError;
}

/** Receives quads in batches; may return a promise to slow reading down (back-pressure). */
export type QuadSink = (batch: Quad[]) => void | Promise<void>;

const DEFAULT_BATCH = 2_000;
/** Longest stretch of work before the event loop gets a turn (for cancellation and the UI). */
const YIELD_EVERY_MS = 50;
/** How much of the start of the text is kept to recognise a format that is not the one named. */
const HEAD = 1024;

/**
 * Reads `input` as RDF of `options.format`, handing quads to `sink` in batches. Resolves when all
 * were delivered; rejects with `RdfParseError` or `RdfAbortError` (see the contract above).
 */
export async function parseRdf(
  input: RdfInput,
  options: ParseOptions,
  sink: QuadSink,
): Promise<ParseResult> {
  const { source, format, signal } = options;
  const limits = resolveLimits(options.limits);
  const blankNodePrefix = options.blankNodePrefix ?? uniqueBlankNodePrefix();
  checkBlankNodePrefix(blankNodePrefix);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let pending: Quad[] = [];
  let delivered = 0;
  let bytes = 0;
  let head = '';

  const guard = createQuadGuard(limits, format === 'jsonld' || format === 'rdfxml');
  const context: ReaderContext = {
    source,
    format,
    baseIRI: options.baseIRI,
    blankNodePrefix,
    documentLoader: options.documentLoader,
    limits,
    emit: (quad) => {
      const hit = guard(quad);
      if (hit !== undefined) {
        // NOTE: `active` is made right below; `emit` is only called once it reads.
        throw limitError({ ...hit, position: active.position() }, limits, source, format);
      }
      pending.push(quad);
    },
  };
  const active = await createReader(context, options.jsonld);
  const deliver = async (minimum: number): Promise<void> => {
    if (pending.length === 0 || pending.length < minimum) return;
    const batch = pending;
    pending = [];
    throwIfAborted(signal, source, delivered);
    await sink(batch);
    delivered += batch.length;
  };
  const progress = (): void => options.onProgress?.({ bytes, quads: delivered + pending.length });

  const chunks = textChunks(input, {
    gzip: options.gzip,
    encoding: format === 'rdfxml' ? xmlEncoding : undefined,
    onBytes: (n) => (bytes = n),
  });
  let lastYield = now();
  try {
    throwIfAborted(signal, source, delivered);
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await untilAborted(chunks.next(), signal, source, () => delivered);
      } catch (error) {
        throw inputFailure(error, source, format, active);
      }
      if (next.done === true) break;
      if (head.length < HEAD) head += next.value.slice(0, HEAD);
      await reading(() => active.write(next.value), active, context);
      await deliver(batchSize);
      progress();
      if (now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = now();
        throwIfAborted(signal, source, delivered);
      }
    }
    await reading(() => active.end(), active, context);
    await deliver(1);
    progress();
  } catch (caught) {
    // NOTE: not awaited: a source that never ends (stdin) would keep a pending read forever.
    chunks.return(undefined).catch(() => undefined);
    const error = caught instanceof RdfParseError ? withFormatHint(caught, head) : caught;
    if (error instanceof RdfParseError && options.keepPartial === true) {
      await deliver(1);
      return { ...result(delivered, active), error: error.withDelivery(delivered, true) };
    }
    if (error instanceof RdfParseError) throw error.withDelivery(delivered, false);
    if (error instanceof RdfAbortError) throw new RdfAbortError(source, delivered, error.cause);
    // Anything else came from the sink: let it through unchanged.
    throw error;
  }
  return result(delivered, active);
}

/**
 * Waits for a reader's step; anything it throws that is not an `RdfParseError` is a failure inside
 * the reader's library (a bug, or a pathological input it was not made for), reported as one.
 */
async function reading(
  step: () => void | Promise<void>,
  reader: SyntaxReader,
  context: ReaderContext,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof RdfParseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const position = reader.position();
    throw new RdfParseError({
      source: context.source,
      format: context.format,
      line: position?.line,
      column: position?.column,
      problem: /call stack/i.test(message)
        ? `the ${formatById(context.format).label} reader ran out of stack space (the input is nested too deeply)`
        : `the ${formatById(context.format).label} reader failed (${message})`,
      hint: /call stack/i.test(message)
        ? 'lower maxNestingDepth, or simplify the nesting of the file'
        : 'the file may be broken in a way the reader does not report well; please report it with the file',
      cause: error,
    });
  }
}

/**
 * A syntax error with a hint that the text looks like another format, when it does (a limit or
 * an undecodable input keeps its own hint).
 */
function withFormatHint(error: RdfParseError, head: string): RdfParseError {
  if (error.limit !== undefined || error.cause instanceof InputDecodeError) return error;
  const hint = mismatchHint(error.format, head);
  return hint === undefined ? error : error.with({ hint });
}

function result(quads: number, reader: SyntaxReader): ParseResult {
  const base = reader.baseIRI();
  const prefixes = reader.prefixes();
  return base === undefined ? { quads, prefixes } : { quads, prefixes, baseIRI: base };
}

/**
 * The reader of the context's format. NOTE: the JSON-LD and RDF/XML readers (and their libraries,
 * about 290 kB) are loaded the first time they are needed, so an app that reads Turtle does not
 * download them up front.
 */
async function createReader(
  context: ReaderContext,
  jsonld: JsonLdProcessingOptions | undefined,
): Promise<SyntaxReader> {
  switch (context.format) {
    case 'turtle':
    case 'trig':
    case 'ntriples':
    case 'nquads':
      return createN3Reader(context.format, context);
    case 'jsonld':
      return (await import('./read-jsonld.ts')).createJsonLdReader(context, jsonld);
    case 'rdfxml':
      return (await import('./read-rdfxml.ts')).createRdfXmlReader(context);
  }
}

/**
 * An input that cannot be read: an abort, bytes that are not text, or a failing stream. Bytes that
 * are not text are placed where the reader stopped: the valid text before them was read.
 */
function inputFailure(
  error: unknown,
  source: string,
  format: RdfFormatId,
  reader: SyntaxReader,
): Error {
  if (error instanceof RdfAbortError) return error;
  if (error instanceof InputDecodeError) {
    const position = error.inText ? reader.endPosition() : undefined;
    return new RdfParseError({
      source,
      format,
      line: position?.line,
      column: position?.column,
      problem: error.message,
      hint: error.hint,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RdfParseError({
    source,
    format,
    problem: `could not read the input (${message})`,
    cause: error,
  });
}

function throwIfAborted(signal: AbortSignal | undefined, source: string, delivered: number): void {
  if (signal?.aborted === true) throw new RdfAbortError(source, delivered, signal.reason);
}

/** Waits for `promise`, but rejects as soon as `signal` aborts (an input may never end, like stdin). */
function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  source: string,
  delivered: () => number,
): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(new RdfAbortError(source, delivered(), signal.reason));
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function now(): number {
  return performance.now();
}

/** Lets timers, messages and abort events run; a resolved promise would only let microtasks run. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
