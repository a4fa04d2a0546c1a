// The results table's shaping: cells as a person reads them (labels for IRIs, language and
// datatype for literals), sorting (numbers by value, unbound last, stable), and pages.
import { DataFactory } from 'n3';
import { describe, expect, test } from 'vitest';
import type { BindingsResult } from '../../../src/query/types.ts';
import { cellOf, pageOf, tableRows } from '../../../src/state/query-table.ts';
import { R, rosmerMini } from '../graph/fixtures.ts';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const blankNode = (label: string) => DataFactory.blankNode(label);
const literal = (value: string, tag?: string | ReturnType<typeof namedNode>) =>
  DataFactory.literal(value, tag);
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const projection = rosmerMini();

describe('cells', () => {
  test('an IRI of the graph reads as its label and is a node; another IRI as a prefixed name', () => {
    expect(cellOf(namedNode(`${R}leon-trotsky`), projection)).toEqual({
      kind: 'iri',
      text: 'Leon Trotsky',
      iri: `${R}leon-trotsky`,
      node: true,
    });
    expect(cellOf(namedNode('http://xmlns.com/foaf/0.1/knows'), projection)).toMatchObject({
      kind: 'iri',
      text: 'foaf:knows',
      node: false,
    });
  });

  test('literals carry their language or datatype; plain strings carry none', () => {
    expect(cellOf(literal('Trotsky', 'en'), projection)).toEqual({
      kind: 'literal',
      text: 'Trotsky',
      tag: '@en',
      datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString',
    });
    expect(cellOf(literal('1938', namedNode(`${XSD}gYear`)), projection)).toMatchObject({
      tag: 'xsd:gYear',
    });
    expect(cellOf(literal('x'), projection)).toMatchObject({ tag: '' });
    expect(cellOf(literal('<img src=x onerror=alert(1)>'), projection)).toMatchObject({
      text: '<img src=x onerror=alert(1)>',
    });
    expect(cellOf(blankNode('b1'), projection)).toEqual({ kind: 'blank', text: '_:b1' });
    expect(cellOf(undefined, projection)).toEqual({ kind: 'empty' });
  });
});

describe('sorting and paging', () => {
  const n = (v: number) => literal(String(v), namedNode(`${XSD}integer`));
  const result: BindingsResult = {
    type: 'bindings',
    variables: ['count', 'name'],
    rows: [
      { count: n(10), name: literal('b') },
      { count: n(9), name: literal('B') },
      { count: undefined, name: literal('a') },
      { count: n(100), name: literal('c') },
    ],
  };

  test('as given without a sort; numbers by value; unbound cells last either way', () => {
    const order = (sort: Parameters<typeof tableRows>[2]) =>
      tableRows(result, projection, sort).map((r) => r.index);
    expect(order(null)).toEqual([0, 1, 2, 3]);
    expect(order({ column: 'count', descending: false })).toEqual([1, 0, 3, 2]);
    expect(order({ column: 'count', descending: true })).toEqual([3, 0, 1, 2]);
    // Text compares without case first ("a" < "b" < "c"), then by code unit ("B" before "b").
    expect(order({ column: 'name', descending: false })).toEqual([2, 1, 0, 3]);
  });

  test('pages say which rows they show of how many', () => {
    const rows = tableRows(result, projection, null);
    expect(pageOf(rows, 0, 3)).toMatchObject({ page: 0, pages: 2, first: 1, last: 3, total: 4 });
    expect(pageOf(rows, 1, 3)).toMatchObject({ page: 1, first: 4, last: 4 });
    expect(pageOf(rows, 9, 3).page).toBe(1);
    expect(pageOf([], 0)).toMatchObject({ pages: 1, first: 0, last: 0, total: 0 });
  });
});
