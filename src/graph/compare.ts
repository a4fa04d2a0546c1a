// Orderings that do not depend on the machine's locale, so sorted output is the same everywhere.

/** Orders strings by UTF-16 code units (for keys and IRIs: exact and stable). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders labels as an English reader expects (case and accents after letters), ties by code unit. */
export function byLabel(a: string, b: string): number {
  return a.localeCompare(b, 'en') || byCodeUnit(a, b);
}
