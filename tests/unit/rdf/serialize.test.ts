// serializeRdf on small real graphs: each format as a whole string, the choices for named graphs,
// and round trips — every written format read back gives an isomorphic graph.
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { beforeAll, describe, expect, it } from 'vitest';
import { RdfSerializeError } from '../../../src/rdf/errors.ts';
import { RDF_FORMATS, type RdfFormatId } from '../../../src/rdf/formats.ts';
import { serializeRdf } from '../../../src/rdf/serialize.ts';
import { fixtureBytes, readAll, rejection } from './helpers.ts';

let people: { quads: Quad[]; prefixes: Record<string, string> };
let letters: { quads: Quad[]; prefixes: Record<string, string> };

beforeAll(async () => {
  const ttl = await readAll(fixtureBytes('people.ttl'), {
    format: 'turtle',
    source: 'people.ttl',
    blankNodePrefix: 'f1_',
  });
  people = { quads: ttl.quads, prefixes: ttl.result.prefixes };
  const trig = await readAll(fixtureBytes('people.trig'), {
    format: 'trig',
    source: 'people.trig',
    blankNodePrefix: 'f1_',
  });
  letters = { quads: trig.quads, prefixes: trig.result.prefixes };
});

describe('serializeRdf writes', () => {
  it('Turtle grouped by subject, "a" for rdf:type, blank nodes and lists inline, used prefixes only', async () => {
    expect(await serializeRdf(people.quads, 'turtle', { prefixes: people.prefixes })).toBe(
      `@prefix ex: <http://example.org/rosmer/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:alfred a foaf:Person ;
    ex:born "1877-08-23"^^xsd:date ;
    ex:knows ex:trotsky, [
        a foaf:Person ;
        ex:knows ex:alfred ;
        foaf:name "Marguerite Rosmer"
    ] ;
    ex:languages ( "fr" "en" "ru" ) ;
    foaf:name "Alfred Rosmer", "Альфред Росмер"@ru .

ex:trotsky ex:exiledAt [
        ex:place "Coyoacán" ;
        ex:year 1937
    ] ;
    foaf:name "Leon Trotsky" .
`,
    );
  });

  it('Turtle with a base IRI, writing IRIs under it relative', async () => {
    const quads = people.quads.filter(
      (q) => q.subject.value.endsWith('/trotsky') && q.object.termType !== 'BlankNode',
    );
    expect(
      await serializeRdf(quads, 'turtle', {
        prefixes: people.prefixes,
        baseIRI: 'http://example.org/rosmer/',
      }),
    ).toBe(
      `@base <http://example.org/rosmer/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .

<trotsky> foaf:name "Leon Trotsky" .
`,
    );
  });

  it('TriG with the default graph first and one block per named graph', async () => {
    expect(await serializeRdf(letters.quads, 'trig', { prefixes: letters.prefixes })).toBe(
      `@prefix ex: <http://example.org/rosmer/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .

ex:alfred foaf:name "Alfred Rosmer" .

ex:letters {
    ex:alfred ex:wroteTo [ foaf:name "Pierre Monatte" ] .
}

ex:memoirs {
    ex:alfred ex:knows ex:trotsky .

    ex:trotsky foaf:name "Leon Trotsky" .
}
`,
    );
  });

  it('N-Triples and N-Quads, one statement per line in the order given', async () => {
    const alfred = people.quads.filter((q) => q.subject.value.endsWith('/alfred')).slice(0, 3);
    expect(await serializeRdf(alfred, 'ntriples')).toBe(
      `<http://example.org/rosmer/alfred> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
<http://example.org/rosmer/alfred> <http://xmlns.com/foaf/0.1/name> "Alfred Rosmer" .
<http://example.org/rosmer/alfred> <http://xmlns.com/foaf/0.1/name> "Альфред Росмер"@ru .
`,
    );
    expect(await serializeRdf(letters.quads, 'nquads')).toBe(
      `<http://example.org/rosmer/alfred> <http://xmlns.com/foaf/0.1/name> "Alfred Rosmer" .
<http://example.org/rosmer/alfred> <http://example.org/rosmer/knows> <http://example.org/rosmer/trotsky> <http://example.org/rosmer/memoirs> .
<http://example.org/rosmer/trotsky> <http://xmlns.com/foaf/0.1/name> "Leon Trotsky" <http://example.org/rosmer/memoirs> .
_:f1_-1 <http://xmlns.com/foaf/0.1/name> "Pierre Monatte" <http://example.org/rosmer/letters> .
<http://example.org/rosmer/alfred> <http://example.org/rosmer/wroteTo> _:f1_-1 <http://example.org/rosmer/letters> .
`,
    );
  });

  it('JSON-LD compacted with the prefixes as its context, named graphs kept', async () => {
    expect(
      JSON.parse(await serializeRdf(letters.quads, 'jsonld', { prefixes: letters.prefixes })),
    ).toEqual({
      '@context': { ex: 'http://example.org/rosmer/', foaf: 'http://xmlns.com/foaf/0.1/' },
      '@graph': [
        { '@id': 'ex:alfred', 'foaf:name': 'Alfred Rosmer' },
        {
          '@graph': [
            { '@id': '_:b0', 'foaf:name': 'Pierre Monatte' },
            { '@id': 'ex:alfred', 'ex:wroteTo': { '@id': '_:b0' } },
          ],
          '@id': 'ex:letters',
        },
        {
          '@graph': [
            { '@id': 'ex:alfred', 'ex:knows': { '@id': 'ex:trotsky' } },
            { '@id': 'ex:trotsky', 'foaf:name': 'Leon Trotsky' },
          ],
          '@id': 'ex:memoirs',
        },
      ],
    });
  });

  it('the well-known prefixes when the data declares none', async () => {
    const typeOnly = people.quads.slice(0, 1);
    expect(await serializeRdf(typeOnly, 'turtle')).toBe(
      `@prefix foaf: <http://xmlns.com/foaf/0.1/> .

<http://example.org/rosmer/alfred> a foaf:Person .
`,
    );
  });
});

describe('serializeRdf and named graphs', () => {
  it('refuses to flatten named graphs into a triples-only format, saying what to do', async () => {
    for (const format of ['turtle', 'ntriples'] as const) {
      const error = await rejection(
        serializeRdf(letters.quads, format, { prefixes: letters.prefixes }),
      );
      expect(error).toBeInstanceOf(RdfSerializeError);
      expect((error as Error).message).toBe(
        `The data has 2 named graphs, which ${format === 'turtle' ? 'Turtle' : 'N-Triples'} cannot hold: write TriG or N-Quads to keep them, ` +
          "or choose what to write (graph: 'default', a graph IRI, or 'union' for all triples).",
      );
    }
  });

  it('writes one named graph, the default graph, or the union of all, as asked', async () => {
    const write = (format: RdfFormatId, graph: string): Promise<string> =>
      serializeRdf(letters.quads, format, { prefixes: letters.prefixes, graph });
    expect(await write('turtle', 'http://example.org/rosmer/memoirs')).toBe(
      `@prefix ex: <http://example.org/rosmer/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .

ex:alfred ex:knows ex:trotsky .

ex:trotsky foaf:name "Leon Trotsky" .
`,
    );
    expect(await write('nquads', 'http://example.org/rosmer/memoirs')).toBe(
      `<http://example.org/rosmer/alfred> <http://example.org/rosmer/knows> <http://example.org/rosmer/trotsky> <http://example.org/rosmer/memoirs> .
<http://example.org/rosmer/trotsky> <http://xmlns.com/foaf/0.1/name> "Leon Trotsky" <http://example.org/rosmer/memoirs> .
`,
    );
    expect(await write('ntriples', 'default')).toBe(
      '<http://example.org/rosmer/alfred> <http://xmlns.com/foaf/0.1/name> "Alfred Rosmer" .\n',
    );
    expect(await write('turtle', 'union')).toBe(
      `@prefix ex: <http://example.org/rosmer/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .

ex:alfred ex:knows ex:trotsky ;
    ex:wroteTo [ foaf:name "Pierre Monatte" ] ;
    foaf:name "Alfred Rosmer" .

ex:trotsky foaf:name "Leon Trotsky" .
`,
    );
  });

  it('cannot write RDF/XML', async () => {
    const error = await rejection(serializeRdf(people.quads, 'rdfxml'));
    expect((error as Error).message).toBe(
      'RDF/XML cannot be written; choose Turtle, TriG, N-Triples, N-Quads or JSON-LD.',
    );
  });
});

describe('round trips', () => {
  const writable = RDF_FORMATS.filter((f) => f.writable);

  it('every writable format reads back to an isomorphic graph', async () => {
    for (const { quads, prefixes } of [people, letters]) {
      const named = quads.some((q) => q.graph.termType !== 'DefaultGraph');
      for (const format of writable.filter((f) => f.namedGraphs || !named)) {
        const text = await serializeRdf(quads, format.id, { prefixes });
        const back = await readAll(text, {
          format: format.id,
          source: `round-trip.${format.extensions[0] ?? ''}`,
        });
        expect(isomorphic(back.quads, quads), `${format.label}\n${text}`).toBe(true);
      }
    }
  });

  it('keeps blank-node cycles, shared blank nodes and empty lists', async () => {
    const { quads } = await readAll(
      `@prefix ex: <http://example.org/> .
       _:a ex:next _:b . _:b ex:next _:a .
       ex:x ex:shares _:s . ex:y ex:shares _:s . _:s ex:p "shared" .
       ex:z ex:list () ; ex:nested ( ( 1 2 ) [ ex:q ( ) ] ) .
       [] ex:about ex:z .`,
      { format: 'turtle', source: 'shapes.ttl' },
    );
    for (const format of writable) {
      const text = await serializeRdf(quads, format.id);
      const back = await readAll(text, { format: format.id, source: 'back' });
      expect(isomorphic(back.quads, quads), `${format.label}\n${text}`).toBe(true);
    }
  });
});
