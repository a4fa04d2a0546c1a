// Label languages: the list a person types, its fallback chain, the labels the projection then
// chooses, and alternative names that are searchable and kept apart from the label.
import { describe, expect, test } from 'vitest';
import {
  describeFallback,
  formatLanguageList,
  parseLanguageList,
  sameLanguages,
} from '../../../src/graph/language.ts';
import { buildSearchIndex, searchNodes } from '../../../src/graph/search.ts';
import { EX, projectFixtures } from './fixtures.ts';

const labels = (languages: string[]): Record<string, string> => {
  const { graph } = projectFixtures(['languages.ttl'], { languages });
  return Object.fromEntries(
    ['moscow', 'trotsky', 'germany', 'plain', 'colour'].map((k) => [
      k,
      graph.getNodeAttribute(`${EX}${k}`, 'label'),
    ]),
  );
};

describe('parseLanguageList', () => {
  test('reads tags separated by commas or spaces, lower-cased, without repeats', () => {
    expect(parseLanguageList('fr, en')).toEqual({ ok: true, languages: ['fr', 'en'] });
    expect(parseLanguageList(' FR en-GB;fr ')).toEqual({ ok: true, languages: ['fr', 'en-gb'] });
  });

  test('refuses an empty list or a malformed tag, naming the field and the tag', () => {
    expect(parseLanguageList(' , ')).toEqual({
      ok: false,
      error: 'Label languages: write at least one language tag, such as en.',
    });
    expect(parseLanguageList('fr, e')).toEqual({
      ok: false,
      error:
        'Label languages: “e” is not a language tag; write tags such as fr, en or en-GB, separated by commas.',
    });
    expect(parseLanguageList('français').ok).toBe(false);
  });

  test('formats, compares and explains the fallback chain', () => {
    expect(formatLanguageList(['fr', 'en'])).toBe('fr, en');
    expect(sameLanguages(['fr', 'en'], ['fr', 'en'])).toBe(true);
    expect(sameLanguages(['fr', 'en'], ['en', 'fr'])).toBe(false);
    expect(describeFallback(['fr', 'en'])).toBe(
      'fr → en → untagged → any other language → the IRI',
    );
  });
});

describe('labels chosen by the preferred languages', () => {
  test('English first', () => {
    expect(labels(['en'])).toEqual({
      moscow: 'Moscow',
      trotsky: 'Leon Trotsky',
      germany: 'Deutschland',
      plain: 'Plain',
      colour: 'color',
    });
  });

  test('French, then English: each label falls back along the chain', () => {
    expect(labels(['fr', 'en'])).toEqual({
      moscow: 'Moscou',
      trotsky: 'Léon Trotski',
      germany: 'Deutschland',
      plain: 'Simple',
      colour: 'color',
    });
  });

  test('a regional tag is preferred exactly, a bare tag takes any region', () => {
    expect(labels(['en-gb']).colour).toBe('colour');
    expect(labels(['ru', 'en'])).toMatchObject({ moscow: 'Москва', trotsky: 'Leon Trotsky' });
  });
});

describe('alternative names', () => {
  const { graph } = projectFixtures(['languages.ttl'], { languages: ['en'] });
  const index = buildSearchIndex(graph);

  test('are kept apart from the label', () => {
    expect(graph.getNodeAttribute(`${EX}trotsky`, 'altLabels')).toEqual([
      'Lev Davidovich Bronstein',
      'the Old Man',
    ]);
    expect(graph.getNodeAttribute(`${EX}moscow`, 'altLabels')).toEqual(['Moskva']);
  });

  test('and labels in other languages are searchable, saying which name matched', () => {
    expect(searchNodes(index, 'bronstein')).toEqual([
      {
        key: `${EX}trotsky`,
        label: 'Leon Trotsky',
        matchedName: 'Lev Davidovich Bronstein',
        vocabulary: false,
      },
    ]);
    expect(searchNodes(index, 'old man')[0]?.matchedName).toBe('the Old Man');
    expect(searchNodes(index, 'moscou')[0]).toMatchObject({
      key: `${EX}moscow`,
      matchedName: 'Moscou',
    });
    expect(searchNodes(index, 'trotski')[0]).toMatchObject({
      key: `${EX}trotsky`,
      matchedName: 'Léon Trotski',
    });
  });
});
