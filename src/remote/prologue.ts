// Reads the head of a SPARQL query — its BASE and PREFIX declarations and the keyword after them —
// without parsing the rest: enough to ask an endpoint for the right result format, to refuse
// updates, and to keep the query's prefixes for writing its CONSTRUCT result.
// The endpoint parses the query; a query this reader cannot classify is still sent.

/** The four query forms of SPARQL 1.1. */
export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

/** What the head of a query says. */
export interface Prologue {
  /** The query form; 'update' for SPARQL Update; undefined when the text starts otherwise. */
  form: QueryForm | 'update' | undefined;
  /** The PREFIX declarations with absolute IRIs (a later one wins), prefix without the colon. */
  prefixes: Record<string, string>;
}

const QUERY_FORMS: ReadonlySet<string> = new Set(['select', 'ask', 'construct', 'describe']);
const UPDATE_KEYWORDS: ReadonlySet<string> = new Set([
  'insert',
  'delete',
  'load',
  'clear',
  'drop',
  'create',
  'add',
  'move',
  'copy',
  'with',
]);

// Whitespace and `#` comments between tokens (a `#` inside an IRI is matched by IRI below).
const SPACE = /^(?:\s+|#[^\n\r]*)+/u;
// NOTE: the control characters in the two IRI patterns below are the ones IRIREF excludes.
// PREFIX pn: <iri> — PN_PREFIX simplified to letters, digits, `_`, `-`, `.` (not last).
// eslint-disable-next-line no-control-regex
const PREFIX = /^PREFIX\s+((?:[\p{L}][\p{L}\p{N}_.-]*)?):\s*<([^<>"{}|^`\\\u0000-\u0020]*)>/iu;
// eslint-disable-next-line no-control-regex
const BASE = /^BASE\s*<([^<>"{}|^`\\\u0000-\u0020]*)>/iu;
const KEYWORD = /^[A-Za-z]+/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Reads the prologue and the form keyword of `query`. Never throws. */
export function readPrologue(query: string): Prologue {
  const prefixes: Record<string, string> = {};
  let rest = query.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.replace(SPACE, '');
    const prefix = PREFIX.exec(rest);
    if (prefix) {
      const [all, name = '', iri = ''] = prefix;
      if (ABSOLUTE.test(iri) && !name.endsWith('.')) prefixes[name] = iri;
      rest = rest.slice(all.length);
      continue;
    }
    const base = BASE.exec(rest);
    if (base) {
      rest = rest.slice(base[0].length);
      continue;
    }
    break;
  }
  const keyword = KEYWORD.exec(rest)?.[0].toLowerCase() ?? '';
  const form = QUERY_FORMS.has(keyword)
    ? (keyword as QueryForm)
    : UPDATE_KEYWORDS.has(keyword)
      ? 'update'
      : undefined;
  return { form, prefixes };
}
