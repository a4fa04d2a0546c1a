// Nothing half-loaded: the documented way to read a file next to data one already has — read it
// into a fresh store with `parseRdfToStore` and adopt that store only on success — leaves the
// existing store exactly as it was (size and every quad) after each bad input of every kind; with
// `keepPartial` the quads before a syntax error or a limit are kept in the new store, as asked, and
// the error says how many.
import { readFileSync } from 'node:fs';
import { Store } from 'n3';
import { describe, expect, it } from 'vitest';
import {
  parseRdf,
  parseRdfToStore,
  RdfParseError,
  type ParseOptions,
  type RdfInput,
} from '../../../src/rdf/index.ts';
import { fixturePath, snapshot, tally } from './harness.ts';
import { garbage, repeated } from './streams.ts';

interface BadInput {
  name: string;
  input: () => RdfInput;
  options: ParseOptions;
}

const hostile = (file: string, format: ParseOptions['format']): BadInput => ({
  name: file,
  input: () => readFileSync(fixturePath('hostile', file)),
  options: { format, source: file },
});

const BIG_LITERAL: BadInput = {
  name: 'a 50 MB literal after a good statement',
  input: () =>
    repeated(
      '<http://example.org/a> <http://example.org/p> "fine" .\n<http://example.org/b> <http://example.org/p> "',
      'x',
      50 * 1024 * 1024,
      '" .\n',
    ),
  options: { format: 'ntriples', source: 'big-literal.nt' },
};

const THEN_GARBAGE: BadInput = {
  name: 'good statements, then garbage bytes',
  input: () =>
    (async function* (): AsyncGenerator<Uint8Array> {
      await Promise.resolve();
      yield new TextEncoder().encode(
        '<http://example.org/a> <http://example.org/p> "1" .\n'.repeat(3000),
      );
      yield garbage(1024, 9);
    })(),
  options: { format: 'ntriples', source: 'then-garbage.nt', batchSize: 100 },
};

const BAD: BadInput[] = [
  hostile('truncated-mid-string.ttl', 'turtle'),
  hostile('truncated-mid-iri.nt', 'ntriples'),
  hostile('truncated.jsonld', 'jsonld'),
  hostile('truncated.rdf', 'rdfxml'),
  hostile('billion-laughs.rdf', 'rdfxml'),
  hostile('xxe-file.rdf', 'rdfxml'),
  hostile('deep-nesting.ttl', 'turtle'),
  hostile('deep-nesting.jsonld', 'jsonld'),
  hostile('wrong-extension-jsonld.ttl', 'turtle'),
  hostile('invalid-utf8.ttl', 'turtle'),
  hostile('binary-garbage.ttl', 'turtle'),
  hostile('remote-context.jsonld', 'jsonld'),
  BIG_LITERAL,
  THEN_GARBAGE,
];

/** The user's store: the people graph, as the app would hold it. */
async function userStore(): Promise<Store> {
  const { store } = await parseRdfToStore(readFileSync(fixturePath('rdf', 'people.trig')), {
    format: 'trig',
    source: 'people.trig',
  });
  return store;
}

describe('nothing half-loaded: fresh store, adopted on success', { timeout: 30_000 }, () => {
  it('every bad input leaves the store one already has exactly as it was', async () => {
    let store = await userStore();
    const before = snapshot(store);
    const failures: string[] = [];
    for (const bad of BAD) {
      tally.tried += 1;
      try {
        const read = await parseRdfToStore(bad.input(), bad.options);
        // Adopt: this is what the app does on success (none of these inputs should get here).
        store = new Store([...store, ...read.store]);
        failures.push(`${bad.name}: loaded`);
      } catch (error) {
        if (!(error instanceof RdfParseError)) failures.push(`${bad.name}: ${String(error)}`);
      }
      const after = snapshot(store);
      const unchanged = after.length === before.length && after.every((q, i) => q === before[i]);
      if (unchanged) {
        if (!failures.some((f) => f.startsWith(`${bad.name}:`))) tally.survived += 1;
      } else {
        tally.lost += 1;
        failures.push(`${bad.name}: the store changed`);
      }
    }
    expect(failures).toEqual([]);
    expect(store.size).toBe(before.length);
  });

  it('with keepPartial, the new store keeps what was read before a syntax error, and says so', async () => {
    const bad = hostile('truncated-mid-string.ttl', 'turtle');
    const read = await parseRdfToStore(bad.input(), { ...bad.options, keepPartial: true });
    expect({
      quads: read.quads,
      size: read.store.size,
      kept: read.error?.kept,
      message: read.error?.message,
    }).toEqual({
      quads: 1,
      size: 1,
      kept: true,
      message:
        'truncated-mid-string.ttl:4:14: the input ends inside the string "\\"Marguerite Ros"; the file may be truncated: download or copy it again (Turtle); kept the 1 quad read before it',
    });
  });

  it('with keepPartial, a limit keeps what was read before it too', async () => {
    const read = await parseRdfToStore(BIG_LITERAL.input(), {
      ...BIG_LITERAL.options,
      keepPartial: true,
    });
    expect({ quads: read.quads, limit: read.error?.limit?.name, line: read.error?.line }).toEqual({
      quads: 1,
      limit: 'maxLiteralLength',
      line: 2,
    });
  });

  it('without keepPartial, the error counts the quads the sink had received, for undoing in place', async () => {
    let received = 0;
    const error = await parseRdf(THEN_GARBAGE.input(), THEN_GARBAGE.options, (batch) => {
      received += batch.length;
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RdfParseError);
    expect({
      delivered: (error as RdfParseError).quadsDelivered,
      kept: (error as RdfParseError).kept,
    }).toEqual({
      delivered: received,
      kept: false,
    });
    expect(received).toBeGreaterThan(0);
  });
});
