// Reading files for the app, off the main thread: the format from the name or the first lines,
// the import worker's body over a real message channel (progress, the quads as N-Quads, errors
// naming file, line and column), the page-side host, and the dataset an import makes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, test } from 'vitest';
import { buildOverview } from '../../../src/graph/overview.ts';
import { parseNQuads } from '../../../src/query/terms.ts';
import { importedDataset, withTermLabels } from '../../../src/state/import.ts';
import {
  ImportCancelledError,
  ImportError,
  runImport,
  type ImportResult,
  type ImportWorkerLike,
} from '../../../src/workers/import-host.ts';
import type {
  ImportSource,
  ReadProgress,
  ReadRequest,
} from '../../../src/workers/import-protocol.ts';
import { serveImports, type ImportEndpoint } from '../../../src/workers/import-reader.ts';
import { chooseFormat, sniffRdfFormat } from '../../../src/workers/sniff.ts';

const KENNEDY = join(process.cwd(), '..', 'shared', 'datasets', 'kennedy', 'kennedy.ntriples');
const BROKEN = join(process.cwd(), 'tests', 'fixtures', 'import', 'broken-people.ttl');
const PEOPLE_GZ = join(process.cwd(), 'tests', 'fixtures', 'rdf', 'people.ttl.gz');
const PEOPLE = join(process.cwd(), 'tests', 'fixtures', 'rdf', 'people.ttl');

/** The import worker's body served on one end of a real MessageChannel, as a worker would be. */
function channelWorker(): ImportWorkerLike & { terminated: () => boolean } {
  const { port1, port2 } = new MessageChannel();
  // NOTE: Node's MessagePort is an EventTarget whose message events carry `data`, as the worker
  // scope's do; its typings say so in Node's own terms, hence the cast.
  serveImports(port2 as unknown as ImportEndpoint);
  let terminated = false;
  return {
    postMessage: (message: ReadRequest) => {
      port1.postMessage(message);
    },
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
      if (type === 'message')
        port1.addEventListener('message', (e) => {
          (listener as (event: { data: unknown }) => void)({ data: (e as MessageEvent).data });
        });
    },
    terminate: () => {
      terminated = true;
      port1.close();
      port2.close();
    },
    terminated: () => terminated,
  };
}

const file = (path: string, name = path.split('/').pop() ?? path): ImportSource => ({
  name,
  blob: new Blob([readFileSync(path)]),
});

/** The page's reading options: graphs of more than 20,000 drawn nodes come as an overview. */
const OPTIONS = { overviewThreshold: 20_000, languages: ['en'] };

/** The quads of a result read whole (not as an overview). */
function quadsOf(result: ImportResult): Quad[] {
  if (result.quads === null) throw new Error('expected quads, got an overview');
  return result.quads;
}

describe('choosing the format', () => {
  test('from the name, looking through .gz', () => {
    expect(chooseFormat('people.nt.gz', () => '')).toEqual({ format: 'ntriples', gzip: true });
    expect(chooseFormat('a.jsonld', () => '')).toEqual({ format: 'jsonld', gzip: false });
  });

  test('from the first lines when the name does not tell', () => {
    expect(sniffRdfFormat('<urn:a> <urn:b> "c"@en .\n<urn:a> <urn:b> <urn:c> .\n')).toBe(
      'ntriples',
    );
    expect(sniffRdfFormat('<urn:a> <urn:b> <urn:c> <urn:g> .\n')).toBe('nquads');
    expect(sniffRdfFormat('# c\n@prefix ex: <http://e/> .\nex:a ex:b ex:c .')).toBe('turtle');
    expect(sniffRdfFormat('PREFIX ex: <http://e/>\nex:g { ex:a ex:b ex:c }')).toBe('trig');
    expect(sniffRdfFormat('{ "@context": {}, "@id": "x" }')).toBe('jsonld');
    expect(sniffRdfFormat('<?xml version="1.0"?><rdf:RDF/>')).toBe('rdfxml');
    expect(sniffRdfFormat('hello world')).toBeUndefined();
    expect(() => chooseFormat('notes.txt', () => 'hello world')).toThrow(
      /^notes\.txt: cannot tell which RDF format/,
    );
  });
});

describe('the import worker and its host', { timeout: 30_000 }, () => {
  test('reads the Kennedy graph with progress; the quads are those of the file', async () => {
    const worker = channelWorker();
    const progress: number[] = [];
    const result = await runImport(
      () => worker,
      [file(KENNEDY)],
      OPTIONS,
      (p) => progress.push(p.triples),
    );
    const expected = new Parser({ format: 'application/n-triples' }).parse(
      readFileSync(KENNEDY, 'utf8'),
    );
    expect(result.overview).toBeNull();
    expect(quadsOf(result)).toHaveLength(1214);
    expect(isomorphic(quadsOf(result), expected)).toBe(true);
    expect(result.sources).toEqual([
      { name: 'kennedy.ntriples', format: 'ntriples', triples: 1214 },
    ]);
    expect(progress.at(-1)).toBe(1214);
    expect(worker.terminated()).toBe(true);
  });

  test('reads gzip and pasted text, keeping blank nodes of two inputs apart', async () => {
    const text = '_:x <urn:p> "pasted" .\n';
    const result = await runImport(
      channelWorker,
      [file(PEOPLE_GZ), { name: 'pasted text', text }, { name: 'again', text }],
      OPTIONS,
      () => undefined,
    );
    const people = new Parser({ format: 'text/turtle' }).parse(readFileSync(PEOPLE, 'utf8'));
    expect(quadsOf(result)).toHaveLength(people.length + 2);
    const blanks = quadsOf(result)
      .slice(-2)
      .map((q) => q.subject.value);
    expect(new Set(blanks).size).toBe(2);
    expect(result.sources.map((s) => s.format)).toEqual(['turtle', 'ntriples', 'ntriples']);
  });

  test('data already open, read again with an input added to it, is left out of the progress', async () => {
    const open = '<urn:a> <urn:p> <urn:b> .\n<urn:b> <urn:p> "open" .\n';
    const progress: ReadProgress[] = [];
    const result = await runImport(
      channelWorker,
      [{ name: 'the data open', text: open, format: 'nquads', open: true }, file(KENNEDY)],
      OPTIONS,
      (p) => progress.push(p),
    );
    expect(quadsOf(result)).toHaveLength(1214 + 2);
    expect(result.sources.map((s) => s.triples)).toEqual([2, 1214]);
    expect(progress.every((p) => p.source !== 'the data open')).toBe(true);
    expect(progress.at(-1)).toEqual({
      source: '',
      bytes: readFileSync(KENNEDY).length,
      totalBytes: readFileSync(KENNEDY).length,
      triples: 1214,
    });
  });

  test('a broken file fails with its name, line and column', async () => {
    const error = await runImport(channelWorker, [file(BROKEN)], OPTIONS, () => undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    const { source, line, column, message } = error as ImportError;
    expect({ source, line, column }).toEqual({ source: 'broken-people.ttl', line: 9, column: 1 });
    expect(message).toMatch(/^broken-people\.ttl:9:1: expected "\." after the object/);
  });

  test('data with more drawn nodes than the threshold comes as its overview, the quads as text', async () => {
    const expected = new Parser({ format: 'application/n-triples' }).parse(
      readFileSync(KENNEDY, 'utf8'),
    );
    const whole = buildOverview(expected);
    const drawn = whole.stats.nodes - whole.stats.vocabularyTerms;
    const over = await runImport(
      channelWorker,
      [file(KENNEDY)],
      { overviewThreshold: drawn - 1, languages: ['en'] },
      () => undefined,
    );
    if (over.overview === null) throw new Error('expected an overview');
    expect(over.quads).toBeNull();
    expect(over.triples).toBe(1214);
    expect(over.overview.classes).toEqual(whole.classes);
    expect(over.overview.links).toEqual(whole.links);
    expect(over.overview.stats).toEqual(whole.stats);
    expect(over.overview.search('kennedy', { limit: 5 })).toEqual(
      whole.search('kennedy', { limit: 5 }),
    );
    expect(isomorphic(parseNQuads(over.nquads), expected)).toBe(true);
    // A graph of exactly the threshold is drawn whole.
    const at = await runImport(
      channelWorker,
      [file(KENNEDY)],
      { overviewThreshold: drawn, languages: ['en'] },
      () => undefined,
    );
    expect(at.overview).toBeNull();
  });

  test('cancelling terminates the worker and rejects', async () => {
    const worker = channelWorker();
    const controller = new AbortController();
    const reading = runImport(
      () => worker,
      [file(KENNEDY)],
      OPTIONS,
      () => undefined,
      controller.signal,
    );
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(ImportCancelledError);
    expect(worker.terminated()).toBe(true);
  });
});

describe('the dataset an import makes', () => {
  const parse = (text: string): Quad[] => new Parser({ format: 'text/turtle' }).parse(text);
  const a = parse(
    '<urn:a> <urn:knows> <urn:b> . <urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .',
  );
  const b = parse('<urn:c> <urn:knows> <urn:a> .');

  test('replaces the data, or adds to it under a name that says so', () => {
    const first = importedDataset(null, ['a.ttl'], a, { ex: 'urn:x#' });
    expect([first.name, first.quads.length, first.projection.graph.order]).toEqual(['a.ttl', 2, 2]);
    // Added inputs are read with the data open: the quads are those of both.
    const added = importedDataset(first, ['b.ttl', 'c.ttl'], [...first.quads, ...b], {});
    expect([added.name, added.quads.length, added.projection.graph.order]).toEqual([
      'a.ttl + 2 files',
      3,
      3,
    ]);
    const replaced = importedDataset(null, ['b.ttl'], b, {});
    expect([replaced.name, replaced.quads.length]).toEqual(['b.ttl', 1]);
  });

  test('a query result takes the labels its classes and predicates have in the data', () => {
    const data = parse(
      '<urn:knows> <http://www.w3.org/2000/01/rdf-schema#label> "knows" . <urn:other> <http://www.w3.org/2000/01/rdf-schema#label> "other" .',
    );
    const out = withTermLabels(b, data);
    expect(out.map((q) => `${q.subject.value} ${q.object.value}`)).toEqual([
      'urn:c urn:a',
      'urn:knows knows',
    ]);
  });
});
