// Label choice and IRI shortening.
import { describe, expect, test } from 'vitest';
import { localName, pickLabel, shortenIri } from '../../../src/graph/labels.ts';
import { DEFAULT_PREFIXES, LABEL_PREDICATES } from '../../../src/graph/vocab.ts';
import { RDFS } from './fixtures.ts';

const LABEL = `${RDFS}label`;
const NAME = 'http://schema.org/name';
const candidate = (value: string, language = '', predicate = LABEL) => ({
  predicate,
  value,
  language,
});

describe('pickLabel', () => {
  test('the first preferred language wins, a region tag matches its language', () => {
    const candidates = [
      candidate('Trotski', 'fr'),
      candidate('Trotsky', 'en-GB'),
      candidate('Trotzki', 'de'),
    ];
    expect(pickLabel(candidates, ['en', 'fr'], LABEL_PREDICATES)).toEqual(
      candidate('Trotsky', 'en-GB'),
    );
    expect(pickLabel(candidates, ['fr', 'en'], LABEL_PREDICATES)).toEqual(
      candidate('Trotski', 'fr'),
    );
  });

  test('an untagged literal comes after the preferred languages and before the others', () => {
    expect(
      pickLabel([candidate('Trotzki', 'de'), candidate('Trotsky')], ['en'], LABEL_PREDICATES),
    ).toEqual(candidate('Trotsky'));
    expect(
      pickLabel([candidate('Trotsky', 'en'), candidate('Plain')], ['en'], LABEL_PREDICATES),
    ).toEqual(candidate('Trotsky', 'en'));
  });

  test('in one language the earlier predicate wins, then the smaller value; blanks never win', () => {
    expect(
      pickLabel(
        [candidate('Name', 'en', NAME), candidate('Label', 'en')],
        ['en'],
        LABEL_PREDICATES,
      ),
    ).toEqual(candidate('Label', 'en'));
    expect(pickLabel([candidate('b'), candidate('a')], ['en'], LABEL_PREDICATES)).toEqual(
      candidate('a'),
    );
    expect(pickLabel([candidate('  ')], ['en'], LABEL_PREDICATES)).toBeUndefined();
    expect(
      pickLabel([candidate('x', 'en', 'http://example.org/other')], ['en'], LABEL_PREDICATES),
    ).toBeUndefined();
  });
});

describe('shortenIri and localName', () => {
  test('the longest matching namespace gives prefix:local', () => {
    const prefixes = {
      ...DEFAULT_PREFIXES,
      ex: 'http://example.org/',
      exa: 'http://example.org/a/',
    };
    expect(shortenIri('http://example.org/a/thing', prefixes)).toBe('exa:thing');
    expect(shortenIri('http://example.org/thing', prefixes)).toBe('ex:thing');
    expect(shortenIri('https://w3id.org/triplescope/rosmer/alfred-rosmer', prefixes)).toBe(
      'rosmer:alfred-rosmer',
    );
  });

  test('without a namespace, the decoded local name; without one, the IRI itself', () => {
    expect(shortenIri('http://other.example/path/Some%20Thing', {})).toBe('Some Thing');
    expect(shortenIri('http://other.example/doc#part', {})).toBe('part');
    expect(shortenIri('urn:isbn:0451450523', {})).toBe('urn:isbn:0451450523');
    expect(localName('http://other.example/bad%E0')).toBe('bad%E0');
  });

  test('a namespace is not used when the rest is a path, not a local name', () => {
    expect(shortenIri('http://example.org/a/b', { ex: 'http://example.org/' })).toBe('b');
  });
});
