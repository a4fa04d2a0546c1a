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
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { scopedDataFactory } from './blank-nodes.ts';
import { quote, RdfParseError, type RdfParseErrorDetails } from './errors.ts';
import type { RdfFormatId } from './formats.ts';
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
 * position (see the file header), and `_base`, read once at the end to report the document's base
 * IRI. n3 is pinned to an exact version, and the unit tests (errors at every chunk size) and the W3C
 * negative tests (each error must point at the text it names) check both.
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
  _lexer: {
    /** Text received but not yet turned into tokens (undefined before the first chunk). */
    _input: string | null | undefined;
    /** Line of the start of `_input`. */
    _line: number;
    /** Column (0-based, UTF-16) of the start of `_input` on that line. */
    _linePosition: number;
  };
}

/** Creates a reader for one of the n3 formats. */
export function createN3Reader(format: N3FormatId, context: ReaderContext): SyntaxReader {
  const parser = new Parser({
    format: N3_FORMAT[format],
    baseIRI: context.baseIRI,
    blankNodePrefix: context.blankNodePrefix,
    factory: scopedDataFactory(context.blankNodePrefix, true),
  }) as unknown as N3StreamingParser;
  const lexer = parser._lexer;
  const prefixes: Record<string, string> = {};
  let onData: ((chunk?: string) => void) | undefined;
  let onEnd: (() => void) | undefined;
  let failure: N3Error | undefined;

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
  const run = (text: string, step: () => void): void => {
    const window = new TextWindow(lexer._input ?? '', lexer._line, lexer._linePosition, text);
    step();
    if (failure) throw toParseError(failure, format, context.source, window);
  };

  return {
    write(text) {
      run(text, () => {
        feed(text);
      });
    },
    end() {
      run('', finish);
    },
    prefixes: () => ({ ...prefixes }),
    baseIRI: () => (parser._base === '' ? undefined : parser._base),
  };
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
  return { line: position.line, column: position.column + 1, found };
}

function toParseError(
  error: N3Error,
  format: N3FormatId,
  source: string,
  window: TextWindow,
): RdfParseError {
  const { line, column, found } = locate(error, window);
  const details: RdfParseErrorDetails = {
    source,
    format,
    cause: error,
    ...explain(error, format, found),
  };
  if (line !== undefined) details.line = line;
  if (column !== undefined) details.column = column;
  return new RdfParseError(details);
}

type Explanation = Pick<RdfParseErrorDetails, 'expected' | 'found' | 'problem' | 'hint'>;

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
