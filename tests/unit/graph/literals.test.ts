// Literal formatting: dates at their own precision, everything else as written.
import { describe, expect, test } from 'vitest';
import { formatLiteral } from '../../../src/graph/literals.ts';
import { XSD } from './fixtures.ts';

describe('formatLiteral', () => {
  test.each([
    ['1877', 'gYear', '1877'],
    ['1877Z', 'gYear', '1877 UTC'],
    ['-0043', 'gYear', '44 BC'],
    ['1938-09', 'gYearMonth', 'September 1938'],
    ['1938-09-03', 'date', '3 September 1938'],
    ['1938-09-03+02:00', 'date', '3 September 1938 UTC+02:00'],
    ['1938-09-03T14:05:00Z', 'dateTime', '3 September 1938, 14:05 UTC'],
    ['1938-09-03T14:05', 'dateTime', '3 September 1938, 14:05'],
    ['--09-03', 'gMonthDay', '3 September'],
    ['--09', 'gMonth', 'September'],
  ])('%s as xsd:%s reads "%s"', (value, type, expected) => {
    expect(formatLiteral(value, `${XSD}${type}`)).toBe(expected);
  });

  test('a year is never a first of January', () => {
    expect(formatLiteral('1920', `${XSD}gYear`)).not.toMatch(/January/);
  });

  test('invalid dates and other datatypes are shown as written', () => {
    expect(formatLiteral('1938-13', `${XSD}gYearMonth`)).toBe('1938-13');
    expect(formatLiteral('late 1920s', `${XSD}gYear`)).toBe('late 1920s');
    expect(formatLiteral('1930', `${XSD}integer`)).toBe('1930');
    expect(formatLiteral('Paris', `${XSD}string`)).toBe('Paris');
  });
});
