// JSON-LD may name remote documents (usually an `@context` URL). Triplescope never fetches them
// behind the user's back: a document loader serves known URLs from local copies and refuses the
// rest with an error that names the URL and says how to map it.
import { RdfParseError } from './errors.ts';
import { findJsonProblem } from './json-errors.ts';

/** A document as jsonld's loaders return it. */
export interface RemoteDocument {
  documentUrl: string;
  /** The parsed JSON. */
  document: unknown;
  /** A context named by an HTTP Link header; never set by local loaders. */
  contextUrl?: string | null;
}

/** What `parseRdf` calls for every remote document a JSON-LD input names. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * A loader that serves the documents of `map` (URL → parsed JSON, or JSON text) and refuses every
 * other URL with an `RdfParseError` naming it. A URL with a `#fragment` is looked up without it
 * when the exact URL is not mapped.
 */
export function createDocumentLoader(
  map: Readonly<Record<string, object | string>>,
): DocumentLoader {
  const parsed = new Map<string, unknown>();
  return (url: string) => {
    const key = Object.hasOwn(map, url) ? url : url.replace(/#.*$/, '');
    const entry = Object.hasOwn(map, key) ? map[key] : undefined;
    if (entry === undefined) return Promise.reject(notMapped(url));
    if (!parsed.has(key))
      parsed.set(key, typeof entry === 'string' ? parseJson(entry, key) : entry);
    return Promise.resolve({ documentUrl: url, document: parsed.get(key), contextUrl: null });
  };
}

function notMapped(url: string): RdfParseError {
  return new RdfParseError({
    source: url,
    format: 'jsonld',
    problem: `the remote document ${url} is not available: remote JSON-LD documents are never fetched`,
    hint: `map the URL to a local copy, e.g. createDocumentLoader({ ${JSON.stringify(url)}: contextDocument })`,
  });
}

/** Parses a mapped document's JSON text, naming the URL, line and column when it is broken. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const problem = findJsonProblem(text);
    if (problem === undefined) {
      throw new RdfParseError({
        source,
        format: 'jsonld',
        problem: `invalid JSON (${error instanceof Error ? error.message : String(error)})`,
        cause: error,
      });
    }
    throw new RdfParseError({
      source,
      format: 'jsonld',
      line: problem.line,
      column: problem.column,
      expected: problem.expected,
      found: problem.found,
      // The text ended where more was expected: it may have been cut off.
      hint:
        problem.found === '' ? 'the file may be truncated: download or copy it again' : undefined,
      cause: error,
    });
  }
}
