// parseRdf on real fixtures: every format, every kind of input, gzip, blank nodes kept apart,
// batches and back-pressure, progress, cancellation, and what is kept when an input is broken.
import { statSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { RdfAbortError, RdfParseError } from '../../../src/rdf/errors.ts';
import { parseRdf } from '../../../src/rdf/parse.ts';
import { fixture, fixtureBytes, inChunks, line, readAll, rejection } from './helpers.ts';

const EX = 'http://example.org/rosmer/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const str = (s: string): string => `"${s}"^^<${XSD}string>`;

/** people.ttl as lines, its blank nodes labelled with the prefix "f1_". */
const PEOPLE_TTL = [
  `<${EX}alfred> <${RDF}type> <${FOAF}Person>`,
  `<${EX}alfred> <${FOAF}name> ${str('Alfred Rosmer')}`,
  `<${EX}alfred> <${FOAF}name> "Альфред Росмер"@ru`,
  `<${EX}alfred> <${EX}born> "1877-08-23"^^<${XSD}date>`,
  `<${EX}alfred> <${EX}knows> <${EX}trotsky>`,
  `<${EX}alfred> <${EX}knows> _:f1_marguerite`,
  `_:f1_-1 <${RDF}first> ${str('fr')}`,
  `_:f1_-1 <${RDF}rest> _:f1_-2`,
  `_:f1_-2 <${RDF}first> ${str('en')}`,
  `_:f1_-2 <${RDF}rest> _:f1_-3`,
  `_:f1_-3 <${RDF}first> ${str('ru')}`,
  `_:f1_-3 <${RDF}rest> <${RDF}nil>`,
  `<${EX}alfred> <${EX}languages> _:f1_-1`,
  `_:f1_marguerite <${RDF}type> <${FOAF}Person>`,
  `_:f1_marguerite <${FOAF}name> ${str('Marguerite Rosmer')}`,
  `_:f1_marguerite <${EX}knows> <${EX}alfred>`,
  `<${EX}trotsky> <${FOAF}name> ${str('Leon Trotsky')}`,
  `_:f1_-4 <${EX}place> ${str('Coyoacán')}`,
  `_:f1_-4 <${EX}year> "1937"^^<${XSD}integer>`,
  `<${EX}trotsky> <${EX}exiledAt> _:f1_-4`,
];

const PEOPLE_PREFIXES = { ex: EX, foaf: FOAF, xsd: XSD };

describe('parseRdf reads every format', () => {
  it('Turtle, with its prefixes and the base IRI', async () => {
    const { quads, result } = await readAll(fixtureBytes('people.ttl'), {
      format: 'turtle',
      source: 'people.ttl',
      blankNodePrefix: 'f1_',
      baseIRI: 'http://example.org/base/',
    });
    expect(quads.map(line)).toEqual(PEOPLE_TTL);
    expect(result).toEqual({
      quads: 20,
      prefixes: PEOPLE_PREFIXES,
      baseIRI: 'http://example.org/base/',
    });
  });

  it("the document's own @base, resolving relative IRIs and reported for writing back", async () => {
    const { quads, result } = await readAll(
      '@base <http://example.org/doc/> .\n@prefix : <#> .\n<alfred> :knows <../trotsky> .\n',
      { format: 'turtle', source: 'based.ttl', baseIRI: 'http://example.org/ignored/' },
    );
    expect(quads.map(line)).toEqual([
      '<http://example.org/doc/alfred> <http://example.org/doc/#knows> <http://example.org/trotsky>',
    ]);
    expect(result).toEqual({
      quads: 1,
      prefixes: { '': 'http://example.org/doc/#' },
      baseIRI: 'http://example.org/doc/',
    });
  });

  it('TriG, keeping named graphs', async () => {
    const { quads, result } = await readAll(fixtureBytes('people.trig'), {
      format: 'trig',
      source: 'people.trig',
      blankNodePrefix: 'f1_',
    });
    expect(quads.map(line)).toEqual([
      `<${EX}alfred> <${FOAF}name> ${str('Alfred Rosmer')}`,
      `<${EX}alfred> <${EX}knows> <${EX}trotsky> <${EX}memoirs>`,
      `<${EX}trotsky> <${FOAF}name> ${str('Leon Trotsky')} <${EX}memoirs>`,
      `_:f1_-1 <${FOAF}name> ${str('Pierre Monatte')} <${EX}letters>`,
      `<${EX}alfred> <${EX}wroteTo> _:f1_-1 <${EX}letters>`,
    ]);
    expect(result).toEqual({ quads: 5, prefixes: { ex: EX, foaf: FOAF } });
  });

  it('RDF/XML in the encoding its XML declaration names (ISO-8859-1)', async () => {
    const { quads, result } = await readAll(fixtureBytes('people.rdf'), {
      format: 'rdfxml',
      source: 'people.rdf',
      blankNodePrefix: 'f1_',
    });
    expect(quads.map(line)).toEqual([
      `<${EX}alfred> <${RDF}type> <${FOAF}Person>`,
      `<${EX}alfred> <${FOAF}name> ${str('Alfred Rosmer')}`,
      `_:f1_-2 <${RDF}type> <${FOAF}Person>`,
      `<${EX}alfred> <${EX}knows> _:f1_-2`,
      `_:f1_-2 <${FOAF}name> ${str('Marguerite Thévenet')}`,
    ]);
    expect(result).toEqual({ quads: 5, prefixes: { rdf: RDF, foaf: FOAF, ex: EX } });
  });

  it('JSON-LD with a local context', async () => {
    const { quads, result } = await readAll(fixtureBytes('people.jsonld'), {
      format: 'jsonld',
      source: 'people.jsonld',
      blankNodePrefix: 'f1_',
    });
    expect(quads.map(line)).toEqual([
      `_:f1_b0 <${FOAF}name> ${str('Marguerite Rosmer')}`,
      `<${EX}alfred> <${RDF}type> <${FOAF}Person>`,
      `<${EX}alfred> <${EX}knows> <${EX}trotsky>`,
      `<${EX}alfred> <${EX}knows> _:f1_b0`,
      `<${EX}alfred> <${FOAF}name> ${str('Alfred Rosmer')}`,
    ]);
    expect(result).toEqual({ quads: 5, prefixes: { ex: EX, foaf: FOAF } });
  });
});

describe('parseRdf inputs', () => {
  const bytes = fixtureBytes('people.ttl');
  const text = new TextDecoder().decode(bytes);
  const read = async (input: Parameters<typeof parseRdf>[0]): Promise<string[]> =>
    (
      await readAll(input, { format: 'turtle', source: 'people.ttl', blankNodePrefix: 'f1_' })
    ).quads.map(line);

  it('takes a string, bytes, a web stream and async iterables of bytes or strings alike', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 50) controller.enqueue(bytes.slice(i, i + 50));
        controller.close();
      },
    });
    async function* strings(): AsyncGenerator<string> {
      for (let i = 0; i < text.length; i += 7) {
        await Promise.resolve();
        yield text.slice(i, i + 7);
      }
    }
    expect(await read(text)).toEqual(PEOPLE_TTL);
    expect(await read(bytes)).toEqual(PEOPLE_TTL);
    expect(await read(stream)).toEqual(PEOPLE_TTL);
    expect(await read(inChunks(bytes, 1))).toEqual(PEOPLE_TTL);
    expect(await read(strings())).toEqual(PEOPLE_TTL);
  });

  it('reads multi-byte characters split across chunks', async () => {
    // Every chunk boundary of a 1-, 2- and 3-byte split falls inside "Альфред" or "Coyoacán" somewhere.
    for (const size of [1, 2, 3]) expect(await read(inChunks(bytes, size))).toEqual(PEOPLE_TTL);
  });

  it('drops a byte order mark, in text and in bytes', async () => {
    expect(await read(`\uFEFF${text}`)).toEqual(PEOPLE_TTL);
    expect(await read(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual(PEOPLE_TTL);
  });

  it('detects gzip by its magic bytes, or is told', async () => {
    const gz = fixtureBytes('people.ttl.gz');
    expect(await read(gz)).toEqual(PEOPLE_TTL);
    expect(await read(inChunks(gz, 10))).toEqual(PEOPLE_TTL);
    const told = await readAll(gz, {
      format: 'turtle',
      source: 'people.ttl.gz',
      blankNodePrefix: 'f1_',
      gzip: true,
    });
    expect(told.quads.map(line)).toEqual(PEOPLE_TTL);
    const error = await rejection(
      parseRdf(text, { format: 'turtle', source: 'x', gzip: true }, () => undefined),
    );
    expect((error as Error).message).toBe(
      'x: gzip was requested, but the input is already text (Turtle)',
    );
  });
});

describe('parseRdf blank nodes', () => {
  it('keeps the blank nodes of two inputs apart', async () => {
    const bytes = fixtureBytes('people.ttl');
    const blanks = (quads: Quad[]): Set<string> =>
      new Set(
        quads
          .flatMap((q) => [q.subject, q.object])
          .filter((t) => t.termType === 'BlankNode')
          .map((t) => t.value),
      );
    const first = blanks((await readAll(bytes, { format: 'turtle', source: 'a.ttl' })).quads);
    const second = blanks((await readAll(bytes, { format: 'turtle', source: 'b.ttl' })).quads);
    expect(first.size).toBe(5);
    expect(second.size).toBe(5);
    expect([...first].filter((b) => second.has(b))).toEqual([]);
  });

  it('refuses a prefix that cannot start a blank node label', async () => {
    await expect(
      parseRdf('', { format: 'turtle', source: 'x', blankNodePrefix: '-x' }, () => undefined),
    ).rejects.toThrow(
      'blankNodePrefix "-x" is not usable: start with a letter or "_", then letters, digits, "_" or "-".',
    );
  });
});

/** N-Triples with `count` lines, for tests that need more than one batch or chunk. */
function manyTriples(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++)
    text += `<http://example.org/s${i}> <http://example.org/p> "${i}" .\n`;
  return text;
}

describe('parseRdf batches and progress', () => {
  it('delivers batches of at least batchSize quads, one sink call at a time', async () => {
    const sizes: number[] = [];
    let running = 0;
    let overlapped = false;
    const result = await parseRdf(
      inChunks(new TextEncoder().encode(manyTriples(1000)), 4096),
      { format: 'ntriples', source: 'many.nt', batchSize: 100 },
      async (batch) => {
        running += 1;
        overlapped ||= running > 1;
        sizes.push(batch.length);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
      },
    );
    expect(result.quads).toBe(1000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(sizes.slice(0, -1).every((n) => n >= 100)).toBe(true);
    expect(overlapped).toBe(false);
  });

  it('reports progress in input bytes (compressed for gzip) and quads', async () => {
    const events: { bytes: number; quads: number }[] = [];
    await parseRdf(
      inChunks(fixtureBytes('people.ttl.gz'), 64),
      { format: 'turtle', source: 'people.ttl.gz', onProgress: (p) => events.push(p) },
      () => undefined,
    );
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)).toEqual({ bytes: statSync(fixture('people.ttl.gz')).size, quads: 20 });
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.bytes).toBeGreaterThanOrEqual(events[i - 1]?.bytes ?? 0);
      expect(events[i]?.quads).toBeGreaterThanOrEqual(events[i - 1]?.quads ?? 0);
    }
  });
});

describe('parseRdf cancellation', () => {
  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const error = await rejection(
      parseRdf(
        manyTriples(10),
        { format: 'ntriples', source: 'x.nt', signal: controller.signal },
        () => {
          calls += 1;
        },
      ),
    );
    expect(error).toBeInstanceOf(RdfAbortError);
    expect({
      name: (error as RdfAbortError).name,
      message: (error as Error).message,
      calls,
    }).toEqual({
      name: 'AbortError',
      message: 'x.nt: reading was cancelled',
      calls: 0,
    });
  });

  it('stops reading a large input part-way', async () => {
    const controller = new AbortController();
    let delivered = 0;
    const error = await rejection(
      parseRdf(
        manyTriples(200_000),
        { format: 'ntriples', source: 'big.nt', signal: controller.signal, batchSize: 1000 },
        (batch) => {
          delivered += batch.length;
          controller.abort();
        },
      ),
    );
    expect(error).toBeInstanceOf(RdfAbortError);
    expect((error as RdfAbortError).quadsDelivered).toBe(delivered);
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(200_000);
  });

  it('stops waiting for an input that never ends (like stdin)', async () => {
    async function* endless(): AsyncGenerator<string> {
      yield '<http://example.org/a> <http://example.org/p> "1" .\n';
      await new Promise(() => undefined);
    }
    const controller = new AbortController();
    const reading = parseRdf(
      endless(),
      { format: 'ntriples', source: 'stdin', signal: controller.signal },
      () => undefined,
    );
    setTimeout(() => {
      controller.abort();
    }, 20);
    const error = await rejection(reading);
    expect(error).toBeInstanceOf(RdfAbortError);
    expect((error as Error).message).toBe('stdin: reading was cancelled');
  });
});

describe('parseRdf on a broken input', () => {
  const broken = fixtureBytes('errors', 'missing-dot.ttl');

  it('by default rejects, and says how many quads the sink had received', async () => {
    // Small batches over small chunks: the first statement reaches the sink before the error.
    const received: string[] = [];
    const error = await rejection(
      parseRdf(
        inChunks(broken, 8),
        { format: 'turtle', source: 'missing-dot.ttl', batchSize: 1 },
        (batch) => {
          received.push(...batch.map(line));
        },
      ),
    );
    expect(error).toBeInstanceOf(RdfParseError);
    expect(received).toEqual([
      '<http://example.org/a> <http://example.org/knows> <http://example.org/b>',
    ]);
    expect({
      quadsDelivered: (error as RdfParseError).quadsDelivered,
      kept: (error as RdfParseError).kept,
    }).toEqual({
      quadsDelivered: 1,
      kept: false,
    });
  });

  it('with keepPartial resolves, keeping what was read before the error', async () => {
    const { quads, result } = await readAll(broken, {
      format: 'turtle',
      source: 'missing-dot.ttl',
      keepPartial: true,
    });
    expect(quads.map(line)).toEqual([
      '<http://example.org/a> <http://example.org/knows> <http://example.org/b>',
    ]);
    expect(result.quads).toBe(1);
    expect(result.error?.message).toBe(
      'missing-dot.ttl:5:1: expected "." after the object (or ";" or "," to continue the statement), found "ex:c" (Turtle); kept the 1 quad read before it',
    );
    expect({ kept: result.error?.kept, quadsDelivered: result.error?.quadsDelivered }).toEqual({
      kept: true,
      quadsDelivered: 1,
    });
  });

  it('lets an error of the sink itself through unchanged', async () => {
    const failure = new Error('store is full');
    const error = await rejection(
      parseRdf(fixtureBytes('people.ttl'), { format: 'turtle', source: 'people.ttl' }, () => {
        throw failure;
      }),
    );
    expect(error).toBe(failure);
  });
});
