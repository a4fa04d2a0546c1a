// The contract between `parseRdf` and the format readers behind it (n3 for Turtle/TriG/N-Triples/
// N-Quads, jsonld for JSON-LD, rdfxml-streaming-parser for RDF/XML): text goes in chunk by chunk,
// quads come out through `emit`, and any failure — a syntax error or a limit hit — is thrown as an
// `RdfParseError`.
import type { Quad } from '@rdfjs/types';
import type { RdfFormatId } from './formats.ts';
import type { DocumentLoader } from './document-loader.ts';
import type { RdfLimits, TextPosition } from './limits.ts';

/** What a reader is told when it is made. */
export interface ReaderContext {
  source: string;
  format: RdfFormatId;
  baseIRI: string | undefined;
  /** Prefix for every blank node label (see blank-nodes.ts). */
  blankNodePrefix: string;
  documentLoader: DocumentLoader | undefined;
  /** The limits of this parse; each reader enforces those its format can go over. */
  limits: RdfLimits;
  /**
   * Receives each quad as soon as it is read. Throws an `RdfParseError` when the quad goes over a
   * limit (see `createQuadGuard`); a reader lets that error through.
   */
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
  /**
   * Where the reader is: the token it is reading, or the last character it read; undefined when it
   * cannot tell (JSON-LD's quads come out of a processor). Used for errors found outside it.
   */
  position(): TextPosition | undefined;
  /** The place just after all the text written so far (where the next chunk would start). */
  endPosition(): TextPosition;
}
