// Reads Turtle, TriG, N-Triples and N-Quads with n3's parser, fed chunk by chunk, and turns its
// errors into `RdfParseError`s with a line AND a column and a message a person can act on.
//
// How the column is found: n3 reports the line of every error. When its parser rejects a token, the
// token carries its own start column. When its lexer rejects raw text, the error names only the
// previous token; the offending text is then the first thing after that token that is neither
// whitespace nor a comment. Either place lies in the text the lexer had not consumed before the
// current chunk, plus that chunk: before each chunk we note that unconsumed text and where it starts
// (the lexer's own line and column), which costs nothing per line, and look for the place in it only
// when an error comes. The position found must lie on the line n3 reported, or no column is given.
//
// Limits (limits.ts) are checked on the way, at the exact place: each token as n3's lexer reports it
// (literal, IRI and name lengths, new prefixes), the parser's stack of open scopes before each token
// (nesting), and, after each chunk, the text the lexer holds without having finished a token (a
// literal, IRI or comment still open, or unreadable text waiting for its line to end): that is what
// grows without bound on a 50 MB literal or a 100 MB line, so it is stopped as soon as it is over.
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { scopedDataFactory } from './blank-nodes.ts';
import { quote, RdfParseError, type RdfParseErrorDetails } from './errors.ts';
import type { RdfFormatId } from './formats.ts';
import { limitError, type LimitHit, type RdfLimits, type TextPosition } from './limits.ts';
import type { ReaderContext, SyntaxReader } from './reader.ts';

type N3FormatId = Extract<RdfFormatId, 'turtle' | 'trig' | 'ntriples' | 'nquads'>;

const N3_FORMAT: Record<N3FormatId, string> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
};

/** A token as n3's lexer reports it: 1-based lines, 0-based end-exclusive UTF-16 columns. */
interface N3Token {
  type: string;
  value: string;
  prefix: string;
  line: number;
  start: number;
  end: number;
  /** For tokens spanning lines (long literals): the line `end` refers to. */
  endLine?: number;
}

interface N3Error extends Error {
  context?: { token?: N3Token; line?: number; previousToken?: N3Token };
}

/** The text source n3's parser reads from: an object with `on('data' | 'end', …)`. */
interface N3TextSource {
  on(event: string, callback: (chunk?: string) => void): void;
}

/**
 * The parts of n3 used here. NOTE: @types/n3 predates n3 2.x and lacks the streaming overload of
 * `parse`. The rest is private state, read rather than changed: the lexer's unconsumed text and its
 * position (see the file header), the parser's stack of open scopes (nesting), and `_base` (the
 * base IRI for relative IRIs and the result). The one thing changed is the lexer's `tokenize`,
 * wrapped on this instance to check each token (see `check`). n3 is pinned to an exact version, and
 * the unit tests (errors at every chunk size, every limit at its place) and the W3C negative tests
 * (each error must point at the text it names) check all of it.
 */
interface N3StreamingParser {
  parse(
    input: N3TextSource,
    callbacks: {
      onQuad: (error: N3Error | null, quad: Quad | null) => void;
      onPrefix: (prefix: string, iri: { value: string }) => void;
    },
  ): void;
  _base: string;
  /** The scopes (blank node property lists, collections, graphs, triple terms) now open. */
  _contextStack: unknown[];
  _lexer: {
    /** Text received but not yet turned into tokens (undefined before the first chunk). */
    _input: string | null | undefined;
    /** Line of the start of `_input`. */
    _line: number;
    /** Column (0-based, UTF-16) of the start of `_input` on that line. */
    _linePosition: number;
    /** Reads `input`, handing each token (or the first error) to `callback`. */
    tokenize(
      input: N3TextSource,
      callback: (error: N3Error | null, token: N3Token | undefined) => void,
    ): void;
  };
}

/** Creates a reader for one of the n3 formats. */
export function createN3Reader(format: N3FormatId, context: ReaderContext): SyntaxReader {
  const { limits, source } = context;
  const parser = new Parser({
    format: N3_FORMAT[format],
    baseIRI: context.baseIRI,
    blankNodePrefix: context.blankNodePrefix,
    factory: scopedDataFactory(context.blankNodePrefix, true),
  }) as unknown as N3StreamingParser;
  const lexer = parser._lexer;
  const prefixes: Record<string, string> = {};
  const declared = new Set<string>();
  let onData: ((chunk?: string) => void) | undefined;
  let onEnd: (() => void) | undefined;
  let failure: N3Error | undefined;
  /** The token being read, for errors that arise while it is (limits, quads over a limit). */
  let current: N3Token | undefined;

  const over = (hit: LimitHit): RdfParseError => limitError(hit, limits, source, format);
  const { maxNestingDepth, maxIriLength } = limits;
  /** Tokens no longer than this are under every length limit. */
  const shortest = Math.min(limits.maxLiteralLength, maxIriLength, limits.maxTokenLength);
  const at = (token: N3Token): TextPosition => ({ line: token.line, column: token.start + 1 });

  /** Checks each token before the parser reads it; throws the limit it goes over. */
  const check = (token: N3Token): void => {
    // The scopes opened by the tokens before this one: the last of them opened a level too many.
    if (parser._contextStack.length > maxNestingDepth) {
      const opener = current ?? token;
      throw over({
        limit: 'maxNestingDepth',
        subject: 'the document',
        position: at(opener),
        found: opener.value,
      });
    }
    current = token;
    // NOTE: runs for every token, so the common case is a few comparisons.
    const { type, value } = token;
    let hit: Omit<LimitHit, 'position'> | undefined;
    if (value.length > shortest || type === 'prefix') {
      hit = tokenOverLimit(token, limits, prefixes, declared);
    } else if (type === 'prefixed' || type === 'type') {
      if ((prefixes[token.prefix]?.length ?? 0) + value.length > maxIriLength) {
        hit = { limit: 'maxIriLength', subject: 'the IRI of a prefixed name', found: value };
      }
    } else if (
      (type === 'IRI' || type === 'typeIRI') &&
      value.length + parser._base.length > maxIriLength &&
      !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)
    ) {
      hit = {
        limit: 'maxIriLength',
        subject: 'a relative IRI, resolved',
        found: value.slice(0, 40),
      };
    }
    if (hit !== undefined) throw over({ ...hit, position: at(token) });
  };

  // NOTE: tokens are checked on their way from the lexer to the parser, by wrapping the callback the
  // parser gives the lexer: n3's own onToken hook costs a tenth of the reading time of Turtle.
  const tokenize = lexer.tokenize.bind(lexer);
  lexer.tokenize = (input, callback) => {
    tokenize(input, (error, token) => {
      if (token !== undefined) check(token);
      callback(error, token);
    });
  };

  parser.parse(
    {
      on(event, callback) {
        if (event === 'data') onData = callback;
        else if (event === 'end') onEnd = callback;
      },
    },
    {
      onQuad(error, quad) {
        if (error) failure ??= error;
        else if (quad) context.emit(quad);
      },
      onPrefix(prefix, iri) {
        prefixes[prefix] = iri.value;
      },
    },
  );
  if (!onData || !onEnd) {
    throw new Error('n3 did not subscribe to its input; check the n3 version.');
  }
  const feed = onData;
  const finish = onEnd;

  /** Runs `step` (which hands `text` to the lexer) and turns a failure into an RdfParseError. */
  const run = (text: string, step: () => void, atEnd = false): void => {
    const window = new TextWindow(lexer._input ?? '', lexer._line, lexer._linePosition, text);
    step();
    if (failure) throw toParseError(failure, format, source, window, atEnd);
  };
  const held = new HeldText(limits);

  return {
    write(text) {
      run(text, () => {
        feed(text);
      });
      const hit = held.check(lexer._input, lexer._line, lexer._linePosition);
      if (hit !== undefined) throw over(hit);
    },
    end() {
      run('', finish, true);
    },
    prefixes: () => ({ ...prefixes }),
    baseIRI: () => (parser._base === '' ? undefined : parser._base),
    position: () => (current === undefined ? undefined : at(current)),
    endPosition() {
      const text = lexer._input;
      if (typeof text !== 'string') {
        return current === undefined ? { line: 1, column: 1 } : at(current);
      }
      const window = new TextWindow(text, lexer._line, lexer._linePosition, '');
      const { line, column } = window.positionOf(text.length);
      return { line, column: column + 1 };
    },
  };
}

/** What a token goes over, if anything (long tokens); a new prefix name is recorded in `declared`. */
function tokenOverLimit(
  token: N3Token,
  limits: RdfLimits,
  prefixes: Readonly<Record<string, string>>,
  declared: Set<string>,
): Omit<LimitHit, 'position'> | undefined {
  const found = token.value.slice(0, 40);
  switch (token.type) {
    case 'literal':
      return token.value.length > limits.maxLiteralLength
        ? { limit: 'maxLiteralLength', subject: 'a literal', found }
        : undefined;
    case 'IRI':
    case 'typeIRI':
      return token.value.length > limits.maxIriLength
        ? { limit: 'maxIriLength', subject: 'an IRI', found }
        : undefined;
    case 'prefixed':
    case 'type':
      if (token.value.length > limits.maxTokenLength) {
        return { limit: 'maxTokenLength', subject: 'a prefixed name', found };
      }
      return (prefixes[token.prefix]?.length ?? 0) + token.value.length > limits.maxIriLength
        ? { limit: 'maxIriLength', subject: 'the IRI of a prefixed name', found }
        : undefined;
    case 'prefix':
      if (!declared.has(token.value)) {
        if (declared.size >= limits.maxPrefixes) {
          return { limit: 'maxPrefixes', subject: 'the document', found };
        }
        declared.add(token.value);
      }
      return token.value.length > limits.maxTokenLength
        ? { limit: 'maxTokenLength', subject: 'a prefix name', found }
        : undefined;
    default:
      return token.value.length > limits.maxTokenLength
        ? {
            limit: 'maxTokenLength',
            subject: token.type === 'blank' ? 'a blank node label' : 'a token',
            found,
          }
        : undefined;
  }
}

/** What the lexer holds unfinished, by how it starts: the limit it is under and where it ends. */
interface HeldKind {
  limit: 'maxLiteralLength' | 'maxIriLength' | 'maxTokenLength';
  subject: string;
  /** The index where it ends (just after it), or -1 when that is not in `text` yet. */
  end(text: string, start: number): number;
}

const LONG_LITERAL = (quote: string): HeldKind => ({
  limit: 'maxLiteralLength',
  subject: 'a literal',
  end(text, start) {
    const close = quote.repeat(3);
    for (let i = text.indexOf(close, start + 3); i >= 0; i = text.indexOf(close, i + 1)) {
      let backslashes = 0;
      while (text.charCodeAt(i - backslashes - 1) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) return i + 3;
    }
    return -1;
  },
});

const SHORT_LITERAL = (quote: string): HeldKind => ({
  limit: 'maxLiteralLength',
  subject: 'a literal',
  end(text, start) {
    // A single-quoted string ends at its closing quote, or (as an error n3 reports) at a line end.
    // NOTE: searched with indexOf, not a regular expression, which runs out of stack on long text.
    const lf = text.indexOf('\n', start);
    const cr = text.indexOf('\r', start);
    const lineEnd = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    for (let i = text.indexOf(quote, start + 1); i >= 0; i = text.indexOf(quote, i + 1)) {
      if (lineEnd >= 0 && lineEnd < i) return lineEnd + 1;
      let backslashes = 0;
      while (text.charCodeAt(i - backslashes - 1) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) return i + 1;
    }
    return lineEnd < 0 ? -1 : lineEnd + 1;
  },
});

const IRI_KIND: HeldKind = {
  limit: 'maxIriLength',
  subject: 'an IRI',
  end: (text, start) => {
    const close = text.indexOf('>', start);
    return close < 0 ? -1 : close + 1;
  },
};

const LINE_KIND = (subject: string): HeldKind => ({
  limit: 'maxTokenLength',
  subject,
  end: (text, start) => {
    const pattern = subject === 'a comment' ? /[\r\n]/g : /\s/g;
    pattern.lastIndex = start;
    return pattern.exec(text) === null ? -1 : pattern.lastIndex;
  },
});

/**
 * Watches the text n3's lexer holds between chunks. It holds an unfinished token from its start;
 * when that text is longer than the token's limit, the token is looked for: if it ends within the
 * limit all is well (n3 retokenizes long held text only when it has doubled, so finished tokens can
 * sit there for a while), else the limit is hit at the token's start.
 * NOTE: the held text is a concatenation that V8 copies into one piece whenever its characters are
 * read, so they are read once when it starts (to know what it is) and once over its limit; between
 * those, only its length is compared.
 */
class HeldText {
  private readonly shortest: number;
  /** The held text last seen: where it starts in the input, what it is, and if it was found to end. */
  private held:
    { line: number; column: number; start: number; kind: HeldKind; ends: boolean } | undefined;

  constructor(private readonly limits: RdfLimits) {
    this.shortest = Math.min(limits.maxLiteralLength, limits.maxIriLength, limits.maxTokenLength);
  }

  check(text: string | null | undefined, line: number, column: number): LimitHit | undefined {
    if (typeof text !== 'string' || text.length <= this.shortest) return undefined;
    let held = this.held;
    if (held?.line !== line || held.column !== column) {
      const start = /^[ \t\r\n]*/.exec(text.slice(0, 4096))?.[0].length ?? 0;
      held = { line, column, start, kind: heldKind(text, start), ends: false };
      this.held = held;
    }
    const { start, kind } = held;
    const limit = this.limits[kind.limit];
    // Quotes and brackets do not count: allow for them.
    if (held.ends || text.length - start <= limit + 6) return undefined;
    const end = kind.end(text, start);
    if (end >= 0 && end - start <= limit + 6) {
      held.ends = true;
      return undefined;
    }
    const window = new TextWindow(text, line, column, '');
    const position = window.positionOf(start);
    return {
      limit: kind.limit,
      subject: kind.subject,
      position: { line: position.line, column: position.column + 1 },
      found: text.slice(start, start + 40),
    };
  }
}

function heldKind(text: string, start: number): HeldKind {
  const c = text.charAt(start);
  if (c === '"' || c === "'") {
    return text.startsWith(c.repeat(3), start) ? LONG_LITERAL(c) : SHORT_LITERAL(c);
  }
  if (c === '<' && text.charAt(start + 1) !== '<') return IRI_KIND;
  if (c === '#') return LINE_KIND('a comment');
  return LINE_KIND('text that is not split into tokens');
}

/**
 * A stretch of input and the line and column where it starts. NOTE: one is made per chunk but only
 * looked into after an error, so it joins its text and checks it for CRs only then.
 */
class TextWindow {
  private joined: { text: string; carriageReturns: boolean } | undefined;

  constructor(
    private readonly unconsumed: string,
    readonly firstLine: number,
    readonly firstColumn: number,
    private readonly chunk: string,
  ) {}

  private get text(): string {
    return this.content().text;
  }

  private content(): { text: string; carriageReturns: boolean } {
    if (this.joined === undefined) {
      const text = this.unconsumed + this.chunk;
      this.joined = { text, carriageReturns: text.includes('\r') };
    }
    return this.joined;
  }

  /** Where the line after the one `from` is on starts, or -1 (CR, LF and CR LF break lines, as in n3). */
  private nextLineStart(from: number): number {
    if (!this.content().carriageReturns) {
      const lf = this.text.indexOf('\n', from);
      return lf < 0 ? -1 : lf + 1;
    }
    const breaks = /\r\n?|\n/g;
    breaks.lastIndex = from;
    return breaks.exec(this.text) === null ? -1 : breaks.lastIndex;
  }

  /**
   * Offset of `column` (0-based) on `line`; a place before the window is clamped to its start
   * (everything before it was consumed), a line after it gives undefined.
   */
  offsetOf(line: number, column: number): number | undefined {
    if (line < this.firstLine) return 0;
    if (line === this.firstLine) return Math.max(0, column - this.firstColumn);
    let offset = 0;
    for (let l = this.firstLine; l < line; l++) {
      offset = this.nextLineStart(offset);
      if (offset < 0) return undefined;
    }
    return offset + column;
  }

  /** Line and 0-based column of an offset. */
  positionOf(offset: number): { line: number; column: number } {
    let line = this.firstLine;
    let lineStart = -this.firstColumn;
    for (
      let next = this.nextLineStart(0);
      next >= 0 && next <= offset;
      next = this.nextLineStart(next)
    ) {
      line += 1;
      lineStart = next;
    }
    return { line, column: offset - lineStart };
  }

  /** The text from `offset` to the end of its line. */
  restOfLine(offset: number): string {
    const end = this.text.slice(offset).search(/[\r\n]/);
    return end < 0 ? this.text.slice(offset) : this.text.slice(offset, offset + end);
  }

  /** The text from `offset` on. */
  at(offset: number): string {
    return this.text.slice(offset);
  }
}

/** Whitespace and comments, as Turtle and its relatives skip them between tokens. */
const SEPARATORS = /(?:[ \t\r\n]|#[^\r\n]*)*/y;

interface Located {
  line: number | undefined;
  column: number | undefined;
  found: string | undefined;
  /** Where the problem starts in the window, when known. */
  offset?: number;
}

function locate(error: N3Error, window: TextWindow): Located {
  const token = error.context?.token;
  if (token) {
    if (token.type === 'eof') return { line: token.line, column: token.start + 1, found: '' };
    const inside =
      token.line > window.firstLine ||
      (token.line === window.firstLine && token.start >= window.firstColumn);
    const offset = inside ? window.offsetOf(token.line, token.start) : undefined;
    const found =
      offset === undefined
        ? token.value
        : token.endLine === undefined
          ? window.at(offset).slice(0, token.end - token.start)
          : window.restOfLine(offset);
    return { line: token.line, column: token.start + 1, found };
  }
  // A lexer error: the problem is the first token-worthy text after the previous token.
  const line = error.context?.line;
  const issue = /^Unexpected "([^]*)" on line \d+\.$/.exec(error.message)?.[1];
  const previous = error.context?.previousToken;
  const from = previous
    ? window.offsetOf(previous.endLine ?? previous.line, previous.end)
    : window.offsetOf(1, 0);
  if (from === undefined) return { line, column: undefined, found: issue };
  SEPARATORS.lastIndex = from;
  SEPARATORS.exec(window.at(0));
  const position = window.positionOf(SEPARATORS.lastIndex);
  if (line !== undefined && position.line !== line)
    return { line, column: undefined, found: issue };
  const found = issue ?? /^\S*/.exec(window.restOfLine(SEPARATORS.lastIndex))?.[0] ?? '';
  return { line: position.line, column: position.column + 1, found, offset: SEPARATORS.lastIndex };
}

function toParseError(
  error: N3Error,
  format: N3FormatId,
  source: string,
  window: TextWindow,
  atEnd: boolean,
): RdfParseError {
  const { line, column, found, offset } = locate(error, window);
  const cutOff =
    atEnd && error.context?.token === undefined && offset !== undefined
      ? truncated(window.at(offset), format)
      : undefined;
  const details: RdfParseErrorDetails = {
    source,
    format,
    cause: error,
    ...(cutOff ?? explain(error, format, found)),
  };
  if (line !== undefined) details.line = line;
  if (column !== undefined) details.column = column;
  return new RdfParseError(details);
}

type Explanation = Pick<RdfParseErrorDetails, 'expected' | 'found' | 'problem' | 'hint'>;

const TRUNCATED = 'the file may be truncated: download or copy it again';

/**
 * When the lexer could not read `rest`, the last text of the input, because the input stops in the
 * middle of it (a string or IRI never closed, a name cut off): says so. Undefined otherwise.
 */
function truncated(rest: string, format: N3FormatId): Explanation | undefined {
  const found = /^[^\r\n]*/.exec(rest)?.[0] ?? '';
  const q = quote(found);
  const lineBreak = /[\r\n]/.test(rest);
  const longString = !lineMode(format) && (rest.startsWith('"""') || rest.startsWith("'''"));
  const shortString =
    (rest.startsWith('"') || (!lineMode(format) && rest.startsWith("'"))) &&
    !lineBreak &&
    !new RegExp(String.raw`^.(?:[^\\${rest.charAt(0)}]|\\.)*${rest.charAt(0)}`).test(rest);
  if (longString || shortString) {
    return { problem: `the input ends inside the string ${q}`, hint: TRUNCATED, found };
  }
  if (rest.startsWith('<') && !rest.includes('>') && !lineBreak) {
    return { problem: `the input ends inside the IRI ${q}`, hint: TRUNCATED, found };
  }
  if (!lineBreak && !/\s/.test(rest.trimEnd())) {
    return { problem: `the input ends with the unfinished ${q}`, hint: TRUNCATED, found };
  }
  return undefined;
}

const lineMode = (format: N3FormatId): boolean => format === 'ntriples' || format === 'nquads';

/** Turns n3's terse message into what was expected, what was found and what to do. */
function explain(error: N3Error, format: N3FormatId, found: string | undefined): Explanation {
  const message = error.message.replace(/ on line \d+\.$/, '');
  const text = found ?? '';
  const withFound = (e: Explanation): Explanation => (found === undefined ? e : { ...e, found });
  const term = lineMode(format)
    ? 'an IRI in <…>, a blank node or a literal'
    : 'an IRI, a prefixed name, a blank node or a literal';

  let match: RegExpExecArray | null;
  if (error.context?.token === undefined && /^Unexpected "/.test(error.message)) {
    return withFound(unreadable(text, format));
  }
  if (/^Expected punctuation to follow/.test(message)) {
    const expected =
      format === 'nquads'
        ? 'a graph name or "." after the object'
        : format === 'ntriples'
          ? '"." after the object'
          : '"." after the object (or ";" or "," to continue the statement)';
    return withFound({ expected });
  }
  if (/^Expected dot to follow quad/.test(message)) {
    return withFound({ expected: '"." after the graph name' });
  }
  if (/^Expected entity but got/.test(message) || /^Unexpected literal$/.test(message)) {
    return withFound({ expected: term });
  }
  if (/^Expected predicate but got/.test(message)) {
    return withFound({
      expected: lineMode(format)
        ? 'a predicate IRI in <…>'
        : 'a predicate (an IRI, a prefixed name or "a")',
    });
  }
  if ((match = /^Undefined prefix "([^"]*):"$/.exec(message))) {
    const name = match[1] ?? '';
    return withFound({
      problem: `the prefix "${name}:" is not declared`,
      hint: `add "@prefix ${name}: <…> ." before its first use`,
    });
  }
  if (/^Invalid IRI$/.test(message)) {
    return withFound({
      problem: `invalid IRI ${quote(text)}`,
      hint: lineMode(format)
        ? 'N-Triples and N-Quads need absolute IRIs such as <http://example.org/a>'
        : 'a relative IRI needs a base: add "@base <…> ." or give a base IRI',
    });
  }
  if (/^Expected prefix to follow @prefix/.test(message)) {
    return withFound({ expected: 'a prefix name such as "ex:" after @prefix' });
  }
  if ((match = /^Expected IRI to follow prefix "([^"]*):"$/.exec(message))) {
    return withFound({ expected: `an IRI in <…> after the prefix "${match[1] ?? ''}:"` });
  }
  if (/^Expected valid IRI to follow base declaration/.test(message)) {
    return withFound({ expected: 'an IRI in <…> after @base' });
  }
  if (/^Expected declaration to end with a dot/.test(message)) {
    return withFound({ expected: '"." at the end of the @prefix or @base declaration' });
  }
  if (/^Unclosed graph/.test(message)) return withFound({ expected: '"}" to close the graph' });
  if (/^Disallowed blank node as predicate/.test(message)) {
    return withFound({ problem: `a blank node (${quote(text)}) cannot be a predicate` });
  }
  if (/^Invalid graph label/.test(message)) {
    return withFound({
      problem: `invalid graph name ${quote(text)}`,
      hint: 'name a graph with an IRI or a blank node',
    });
  }
  if (/^Unexpected /.test(message) && found !== undefined) {
    return withFound({
      problem: found === '' ? 'unexpected end of the input' : `unexpected ${quote(text)}`,
    });
  }
  // Any other n3 message, lower-cased to fit the sentence.
  return withFound({ problem: message.charAt(0).toLowerCase() + message.slice(1) });
}

/** What text n3's lexer could not read at all is, judged from how it starts, and what to do. */
function unreadable(found: string, format: N3FormatId): Explanation {
  const q = quote(found);
  if (found === '') return { problem: 'unexpected end of the input' };
  if (found.startsWith('<')) {
    return {
      problem: `invalid IRI ${q}`,
      hint: 'an IRI in <…> cannot contain spaces or any of <>"{}|^`\\ (escape them as %XX)',
    };
  }
  if (found.startsWith('"') || found.startsWith("'")) {
    return {
      problem: `invalid or unclosed string ${q}`,
      hint: lineMode(format)
        ? 'close the string on its line and use only the escapes \\t \\n \\r \\" \\\\ \\uXXXX'
        : 'close the string on its line (or use """…""" over several lines) and use only valid escapes',
    };
  }
  if (found.startsWith('_:')) {
    return {
      problem: `invalid blank node label ${q}`,
      hint: 'labels use letters, digits, "_", "-" and "." (not at the end)',
    };
  }
  if (found.startsWith('@')) {
    return {
      problem: `invalid language tag or directive ${q}`,
      hint: lineMode(format)
        ? 'language tags look like @en or @en-GB; N-Triples and N-Quads have no directives'
        : 'language tags look like @en or @en-GB; the directives are @prefix and @base',
    };
  }
  if (lineMode(format) && /^[+\-.]?\d/.test(found)) {
    return {
      problem: `unexpected ${q}`,
      hint: 'N-Triples and N-Quads have no bare numbers: write "1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    };
  }
  if (lineMode(format)) {
    return {
      problem: `unexpected ${q}`,
      hint: 'N-Triples and N-Quads have no prefixed names or abbreviations: write IRIs in full as <…>',
    };
  }
  if (/^[+\-.]?\d/.test(found)) {
    return { problem: `invalid number ${q}`, hint: 'numbers look like 12, -3.5 or 1.2e3' };
  }
  if (found.includes(':')) {
    return {
      problem: `invalid prefixed name ${q}`,
      hint: 'a local name cannot start with "-", end with "." or contain unescaped ~ / ? # or a lone %',
    };
  }
  return {
    problem: `unexpected ${q}`,
    hint: 'the keywords of Turtle are a, true, false, @prefix, @base, PREFIX and BASE',
  };
}
