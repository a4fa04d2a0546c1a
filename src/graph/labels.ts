// Choosing the label a person reads: a language preference over label literals, and IRIs shortened
// with prefixes when no label exists. Pure.

/** One literal that could serve as a label. */
export interface LabelCandidate {
  predicate: string;
  value: string;
  /** Language tag, '' when untagged. */
  language: string;
}

/** Rank of a language tag against a preference list: matching tags first, untagged next, others last. */
export function languageRank(tag: string, languages: readonly string[]): number {
  const lower = tag.toLowerCase();
  if (lower === '') return languages.length;
  const index = languages.findIndex((pref) => {
    const p = pref.toLowerCase();
    return lower === p || lower.startsWith(`${p}-`);
  });
  return index === -1 ? languages.length + 1 : index;
}

/**
 * Picks the best label: preferred language first (`en` also matches `en-GB`; untagged after the
 * preferred ones, other languages last), then the earlier predicate of `predicates`, then the
 * smaller value, so the choice is deterministic. Undefined when there is no candidate.
 */
export function pickLabel(
  candidates: readonly LabelCandidate[],
  languages: readonly string[],
  predicates: readonly string[],
): LabelCandidate | undefined {
  let best: LabelCandidate | undefined;
  let bestRank: [number, number, string] | undefined;
  for (const candidate of candidates) {
    const predicateRank = predicates.indexOf(candidate.predicate);
    if (predicateRank === -1 || candidate.value.trim() === '') continue;
    const rank: [number, number, string] = [
      languageRank(candidate.language, languages),
      predicateRank,
      candidate.value,
    ];
    if (
      !bestRank ||
      rank[0] < bestRank[0] ||
      (rank[0] === bestRank[0] &&
        (rank[1] < bestRank[1] || (rank[1] === bestRank[1] && rank[2] < bestRank[2])))
    ) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

/** The part of an IRI after its last `#` or `/`, percent-decoded when that is valid; '' if none. */
export function localName(iri: string): string {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
  const local = cut === -1 ? '' : iri.slice(cut + 1);
  try {
    return decodeURIComponent(local);
  } catch {
    return local;
  }
}

/**
 * Shortens an IRI for display: `prefix:local` with the longest matching namespace of `prefixes`
 * (when the rest is a plain local name), else the IRI's local name, else the IRI itself.
 */
export function shortenIri(iri: string, prefixes: Readonly<Record<string, string>>): string {
  let bestPrefix: string | undefined;
  let bestNamespace = '';
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    if (
      namespace.length > bestNamespace.length &&
      iri.startsWith(namespace) &&
      /^[^/#?]+$/.test(iri.slice(namespace.length))
    ) {
      bestPrefix = prefix;
      bestNamespace = namespace;
    }
  }
  if (bestPrefix !== undefined) return `${bestPrefix}:${iri.slice(bestNamespace.length)}`;
  return localName(iri) || iri;
}
