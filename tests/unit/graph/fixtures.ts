// Loads the graph fixtures (tests/fixtures/graph/) as quads and as projections.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { projectQuads, type ProjectionOptions } from '../../../src/graph/project.ts';
import type { Projection } from '../../../src/graph/types.ts';

const DIR = join(process.cwd(), 'tests', 'fixtures', 'graph');

/** The quads of a fixture file (Turtle, or TriG for `.trig`) and the prefixes it declares. */
export function fixtureQuads(name: string): { quads: Quad[]; prefixes: Record<string, string> } {
  const prefixes: Record<string, string> = {};
  const parser = new Parser({
    format: name.endsWith('.trig') ? 'application/trig' : 'text/turtle',
    blankNodePrefix: `${name.replace(/\W+/g, '_')}_`,
  });
  const quads = parser.parse(readFileSync(join(DIR, name), 'utf8'), null, (prefix, ns) => {
    prefixes[prefix] = ns.value;
  });
  return { quads, prefixes };
}

/** Projects one or more fixture files together. */
export function projectFixtures(names: string[], options: ProjectionOptions = {}): Projection {
  const quads: Quad[] = [];
  const prefixes: Record<string, string> = {};
  for (const name of names) {
    const loaded = fixtureQuads(name);
    quads.push(...loaded.quads);
    Object.assign(prefixes, loaded.prefixes);
  }
  return projectQuads(quads, { prefixes, ...options });
}

/** The mini Rosmer graph with its vocabulary. */
export function rosmerMini(options: ProjectionOptions = {}): Projection {
  return projectFixtures(['rosmer-mini.ttl', 'ontology-mini.ttl'], options);
}

export const R = 'https://w3id.org/triplescope/rosmer/';
export const TS = 'https://w3id.org/triplescope/ontology#';
export const EX = 'http://example.org/';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const ARTICLE_SOURCE = `${R}article`;
