// The errors of the query layer, typed so a caller can tell a bad query from a slow one or a bug, and
// the translation of Oxigraph's terse messages into errors that name the line and column and say
// what to do. Also the plain-object form in which errors cross a worker boundary.

/** Base class of every error this layer throws on purpose. */
export class QueryError extends Error {
  override name = 'QueryError';
}

/** Where a parser stopped: 1-based line and column (columns count Unicode code points). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A query that is not valid SPARQL 1.1. `line`/`column` are 1-based (columns in code points). */
export class SparqlSyntaxError extends QueryError {
  override name = 'SparqlSyntaxError';
  /** 0-based UTF-16 offset of the position in the query text (what editors such as CodeMirror use). */
  readonly offset: number;
  /** The offending line and a caret under the position, for terminals and logs. */
  readonly frame: string;

  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    offset: number,
    frame: string,
    /** Oxigraph's own message, kept for bug reports. */
    readonly parserMessage: string,
  ) {
    super(message);
    this.offset = offset;
    this.frame = frame;
  }
}

/** A valid query that failed while running (for example SERVICE, which the local store cannot call). */
export class QueryEvaluationError extends QueryError {
  override name = 'QueryEvaluationError';
}

/** RDF text handed to the store that does not parse; `line`/`column` are set when the parser gives them. */
export class DataSyntaxError extends QueryError {
  override name = 'DataSyntaxError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** A query stopped because it ran longer than its time limit. */
export class QueryTimeoutError extends QueryError {
  override name = 'QueryTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(
      `The query ran longer than its time limit of ${formatMs(timeoutMs)} and was stopped. ` +
        'Narrow it (a LIMIT, a more specific pattern) or raise the limit.',
    );
  }
}

/** A query stopped because its caller cancelled it (an AbortSignal fired). */
export class QueryCancelledError extends QueryError {
  override name = 'QueryCancelledError';
  constructor() {
    super('The query was cancelled.');
  }
}

/** A SPARQL results document (JSON, XML, CSV, TSV) that does not parse; says where. */
export class ResultsSyntaxError extends QueryError {
  override name = 'ResultsSyntaxError';
  constructor(
    message: string,
    readonly format: 'json' | 'xml' | 'csv' | 'tsv',
    readonly position?: SourcePosition,
  ) {
    super(message);
  }
}

/** The query worker stopped without answering (it crashed or ran out of memory). */
export class QueryWorkerError extends QueryError {
  override name = 'QueryWorkerError';
}

/**
 * The engine itself failed (a WebAssembly trap, or its stack ran out) and can no longer be trusted:
 * a trap leaves its memory as it was mid-call, and Oxigraph's one module instance serves every store
 * of the thread. A worker host replaces the worker; the message says what happened.
 */
export class QueryEngineError extends QueryError {
  override name = 'QueryEngineError';
  constructor(
    /** What happened, as a clause: "it most likely ran out of memory…". */
    readonly reason: string,
  ) {
    super(`The query engine stopped: ${reason}.`);
  }
}

/**
 * The QueryEngineError for an error thrown out of an Oxigraph call, or undefined when the engine
 * failed in the ordinary way (a bad query, bad data), which leaves it sound.
 */
export function engineFailure(error: unknown): QueryEngineError | undefined {
  const deep = 'its stack ran out, as with a query nested too deeply';
  if (error instanceof WebAssembly.RuntimeError) {
    // NOTE: Rust aborts on a failed allocation (the WASM memory cannot grow any more) and on a
    // panic, which WebAssembly turns into an "unreachable" trap: running out of memory is by far
    // the likelier. Safe Rust never reads out of bounds, but its own stack (in the linear memory)
    // does when it overflows.
    const trap = `WebAssembly trap “${error.message}”`;
    if (/unreachable/i.test(error.message))
      return new QueryEngineError(`it most likely ran out of memory: ${trap}`);
    if (/out of bounds/i.test(error.message)) return new QueryEngineError(`${deep}: ${trap}`);
    return new QueryEngineError(trap);
  }
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return new QueryEngineError(`${deep}: “${error.message}”`);
  return undefined;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

// ---------------------------------------------------------------------------------------------
// Oxigraph messages

// Oxigraph's SPARQL parser (rust-peg) reports "error at LINE:COLUMN: expected one of A, B, …".
const QUERY_ERROR = /^error at (\d+):(\d+): expected (?:one of )?([\s\S]*)$/;
// Its RDF parsers report one of three forms; we keep the start position.
const DATA_ERROR =
  /^Parser error (?:at line (\d+) (?:column (\d+)|between columns (\d+) and \d+)|between line (\d+) column (\d+) and line \d+ column \d+): ([\s\S]*)$/;
// An item of the expected set that is a keyword probe (e.g. OPTIONAL, isIRI, ENCODE_FOR_URI).
const KEYWORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Turns an error thrown by Oxigraph's `query()` into a typed error: a SparqlSyntaxError with line,
 * column and a readable message when the query does not parse, else a QueryEvaluationError.
 */
export function queryErrorFromOxigraph(error: unknown, query: string): QueryError {
  const message = error instanceof Error ? error.message : String(error);
  const match = QUERY_ERROR.exec(message);
  if (!match) return new QueryEvaluationError(message);
  return syntaxError(
    query,
    Number(match[1]),
    Number(match[2]),
    splitExpected(match[3] ?? ''),
    message,
  );
}

/** Turns an error thrown by Oxigraph's `load()` into a DataSyntaxError naming line and column. */
export function dataErrorFromOxigraph(error: unknown, what: string): DataSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const match = DATA_ERROR.exec(message);
  if (!match) return new DataSyntaxError(`${what}: ${message}`);
  const line = Number(match[1] ?? match[4]);
  const column = Number(match[2] ?? match[3] ?? match[5]);
  return new DataSyntaxError(
    `${what}, line ${line}, column ${column}: ${match[6] ?? ''}`,
    line,
    column,
  );
}

// rust-peg lists the tokens it tried at the farthest point it reached, separated by ", ". Char
// classes may contain ", " themselves, so split only outside brackets and quotes.
function splitExpected(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0 && list[i + 1] === ' ') {
      items.push(list.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  items.push(list.slice(start));
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

function syntaxError(
  query: string,
  line: number,
  column: number,
  expected: string[],
  parserMessage: string,
): SparqlSyntaxError {
  const chars = Array.from(query);
  let index = codePointIndex(chars, line, column);
  // NOTE: Oxigraph matches keywords case-insensitively by reading as many characters as the keyword
  // has and comparing them, so a failed keyword probe reports the position *after* those characters
  // (often the end of the query or the next line). When every expected item is a keyword (or "[_]",
  // "any character", which fails at the end of input), the probe that started last began at the
  // reported position minus the shortest keyword's length: that is where the parser really stuck.
  const keywords = expected.filter((e) => KEYWORD.test(e));
  const sentences = expected.filter(
    (e) => e.includes(' ') && !e.startsWith('[') && !e.startsWith('"'),
  );
  if (keywords.length > 0 && keywords.length + countAnyChar(expected) === expected.length) {
    index = Math.max(0, index - Math.min(...keywords.map((k) => k.length)));
    while (index < chars.length && /\s/u.test(chars[index] ?? '')) index++;
  }
  // "Prefix not found" is reported just after the prefixed name: step back to its start.
  if (sentences.includes('Prefix not found')) {
    while (index > 0 && /[\p{L}\p{N}_.:%\\-]/u.test(chars[index - 1] ?? '')) index--;
  }
  const position = positionOf(chars, index);
  const token = tokenAt(chars, index);
  const prefix = /^([A-Za-z][\w.-]*)?:/u.exec(token)?.[0];
  const detail =
    prefix !== undefined && !declaresPrefix(query, prefix)
      ? `the prefix "${prefix}" is not declared; add PREFIX ${prefix} <…> before the query`
      : sentences.length > 0
        ? sentences.join('; ')
        : index >= chars.length
          ? 'the query ends too early (is a bracket, brace or quote left open?)'
          : `unexpected ${JSON.stringify(token)}`;
  const offset = chars.slice(0, index).join('').length;
  return new SparqlSyntaxError(
    `SPARQL syntax error at line ${position.line}, column ${position.column}: ${detail}.`,
    position.line,
    position.column,
    offset,
    frame(query, position),
    parserMessage,
  );
}

function countAnyChar(expected: readonly string[]): number {
  return expected.filter((e) => e === '[_]').length;
}

// Code-point index of a 1-based line/column as rust-peg counts them (lines end at "\n" only).
function codePointIndex(chars: readonly string[], line: number, column: number): number {
  let l = 1;
  let i = 0;
  while (l < line && i < chars.length) {
    if (chars[i] === '\n') l++;
    i++;
  }
  return Math.min(chars.length, i + column - 1);
}

function positionOf(chars: readonly string[], index: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (chars[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

// The text at the position up to the next space or bracket (at most 20 characters), for messages.
function tokenAt(chars: readonly string[], index: number): string {
  let end = index + 1;
  while (end < chars.length && end - index < 20 && !/[\s(){},;]/u.test(chars[end] ?? '')) end++;
  return chars.slice(index, end).join('');
}

function declaresPrefix(query: string, prefix: string): boolean {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`PREFIX\\s+${escaped}`, 'i').test(query);
}

function frame(query: string, { line, column }: SourcePosition): string {
  const text = (query.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  const gutter = `${line} | `;
  // Tabs before the position stay tabs so the caret lines up in a terminal.
  const pad = Array.from(text)
    .slice(0, column - 1)
    .map((c) => (c === '\t' ? '\t' : ' '))
    .join('');
  return `${gutter}${text}\n${' '.repeat(gutter.length - 2)}| ${pad}^`;
}

// ---------------------------------------------------------------------------------------------
// Crossing a worker boundary

/** An error as plain data, for postMessage (class identity does not survive structured cloning). */
export type SerializedError =
  | {
      name: 'SparqlSyntaxError';
      message: string;
      line: number;
      column: number;
      offset: number;
      frame: string;
      parserMessage: string;
    }
  | { name: 'DataSyntaxError'; message: string; line?: number; column?: number }
  | { name: 'QueryEngineError'; message: string; reason: string }
  | { name: 'QueryEvaluationError' | 'Error'; message: string };

/** Reduces an error to plain data that `deserializeError` turns back into the same class. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof SparqlSyntaxError) {
    const { message, line, column, offset, frame, parserMessage } = error;
    return { name: 'SparqlSyntaxError', message, line, column, offset, frame, parserMessage };
  }
  if (error instanceof DataSyntaxError) {
    const out: SerializedError = { name: 'DataSyntaxError', message: error.message };
    if (error.line !== undefined) out.line = error.line;
    if (error.column !== undefined) out.column = error.column;
    return out;
  }
  if (error instanceof QueryEvaluationError) {
    return { name: 'QueryEvaluationError', message: error.message };
  }
  if (error instanceof QueryEngineError) {
    return { name: 'QueryEngineError', message: error.message, reason: error.reason };
  }
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** Rebuilds the typed error that `serializeError` reduced. */
export function deserializeError(data: SerializedError): Error {
  switch (data.name) {
    case 'SparqlSyntaxError':
      return new SparqlSyntaxError(
        data.message,
        data.line,
        data.column,
        data.offset,
        data.frame,
        data.parserMessage,
      );
    case 'DataSyntaxError':
      return new DataSyntaxError(data.message, data.line, data.column);
    case 'QueryEvaluationError':
      return new QueryEvaluationError(data.message);
    case 'QueryEngineError':
      return new QueryEngineError(data.reason);
    case 'Error':
      return new QueryWorkerError(data.message);
  }
}
