// The query panel's producers and helpers: a run's lifecycle (stale runs ignored), the session
// history, sorting and paging, the nodes of a result, and the prefixes declared for the user.
import { DataFactory } from 'n3';
import { describe, expect, test } from 'vitest';
import type { BindingsResult } from '../../../src/query/types.ts';
import * as q from '../../../src/state/query.ts';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const blankNode = (label: string) => DataFactory.blankNode(label);
const literal = (value: string, tag?: string | ReturnType<typeof namedNode>) =>
  DataFactory.literal(value, tag);

const table: BindingsResult = {
  type: 'bindings',
  variables: ['who', 'name'],
  rows: [
    { who: namedNode('urn:a'), name: literal('A') },
    { who: blankNode('b0'), name: literal('B') },
    { who: namedNode('urn:c'), name: undefined },
  ],
};

describe('a run of a query', () => {
  test('starts, succeeds with its elapsed time, and is remembered in the history', () => {
    const fresh = q.initialQueryState('');
    expect(fresh.open).toBe(false);
    const running = q.queryStarted(fresh, 1, 'SELECT 1', 100);
    expect(running.run).toEqual({ status: 'running', id: 1, text: 'SELECT 1', startedAt: 100 });
    expect(running.open).toBe(true);
    const done = q.querySucceeded(running, 1, { kind: 'table', result: table }, 135);
    expect(done.run).toEqual({
      status: 'done',
      id: 1,
      text: 'SELECT 1',
      elapsedMs: 35,
      outcome: { kind: 'table', result: table },
    });
    expect(done.history).toEqual([{ text: 'SELECT 1', summary: '3 rows', at: 135 }]);
    expect(q.resultTable(done)).toBe(table);
  });

  test('a run that was replaced by a newer one changes nothing when it ends', () => {
    const second = q.queryStarted(q.queryStarted(q.initialQueryState(''), 1, 'A', 0), 2, 'B', 10);
    expect(q.querySucceeded(second, 1, { kind: 'boolean', value: true }, 20)).toBe(second);
    expect(q.queryFailed(second, 1, { kind: 'cancelled' }, 20)).toBe(second);
  });

  test('failures are kept with their position and summarised in the history', () => {
    const running = q.queryStarted(q.initialQueryState('x'), 7, 'SELEC', 0);
    const failure = {
      kind: 'syntax',
      message: 'unexpected',
      line: 1,
      column: 1,
      offset: 0,
    } as const;
    const failed = q.queryFailed(running, 7, failure, 5);
    expect(failed.run).toEqual({ status: 'failed', id: 7, text: 'SELEC', elapsedMs: 5, failure });
    expect(failed.history[0]?.summary).toBe('syntax error at 1:1');
  });

  test('the history keeps one entry per text, newest first, at most HISTORY_LIMIT', () => {
    let state = q.initialQueryState('');
    for (let i = 0; i < q.HISTORY_LIMIT + 5; i += 1) {
      const text = `Q${String(i % (q.HISTORY_LIMIT + 2))}`;
      state = q.querySucceeded(
        q.queryStarted(state, i, text, i),
        i,
        { kind: 'boolean', value: true },
        i,
      );
    }
    expect(state.history).toHaveLength(q.HISTORY_LIMIT);
    expect(new Set(state.history.map((h) => h.text)).size).toBe(q.HISTORY_LIMIT);
    expect(state.history[0]?.text).toBe(
      `Q${String((q.HISTORY_LIMIT + 4) % (q.HISTORY_LIMIT + 2))}`,
    );
  });

  test('a CONSTRUCT result is kept for export', () => {
    const running = q.queryStarted(q.initialQueryState(''), 1, 'CONSTRUCT …', 0);
    const quad = DataFactory.quad(namedNode('urn:a'), namedNode('urn:p'), literal('x'));
    const done = q.querySucceeded(running, 1, { kind: 'graph', triples: 1 }, 3, [quad]);
    expect(done.lastGraph).toEqual({ text: 'CONSTRUCT …', quads: [quad] });
  });
});

describe('the table', () => {
  test('sorting toggles the direction on a second click and goes back to the first page', () => {
    const paged = q.setPage(q.initialQueryState(''), 3);
    const once = q.sortBy(paged, 'name');
    expect([once.sort, once.page]).toEqual([{ column: 'name', descending: false }, 0]);
    expect(q.sortBy(once, 'name').sort).toEqual({ column: 'name', descending: true });
    expect(q.sortBy(once, 'who').sort).toEqual({ column: 'who', descending: false });
  });

  test('the result nodes are the IRIs that are nodes of the graph', () => {
    const nodes = q.resultNodes(table, (key) => key === 'urn:a' || key === '_:b0');
    expect([...nodes]).toEqual(['urn:a']);
  });
});

describe('prefixes declared for the user', () => {
  const prefixes = { foaf: 'http://xmlns.com/foaf/0.1/', ex: 'http://example.org/' };

  test('finds the prefixes a query uses, not those inside IRIs, strings or comments', () => {
    const text = [
      'PREFIX ex: <http://example.org/>',
      '# foaf:ignored in a comment',
      'SELECT * WHERE { ?s a foaf:Person ; ex:name "schema:not" ; <http://x.org/a:b> ?o .',
      '  FILTER (?o != xsd:string) }',
    ].join('\n');
    expect([...q.usedPrefixes(text)].sort()).toEqual(['ex', 'foaf', 'xsd']);
    expect([...q.declaredPrefixes(text)]).toEqual(['ex']);
  });

  test('declares the missing prefixes the data knows, and says how much it added', () => {
    const text = 'SELECT ?p WHERE { ?p a foaf:Person ; ex:x ?y ; unknown:z ?w }';
    const out = q.withDataPrefixes(text, prefixes);
    const head = 'PREFIX ex: <http://example.org/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n';
    expect(out).toEqual({ text: head + text, addedChars: head.length, addedLines: 2 });
    expect(q.withDataPrefixes(out.text, prefixes)).toEqual({
      text: out.text,
      addedChars: 0,
      addedLines: 0,
    });
  });
});
