// Round trips on real data: the built-in graph (graph/ + ontology/) and schema.org — the same
// 17,949 triples shipped as Turtle, N-Triples and JSON-LD — written in every writable format and
// read back to an isomorphic graph. The built-in graph must be there: a missing folder fails.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { RDF_FORMATS } from '../../../src/rdf/formats.ts';
import { readRdfPaths } from '../../../src/rdf/node.ts';
import { serializeRdf } from '../../../src/rdf/serialize.ts';
import { readAll, ROOT, shared } from './helpers.ts';

const WRITABLE = RDF_FORMATS.filter((f) => f.writable);

async function roundTrips(quads: Quad[], prefixes: Record<string, string>): Promise<void> {
  for (const format of WRITABLE) {
    const text = await serializeRdf(quads, format.id, { prefixes });
    const back = await readAll(text, { format: format.id, source: `round-trip (${format.label})` });
    expect(back.quads.length, format.label).toBe(quads.length);
    expect(isomorphic(back.quads, quads), `${format.label} round trip`).toBe(true);
  }
}

describe('the built-in graph', () => {
  it('reads from graph/ and ontology/ and survives a round trip through every format', async () => {
    const quads: Quad[] = [];
    const result = await readRdfPaths(
      [resolve(ROOT, 'graph'), resolve(ROOT, 'ontology')],
      {},
      (batch) => {
        quads.push(...batch);
      },
    );
    expect(
      result.files.filter((f) => f.path.includes(`${resolve(ROOT, 'graph')}/`)).length,
    ).toBeGreaterThan(0);
    expect(
      result.files.filter((f) => f.path.includes(`${resolve(ROOT, 'ontology')}/`)).length,
    ).toBeGreaterThan(0);
    expect(quads.length).toBeGreaterThan(100);
    await roundTrips(quads, result.prefixes);
  }, 60_000);
});

describe('schema.org', () => {
  it('loads the same 17,949 triples from Turtle, N-Triples and JSON-LD, and round-trips them', async () => {
    const file = (ext: string): Uint8Array =>
      readFileSync(shared('datasets', 'schemaorg', `schemaorg-current-https.${ext}`));
    const ttl = await readAll(file('ttl'), { format: 'turtle', source: 'schemaorg.ttl' });
    const nt = await readAll(file('nt'), { format: 'ntriples', source: 'schemaorg.nt' });
    const jsonld = await readAll(file('jsonld'), { format: 'jsonld', source: 'schemaorg.jsonld' });
    expect([ttl.quads.length, nt.quads.length, jsonld.quads.length]).toEqual([
      17_949, 17_949, 17_949,
    ]);
    expect(isomorphic(ttl.quads, nt.quads)).toBe(true);
    expect(isomorphic(ttl.quads, jsonld.quads)).toBe(true);
    await roundTrips(ttl.quads, ttl.result.prefixes);
  }, 60_000);
});
