// The hostile fixture set (tests/fixtures/hostile/): every file is listed in its manifest and says
// what it tries (a comment at its top, or a line of the folder's README.md), and every file does
// what the manifest says through the app's code path — loads to exactly the quads of its expected
// N-Quads (each payload kept as inert data, character for character) or stops at the line and
// column given — whether it arrives whole or in chunks of 7 bytes.
import { readdirSync, readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { parseRdf, type RdfFormatId, type RdfLimits } from '../../../src/rdf/index.ts';
import { attempt, fixturePath, line, loaded, stopped, type Outcome } from './harness.ts';
import { inChunks } from './streams.ts';

interface Fixture {
  file: string;
  format: RdfFormatId;
  loads?: { quads: number; expected: string };
  stops?: { line?: number; column?: number; limit?: keyof RdfLimits; reason: string };
}

const folder = fixturePath('hostile');
const manifest = JSON.parse(readFileSync(fixturePath('hostile', 'manifest.json'), 'utf8')) as {
  fixtures: Fixture[];
};
const readme = readFileSync(fixturePath('hostile', 'README.md'), 'utf8');

async function expectedQuads(file: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseRdf(
    readFileSync(fixturePath('hostile', file)),
    { format: 'nquads', source: file },
    (batch) => {
      quads.push(...batch);
    },
  );
  return quads;
}

/** Checks an outcome against what the manifest says of the file. */
async function check(fixture: Fixture, outcome: Outcome): Promise<void> {
  if (fixture.loads) {
    const result = loaded(outcome);
    const actual: Quad[] = result.store.getQuads(null, null, null, null);
    const expected = await expectedQuads(fixture.loads.expected);
    expect(result.quads).toBe(fixture.loads.quads);
    if (!isomorphic(actual, expected)) {
      // Show the difference as lines.
      expect(actual.map(line).sort()).toEqual(expected.map(line).sort());
    }
    return;
  }
  const stops = fixture.stops;
  if (!stops) throw new Error(`${fixture.file}: the manifest says neither loads nor stops`);
  const error = stopped(outcome);
  expect({
    source: error.source,
    line: error.line,
    column: error.column,
    limit: error.limit?.name,
    reason: error.reason.slice(0, stops.reason.length),
  }).toEqual({
    source: fixture.file,
    line: stops.line,
    column: stops.column,
    limit: stops.limit,
    reason: stops.reason,
  });
}

describe('the hostile fixture set', () => {
  it('lists every file, and every file says what it tries', () => {
    const files = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !['manifest.json', 'README.md'].includes(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect(manifest.fixtures.map((f) => f.file).sort()).toEqual(files);
    const undescribed = manifest.fixtures.filter((f) => {
      const text = readFileSync(fixturePath('hostile', f.file), 'latin1');
      const commented =
        f.format === 'rdfxml'
          ? /^<\?xml[^>]*>\s*<!-- Tries: /.test(text)
          : f.format !== 'jsonld' && /^(?:\uFEFF|ï»¿)?# Tries: /.test(text);
      return !commented && !readme.includes(`- \`${f.file}\`: `);
    });
    expect(undescribed.map((f) => f.file)).toEqual([]);
  });

  for (const fixture of manifest.fixtures) {
    it(`${fixture.file}: ${fixture.loads ? `loads ${String(fixture.loads.quads)} quads, payloads intact` : `stops at ${String(fixture.stops?.line)}:${String(fixture.stops?.column)}`}`, async () => {
      const bytes = readFileSync(fixturePath('hostile', fixture.file));
      const options = { format: fixture.format, source: fixture.file };
      await check(fixture, await attempt(bytes, options));
      await check(fixture, await attempt(inChunks(bytes, 7), options));
    });
  }
});
