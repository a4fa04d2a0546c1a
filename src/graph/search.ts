// Search over labels and alternative names, tolerant of case, diacritics and word order
// ("trotsk" finds Leon Trotsky, "thevenet" finds Marguerite Rosmer). Pure.
import { ALT_LABEL_PREDICATES, LABEL_PREDICATES } from './vocab.ts';
import type { DataGraph } from './types.ts';
import { byCodeUnit, byLabel } from './compare.ts';

const LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};

/** Folds text for matching: compatibility decomposition, no combining marks, lower case, single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .replace(/[ßæœøłđı]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}

interface IndexedName {
  text: string;
  folded: string;
  /** Folded words, for word-prefix matches. */
  words: string[];
  /** The node's own label (ranks above other names at the same tier). */
  primary: boolean;
}

interface IndexEntry {
  key: string;
  label: string;
  vocabulary: boolean;
  /** Number of links: among equal matches, the better connected node comes first. */
  degree: number;
  names: IndexedName[];
}

/** A search index over one data graph. */
export interface SearchIndex {
  entries: readonly IndexEntry[];
}

/** One result: the node, its label, and the name that matched when it is not the label. */
export interface SearchHit {
  key: string;
  label: string;
  /** The alternative name that matched, or null when the label did. */
  matchedName: string | null;
  vocabulary: boolean;
}

function indexedName(text: string, primary: boolean): IndexedName {
  const folded = normalizeText(text);
  return { text, folded, words: folded.split(' ').filter(Boolean), primary };
}

/** Indexes every node's label, alternative names and labels in other languages. */
export function buildSearchIndex(graph: DataGraph): SearchIndex {
  const entries: IndexEntry[] = [];
  graph.forEachNode((key, node) => {
    const seen = new Set<string>();
    const names: IndexedName[] = [];
    const add = (text: string, primary: boolean): void => {
      const name = indexedName(text, primary);
      if (name.folded === '' || seen.has(name.folded)) return;
      seen.add(name.folded);
      names.push(name);
    };
    add(node.label, true);
    for (const f of node.facts) {
      if (ALT_LABEL_PREDICATES.includes(f.predicate) || LABEL_PREDICATES.includes(f.predicate))
        add(f.value, false);
    }
    entries.push({
      key,
      label: node.label,
      vocabulary: node.vocabulary,
      degree: graph.degree(key),
      names,
    });
  });
  return { entries };
}

/** Match tier of a folded query against a name; lower is better, undefined is no match. */
function tier(query: string, tokens: readonly string[], name: IndexedName): number | undefined {
  if (name.folded === query) return 0;
  // "trotsk" starts "Leon Trotsky" as well as "Trotsky was too impatient": both are word prefixes.
  if (name.folded.startsWith(query) || name.words.some((w) => w.startsWith(query))) return 1;
  if (tokens.length > 1 && tokens.every((t) => name.words.some((w) => w.startsWith(t)))) return 2;
  if (name.folded.includes(query)) return 3;
  return undefined;
}

/**
 * Finds nodes whose label or other names match `query`: exact, then the start of a word, then
 * every word, then anywhere; at the same tier the label before other names, then the better
 * connected node, then the shorter label.
 */
export function searchNodes(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const folded = normalizeText(query);
  if (folded === '') return [];
  const tokens = folded.split(' ');
  const ranked: { hit: SearchHit; rank: number; degree: number }[] = [];
  for (const entry of index.entries) {
    let best: { rank: number; name: IndexedName } | undefined;
    for (const name of entry.names) {
      const t = tier(folded, tokens, name);
      if (t === undefined) continue;
      const rank = t * 2 + (name.primary ? 0 : 1);
      if (!best || rank < best.rank) best = { rank, name };
    }
    if (best) {
      ranked.push({
        hit: {
          key: entry.key,
          label: entry.label,
          matchedName: best.name.primary ? null : best.name.text,
          vocabulary: entry.vocabulary,
        },
        rank: best.rank,
        degree: entry.degree,
      });
    }
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.degree - a.degree ||
      a.hit.label.length - b.hit.label.length ||
      byLabel(a.hit.label, b.hit.label) ||
      byCodeUnit(a.hit.key, b.hit.key),
  );
  return ranked.slice(0, limit).map((r) => r.hit);
}
