// Telling an RDF format from a file's name or, failing that, from its first characters (pasted
// text, files named without a known extension). Pure: runs in the import worker and in tests.
import { formatFromFileName, type RdfFormatId } from '../rdf/formats.ts';

/** How an input's format was settled. */
export interface FormatChoice {
  format: RdfFormatId;
  /** The bytes are gzip (from the name); undefined lets the reader detect it. */
  gzip: boolean | undefined;
}

/**
 * Guesses the format of RDF text from its start: JSON-LD (`{` or `[`), RDF/XML (`<?xml`, `<rdf:`),
 * TriG (a graph block), N-Quads/N-Triples (lines of terms only), else Turtle (prefixes, `a`, `;`).
 * Returns undefined for text that looks like none of them.
 */
export function sniffRdfFormat(head: string): RdfFormatId | undefined {
  const text = head.replace(/^\uFEFF/, '');
  // Comments say nothing about the format (Turtle, TriG, N-Triples and N-Quads share `#`).
  const body = text.replace(/^\s*(#[^\n]*\n\s*)*/, '').trimStart();
  if (body === '') return undefined;
  if (body.startsWith('{') || body.startsWith('[')) {
    // A Turtle document may start with a blank node property list `[ … ]`.
    return /^\[\s*[^\s"{[]*\s*(a|<|[A-Za-z_]*:)/.test(body) ? 'turtle' : 'jsonld';
  }
  if (/^<\?xml|^<rdf:RDF|^<!DOCTYPE\s+rdf/i.test(body)) return 'rdfxml';
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .slice(0, 50);
  const term = String.raw`(?:<[^>\s]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z-]+|\^\^<[^>\s]*>)?)`;
  const triple = new RegExp(String.raw`^${term}\s+<[^>\s]*>\s+${term}\s*\.$`);
  const quad = new RegExp(String.raw`^${term}\s+<[^>\s]*>\s+${term}\s+(?:<[^>\s]*>|_:\S+)\s*\.$`);
  // The last line of a head may be cut short: judge by the complete ones.
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines;
  if (complete.every((l) => triple.test(l))) return 'ntriples';
  if (complete.every((l) => triple.test(l) || quad.test(l))) return 'nquads';
  if (/(^|\n)\s*(GRAPH\s+)?(<[^>]*>|[A-Za-z_][\w-]*:[\w-]*|_:\S+)?\s*\{/i.test(body)) return 'trig';
  if (/^(@prefix|@base|PREFIX|BASE)\b/i.test(body) || /\s(a|;|,)\s/.test(body)) return 'turtle';
  if (/^(<[^>\s]*>|[A-Za-z_][\w-]*:[\w-]*|_:\S+)\s/.test(body)) return 'turtle';
  return undefined;
}

/**
 * The format of an input: from its name when that tells, else from its start. Throws an error that
 * names the input and says how to fix it when neither does.
 */
export function chooseFormat(name: string, head: () => string): FormatChoice {
  const byName = formatFromFileName(name);
  if (byName) return { format: byName.format.id, gzip: byName.gzip };
  const sniffed = sniffRdfFormat(head());
  if (sniffed) return { format: sniffed, gzip: undefined };
  throw new Error(
    `${name}: cannot tell which RDF format this is from its name or its first lines. ` +
      'Give the file an extension (.ttl, .trig, .nt, .nq, .jsonld, .rdf, optionally .gz) or choose the format.',
  );
}
