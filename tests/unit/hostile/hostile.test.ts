// The hostile-input run: every suite of bad input in one file, so one tally counts them all and the
// run ends with its summary line, `hostile inputs: N tried, N survived, 0 data lost`, computed from
// what the attempts did (see harness.ts), and a table of the pathological cases' time and memory.
// The network is switched off for the whole run: reading RDF must never try it (JSON-LD contexts,
// DOCTYPE entities and DTDs included), and any attempt is recorded and fails the run.
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { summaryLine, tally } from './harness.ts';
import { measured } from './pathological.ts';
import { propertyRuns } from './properties.ts';
import './broken.ts';
import './pathological.ts';
import './xml-entities.ts';
import './jsonld-contexts.ts';
import './fixtures.ts';
import './properties.ts';
import './nothing-lost.ts';
import './after-loading.ts';

const requests: string[] = [];

beforeAll(() => {
  vi.stubGlobal('fetch', (resource: unknown): Promise<Response> => {
    requests.push(String(resource));
    return Promise.reject(new Error('the network is off during the hostile-input tests'));
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
  const rows = measured.map(
    (m) =>
      `  ${m.name.padEnd(40)} ${m.outcome.padEnd(40)} ${String(m.ms).padStart(6)} ms ${String(m.memoryMiB).padStart(5)} MiB`,
  );
  console.log(
    ['pathological inputs (outcome, time, growth of resident memory):', ...rows].join('\n'),
  );
  const cases = propertyRuns.reduce((sum, p) => sum + p.cases, 0);
  console.log(
    [
      `property-based cases (fast-check, fixed seed): ${cases.toLocaleString('en-US')} in all`,
      ...propertyRuns.map(
        (p) => `  ${p.name.padEnd(40)} ${p.cases.toLocaleString('en-US').padStart(6)}`,
      ),
    ].join('\n'),
  );
  console.log(summaryLine());
  expect(requests).toEqual([]);
  expect(tally.lost).toBe(0);
  expect(tally.survived).toBe(tally.tried);
});
