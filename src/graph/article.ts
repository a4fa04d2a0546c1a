// The text of a source document beside the graph: its body cut from the page furniture around it,
// split into paragraphs and sentences, and every claim of the graph placed on the sentence it
// quotes. From there: the sentences behind a node or an edge, the entities and relations a sentence
// supports, and the sentences that support none (what the graph leaves out). Pure.
import { byCodeUnit } from './compare.ts';
import type { DataGraph, Source } from './types.ts';

/** Where a document's body lies in its text, for text saved from a web page. */
export interface ArticleLayout {
  /** The title line: the body starts after it. */
  title: string;
  /** Lines before the title that name the author ("By Ian Birchall"); the first group is the name. */
  byline?: RegExp;
  /** Whole lines that are page furniture inside the body ("Issue 1930"); dropped. */
  furniture: readonly RegExp[];
  /** The first line of the furniture after the body ("Sign up for …"): it and what follows go. */
  endsBefore: string;
}

/** One sentence of the body. */
export interface Sentence {
  /** Position among all sentences of the body, from 0. */
  index: number;
  /** Paragraph it belongs to, from 0. */
  paragraph: number;
  text: string;
}

/** A document's body, read. */
export interface Article {
  title: string;
  /** The author as the byline names them, or null. */
  byline: string | null;
  /** Sentences by paragraph (indexes into `sentences`). */
  paragraphs: number[][];
  sentences: Sentence[];
}

/** Why a text could not be read as the document it is said to be. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

/** Folds text for matching quotes against sentences: NFC, single spaces, no outer space. */
function fold(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Splits a paragraph into sentences (Unicode sentence boundaries, English rules). */
export function splitSentences(paragraph: string, locale = 'en'): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  return [...segmenter.segment(paragraph)].map((s) => fold(s.segment)).filter((s) => s !== '');
}

/**
 * Reads a document's body: the lines after the title up to the closing furniture, furniture lines
 * dropped, each remaining line a paragraph, each paragraph split into sentences. Throws an
 * {@link ArticleError} naming what it could not find (the title, or the end of the body).
 */
export function readArticle(text: string, layout: ArticleLayout, name = 'the article'): Article {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleAt = lines.findIndex((l) => fold(l) === fold(layout.title));
  if (titleAt === -1) {
    throw new ArticleError(
      `${name}: no line reads "${layout.title}"; the text is not the document its layout describes.`,
    );
  }
  const endAt = lines.findIndex(
    (l, i) => i > titleAt && fold(l).startsWith(fold(layout.endsBefore)),
  );
  if (endAt === -1) {
    throw new ArticleError(
      `${name}: no line after the title starts with "${layout.endsBefore}", where the body should end.`,
    );
  }
  let byline: string | null = null;
  if (layout.byline) {
    for (const line of lines.slice(0, titleAt)) {
      const m = layout.byline.exec(fold(line));
      if (m?.[1] !== undefined) byline = m[1];
    }
  }
  const paragraphs: number[][] = [];
  const sentences: Sentence[] = [];
  for (const line of lines.slice(titleAt + 1, endAt)) {
    const folded = fold(line);
    if (folded === '' || layout.furniture.some((f) => f.test(folded))) continue;
    const paragraph = paragraphs.length;
    const indexes: number[] = [];
    for (const sentence of splitSentences(folded)) {
      indexes.push(sentences.length);
      sentences.push({ index: sentences.length, paragraph, text: sentence });
    }
    paragraphs.push(indexes);
  }
  return { title: fold(layout.title), byline, paragraphs, sentences };
}

/** One claim of the graph: what it supports, and the statement and quote behind it. */
export interface Claim {
  /** An edge, a literal fact of a node, or a node's class. */
  kind: 'edge' | 'fact' | 'type';
  /** The node the claim is about (the edge's subject, the fact's or class's node). */
  node: string;
  /** The edge key, for an edge. */
  edge: string | null;
  /** The other end of an edge, for an edge. */
  target: string | null;
  predicate: string;
  /** The literal's value and datatype, for a fact (null otherwise). */
  value: string | null;
  datatype: string | null;
  statement: string;
  quote: string;
}

function claimsOf(
  sources: readonly Source[],
  document: string,
  base: Omit<Claim, 'statement' | 'quote'>,
): Claim[] {
  return sources
    .filter((s) => s.quote !== null && s.documents.includes(document))
    .map((s) => ({ ...base, statement: s.statement, quote: s.quote ?? '' }));
}

/** Every claim of the graph that quotes `document`, in a fixed order (statement, then target). */
export function collectClaims(graph: DataGraph, document: string): Claim[] {
  const claims: Claim[] = [];
  graph.forEachNode((node, data) => {
    for (const fact of data.facts) {
      claims.push(
        ...claimsOf(fact.sources, document, {
          kind: 'fact',
          node,
          edge: null,
          target: null,
          predicate: fact.predicate,
          value: fact.value,
          datatype: fact.datatype,
        }),
      );
    }
    for (const [cls, sources] of Object.entries(data.typeSources)) {
      claims.push(
        ...claimsOf(sources, document, {
          kind: 'type',
          node,
          edge: null,
          target: null,
          predicate: cls,
          value: null,
          datatype: null,
        }),
      );
    }
  });
  graph.forEachEdge((edge, data, source, target) => {
    claims.push(
      ...claimsOf(data.sources, document, {
        kind: 'edge',
        node: source,
        edge,
        target,
        predicate: data.predicate,
        value: null,
        datatype: null,
      }),
    );
  });
  return claims.sort(
    (a, b) =>
      byCodeUnit(a.statement, b.statement) ||
      byCodeUnit(a.edge ?? '', b.edge ?? '') ||
      byCodeUnit(a.predicate, b.predicate),
  );
}

/** Claims placed on the sentences they quote. */
export interface PlacedClaims {
  /** Claims of each sentence, by sentence index. */
  bySentence: Claim[][];
  /** Claims whose quote is in no sentence of the body (the text and the graph disagree). */
  unplaced: Claim[];
}

/**
 * Places each claim on every sentence its quote lies in, or, for a quote longer than one
 * sentence, on every sentence the quote contains.
 */
export function placeClaims(article: Article, claims: readonly Claim[]): PlacedClaims {
  const folded = article.sentences.map((s) => fold(s.text));
  const bySentence: Claim[][] = article.sentences.map(() => []);
  const unplaced: Claim[] = [];
  const where = new Map<string, number[]>();
  for (const claim of claims) {
    const quote = fold(claim.quote);
    let at = where.get(quote);
    if (!at) {
      at = folded.flatMap((s, i) => (s.includes(quote) ? [i] : []));
      if (at.length === 0) at = folded.flatMap((s, i) => (quote.includes(s) ? [i] : []));
      where.set(quote, at);
    }
    if (at.length === 0) unplaced.push(claim);
    for (const i of at) bySentence[i]?.push(claim);
  }
  return { bySentence, unplaced };
}

/** The entities and relations a set of claims supports. */
export interface Supported {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Entities (the ends of each edge, the node of each fact or class) and relations of claims. */
export function supportedBy(claims: readonly Claim[]): Supported {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const claim of claims) {
    nodes.add(claim.node);
    if (claim.target !== null) nodes.add(claim.target);
    if (claim.edge !== null) edges.add(claim.edge);
  }
  return { nodes, edges };
}

/**
 * Indexes of the sentences behind a node (claims about it, or edges touching it) or an edge (its
 * own claims), in text order.
 */
export function sentencesBehind(
  placed: PlacedClaims,
  selection: { kind: 'node' | 'edge'; key: string },
): number[] {
  const out: number[] = [];
  placed.bySentence.forEach((claims, i) => {
    const hit = claims.some((c) =>
      selection.kind === 'edge'
        ? c.edge === selection.key
        : c.node === selection.key || c.target === selection.key,
    );
    if (hit) out.push(i);
  });
  return out;
}
