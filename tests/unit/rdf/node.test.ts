// Reading paths in Node: files, folders read recursively, .gz, "-" for stdin, the format from the
// extension unless given, file: URLs as base IRIs, and clear errors for what cannot be read.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RdfParseError } from '../../../src/rdf/errors.ts';
import {
  findRdfSources,
  readRdfPaths,
  RdfPathError,
  type ReadPathsProgress,
} from '../../../src/rdf/node.ts';
import { fixture, line, ROOT, rejection } from './helpers.ts';

const rel = (path: string): string => relative(ROOT, path);

describe('findRdfSources', () => {
  it('expands a folder recursively to its RDF files, skipping hidden entries and other files', async () => {
    const sources = await findRdfSources([fixture('folder')]);
    expect(sources.map((s) => ({ ...s, path: rel(s.path) }))).toEqual([
      {
        path: 'tests/fixtures/rdf/folder/a.ttl',
        format: 'turtle',
        gzip: false,
        size: statSync(fixture('folder/a.ttl')).size,
      },
      {
        path: 'tests/fixtures/rdf/folder/sub/b.nt.gz',
        format: 'ntriples',
        gzip: true,
        size: statSync(fixture('folder/sub/b.nt.gz')).size,
      },
    ]);
  });

  it('lets a given format override the extension', async () => {
    const [source] = await findRdfSources([fixture('people.txt')], 'turtle');
    expect(source?.format).toBe('turtle');
  });

  it('says what is wrong with a path it cannot read', async () => {
    const messages = await Promise.all(
      [
        findRdfSources([fixture('missing.ttl')]),
        findRdfSources([fixture('people.txt')]),
        findRdfSources([fixture('no-rdf')]),
        findRdfSources(['-']),
      ].map(async (p) => {
        const error = await rejection(p);
        expect(error).toBeInstanceOf(RdfPathError);
        return (error as Error).message.replace(ROOT, '.');
      }),
    );
    expect(messages).toEqual([
      './tests/fixtures/rdf/missing.ttl: no such file or folder',
      './tests/fixtures/rdf/people.txt: unknown file extension: name the format (turtle, trig, ntriples, nquads, jsonld or rdfxml)',
      './tests/fixtures/rdf/no-rdf: the folder holds no RDF files (.ttl, .trig, .nt, .nq, .jsonld, .rdf, optionally .gz)',
      '-: reading stdin needs its format to be given (e.g. turtle)',
    ]);
  });
});

describe('readRdfPaths', () => {
  it('reads files and folders into one sink, with progress over all of them', async () => {
    const lines: string[] = [];
    const events: ReadPathsProgress[] = [];
    const result = await readRdfPaths(
      [fixture('folder'), fixture('people.trig')],
      { onProgress: (p) => events.push(p) },
      (batch) => {
        lines.push(...batch.map(line));
      },
    );
    expect(result.quads).toBe(26);
    expect(lines.length).toBe(26);
    expect(lines).toContain(
      '<http://example.org/rosmer/alfred> <http://example.org/rosmer/knows> <http://example.org/rosmer/monatte>',
    );
    expect(result.files.map((f) => [rel(f.path), f.format, f.quads])).toEqual([
      ['tests/fixtures/rdf/folder/a.ttl', 'turtle', 20],
      ['tests/fixtures/rdf/folder/sub/b.nt.gz', 'ntriples', 1],
      ['tests/fixtures/rdf/people.trig', 'trig', 5],
    ]);
    expect(result.prefixes).toEqual({
      ex: 'http://example.org/rosmer/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    });
    const total = ['folder/a.ttl', 'folder/sub/b.nt.gz', 'people.trig'].reduce(
      (sum, f) => sum + statSync(fixture(f)).size,
      0,
    );
    expect(events.at(-1)).toEqual({
      path: fixture('people.trig'),
      bytes: total,
      totalBytes: total,
      quads: 26,
    });
  });

  it("resolves relative IRIs against the file's own URL", async () => {
    const lines: string[] = [];
    await readRdfPaths([fixture('relative.ttl')], {}, (batch) => {
      lines.push(...batch.map(line));
    });
    expect(lines).toEqual([
      `<${pathToFileURL(fixture('relative.ttl')).href}#me> <http://xmlns.com/foaf/0.1/name> "Alfred"^^<http://www.w3.org/2001/XMLSchema#string>`,
    ]);
  });

  it('reads "-" from the given stdin stream, in the given format', async () => {
    async function* stdin(): AsyncGenerator<string> {
      for (const piece of ['<http://example.org/a> <http://example.org/p> ', '"from stdin" .\n']) {
        await Promise.resolve(); // a pipe delivers its chunks on later turns
        yield piece;
      }
    }
    const lines: string[] = [];
    const result = await readRdfPaths(['-'], { format: 'ntriples', stdin: stdin() }, (batch) => {
      lines.push(...batch.map(line));
    });
    expect(lines).toEqual([
      '<http://example.org/a> <http://example.org/p> "from stdin"^^<http://www.w3.org/2001/XMLSchema#string>',
    ]);
    expect(result.files.map((f) => [f.path, f.format, f.quads])).toEqual([['-', 'ntriples', 1]]);
  });

  it('on a broken file, counts the quads already delivered from every file before it', async () => {
    const error = await rejection(
      readRdfPaths([fixture('people.ttl'), fixture('errors/missing-dot.ttl')], {}, () => undefined),
    );
    expect(error).toBeInstanceOf(RdfParseError);
    expect({
      message: (error as Error).message.replace(ROOT, '.'),
      delivered: (error as RdfParseError).quadsDelivered,
    }).toEqual({
      message:
        './tests/fixtures/rdf/errors/missing-dot.ttl:5:1: expected "." after the object (or ";" or "," to continue the statement), found "ex:c" (Turtle)',
      delivered: 20,
    });
  });
});
