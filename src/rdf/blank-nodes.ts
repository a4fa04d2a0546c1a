// Blank node labels that stay apart across files: every parse gets its own label prefix, and the
// nodes a parser invents ([] in Turtle, nested descriptions in RDF/XML) get labels under that prefix
// too, so two files loaded into one store never share a blank node by accident — even when they
// were parsed in different workers.
import { DataFactory } from 'n3';

let parses = 0;

/**
 * A fresh prefix such as `b3k9q2xz_`: a per-module counter plus six random letters and digits
 * (2 billion choices), so prefixes made in two workers (each with its own counter) do not collide
 * either.
 */
export function uniqueBlankNodePrefix(): string {
  parses += 1;
  const random = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
  return `b${parses.toString(36)}${random}_`;
}

const VALID_PREFIX = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Throws a `TypeError` unless `prefix` can start a blank node label in every RDF syntax. */
export function checkBlankNodePrefix(prefix: string): void {
  if (!VALID_PREFIX.test(prefix)) {
    throw new TypeError(
      `blankNodePrefix ${JSON.stringify(prefix)} is not usable: start with a letter or "_", ` +
        'then letters, digits, "_" or "-".',
    );
  }
}

/**
 * n3's data factory, except for blank nodes: a named one gets `prefix` before its name unless
 * `namesArePrefixed` (n3's parser prefixes names itself), and an unnamed one is labelled
 * `<prefix>-<n>`. The "-" cannot start a label in any syntax, so invented labels never equal a
 * prefixed one read from the file.
 */
export function scopedDataFactory(prefix: string, namesArePrefixed: boolean): typeof DataFactory {
  let invented = 0;
  return {
    ...DataFactory,
    blankNode(name?: string) {
      if (name !== undefined && name !== '') {
        return DataFactory.blankNode(namesArePrefixed ? name : `${prefix}${name}`);
      }
      invented += 1;
      return DataFactory.blankNode(`${prefix}-${invented.toString(36)}`);
    },
  };
}
