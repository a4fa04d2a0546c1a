// The public API of the RDF core, for the app, workers, the query layer and the command line. It
// runs anywhere (no Node APIs); the Node-only path reader is in ./node.ts.
export {
  RDF_FORMATS,
  formatById,
  formatFromFileName,
  formatFromMediaType,
  isRdfFormatId,
  type FileNameFormat,
  type RdfFormat,
  type RdfFormatId,
} from './formats.ts';
export {
  parseRdf,
  type ParseOptions,
  type ParseProgress,
  type ParseResult,
  type QuadSink,
  type RdfInput,
} from './parse.ts';
export {
  RdfAbortError,
  RdfParseError,
  RdfSerializeError,
  type RdfLimitHit,
  type RdfParseErrorDetails,
} from './errors.ts';
export { DEFAULT_RDF_LIMITS, resolveLimits, type RdfLimits, type TextPosition } from './limits.ts';
export { parseRdfToStore, type StoreReadResult } from './load.ts';
export { guessText, type TextGuess } from './sniff.ts';
export {
  createDocumentLoader,
  type DocumentLoader,
  type RemoteDocument,
} from './document-loader.ts';
export type { JsonLdProcessingOptions } from './jsonld-api.ts';
export { serializeRdf, type SerializeOptions } from './serialize.ts';
export {
  WELL_KNOWN_PREFIXES,
  prefixShortener,
  shorten,
  withWellKnownPrefixes,
} from './prefixes.ts';
