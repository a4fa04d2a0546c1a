// The provenance the data carries for a node or an edge: named graphs and what they say of
// themselves, a node's own prov:wasDerivedFrom / dcterms:source links, and the reified claims.
import { describe, expect, test } from 'vitest';
import { provenanceOf } from '../../../src/graph/provenance.ts';
import { EX, projectFixtures } from './fixtures.ts';
import { ROSMER, rosmerDataset } from './rosmer.ts';

const DERIVED = 'http://www.w3.org/ns/prov#wasDerivedFrom';
const SOURCE = 'http://purl.org/dc/terms/source';
const { graph, termLabels } = projectFixtures(['provenance-cases.trig']);
const x = (local: string): string => `${EX}${local}`;

describe('provenanceOf', () => {
  test('a node: its graphs, its own source links, and the claims behind what is said of it', () => {
    expect(provenanceOf(graph, termLabels, { kind: 'node', key: x('ada') })).toEqual({
      graphs: [
        {
          graph: x('census-1900'),
          relations: 1,
          origins: [{ predicate: DERIVED, value: x('census-scan'), isNode: true }],
        },
        { graph: x('letters'), relations: 1, origins: [] },
      ],
      origins: [
        { predicate: SOURCE, value: 'a family bible', isNode: false },
        { predicate: DERIVED, value: x('parish-register'), isNode: true },
      ],
      claims: [
        {
          about: 'ex:born: 1815',
          source: {
            statement: x('claim-born'),
            quote: null,
            quoteLanguage: '',
            documents: [x('parish-register')],
          },
        },
        {
          about: 'ex:wroteTo → Ben',
          source: {
            statement: x('claim-letter'),
            quote: 'She wrote to Ben.',
            quoteLanguage: 'en',
            documents: [x('memoir')],
          },
        },
        {
          about: 'type: ex:Person',
          source: {
            statement: x('claim-type'),
            quote: 'Ada was a person of note.',
            quoteLanguage: 'en',
            documents: [x('memoir')],
          },
        },
      ],
      empty: false,
    });
  });

  test('an edge: its graph and its claims', () => {
    const edge = `${x('ada')} -[${x('wroteTo')}]-> ${x('ben')} @ ${x('letters')}`;
    const p = provenanceOf(graph, termLabels, { kind: 'edge', key: edge });
    expect(p.graphs).toEqual([{ graph: x('letters'), relations: 1, origins: [] }]);
    expect(p.origins).toEqual([]);
    expect(p.claims.map((c) => [c.about, c.source.quote])).toEqual([
      ['ex:wroteTo → Ben', 'She wrote to Ben.'],
    ]);
  });

  test('nothing said is said plainly', () => {
    expect(provenanceOf(graph, termLabels, { kind: 'node', key: x('bare') })).toEqual({
      graphs: [],
      origins: [],
      claims: [],
      empty: true,
    });
    expect(provenanceOf(graph, termLabels, { kind: 'node', key: x('missing') }).empty).toBe(true);
  });

  test('on the Rosmer graph every claim about the Dewey commission cites the article', () => {
    const { projection } = rosmerDataset();
    const p = provenanceOf(projection.graph, projection.termLabels, {
      kind: 'node',
      key: `${ROSMER}dewey-commission`,
    });
    expect(p.graphs).toEqual([]);
    expect(p.claims.map((c) => c.about)).toEqual([
      'Alfred Rosmer → took part in',
      'set up to investigate → Stalin’s show trials',
    ]);
    for (const c of p.claims) expect(c.source.documents).toEqual([`${ROSMER}article`]);
  });
});
