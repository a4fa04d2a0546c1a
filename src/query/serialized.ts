// Query results as the engine serializes them — SPARQL TSV for solutions, N-Triples for graphs —
// and their decoding into QueryResult. Text is the cheap way out of WebAssembly (one string instead
// of a JS object per term, which also leaks WASM memory until collected) and the cheap way across a
// worker boundary (one string to copy instead of a structured clone of every term).
import { parseTsvResults } from './results-parse.ts';
import { parseNQuads, TermSyntaxError } from './terms.ts';
import type { QueryResult } from './types.ts';

/** A query result in serialized form, as the store produces it and the worker posts it. */
export type SerializedResult =
  | { type: 'bindings'; tsv: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'quads'; ntriples: string };

/** Turns a serialized result into terms (n3 terms, rows keyed by variable name). */
export function decodeResult(serialized: SerializedResult): QueryResult {
  switch (serialized.type) {
    case 'bindings':
      return parseTsvResults(serialized.tsv);
    case 'boolean':
      return { type: 'boolean', value: serialized.value };
    case 'quads':
      try {
        return { type: 'quads', quads: parseNQuads(serialized.ntriples) };
      } catch (error) {
        // Oxigraph wrote this text, so a failure here is a bug on one side or the other.
        if (error instanceof TermSyntaxError) {
          throw new Error(
            `Cannot read the engine's N-Triples at offset ${error.index}: ${error.message}.`,
            { cause: error },
          );
        }
        throw error;
      }
  }
}
