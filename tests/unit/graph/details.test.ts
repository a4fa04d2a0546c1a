// What the details panel lists for a node: facts by predicate, relations by predicate and direction.
import { describe, expect, test } from 'vitest';
import { describeNode } from '../../../src/graph/details.ts';
import { R, RDFS, TS, XSD, rosmerMini } from './fixtures.ts';

const projection = rosmerMini();

describe('describeNode', () => {
  test('Alfred Rosmer: facts, then outgoing and incoming relations, each with its sources', () => {
    const description = describeNode(projection, `${R}alfred-rosmer`);
    expect(description.facts.map((g) => [g.label, g.facts.map((f) => f.value)])).toEqual([
      ['label', ['Alfred Rosmer']],
      ['year of birth', ['1877']],
    ]);
    expect(description.facts[1]?.facts[0]?.datatype).toBe(`${XSD}gYear`);
    expect(
      description.relations.map((g) => [
        g.direction,
        g.label,
        g.relations.map((r) => r.neighbourLabel),
      ]),
    ).toEqual([
      ['out', 'born in', ['United States']],
      ['out', 'expelled from', ['French Communist Party']],
      ['out', 'met', ['Leon Trotsky']],
      ['out', 'residence', ['residence of Alfred Rosmer']],
      ['out', 'took part in', ['Dewey commission']],
      ['out', 'worked with', ['Leon Trotsky']],
      ['in', 'hosted by', ['Founding of the Fourth International']],
      ['in', 'partner of', ['Marguerite Rosmer']],
    ]);
    const met = description.relations.find((g) => g.label === 'met')?.relations[0];
    expect(met).toEqual({
      edge: `${R}alfred-rosmer -[${TS}met]-> ${R}leon-trotsky`,
      neighbour: `${R}leon-trotsky`,
      neighbourLabel: 'Leon Trotsky',
      sources: [
        {
          statement: `${R}claim-met`,
          quote:
            'Through his activity Rosmer also met a Russian exile, Leon Trotsky, who took refuge in Paris before being deported.',
          quoteLanguage: 'en',
          documents: [`${R}article`],
        },
      ],
    });
  });

  test('a node with several neighbours under one predicate lists them in label order', () => {
    const event = describeNode(projection, `${R}founding-of-the-fourth-international`);
    expect(event.relations.map((g) => [g.label, g.relations.map((r) => r.neighbourLabel)])).toEqual(
      [
        ['founded', ['Fourth International']],
        ['hosted by', ['Alfred Rosmer', 'Marguerite Rosmer']],
      ],
    );
    expect(event.facts.map((g) => g.predicate)).toEqual([`${TS}date`, `${RDFS}label`]);
  });
});
