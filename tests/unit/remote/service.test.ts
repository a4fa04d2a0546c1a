// What an endpoint publishes about itself — a SPARQL 1.1 Service Description and a VoID file —
// read into the summary the connect dialog shows; absence and foreign descriptions tolerated.
import type { Quad } from '@rdfjs/types';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseRdf } from '../../../src/rdf/parse.ts';
import { describeService, voidUrl } from '../../../src/remote/service.ts';

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const FORMATS = 'http://www.w3.org/ns/formats/';
const ENDPOINT = 'http://archive.example.org/sparql';

async function fixture(name: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  const text = readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
  await parseRdf(text, { format: 'turtle', source: name }, (batch) => {
    quads.push(...batch);
  });
  return quads;
}

describe('describeService', () => {
  test('the service description of this endpoint: name, size, graphs, features', async () => {
    expect(describeService(await fixture('service-description.ttl'), [], ENDPOINT)).toEqual({
      name: 'Archive of letters and photographs',
      description: 'Letters and photographs of the labour movement, 1900–1960.',
      triples: 2_400_100,
      graphs: [
        { name: 'http://archive.example.org/graph/letters', triples: 2_000_000 },
        { name: 'http://archive.example.org/graph/photographs', triples: 400_100 },
        { name: 'http://archive.example.org/graph/scratch' },
      ],
      features: [`${SD}DereferencesURIs`, `${SD}UnionDefaultGraph`],
      resultFormats: [
        `${FORMATS}SPARQL_Results_JSON`,
        `${FORMATS}SPARQL_Results_XML`,
        `${FORMATS}Turtle`,
      ],
      languages: [`${SD}SPARQL11Query`],
    });
  });

  test('VoID alone: the dataset that names this endpoint', async () => {
    expect(describeService([], await fixture('void.ttl'), ENDPOINT)).toEqual({
      name: 'The labour archive',
      description: 'Everything the archive holds.',
      triples: 2_800_200,
      graphs: [],
      features: [],
      resultFormats: [],
      languages: [],
    });
  });

  test('both: the service description wins, VoID fills nothing it already says', async () => {
    const both = describeService(
      await fixture('service-description.ttl'),
      await fixture('void.ttl'),
      ENDPOINT,
    );
    expect(both.name).toBe('Archive of letters and photographs');
    expect(both.triples).toBe(2_400_100);
  });

  test('nothing published: empty lists and no name', () => {
    expect(describeService([], [], ENDPOINT)).toEqual({
      graphs: [],
      features: [],
      resultFormats: [],
      languages: [],
    });
  });

  test('several services in one document: the one whose sd:endpoint is this endpoint', async () => {
    const mirror = describeService(
      await fixture('service-description.ttl'),
      [],
      'http://mirror.example.org/sparql',
    );
    expect(mirror.name).toBe('The mirror');
    expect(mirror.features).toEqual([]);
  });

  test('VoID lives at the origin', () => {
    expect(voidUrl('https://dbpedia.org/sparql?default-graph-uri=x')).toBe(
      'https://dbpedia.org/.well-known/void',
    );
  });
});
