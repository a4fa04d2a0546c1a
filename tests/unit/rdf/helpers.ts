// Shared helpers of the rdf/ unit tests: where the fixtures are, and reading them into arrays.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import {
  parseRdf,
  type ParseOptions,
  type ParseResult,
  type RdfInput,
} from '../../../src/rdf/index.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The project's root folder. */
export const ROOT = resolve(here, '../../..');

/** A path under tests/fixtures/rdf/. */
export function fixture(...parts: string[]): string {
  return resolve(ROOT, 'tests/fixtures/rdf', ...parts);
}

/** A path under the shared material beside the project (../shared/…). */
export function shared(...parts: string[]): string {
  return resolve(ROOT, '..', 'shared', ...parts);
}

/** Reads `input` completely, returning the quads with the result. */
export async function readAll(
  input: RdfInput,
  options: ParseOptions,
): Promise<{ quads: Quad[]; result: ParseResult }> {
  const quads: Quad[] = [];
  const result = await parseRdf(input, options, (batch) => {
    quads.push(...batch);
  });
  return { quads, result };
}

/** The bytes of a fixture file. */
export function fixtureBytes(...parts: string[]): Uint8Array {
  return readFileSync(fixture(...parts));
}

/** `bytes` as an async iterable of chunks of `size` bytes, as a slow network would deliver them. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    await Promise.resolve();
    yield bytes.subarray(i, i + size);
  }
}

/** What a rejected promise rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject, but it resolved');
    },
    (error: unknown) => error,
  );
}

/** A quad as one N-Quads-like line, for whole-value comparisons that ignore term classes. */
export function line(q: Quad): string {
  const term = (
    t: Quad['subject'] | Quad['predicate'] | Quad['object'] | Quad['graph'],
  ): string => {
    switch (t.termType) {
      case 'NamedNode':
        return `<${t.value}>`;
      case 'BlankNode':
        return `_:${t.value}`;
      case 'Literal':
        return `"${t.value}"${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
      case 'DefaultGraph':
        return '';
      default:
        return t.termType;
    }
  };
  return [term(q.subject), term(q.predicate), term(q.object), term(q.graph)].join(' ').trim();
}
