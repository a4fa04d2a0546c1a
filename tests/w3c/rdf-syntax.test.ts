// The W3C RDF 1.1 test suites for Turtle, TriG, N-Triples and N-Quads, run from their manifests
// through `parseRdf` (the code path the app uses): every positive and negative syntax test and
// every evaluation test, compared isomorphically with the expected N-Triples/N-Quads. Negative tests
// also check that the error points at a real place: its line and column must show the text the
// error says it found. Known failures live in expected-failures.ts; a listed test that passes fails
// the run, so the list cannot go stale.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { pathToFileURL } from 'node:url';
import { isomorphic } from 'rdf-isomorphic';
import { afterAll, describe, expect, it } from 'vitest';
import { RdfParseError } from '../../src/rdf/errors.ts';
import type { RdfFormatId } from '../../src/rdf/formats.ts';
import { parseRdf } from '../../src/rdf/parse.ts';
import { EXPECTED_FAILURES } from './expected-failures.ts';
import { rdfTests, readManifest, type ManifestEntry } from './manifest.ts';

const RDFT = 'http://www.w3.org/ns/rdftest#';

interface Suite {
  key: 'rdf11-turtle' | 'rdf11-trig' | 'rdf11-ntriples' | 'rdf11-nquads';
  folder: string;
  format: RdfFormatId;
  resultFormat: RdfFormatId;
}

const SUITES: Suite[] = [
  { key: 'rdf11-turtle', folder: 'rdf-turtle', format: 'turtle', resultFormat: 'ntriples' },
  { key: 'rdf11-trig', folder: 'rdf-trig', format: 'trig', resultFormat: 'nquads' },
  { key: 'rdf11-ntriples', folder: 'rdf-n-triples', format: 'ntriples', resultFormat: 'ntriples' },
  { key: 'rdf11-nquads', folder: 'rdf-n-quads', format: 'nquads', resultFormat: 'nquads' },
];

/**
 * The manifest's mf:assumedTestBase (the IRI the tests' relative IRIs resolve against), when it has
 * one (the N-Triples and N-Quads manifests do not: their tests use absolute IRIs only).
 * NOTE: manifest.ts does not expose it, so it is read here.
 */
function assumedTestBase(manifestPath: string): string | undefined {
  const base = pathToFileURL(manifestPath).href;
  const quads = new Parser({ baseIRI: base }).parse(readFileSync(manifestPath, 'utf8'));
  const found = quads.find(
    (q) =>
      q.subject.value === base &&
      q.predicate.value ===
        'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#assumedTestBase',
  );
  return found?.object.value;
}

async function read(
  path: string,
  format: RdfFormatId,
  baseIRI: string | undefined,
): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseRdf(
    readFileSync(path),
    baseIRI === undefined
      ? { format, source: basename(path) }
      : { format, source: basename(path), baseIRI },
    (batch) => {
      quads.push(...batch);
    },
  );
  return quads;
}

/** Runs one manifest entry; throws when the implementation does not do what the test asks. */
async function runEntry(
  suite: Suite,
  entry: ManifestEntry,
  testBase: string | undefined,
): Promise<void> {
  const kind = entry.type.replace(RDFT, '');
  const action = entry.action;
  if (action === undefined) throw new Error(`${entry.name}: no mf:action`);
  const baseIRI = testBase === undefined ? undefined : testBase + basename(action);
  if (/PositiveSyntax$/.test(kind)) {
    await read(action, suite.format, baseIRI);
  } else if (/Negative(Syntax|Eval)$/.test(kind)) {
    const error = await read(action, suite.format, baseIRI).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof RdfParseError)) {
      throw new Error(
        `expected an RdfParseError, got ${error instanceof Error ? `${error.name}: ${error.message}` : 'success'}`,
      );
    }
    checkPosition(error, action);
  } else if (/Eval$/.test(kind)) {
    if (entry.result === undefined) throw new Error(`${entry.name}: no mf:result`);
    const actual = await read(action, suite.format, baseIRI);
    const expected = await read(entry.result, suite.resultFormat, baseIRI);
    if (!isomorphic(actual, expected)) {
      throw new Error(`not isomorphic: read ${actual.length} quads, expected ${expected.length}`);
    }
  } else {
    throw new Error(`${entry.name}: unknown test type ${entry.type}`);
  }
}

/** The error must name a line and column, and the text it says it found must be there. */
function checkPosition(error: RdfParseError, path: string): void {
  if (error.line === undefined || error.column === undefined) {
    throw new Error(`error without line and column: ${error.message}`);
  }
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/);
  const rest = (lines[error.line - 1] ?? '').slice(error.column - 1);
  if (error.found !== undefined && error.found !== '' && !rest.startsWith(error.found)) {
    throw new Error(
      `error points at ${JSON.stringify(rest)}, not at ${JSON.stringify(error.found)}: ${error.message}`,
    );
  }
}

const totals = new Map<
  string,
  { passed: number; expectedFailures: number; notApplicable: number }
>();

afterAll(() => {
  for (const [suite, t] of totals) {
    console.log(
      `${suite}: ${t.passed} passed, ${t.expectedFailures} expected failures, ${t.notApplicable} not applicable`,
    );
  }
});

for (const suite of SUITES) {
  const manifestPath = rdfTests('rdf', 'rdf11', suite.folder, 'manifest.ttl');
  const manifest = readManifest(manifestPath);
  const testBase = assumedTestBase(manifestPath);
  const expectedFailures = EXPECTED_FAILURES[suite.key] ?? {};
  const tally = { passed: 0, expectedFailures: 0, notApplicable: 0 };
  totals.set(suite.key, tally);

  describe(`${suite.key} (${manifest.label})`, () => {
    it('has its entries', () => {
      expect(manifest.entries.length).toBeGreaterThan(20);
      const names = new Set(manifest.entries.map((e) => e.name));
      const unknown = Object.keys(expectedFailures).filter((name) => !names.has(name));
      expect(unknown, 'expected failures that are not tests of this suite').toEqual([]);
    });

    for (const entry of manifest.entries) {
      const reason = expectedFailures[entry.name];
      it(entry.name, async () => {
        if (reason === undefined) {
          await runEntry(suite, entry, testBase);
          tally.passed += 1;
          return;
        }
        const outcome = await runEntry(suite, entry, testBase).then(
          () => 'passed',
          () => 'failed',
        );
        expect(outcome, `listed as an expected failure (${reason}) but passes: remove it`).toBe(
          'failed',
        );
        tally.expectedFailures += 1;
      });
    }
  });
}
