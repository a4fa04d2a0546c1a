// Reads RDF/XML with rdfxml-streaming-parser, chunk by chunk, and turns its errors (which carry the
// XML parser's line and column in their message) into `RdfParseError`s. Also knows how to pick the
// character encoding an XML declaration names, since RDF/XML files are not always UTF-8.
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Quad } from '@rdfjs/types';
import { scopedDataFactory } from './blank-nodes.ts';
import { RdfParseError, type RdfParseErrorDetails } from './errors.ts';
import type { ReaderContext, SyntaxReader } from './reader.ts';

/** Creates an RDF/XML reader. */
export function createRdfXmlReader(context: ReaderContext): SyntaxReader {
  const parser = new RdfXmlParser({
    baseIRI: context.baseIRI,
    dataFactory: scopedDataFactory(context.blankNodePrefix, false),
    trackPosition: true,
  });
  let failure: Error | undefined;
  let head = '';
  const ended = new Promise<void>((resolve) => {
    parser.on('end', () => {
      resolve();
    });
    // A failed stream never ends: settle here too, and let `check` report the error.
    parser.on('error', (error: Error) => {
      failure ??= error;
      resolve();
    });
  });
  parser.on('data', (quad: Quad) => {
    context.emit(quad);
  });
  const check = (): void => {
    if (failure) throw toParseError(failure, context.source);
  };

  return {
    async write(text) {
      // The root element's namespace declarations are the document's prefixes.
      if (head.length < 65_536) head += text.slice(0, 65_536);
      await new Promise<void>((resolve) => {
        parser.write(text, () => {
          resolve();
        });
      });
      check();
    },
    async end() {
      parser.end();
      await ended;
      check();
    },
    prefixes: () => rootDeclarations(head).prefixes,
    baseIRI: () => rootDeclarations(head).base ?? context.baseIRI,
  };
}

/**
 * The error with its position. Both kinds of message come from the XML parser's position, which is
 * the last character it read (the ">" of the offending tag): saxes writes "3:14: …" with that
 * column, rdfxml-streaming-parser writes "Line 3 column 15: …" with one more, taken off here.
 */
function toParseError(error: Error, source: string): RdfParseError {
  const details: RdfParseErrorDetails = {
    source,
    format: 'rdfxml',
    cause: error,
    problem: error.message,
  };
  const rdfxml = /^Line (\d+) column (\d+): ([^]*)$/.exec(error.message);
  const saxes = /^(\d+):(\d+): ([^]*)$/.exec(error.message);
  const match = rdfxml ?? saxes;
  if (match) {
    details.line = Number(match[1]);
    details.column = Number(match[2]) - (rdfxml ? 1 : 0);
    const message = match[3] ?? '';
    details.problem = message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');
  }
  return new RdfParseError(details);
}

/** `xmlns:p="…"` declarations and `xml:base` of the document element, read from its start tag. */
function rootDeclarations(head: string): { prefixes: Record<string, string>; base?: string } {
  const prefixes: Record<string, string> = {};
  // The first start tag that is not a declaration, processing instruction or comment.
  const root = /<(?![?!])[^>]*>/.exec(head)?.[0] ?? '';
  let base: string | undefined;
  for (const m of root.matchAll(/\s(xmlns:[\w.-]+|xml:base)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = m[2] ?? m[3] ?? '';
    // NOTE: a value built from a DOCTYPE entity (&owl;) is skipped rather than half-expanded.
    if (value.includes('&')) continue;
    const name = m[1] ?? '';
    if (name === 'xml:base') base = value;
    else prefixes[name.slice('xmlns:'.length)] = value;
  }
  return base === undefined ? { prefixes } : { prefixes, base };
}

/**
 * The character encoding of an XML document from its first bytes: a byte order mark, else the
 * `encoding` of its XML declaration, else UTF-8 (XML's default).
 */
export function xmlEncoding(head: Uint8Array): string {
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  // The declaration is ASCII in every ASCII-compatible encoding, so Latin-1 reads it safely.
  const start = new TextDecoder('latin1').decode(head.subarray(0, 200));
  return (
    /^(?:\uFEFF|ï»¿)?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(start)?.[1] ??
    'utf-8'
  );
}
