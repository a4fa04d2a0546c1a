// The languages labels are chosen in (the data's languages, not the interface's): a list a person
// types ("fr, en"), checked and normalised, and the fallback chain it gives. The choice itself is
// `pickLabel` (labels.ts), which the projection applies. Pure.

/** Labels in English unless the person asks otherwise. */
export const DEFAULT_LANGUAGES: readonly string[] = ['en'];

/** A BCP 47 language tag in its common shape: a 2–8 letter language, then subtags. */
const TAG = /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i;

/** Result of reading a language list: the tags, or what is wrong with the text. */
export type LanguageList = { ok: true; languages: string[] } | { ok: false; error: string };

/**
 * Reads a comma- or space-separated list of language tags ("fr, en-GB"): lower-cased, duplicates
 * dropped, order kept. An empty list or a malformed tag is an error that names the field and the
 * tag, and says what to write.
 */
export function parseLanguageList(text: string): LanguageList {
  const tags = text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length === 0) {
    return { ok: false, error: 'Label languages: write at least one language tag, such as en.' };
  }
  const bad = tags.find((t) => !TAG.test(t));
  if (bad !== undefined) {
    return {
      ok: false,
      error: `Label languages: “${bad}” is not a language tag; write tags such as fr, en or en-GB, separated by commas.`,
    };
  }
  return { ok: true, languages: [...new Set(tags.map((t) => t.toLowerCase()))] };
}

/** The list as a person writes it: "fr, en". */
export function formatLanguageList(languages: readonly string[]): string {
  return languages.join(', ');
}

/**
 * The fallback chain `pickLabel` follows for a list, as a person reads it:
 * "fr → en → untagged → any other language → the IRI".
 */
export function describeFallback(languages: readonly string[]): string {
  return [...languages, 'untagged', 'any other language', 'the IRI'].join(' → ');
}

/** True when two lists ask for the same labels. */
export function sameLanguages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
