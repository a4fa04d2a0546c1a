// The example queries of the query panel, run against the real Rosmer graph (graph/ and ontology/)
// with the engine the app uses: each returns rows, and the rows are the ones the article gives or
// the ones an independent reading of the triples gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLE_QUERIES, exampleById } from '../../../src/query/examples.ts';
import { SparqlStore } from '../../../src/query/store.ts';
import type { BindingsResult, QueryResult } from '../../../src/query/types.ts';

const R = 'https://w3id.org/triplescope/rosmer/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const TS = 'https://w3id.org/triplescope/ontology#';

let store: SparqlStore;
let quads: Quad[];

beforeAll(async () => {
  store = await SparqlStore.create();
  quads = [];
  for (const folder of ['graph', 'ontology']) {
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.ttl'))) {
      const text = readFileSync(join(folder, name), 'utf8');
      store.loadText(text, { format: 'turtle' });
      quads.push(...new Parser({ format: 'text/turtle' }).parse(text));
    }
  }
});

function table(result: QueryResult): BindingsResult {
  if (result.type !== 'bindings') throw new Error(`expected a table, got ${result.type}`);
  return result;
}

/** Rows as plain values, IRIs of the Rosmer graph without their namespace. */
function values(result: BindingsResult): string[][] {
  const show = (t: Term | undefined): string =>
    t === undefined ? '' : t.value.startsWith(R) ? t.value.slice(R.length) : t.value;
  return result.rows.map((row) => result.variables.map((v) => show(row[v])));
}

const run = (id: string): BindingsResult => table(store.query(exampleById(id).sparql));

describe('example queries on the Rosmer graph', () => {
  test('every example has an id, a title, a one-line description and gives a result', () => {
    expect(new Set(EXAMPLE_QUERIES.map((e) => e.id)).size).toBe(EXAMPLE_QUERIES.length);
    for (const example of EXAMPLE_QUERIES) {
      expect(example.description).not.toMatch(/\n/);
      const result = store.query(example.sparql);
      const size =
        result.type === 'bindings'
          ? result.rows.length
          : result.type === 'quads'
            ? result.quads.length
            : 1;
      expect(size, example.id).toBeGreaterThan(0);
    }
  });

  test('who worked with Trotsky: Alfred and Marguerite, in their work with him and their 1931 disagreement', () => {
    expect(values(run('worked-with-trotsky'))).toEqual([
      ['alfred-rosmer', 'disagreement-with-trotsky'],
      ['alfred-rosmer', 'work-with-trotsky'],
      ['marguerite-rosmer', 'disagreement-with-trotsky'],
      ['marguerite-rosmer', 'work-with-trotsky'],
    ]);
  });

  test('every event in date order: all events, dated ones by date, undated ones last', () => {
    const result = run('events-in-date-order');
    const events = new Set(
      quads
        .filter(
          (q) =>
            q.predicate.value === `${RDF}type` && q.object.value === 'https://schema.org/Event',
        )
        .map((q) => q.subject.value),
    );
    const rows = values(result);
    expect(rows.map(([event]) => `${R}${event ?? ''}`).sort()).toEqual([...events].sort());
    const dates = rows.map(([, date]) => date ?? '');
    const dated = dates.filter((d) => d !== '');
    expect(dates.slice(0, dated.length)).toEqual(dated);
    expect(dated).toEqual([...dated].sort());
    expect(dated[0]).toBe('1877');
    expect(dated.at(-1)).toBe('1968');
  });

  test('who was where in 1938: the Rosmers, hosting the founding of the Fourth International at home', () => {
    expect(values(run('where-in-1938'))).toEqual([
      ['alfred-rosmer', 'rosmers-home', 'founding-of-the-fourth-international'],
      ['marguerite-rosmer', 'rosmers-home', 'founding-of-the-fourth-international'],
    ]);
  });

  test('the organisations the Rosmers joined or left', () => {
    expect(values(run('rosmer-organisations'))).toEqual([
      ['alfred-rosmer', 'took part in', 'dewey-commission'],
      ['alfred-rosmer', 'expelled by', 'french-communist-party'],
      ['alfred-rosmer', 'member of', 'syndicalists'],
      ['marguerite-rosmer', 'helped found', 'french-communist-party'],
    ]);
  });

  test('the claims that rest on a sentence are those whose ts:quote is that sentence', () => {
    const result = run('claims-of-a-sentence');
    const claims = quads.filter(
      (q) => q.predicate.value === `${TS}quote` && q.object.value.includes('In 1938, when Trotsky'),
    );
    expect(result.rows).toHaveLength(claims.length);
    const byClaim = (claim: string, p: string): string | undefined =>
      quads.find((q) => q.subject.value === claim && q.predicate.value === p)?.object.value;
    const expected = claims
      .map((c) => c.subject.value)
      .sort()
      .map((c) => [
        byClaim(c, `${RDF}subject`),
        byClaim(c, `${RDF}predicate`),
        byClaim(c, `${RDF}object`),
      ]);
    expect(result.rows.map((r) => [r.subject?.value, r.predicate?.value, r.object?.value])).toEqual(
      expected,
    );
  });

  test('counts by class agree with counting the rdf:type triples', () => {
    const members = new Map<string, Set<string>>();
    for (const q of quads) {
      if (q.predicate.value !== `${RDF}type`) continue;
      const set = members.get(q.object.value) ?? new Set<string>();
      set.add(q.subject.termType === 'BlankNode' ? `_:${q.subject.value}` : q.subject.value);
      members.set(q.object.value, set);
    }
    const result = run('counts-by-class');
    const counts = new Map(result.rows.map((r) => [r.class?.value, Number(r.count?.value)]));
    expect(counts).toEqual(new Map([...members].map(([c, set]) => [c, set.size])));
    const order = result.rows.map((r) => Number(r.count?.value));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  test('the CONSTRUCT gives every triple about Trotsky, with labels, classes and claims', () => {
    const result = store.query(exampleById('construct-trotsky').sparql);
    if (result.type !== 'quads') throw new Error(`expected quads, got ${result.type}`);
    const key = (q: Quad): string => `${q.subject.value} ${q.predicate.value} ${q.object.value}`;
    const got = new Set(result.quads.map(key));
    const trotsky = `${R}leon-trotsky`;
    const statements = new Set(
      quads.filter((q) => q.object.value === `${RDF}Statement`).map((q) => q.subject.value),
    );
    const about = quads.filter(
      (q) =>
        (q.subject.value === trotsky || q.object.value === trotsky) &&
        !statements.has(q.subject.value),
    );
    expect(about.length).toBeGreaterThan(10);
    for (const q of about) expect(got.has(key(q)), key(q)).toBe(true);
    const quotes = result.quads.filter((q) => q.predicate.value === `${TS}quote`);
    expect(quotes.length).toBeGreaterThan(0);
  });
});
