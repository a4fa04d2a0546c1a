// Reading the head of a query: its form (to choose the answer's format and refuse updates) and its
// prefixes (to write a CONSTRUCT result with them).
import { describe, expect, test } from 'vitest';
import { readPrologue } from '../../../src/remote/prologue.ts';

describe('readPrologue', () => {
  test('the four query forms, in any case, after PREFIX, BASE and comments', () => {
    expect(readPrologue('SELECT * WHERE { ?s ?p ?o }')).toEqual({ form: 'select', prefixes: {} });
    expect(readPrologue('ask {}').form).toBe('ask');
    expect(readPrologue('  Construct WHERE { ?s ?p ?o }').form).toBe('construct');
    expect(readPrologue('DESCRIBE <http://example.org/x>').form).toBe('describe');
    expect(
      readPrologue(`\uFEFF# Who knew whom
BASE <http://example.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/> # people
PREFIX : <http://example.org/ns#>
prefix rel:<http://purl.org/vocab/relationship/>
PREFIX rel: <http://purl.org/vocab/relationship/v2/>
PREFIX local: <relative/>
CONSTRUCT { ?a rel:knows ?b } WHERE { ?a foaf:knows ?b }`),
    ).toEqual({
      form: 'construct',
      prefixes: {
        foaf: 'http://xmlns.com/foaf/0.1/',
        '': 'http://example.org/ns#',
        rel: 'http://purl.org/vocab/relationship/v2/',
      },
    });
  });

  test('SPARQL Update is recognised; anything else is left to the endpoint', () => {
    for (const update of [
      'INSERT DATA { <a:b> <a:c> <a:d> }',
      'PREFIX ex: <http://example.org/> DELETE WHERE { ?s ex:p ?o }',
      'LOAD <http://example.org/data.ttl>',
      'CLEAR ALL',
      'DROP GRAPH <a:g>',
      'WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }',
    ]) {
      expect(readPrologue(update).form).toBe('update');
    }
    expect(readPrologue('').form).toBeUndefined();
    expect(readPrologue('{ ?s ?p ?o }').form).toBeUndefined();
    expect(readPrologue('PREFIX broken <x> SELECT * {}').form).toBeUndefined();
  });
});
