// Runaway queries through the query worker the command line uses (src/query/node-host.ts): a cross
// product over 300,000 triples (9·10¹⁰ solutions) and unbounded property paths around a cycle stop
// at their time limit with a typed error, and the data is still there for the next query.
// NOTE: with a million triples both cases pass too, but take 8–11 s each here: every stop restarts
// the worker, which loads all the data again before the next query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTimeoutError } from '../../../src/query/errors.ts';
import { createQueryWorker, type QueryWorker } from '../../../src/query/node-host.ts';

const TRIPLES = 300_000;
/** A cycle of 1,000 nodes, and 299,000 literals hanging off them. */
const data = ((): string => {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++)
    lines.push(`<urn:n${String(i)}> <urn:next> <urn:n${String((i + 1) % 1000)}> .`);
  for (let i = 0; i < TRIPLES - 1000; i++)
    lines.push(`<urn:n${String(i % 1000)}> <urn:v> "${String(i)}" .`);
  return `${lines.join('\n')}\n`;
})();
const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';

let worker: QueryWorker;

beforeAll(async () => {
  worker = createQueryWorker();
  await worker.load(data, { format: 'ntriples' });
}, 120_000);

afterAll(async () => {
  await worker.close();
});

/** The count of triples, as the worker answers it. */
async function count(): Promise<string> {
  const result = await worker.query(COUNT);
  if (result.type !== 'bindings') throw new Error(`expected bindings, got ${result.type}`);
  return result.rows[0]?.n?.value ?? '';
}

describe('runaway queries through the query worker', { timeout: 120_000 }, () => {
  for (const [name, query] of [
    [
      'a cross product over 300,000 triples',
      'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }',
    ],
    [
      'an unbounded property path around a cycle',
      'SELECT (COUNT(*) AS ?n) WHERE { ?a <urn:next>+ ?b . ?c <urn:next>* ?d . ?b <urn:v> ?x }',
    ],
  ] as const) {
    it(`${name}: stops at its time limit, and the data is still there`, async () => {
      const started = performance.now();
      const error = await worker.query(query, { timeoutMs: 500 }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(QueryTimeoutError);
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(await count()).toBe(String(TRIPLES));
    });
  }
});
