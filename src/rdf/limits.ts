// The limits every reader of `parseRdf` enforces, so that an oversized or hostile input stops
// early, with a clear message and bounded memory, instead of hanging or exhausting memory. Each is a
// documented setting with a default chosen so that real data loads (schema.org's 4,000-character
// literals, DBpedia abstracts, million-triple files, OWL ontologies full of DOCTYPE entities) while
// pathological input stops within seconds. Callers raise or lower them per input through
// `ParseOptions.limits`; a limit that is hit throws an `RdfParseError` whose `limit` names it.
import type { Quad, Term } from '@rdfjs/types';
import { RdfParseError } from './errors.ts';
import type { RdfFormatId } from './formats.ts';

/** The limits of one parse. Lengths count UTF-16 code units, as JavaScript strings do. */
export interface RdfLimits {
  /** Longest literal value (and, in text formats, the longest literal as written). */
  maxLiteralLength: number;
  /** Longest IRI, after prefixes are expanded and relative IRIs resolved. */
  maxIriLength: number;
  /**
   * Longest other token: a prefixed name's local part, a blank node label, a language tag, a
   * comment, an XML name — and so the longest run of unreadable text on one line that a Turtle-family
   * reader holds before it reports it.
   */
  maxTokenLength: number;
  /**
   * Deepest nesting: blank node property lists, collections, graph blocks and triple terms inside
   * one another (Turtle, TriG); JSON objects and arrays (JSON-LD); XML elements (RDF/XML).
   */
  maxNestingDepth: number;
  /** Most prefixes: distinct @prefix names, xmlns prefixes, or JSON-LD context term definitions. */
  maxPrefixes: number;
  /** Longest JSON-LD document: JSON-LD cannot be streamed, so it is held and processed whole. */
  maxJsonLdLength: number;
  /** Most characters DOCTYPE entities may add to an RDF/XML document, all references together. */
  maxEntityExpansion: number;
  /** Most quads one input may deliver; unlimited by default (the caller knows its store's cost). */
  maxQuads: number;
}

const MiB = 1024 * 1024;

/** The defaults, frozen. */
export const DEFAULT_RDF_LIMITS: Readonly<RdfLimits> = Object.freeze({
  maxLiteralLength: 16 * MiB,
  maxIriLength: 64 * 1024,
  maxTokenLength: 1 * MiB,
  maxNestingDepth: 500,
  maxPrefixes: 10_000,
  maxJsonLdLength: 64 * MiB,
  maxEntityExpansion: 16 * MiB,
  maxQuads: Number.POSITIVE_INFINITY,
});

/** How a message says that something went over each limit, given the limit's value. */
const OVER: Readonly<Record<keyof RdfLimits, (value: string) => string>> = {
  maxLiteralLength: (n) => `is longer than ${n} characters`,
  maxIriLength: (n) => `is longer than ${n} characters`,
  maxTokenLength: (n) => `is longer than ${n} characters`,
  maxNestingDepth: (n) => `is nested deeper than ${n} levels`,
  maxPrefixes: (n) => `declares more than ${n} prefixes`,
  maxJsonLdLength: (n) => `is longer than ${n} characters`,
  maxEntityExpansion: (n) => `adds more than ${n} characters through DOCTYPE entities`,
  maxQuads: (n) => `holds more than ${n} quads`,
};

/**
 * The limits of a parse: the defaults overridden by `overrides`. Throws a `RangeError` for a value
 * that is not a positive integer or `Infinity`, naming the setting.
 */
export function resolveLimits(overrides: Partial<RdfLimits> | undefined): RdfLimits {
  const limits: RdfLimits = { ...DEFAULT_RDF_LIMITS };
  if (overrides === undefined) return limits;
  for (const key of Object.keys(overrides) as (keyof RdfLimits)[]) {
    if (!Object.hasOwn(DEFAULT_RDF_LIMITS, key)) {
      throw new RangeError(
        `Unknown RDF limit "${key}": use one of ${Object.keys(DEFAULT_RDF_LIMITS).join(', ')}.`,
      );
    }
    const value = overrides[key];
    if (value === undefined) continue;
    if (!(value === Number.POSITIVE_INFINITY || (Number.isSafeInteger(value) && value > 0))) {
      throw new RangeError(
        `The RDF limit ${key} must be a positive integer or Infinity, not ${String(value)}.`,
      );
    }
    limits[key] = value;
  }
  return limits;
}

/** Where in the input something is, as `RdfParseError` reports it (1-based line and column). */
export interface TextPosition {
  line: number;
  column: number;
}

/** What was over a limit, and where. */
export interface LimitHit {
  limit: keyof RdfLimits;
  /** What went over it, e.g. "a literal", "the prefix list". */
  subject: string;
  position: TextPosition | undefined;
  /** The start of the offending text, for programs (the message quotes nothing long). */
  found?: string;
}

/**
 * The error for `hit`, e.g. `big.ttl:3:27: a literal is longer than 16,777,216 characters (limit
 * maxLiteralLength); to read it anyway, raise maxLiteralLength (now 16,777,216) if you trust the
 * file (Turtle)`.
 */
export function limitError(
  hit: LimitHit,
  limits: RdfLimits,
  source: string,
  format: RdfFormatId,
): RdfParseError {
  const value = limits[hit.limit];
  const shown = value.toLocaleString('en-US');
  return new RdfParseError({
    source,
    format,
    line: hit.position?.line,
    column: hit.position?.column,
    problem: `${hit.subject} ${OVER[hit.limit](shown)} (limit ${hit.limit})`,
    hint: `to read it anyway, raise ${hit.limit} (now ${shown}) if you trust the file`,
    found: hit.found,
    limit: { name: hit.limit, value },
  });
}

/**
 * Counts the quads a reader produces against `maxQuads` and, with `terms`, checks their terms
 * against the IRI and literal limits: for JSON-LD, whose quads come out of a processor, and RDF/XML,
 * whose IRIs are resolved inside its library. (The Turtle-family reader checks every token where it
 * is, expanded prefixes and resolved IRIs included, so its quads need only be counted.) Returns
 * what went over, or undefined.
 */
export function createQuadGuard(
  limits: RdfLimits,
  terms: boolean,
): (quad: Quad) => LimitHit | undefined {
  let quads = 0;
  const { maxIriLength, maxLiteralLength, maxQuads } = limits;
  const term = (t: Term): LimitHit | undefined => {
    switch (t.termType) {
      case 'NamedNode':
        return t.value.length > maxIriLength
          ? {
              limit: 'maxIriLength',
              subject: 'an IRI',
              position: undefined,
              found: t.value.slice(0, 40),
            }
          : undefined;
      case 'Literal':
        if (t.value.length > maxLiteralLength) {
          return {
            limit: 'maxLiteralLength',
            subject: 'a literal',
            position: undefined,
            found: t.value.slice(0, 40),
          };
        }
        return term(t.datatype);
      case 'Quad':
        return term(t.subject) ?? term(t.predicate) ?? term(t.object) ?? term(t.graph);
      default:
        return undefined;
    }
  };
  return (quad) => {
    quads += 1;
    if (quads > maxQuads) {
      return { limit: 'maxQuads', subject: 'the input', position: undefined };
    }
    if (!terms) return undefined;
    return term(quad.subject) ?? term(quad.predicate) ?? term(quad.object) ?? term(quad.graph);
  };
}
