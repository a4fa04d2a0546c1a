// Finds where a JSON text stops being JSON, and what was expected there. `JSON.parse` is used to
// read JSON; this scanner runs only after it failed, because engines word their errors differently
// and V8 often leaves the position out ("Unexpected token '}', … is not valid JSON").

/** The first place where a text is not JSON (RFC 8259). */
export interface JsonProblem {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
  expected: string;
  /** The text found there ('' at the end of the input). */
  found: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const KEYWORD = /true|false|null/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;
const VALUE = 'a value (an object, array, string, number, true, false or null)';

type Want = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'next' | 'end';

/** The first syntax problem of `text`, or `undefined` when it is valid JSON. */
export function findJsonProblem(text: string): JsonProblem | undefined {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let want: Want = 'value';
  const fail = (expected: string, at = i): JsonProblem => problem(text, at, expected);
  const after = (): Want => (stack.length === 0 ? 'end' : 'next');

  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
    const c = text[i];
    switch (want) {
      case 'end':
        return c === undefined ? undefined : fail('the end of the document');
      case 'colon':
        if (c !== ':') return fail('":" after the property name');
        i += 1;
        want = 'value';
        break;
      case 'next': {
        const close = stack[stack.length - 1] === '{' ? '}' : ']';
        if (c === ',') {
          i += 1;
          want = close === '}' ? 'key' : 'value';
        } else if (c === close) {
          i += 1;
          stack.pop();
          want = after();
        } else {
          return fail(
            close === '}'
              ? '"," or "}" after the property value'
              : '"," or "]" after the array element',
          );
        }
        break;
      }
      case 'key':
      case 'firstKey':
        if (want === 'firstKey' && c === '}') {
          i += 1;
          stack.pop();
          want = after();
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          want = 'colon';
        } else {
          return fail('a property name in double quotes');
        }
        break;
      case 'value':
      case 'firstValue':
        if (want === 'firstValue' && c === ']') {
          i += 1;
          stack.pop();
          want = after();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i += 1;
          want = c === '{' ? 'firstKey' : 'firstValue';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          want = after();
        } else {
          const pattern = c === '-' || (c !== undefined && c >= '0' && c <= '9') ? NUMBER : KEYWORD;
          pattern.lastIndex = i;
          if (pattern.exec(text) === null) return fail(VALUE);
          i = pattern.lastIndex;
          want = after();
        }
        break;
    }
  }
}

/** The index after the string starting at `start`, or the problem inside it. */
function scanString(text: string, start: number): number | JsonProblem {
  let i = start + 1;
  for (;;) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code)) return problem(text, i, 'a closing double quote');
    if (code === 0x22) return i + 1;
    if (code < 0x20) {
      return problem(
        text,
        i,
        'a closing double quote (line breaks and tabs in strings must be written \\n and \\t)',
      );
    }
    if (code === 0x5c) {
      ESCAPE.lastIndex = i;
      if (ESCAPE.exec(text) === null) {
        return problem(text, i, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)');
      }
      i = ESCAPE.lastIndex;
    } else {
      i += 1;
    }
  }
}

function problem(text: string, offset: number, expected: string): JsonProblem {
  let line = 1;
  let lineStart = 0;
  const breaks = /\r\n?|\n/g;
  while (breaks.exec(text) !== null && breaks.lastIndex <= offset) {
    line += 1;
    lineStart = breaks.lastIndex;
  }
  const rest = text.slice(offset, offset + 40);
  const found = /^[{}[\],:]/.test(rest) ? rest.charAt(0) : (/^[^\s{}[\],:]*/.exec(rest)?.[0] ?? '');
  return {
    line,
    column: offset - lineStart + 1,
    expected,
    found: found === '' ? rest.charAt(0) : found,
  };
}
