// The sources panel's state: the article the loaded data cites (read once per dataset, its claims
// placed on its sentences), the sentence a person clicked, and what the canvas emphasises — the
// claims of that sentence, else the paths found.
import {
  ArticleError,
  collectClaims,
  placeClaims,
  readArticle,
  supportedBy,
  type Article,
  type PlacedClaims,
} from '../graph/article.ts';
import { KNOWN_DOCUMENTS, type KnownDocument } from './documents.ts';
import type { Dataset, ExplorerState } from './explorer.ts';
import { pathHighlight, selectPathResult, type PathResult } from './paths.ts';

/** The sentence clicked in the article, if any. */
export interface ReadingState {
  /** Index of the sentence whose claims are selected, or null. */
  sentence: number | null;
}

/** Nothing clicked. */
export const INITIAL_READING: ReadingState = { sentence: null };

/** The article beside the graph, read, or why it could not be. */
export type DocumentReading =
  | { status: 'read'; document: KnownDocument; article: Article; placed: PlacedClaims }
  | { status: 'failed'; document: KnownDocument; message: string };

let lastReading: { dataset: Dataset; value: DocumentReading | null } | undefined;

/**
 * The first document the app carries that the loaded data cites, read and with its claims placed
 * (null when the data cites none: the panel then shows the provenance the data carries).
 */
export function selectDocumentReading(state: ExplorerState): DocumentReading | null {
  const dataset = state.data.status === 'loaded' ? state.data.dataset : null;
  if (!dataset) return null;
  if (lastReading?.dataset === dataset) return lastReading.value;
  let value: DocumentReading | null = null;
  for (const document of KNOWN_DOCUMENTS) {
    const claims = collectClaims(dataset.projection.graph, document.iri);
    if (claims.length === 0) continue;
    try {
      const article = readArticle(document.text, document.layout, document.name);
      value = { status: 'read', document, article, placed: placeClaims(article, claims) };
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      value = { status: 'failed', document, message: error.message };
    }
    break;
  }
  lastReading = { dataset, value };
  return value;
}

/** Selects the claims of a sentence (the single selection gives way), or none with null. */
export function readSentence(state: ExplorerState, sentence: number | null): ExplorerState {
  if (state.reading.sentence === sentence && (sentence === null || state.selection === null)) {
    return state;
  }
  return {
    ...state,
    selection: sentence === null ? state.selection : null,
    reading: { sentence },
  };
}

/** The clicked sentence while it is what is selected (a later click on the graph replaces it). */
export function selectActiveSentence(state: ExplorerState): number | null {
  return state.selection === null ? state.reading.sentence : null;
}

/** What the canvas emphasises: the claims of the clicked sentence, or the paths found. */
export interface Emphasis {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Why: the sentence or the paths. */
  origin: 'sentence' | 'paths';
}

let lastEmphasis:
  | {
      reading: DocumentReading | null;
      sentence: number | null;
      paths: PathResult | null;
      focus: number | null;
      value: Emphasis | null;
    }
  | undefined;

/** The emphasis of the current state (null: nothing emphasised), memoised. */
export function selectEmphasis(state: ExplorerState): Emphasis | null {
  const reading = selectDocumentReading(state);
  const sentence = selectActiveSentence(state);
  const paths = selectPathResult(state);
  const { focus } = state.paths;
  const last = lastEmphasis;
  if (
    last?.reading === reading &&
    last.sentence === sentence &&
    last.paths === paths &&
    last.focus === focus
  ) {
    return last.value;
  }
  let value: Emphasis | null = null;
  if (sentence !== null && reading?.status === 'read') {
    value = { ...supportedBy(reading.placed.bySentence[sentence] ?? []), origin: 'sentence' };
  } else {
    const highlight = pathHighlight(paths, focus);
    if (highlight) value = { ...highlight, origin: 'paths' };
  }
  lastEmphasis = { reading, sentence, paths, focus, value };
  return value;
}
