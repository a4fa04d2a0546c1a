// Search: folding of case, diacritics and punctuation, and the ranking of matches.
import { describe, expect, test } from 'vitest';
import { buildSearchIndex, normalizeText, searchNodes } from '../../../src/graph/search.ts';
import { R, rosmerMini } from './fixtures.ts';

describe('normalizeText', () => {
  test.each([
    ['Léon TROTSKI', 'leon trotski'],
    ['  Marguerite\tThévenet ', 'marguerite thevenet'],
    ['Lenin’s Moscow', 'lenins moscow'],
    ['Straße', 'strasse'],
    ['Œuvre — “complète”', 'oeuvre complete'],
    ['Jean-Paul', 'jean paul'],
    ['', ''],
  ])('%j folds to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('searchNodes on the mini Rosmer graph', () => {
  const index = buildSearchIndex(rosmerMini().graph);
  const keys = (query: string) => searchNodes(index, query).map((h) => h.key);

  test('"trotsk" finds Leon Trotsky first', () => {
    expect(searchNodes(index, 'trotsk')[0]).toEqual({
      key: `${R}leon-trotsky`,
      label: 'Leon Trotsky',
      matchedName: null,
      vocabulary: false,
    });
  });

  test('an alternative name finds its node and says which name matched', () => {
    expect(searchNodes(index, 'THEVENET')).toEqual([
      {
        key: `${R}marguerite-rosmer`,
        label: 'Marguerite Rosmer',
        matchedName: 'Marguerite Thevenet',
        vocabulary: false,
      },
    ]);
  });

  test('labels in other languages are searchable, diacritics or not', () => {
    expect(keys('léon trotski')).toEqual([`${R}leon-trotsky`]);
    expect(keys('trotski')).toEqual([`${R}leon-trotsky`]);
  });

  test('matches at the start of a word rank by connections, then by shorter label', () => {
    const rosmer = [
      `${R}alfred-rosmer`,
      `${R}marguerite-rosmer`,
      'residence of Alfred Rosmer',
      'Alfred and Marguerite Rosmer kept the flame of revolution burning',
    ];
    const labels = (query: string) =>
      searchNodes(index, query).map((h) =>
        h.key.startsWith(R) && h.key !== `${R}article` ? h.key : h.label,
      );
    expect(labels('rosmer')).toEqual(rosmer);
    // "fourth" starts a word of both; the founding has more links.
    expect(keys('fourth')).toEqual([
      `${R}founding-of-the-fourth-international`,
      `${R}fourth-international`,
    ]);
  });

  test('the middle of a word matches after every start of a word', () => {
    expect(keys('ourth')).toEqual([
      `${R}founding-of-the-fourth-international`,
      `${R}fourth-international`,
    ]);
    expect(searchNodes(index, 'ternational trotsk')).toEqual([]);
  });

  test('every word of the query must match the start of a word', () => {
    expect(searchNodes(index, 'rosmer alf').map((h) => h.label)).toEqual([
      'Alfred Rosmer',
      'residence of Alfred Rosmer',
      'Alfred and Marguerite Rosmer kept the flame of revolution burning',
    ]);
    expect(keys('rosmer zzz')).toEqual([]);
  });

  test('an empty query finds nothing; the limit is kept', () => {
    expect(searchNodes(index, '  ')).toEqual([]);
    expect(searchNodes(index, 'e', 3)).toHaveLength(3);
  });

  test('vocabulary terms are found and flagged', () => {
    const hit = searchNodes(index, 'organisation').find((h) => h.vocabulary);
    expect(hit?.key).toBe('https://w3id.org/triplescope/ontology#Organisation');
  });
});
