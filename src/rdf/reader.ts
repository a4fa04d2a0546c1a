// The contract between `parseRdf` and the format readers behind it (n3 for Turtle/TriG/N-Triples/
// N-Quads, jsonld for JSON-LD, rdfxml-streaming-parser for RDF/XML): text goes in chunk by chunk,
// quads come out through `emit`, and any failure is thrown as an `RdfParseError`.
import type { Quad } from '@rdfjs/types';
import type { RdfFormatId } from './formats.ts';
import type { DocumentLoader } from './document-loader.ts';

/** What a reader is told when it is made. */
export interface ReaderContext {
  source: string;
  format: RdfFormatId;
  baseIRI: string | undefined;
  /** Prefix for every blank node label (see blank-nodes.ts). */
  blankNodePrefix: string;
  documentLoader: DocumentLoader | undefined;
  /** Receives each quad as soon as it is read. */
  emit: (quad: Quad) => void;
}

/** One parse in progress. Methods throw `RdfParseError`. */
export interface SyntaxReader {
  /** Reads the next piece of text; chunks may end anywhere, even inside a token. */
  write(text: string): void | Promise<void>;
  /** Signals the end of the input, reading what is still buffered. */
  end(): void | Promise<void>;
  /** Prefixes declared by the document (the last declaration of a name wins). */
  prefixes(): Record<string, string>;
  /** The base IRI in force at the end of the document, when there is one. */
  baseIRI(): string | undefined;
}
