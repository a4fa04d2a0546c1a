// Queries of every form against a real Virtuoso, checked against the same queries on the local
// engine over the same data: SELECT, ASK (Virtuoso answers it as a one-column table), CONSTRUCT,
// DESCRIBE; the three ways of sending a query; a result the server cuts at its row limit.
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { SparqlStore } from '../../src/query/store.ts';
import type { Row } from '../../src/query/types.ts';
import { SparqlEndpoint } from '../../src/remote/client.ts';
import { EndpointError } from '../../src/remote/errors.ts';
import { localRosmerStore, PEOPLE_GRAPH, ROSMER_GRAPH, TROTSKY } from './data.ts';

const endpoint = inject('virtuosoEndpoint');
const PREFIXES = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rel: <http://purl.org/vocab/relationship/>
PREFIX rosmer: <https://w3id.org/triplescope/rosmer/>
`;

function cells(rows: Row[]): string[][] {
  return rows.map((row) =>
    Object.values(row).map((t) =>
      t === undefined
        ? ''
        : t.termType === 'Literal' && t.language !== ''
          ? `${t.value}@${t.language}`
          : t.value,
    ),
  );
}

let local: SparqlStore;
let ep: SparqlEndpoint;
beforeAll(async () => {
  local = await localRosmerStore();
  ep = new SparqlEndpoint(endpoint);
});

describe('SELECT', () => {
  test("Trotsky's friends, with their labels", async () => {
    const result = await ep.select(`${PREFIXES}SELECT ?friend ?label WHERE {
  GRAPH <${ROSMER_GRAPH}> { ?friend rel:friendOf rosmer:leon-trotsky ; rdfs:label ?label }
} ORDER BY ?friend`);
    expect(result.variables).toEqual(['friend', 'label']);
    expect(cells(result.rows)).toEqual([
      ['https://w3id.org/triplescope/rosmer/alfred-rosmer', 'Alfred Rosmer@en'],
      ['https://w3id.org/triplescope/rosmer/marguerite-rosmer', 'Marguerite Rosmer@en'],
    ]);
  });

  test('an aggregate over the Rosmer graph gives what the local engine gives', async () => {
    const query = `SELECT ?class (COUNT(?s) AS ?n) WHERE {
  GRAPH <${ROSMER_GRAPH}> { ?s a ?class }
} GROUP BY ?class ORDER BY DESC(?n) STR(?class)`;
    const remote = await ep.select(query);
    const mine = local.query(query);
    if (mine.type !== 'bindings') throw new Error('expected rows');
    expect(cells(remote.rows)).toEqual(cells(mine.rows));
    expect(remote.rows.length).toBeGreaterThan(10);
  });

  test('GET gives the same answer as the default form POST', async () => {
    const query = `${PREFIXES}SELECT ?l WHERE { rosmer:leon-trotsky rdfs:label ?l }`;
    const viaGet = await new SparqlEndpoint(endpoint, { method: 'get' }).select(query);
    expect(viaGet).toEqual(await ep.select(query));
    expect(cells(viaGet.rows)).toEqual([['Leon Trotsky@en']]);
  });

  test('a result longer than the server allows is cut, and the answer says so', async () => {
    const answer = await ep.query(`SELECT ?s WHERE { GRAPH <${PEOPLE_GRAPH}> { ?s ?p ?o } }`);
    expect(answer.truncatedAt).toBe(10_000);
    expect(answer.result.type === 'bindings' && answer.result.rows.length).toBe(10_000);
    const small = await ep.query(
      `SELECT ?s WHERE { GRAPH <${PEOPLE_GRAPH}> { ?s ?p ?o } } LIMIT 5`,
    );
    expect(small.truncatedAt).toBeUndefined();
  });
});

describe('ASK', () => {
  test('true and false (Virtuoso answers ASK as a table: read as a boolean)', async () => {
    expect(
      await ep.ask(`${PREFIXES}ASK { rosmer:alfred-rosmer rel:friendOf rosmer:leon-trotsky }`),
    ).toBe(true);
    expect(
      await ep.ask(`${PREFIXES}ASK { rosmer:leon-trotsky rel:friendOf rosmer:leon-trotsky }`),
    ).toBe(false);
    expect((await ep.query('ASK {}')).result).toEqual({ type: 'boolean', value: true });
  });
});

describe('CONSTRUCT and DESCRIBE', () => {
  test('CONSTRUCT gives the graph the local engine gives, and keeps the query prefixes', async () => {
    const query = `${PREFIXES}CONSTRUCT { ?p a foaf:Person ; rdfs:label ?l } WHERE {
  GRAPH <${ROSMER_GRAPH}> { ?p a foaf:Person ; rdfs:label ?l }
}`;
    const answer = await ep.query(query);
    const mine = local.query(query);
    if (answer.result.type !== 'quads' || mine.type !== 'quads') throw new Error('expected graphs');
    expect(answer.result.quads.length).toBe(mine.quads.length);
    expect(answer.result.quads.length).toBeGreaterThan(10);
    expect(isomorphic(answer.result.quads, mine.quads)).toBe(true);
    expect(answer.prefixes).toEqual({
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      foaf: 'http://xmlns.com/foaf/0.1/',
      rel: 'http://purl.org/vocab/relationship/',
      rosmer: 'https://w3id.org/triplescope/rosmer/',
    });
  });

  test('DESCRIBE gives the triples about the resource (Virtuoso: both directions)', async () => {
    const quads: Quad[] = await ep.construct(`DESCRIBE <${TROTSKY}>`);
    const own = quads
      .filter((q) => q.subject.value === TROTSKY)
      .map((q) => `${q.predicate.value} ${q.object.value}`)
      .sort();
    expect(own).toEqual([
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#type http://xmlns.com/foaf/0.1/Person',
      'http://www.w3.org/2000/01/rdf-schema#label Leon Trotsky',
      'https://w3id.org/triplescope/ontology#exiledFrom https://w3id.org/triplescope/rosmer/russia',
      'https://w3id.org/triplescope/ontology#tookPartIn https://w3id.org/triplescope/rosmer/disagreement-with-trotsky',
      'https://w3id.org/triplescope/ontology#tookPartIn https://w3id.org/triplescope/rosmer/trotskys-refuge-in-paris',
      'https://w3id.org/triplescope/ontology#tookPartIn https://w3id.org/triplescope/rosmer/work-with-trotsky',
    ]);
    expect(quads.every((q) => q.subject.value === TROTSKY || q.object.value === TROTSKY)).toBe(
      true,
    );
  });
});

describe('how a query is sent', () => {
  test('direct POST (application/sparql-query) is never answered by Virtuoso 7.2: the time limit ends it', async () => {
    // openlink/virtuoso-opensource#842; the reason the client sends a form POST by default.
    const direct = new SparqlEndpoint(endpoint, { method: 'post-direct', timeoutMs: 2_000 });
    const error = await direct.ask('ASK {}').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointError);
    expect((error as EndpointError).problem).toEqual({ kind: 'timeout', timeoutMs: 2_000 });
  });

  test('SPARQL Update is refused before anything is sent', async () => {
    const error = await ep
      .query('INSERT DATA { <urn:a> <urn:b> <urn:c> }')
      .catch((e: unknown) => e);
    expect((error as EndpointError).problem).toEqual({ kind: 'update' });
    expect((error as EndpointError).message).toBe(
      `Triplescope only reads from SPARQL endpoints: this is a SPARQL Update (INSERT, DELETE, LOAD…), which it does not send to ${endpoint}.`,
    );
  });

  test('asking for one form and getting another is a clear error', async () => {
    const error = await ep.select('ASK {}').catch((e: unknown) => e);
    expect((error as EndpointError).message).toBe(
      `The query sent to ${endpoint} gave true or false where a table of solutions was expected: check the query form (SELECT, ASK, CONSTRUCT, DESCRIBE).`,
    );
  });
});
