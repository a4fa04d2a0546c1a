// The errors of reading and writing RDF. Each says where (file, line, column) and what to do, so the
// app, the command line and the tests show one clear message without knowing which parser failed.
import { formatById, type RdfFormatId } from './formats.ts';
import type { RdfLimits } from './limits.ts';

/** Where and why an input could not be read. */
export interface RdfParseErrorDetails {
  /** Name of the input for messages (a file name, "stdin", a URL). */
  source: string;
  format: RdfFormatId;
  /** 1-based line of the problem, when the parser knows it. */
  line?: number;
  /** 1-based column (UTF-16 code units, as editors count them) of the problem, when known. */
  column?: number;
  /** What the parser expected at that place, e.g. `"." after the object`. */
  expected?: string;
  /** The text found there instead, e.g. `ex:b`. */
  found?: string;
  /**
   * The problem in a few words, when it is not an "expected … found …" one; it quotes the text it
   * is about itself (`found` then only informs programs).
   */
  problem?: string;
  /** What the user can do about it. */
  hint?: string;
  /** Quads the sink had received when the error struck. */
  quadsDelivered?: number;
  /** True when the caller asked to keep those quads (`keepPartial`). */
  kept?: boolean;
  /** The limit (see limits.ts) the input went over, when that is what stopped reading. */
  limit?: RdfLimitHit;
  cause?: unknown;
}

/** Which limit stopped reading, and its value at the time. */
export interface RdfLimitHit {
  /** The setting's name in `ParseOptions.limits`, e.g. "maxLiteralLength". */
  name: keyof RdfLimits;
  value: number;
}

/**
 * An input that is not valid RDF of its format (or cannot be read at all). The message reads
 * `people.ttl:12:7: expected "." after the object, found "ex:b" (Turtle)`.
 */
export class RdfParseError extends Error {
  override readonly name = 'RdfParseError';
  readonly source: string;
  readonly format: RdfFormatId;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly expected: string | undefined;
  readonly found: string | undefined;
  readonly hint: string | undefined;
  /** The problem alone, without position or format: `expected "." after the object, found "ex:b"`. */
  readonly reason: string;
  /**
   * Quads the sink had received before the error. Without `keepPartial` they are provisional and
   * the caller discards them; with it they are kept and `kept` is true.
   */
  readonly quadsDelivered: number;
  readonly kept: boolean;
  /** Set when a limit stopped reading: a caller may offer to read the input again with it raised. */
  readonly limit: RdfLimitHit | undefined;
  readonly #details: RdfParseErrorDetails;

  constructor(details: RdfParseErrorDetails) {
    const reason = describe(details);
    const where =
      details.line === undefined
        ? details.source
        : `${details.source}:${details.line}${details.column === undefined ? '' : `:${details.column}`}`;
    const label = formatById(details.format).label;
    const kept = details.kept
      ? `; kept the ${plural(details.quadsDelivered ?? 0, 'quad')} read before it`
      : '';
    super(`${where}: ${reason} (${label})${kept}`, { cause: details.cause });
    this.#details = details;
    this.source = details.source;
    this.format = details.format;
    this.line = details.line;
    this.column = details.column;
    this.expected = details.expected;
    this.found = details.found;
    this.hint = details.hint;
    this.reason = reason;
    this.quadsDelivered = details.quadsDelivered ?? 0;
    this.kept = details.kept ?? false;
    this.limit = details.limit;
  }

  /** The same error, recording how many quads the sink had received and whether they are kept. */
  withDelivery(quadsDelivered: number, kept: boolean): RdfParseError {
    return new RdfParseError({ ...this.#details, quadsDelivered, kept });
  }

  /** The same error with these details changed (a position found later, a better hint). */
  with(details: Partial<RdfParseErrorDetails>): RdfParseError {
    return new RdfParseError({ ...this.#details, ...details });
  }
}

function describe(details: RdfParseErrorDetails): string {
  let reason = details.problem ?? `expected ${details.expected ?? 'valid input'}`;
  // A problem quotes what it is about itself; "expected …" is followed by what was found.
  if (details.problem === undefined && details.found !== undefined) {
    reason +=
      details.found === '' ? ', found the end of the input' : `, found ${quote(details.found)}`;
  }
  return details.hint === undefined ? reason : `${reason}; ${details.hint}`;
}

/** Quotes a piece of input for a message, shortened so a 4,000-character literal stays readable. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return JSON.stringify(short);
}

/** "1 quad", "2 quads", with thousands separators. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Reading was cancelled through the `signal` of `parseRdf`. Its `name` is "AbortError", as for
 * `fetch`, so `error.name === 'AbortError'` checks work for both.
 */
export class RdfAbortError extends Error {
  override readonly name = 'AbortError';
  readonly source: string;
  /** Quads the sink had received before the cancellation; the caller discards them. */
  readonly quadsDelivered: number;

  constructor(source: string, quadsDelivered: number, cause?: unknown) {
    super(`${source}: reading was cancelled`, { cause });
    this.source = source;
    this.quadsDelivered = quadsDelivered;
  }
}

/** A dataset that cannot be written in the requested format, with what to do instead. */
export class RdfSerializeError extends Error {
  override readonly name = 'RdfSerializeError';
  readonly format: RdfFormatId;

  constructor(format: RdfFormatId, message: string) {
    super(message);
    this.format = format;
  }
}
