// The W3C JSON-LD 1.1 toRdf tests, run from their JSON-LD manifest through `parseRdf` (the code path
// the app uses) with each test's options (base, processingMode, rdfDirection, expandContext,
// produceGeneralizedRdf). Results are compared isomorphically with the expected N-Quads; negative
// tests must fail with the JSON-LD error code they name. Tests written for JSON-LD 1.0 only
// (specVersion json-ld-1.0) do not apply to a 1.1 processor and are counted as not applicable.
// Remote documents come from the test folder on disk through `createDocumentLoader`, mapping
// https://w3c.github.io/json-ld-api/tests/ to it: nothing is fetched.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/rdf/document-loader.ts';
import { RdfParseError } from '../../src/rdf/errors.ts';
import type { JsonLdProcessingOptions } from '../../src/rdf/jsonld-api.ts';
import { parseRdf } from '../../src/rdf/parse.ts';
import { EXPECTED_FAILURES } from './expected-failures.ts';
import { W3C_ROOT } from './manifest.ts';

const TESTS = resolve(W3C_ROOT, 'json-ld-api-tests', 'tests');
const MANIFEST = join(TESTS, 'toRdf-manifest.jsonld');
const SUITE = 'jsonld-toRdf';

interface TestOptions {
  base?: string;
  processingMode?: 'json-ld-1.0' | 'json-ld-1.1';
  specVersion?: string;
  rdfDirection?: 'i18n-datatype' | 'compound-literal';
  produceGeneralizedRdf?: boolean;
  expandContext?: string;
}

interface TestEntry {
  '@id': string;
  '@type': string[];
  name: string;
  input: string;
  expect?: string;
  expectErrorCode?: string;
  option?: TestOptions;
}

interface TestManifest {
  baseIri: string;
  sequence: TestEntry[];
}

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as TestManifest;

/** Every file of the test folder under the URL it has on the web. */
function testFolderDocuments(): Record<string, string> {
  const map: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(jsonld|json)$/.test(entry.name)) {
        map[manifest.baseIri + relative(TESTS, path).split('\\').join('/')] = readFileSync(
          path,
          'utf8',
        );
      }
    }
  };
  walk(TESTS);
  return map;
}

const documents = testFolderDocuments();
const documentLoader = createDocumentLoader(documents);

async function read(
  path: string,
  format: 'jsonld' | 'nquads',
  baseIRI: string,
  jsonld: JsonLdProcessingOptions,
): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseRdf(
    readFileSync(path),
    { format, source: relative(TESTS, path), baseIRI, documentLoader, jsonld },
    (batch) => {
      quads.push(...batch);
    },
  );
  return quads;
}

function processingOptions(option: TestOptions): JsonLdProcessingOptions {
  const options: JsonLdProcessingOptions = {};
  if (option.processingMode !== undefined) options.processingMode = option.processingMode;
  if (option.rdfDirection !== undefined) options.rdfDirection = option.rdfDirection;
  if (option.expandContext !== undefined) {
    const context = JSON.parse(readFileSync(join(TESTS, option.expandContext), 'utf8')) as {
      '@context'?: unknown;
    };
    options.expandContext = context;
  }
  return options;
}

async function runEntry(entry: TestEntry): Promise<void> {
  const option = entry.option ?? {};
  const baseIRI = option.base ?? manifest.baseIri + entry.input;
  const jsonld = processingOptions(option);
  const input = join(TESTS, entry.input);
  if (entry['@type'].includes('jld:NegativeEvaluationTest')) {
    const error = await read(input, 'jsonld', baseIRI, jsonld).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof RdfParseError)) {
      throw new Error(
        `expected an RdfParseError, got ${error instanceof Error ? `${error.name}: ${error.message}` : 'success'}`,
      );
    }
    if (!error.message.includes(`${entry.expectErrorCode ?? ''}:`)) {
      throw new Error(
        `expected the error code "${entry.expectErrorCode ?? ''}", got: ${error.message}`,
      );
    }
    return;
  }
  const actual = await read(input, 'jsonld', baseIRI, jsonld);
  if (entry.expect === undefined) return; // a positive syntax test: reading without error is all
  const expected = await read(join(TESTS, entry.expect), 'nquads', baseIRI, {});
  if (!isomorphic(actual, expected)) {
    throw new Error(`not isomorphic: read ${actual.length} quads, expected ${expected.length}`);
  }
}

const tally = { passed: 0, expectedFailures: 0, notApplicable: 0 };

afterAll(() => {
  console.log(
    `${SUITE}: ${tally.passed} passed, ${tally.expectedFailures} expected failures, ${tally.notApplicable} not applicable (JSON-LD 1.0 only)`,
  );
});

describe(`${SUITE} (JSON-LD 1.1 toRdf)`, () => {
  const expectedFailures = EXPECTED_FAILURES[SUITE] ?? {};
  const ids = (entry: TestEntry): string => entry['@id'].replace(/^#/, '');

  it('has its entries', () => {
    expect(manifest.sequence.length).toBeGreaterThan(400);
    const known = new Set(manifest.sequence.map(ids));
    const unknown = Object.keys(expectedFailures).filter((id) => !known.has(id));
    expect(unknown, 'expected failures that are not tests of this suite').toEqual([]);
  });

  for (const entry of manifest.sequence) {
    const id = ids(entry);
    const reason = expectedFailures[id];
    it(`${id} ${entry.name}`, async () => {
      if (entry.option?.specVersion === 'json-ld-1.0') {
        expect(reason, 'a JSON-LD 1.0 test cannot be an expected failure').toBeUndefined();
        tally.notApplicable += 1;
        return;
      }
      if (reason === undefined) {
        await runEntry(entry);
        tally.passed += 1;
        return;
      }
      const outcome = await runEntry(entry).then(
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
