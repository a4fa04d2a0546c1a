// Property-based tests of the import boundary with fast-check (fixed seed, so every run tries the
// same cases): random and mutated Turtle, N-Triples and JSON-LD — valid documents with characters
// deleted, inserted or replaced, cut off, or with pieces repeated, delivered whole or as bytes in
// small chunks — must each either load or stop with an `RdfParseError` (never anything else),
// within a time bound, and never change the data already loaded (the harness checks that on every
// attempt). How many cases ran is printed with the summary.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RdfFormatId } from '../../../src/rdf/index.ts';
import { attempt, fixturePath, sharedPath } from './harness.ts';
import { inChunks } from './streams.ts';

/** The seed of every property: the same cases on every run. */
const SEED = 20_260_807;
/** Per-case time bound: a case that takes longer fails (a hang would be found here). */
const CASE_MS = 2000;

/** Cases run per property, for the printed count. */
export const propertyRuns: { name: string; cases: number }[] = [];

/** Pieces that matter to the syntaxes, inserted at random places. */
const PIECES = [
  '<',
  '>',
  '"',
  "'",
  '"""',
  "'''",
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '@',
  ':',
  ';',
  ',',
  '.',
  '\\',
  '#',
  '_:',
  '^^',
  '?',
  '!',
  '=',
  '%',
  '/',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  'é',
  '😀',
  '\u202E',
  '\uFEFF',
  '\\u00',
  '\\U0001F600',
  '@prefix',
  'PREFIX',
  '@base',
  '<<',
  '>>',
  '<<(',
  ')>>',
  '{|',
  '|}',
  'a',
  'true',
  '1e999',
  '-.5',
  'ex:',
  '<http://example.org/x>',
  '"@context"',
  '"@id"',
  '"@type"',
  '"@list"',
  '"@value"',
  '"@graph"',
  '"@reverse"',
  '"@language"',
  '"@json"',
  'null',
  '[{',
  '}]',
  '":',
  '"http://example.org/p"',
  '"_:b"',
  '"javascript:x"',
];

const piece = fc.constantFrom(...PIECES);

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; from: number; length: number; to: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
    to: fc.nat(),
  }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const n = Math.max(1, t.length);
    switch (m.kind) {
      case 'delete': {
        const at = m.at % n;
        t = t.slice(0, at) + t.slice(at + m.length);
        break;
      }
      case 'insert': {
        const at = m.at % (t.length + 1);
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      }
      case 'replace': {
        const at = m.at % n;
        t = t.slice(0, at) + m.text + t.slice(at + 1);
        break;
      }
      case 'truncate':
        t = t.slice(0, m.at % (t.length + 1));
        break;
      case 'duplicate': {
        const from = m.from % n;
        const to = m.to % (t.length + 1);
        t = t.slice(0, to) + t.slice(from, from + m.length) + t.slice(to);
        break;
      }
    }
  }
  return t;
}

/** How a document reaches the reader: whole, or as UTF-8 bytes in chunks (splitting characters). */
const delivery = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 64 }));

/** Runs one case through the harness and returns what it did. */
async function tryCase(
  text: string,
  chunk: number,
  format: RdfFormatId,
  source: string,
): Promise<'loaded' | 'stopped'> {
  const input = chunk === 0 ? text : inChunks(new TextEncoder().encode(text), chunk);
  const outcome = await attempt(input, { format, source }, CASE_MS);
  if (outcome.kind === 'failed') {
    const error = outcome.error;
    throw new Error(
      `not an RdfParseError (or out of time after ${String(outcome.ms)} ms): ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n--- input ---\n${text}`,
      { cause: error },
    );
  }
  if (outcome.kind === 'stopped') {
    const { error } = outcome;
    expect(error.source).toBe(source);
    expect(error.message.startsWith(source)).toBe(true);
    // Turtle and N-Triples errors always say where; JSON-LD's do for JSON syntax and limits (its
    // processing errors name the keyword or term instead, as the JSON-LD processor reports them).
    if (format !== 'jsonld') {
      expect(
        { line: error.line !== undefined, column: error.column !== undefined },
        error.message,
      ).toEqual({
        line: true,
        column: true,
      });
    }
  }
  return outcome.kind;
}

/** Asserts `property` with the fixed seed, counting its cases and their outcomes. */
async function run(
  name: string,
  cases: number,
  arbitrary: fc.Arbitrary<[string, number]>,
  format: RdfFormatId,
): Promise<void> {
  const outcomes = { loaded: 0, stopped: 0 };
  await fc.assert(
    fc.asyncProperty(arbitrary, async ([text, chunk]) => {
      outcomes[await tryCase(text, chunk, format, `fuzz.${format}`)] += 1;
    }),
    { seed: SEED, numRuns: cases, endOnFailure: true },
  );
  propertyRuns.push({ name, cases });
  // A property that only ever loads (or only ever stops) would not be testing both paths.
  expect(outcomes.loaded).toBeGreaterThan(0);
  expect(outcomes.stopped).toBeGreaterThan(0);
}

const text = (path: string): string => readFileSync(path, 'utf8');

/** Valid documents to mutate. */
const TURTLE = [
  text(fixturePath('rdf', 'people.ttl')),
  text(fixturePath('rdf', 'people.trig')).replace(/ex:\w+ \{|\}/g, ''),
  `@base <http://example.org/base/> .
PREFIX ex: <http://example.org/>
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<a> ex:p "plain", 'single', """long
string""", '''other "long" one''', "tagged"@en-GB, "typed"^^xsd:string, 12, -3.5e2, .5, true ;
    ex:q [ ex:r ( 1 ( 2 3 ) [ ex:s "x\\u00E9\\t" ] ) ], _:b1 ;
    a ex:C .
_:b1 ex:esc "quote \\" backslash \\\\ \\U0001F600" ; ex:name ex:local\\-name.with.dots .
<< <a> ex:p "plain" >> ex:since 2020 .
`,
];
const NTRIPLES = [
  text(fixturePath('rdf', 'people.nt')),
  text(sharedPath('datasets', 'kennedy', 'kennedy.ntriples'))
    .split('\n')
    .slice(0, 25)
    .join('\n'),
];
const JSONLD = [
  text(fixturePath('rdf', 'people.jsonld')),
  JSON.stringify(
    {
      '@context': {
        ex: 'http://example.org/',
        name: { '@id': 'ex:name', '@language': 'en' },
        knows: { '@id': 'ex:knows', '@type': '@id' },
        items: { '@id': 'ex:items', '@container': '@list' },
        tags: { '@id': 'ex:tags', '@container': '@set' },
        data: { '@id': 'ex:data', '@type': '@json' },
      },
      '@graph': [
        {
          '@id': 'ex:a',
          '@type': ['ex:Person', 'ex:Agent'],
          name: 'Alfred',
          knows: ['ex:b', { '@id': '_:c', name: 'Marguerite' }],
          items: [
            1,
            2.5,
            true,
            { '@value': '2020-01-01', '@type': 'http://www.w3.org/2001/XMLSchema#date' },
          ],
          tags: ['x', 'y'],
          data: { html: '<b>x</b>', n: [1, 2] },
          '@reverse': { 'ex:parent': { '@id': 'ex:child' } },
        },
        {
          '@id': 'ex:g',
          '@graph': [{ '@id': 'ex:b', 'ex:p': { '@value': 'v', '@language': 'fr' } }],
        },
      ],
    },
    null,
    1,
  ),
];

const mutated = (documents: readonly string[]): fc.Arbitrary<[string, number]> =>
  fc
    .tuple(
      fc.constantFrom(...documents),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      delivery,
    )
    .map(([doc, mutations, chunk]): [string, number] => [mutate(doc, mutations), chunk]);

/** Text made of syntax pieces and characters, from nothing to a few hundred characters. */
const soup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(piece, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

/** Terms as Turtle and N-Triples write them, with random content. */
const iri = fc.webUrl().map((u) => `<${u}>`);
const literal = fc
  .tuple(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.oneof(
      fc.constant(''),
      fc.constantFrom('@en', '@fr-CA', '^^<http://www.w3.org/2001/XMLSchema#integer>'),
    ),
  )
  .map(([value, suffix]) => `${JSON.stringify(value)}${suffix}`);
const blank = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/).map((l) => `_:${l}`);
const triple = fc
  .tuple(fc.oneof(iri, blank), iri, fc.oneof(iri, blank, literal))
  .map(([s, p, o]) => `${s} ${p} ${o} .`);
const triples = fc.array(triple, { maxLength: 12 }).map((lines) => lines.join('\n'));
/** Random statements, valid as made, then possibly mutated. */
const randomStatements = fc
  .tuple(triples, fc.array(mutation, { maxLength: 3 }), delivery)
  .map(([t, m, chunk]): [string, number] => [mutate(t, m), chunk]);

/** JSON-LD-shaped values: objects with keywords and IRIs as keys, nested. */
const jsonLd = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('http://example.org/x', '_:b0', 'javascript:x', '@id', 'ex:y'),
    tie('node'),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
  node: fc.dictionary(
    fc.constantFrom(
      '@id',
      '@type',
      '@value',
      '@language',
      '@list',
      '@set',
      '@graph',
      '@context',
      '@reverse',
      '@index',
      '@vocab',
      '@base',
      'http://example.org/p',
      'ex:q',
      'name',
    ),
    tie('value'),
    { maxKeys: 5 },
  ),
})).node;

describe(
  'property-based: bad input never escapes as anything but an RdfParseError',
  { timeout: 120_000 },
  () => {
    it('mutated Turtle', async () => {
      await run('mutated Turtle', 1500, mutated(TURTLE), 'turtle');
    });

    it('random Turtle: syntax soup and random statements, mutated', async () => {
      await run('random Turtle (soup)', 600, fc.tuple(soup, delivery), 'turtle');
      await run('random Turtle (statements, mutated)', 400, randomStatements, 'turtle');
    });

    it('mutated N-Triples', async () => {
      await run('mutated N-Triples', 1200, mutated(NTRIPLES), 'ntriples');
    });

    it('random N-Triples: syntax soup and random statements, mutated', async () => {
      await run('random N-Triples (soup)', 400, fc.tuple(soup, delivery), 'ntriples');
      await run('random N-Triples (statements, mutated)', 500, randomStatements, 'ntriples');
    });

    it('mutated JSON-LD', async () => {
      await run('mutated JSON-LD', 1200, mutated(JSONLD), 'jsonld');
    });

    it('random JSON-LD: random JSON and JSON-LD-shaped documents', async () => {
      await run(
        'random JSON-LD (any JSON)',
        400,
        fc.tuple(fc.json({ maxDepth: 4 }), delivery),
        'jsonld',
      );
      const shaped = fc.tuple(
        jsonLd.map((v) => JSON.stringify(v)),
        delivery,
      );
      await run('random JSON-LD (JSON-LD-shaped)', 800, shaped, 'jsonld');
    });
  },
);
