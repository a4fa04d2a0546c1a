// Shortening IRIs to prefixed names, for labels and messages.
import { describe, expect, it } from 'vitest';
import {
  prefixShortener,
  shorten,
  withWellKnownPrefixes,
  WELL_KNOWN_PREFIXES,
} from '../../../src/rdf/prefixes.ts';

describe('shorten', () => {
  const prefixes = {
    ex: 'http://example.org/',
    exa: 'http://example.org/a/',
    schema: 'https://schema.org/',
  };

  it('uses the longest namespace that fits', () => {
    expect(shorten('http://example.org/alfred', prefixes)).toBe('ex:alfred');
    expect(shorten('http://example.org/a/b', prefixes)).toBe('exa:b');
    expect(shorten('https://schema.org/Person', prefixes)).toBe('schema:Person');
    expect(shorten('http://example.org/', prefixes)).toBe('ex:');
  });

  it('leaves an IRI whole when no prefix fits or the rest is not a plain local name', () => {
    expect(shorten('http://other.org/x', prefixes)).toBe('http://other.org/x');
    expect(shorten('http://example.org/x/y', prefixes)).toBe('http://example.org/x/y');
    expect(shorten('http://example.org/x?y=1', prefixes)).toBe('http://example.org/x?y=1');
    expect(shorten('http://example.org/ends.', prefixes)).toBe('http://example.org/ends.');
  });

  it('keeps letters of every script and inner dots and dashes', () => {
    const short = prefixShortener(WELL_KNOWN_PREFIXES);
    expect(short('http://xmlns.com/foaf/0.1/name')).toBe('foaf:name');
    expect(short('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')).toBe('rdf:type');
    expect(short('https://schema.org/Straße-1.0')).toBe('schema:Straße-1.0');
  });
});

describe('withWellKnownPrefixes', () => {
  it('adds the well-known prefixes that clash with neither a name nor a namespace already there', () => {
    const merged = withWellKnownPrefixes({
      rdf: 'http://example.org/not-rdf#',
      s: 'https://schema.org/',
    });
    expect(merged.rdf).toBe('http://example.org/not-rdf#');
    expect(merged.s).toBe('https://schema.org/');
    expect(merged.schema).toBeUndefined();
    expect(merged.xsd).toBe('http://www.w3.org/2001/XMLSchema#');
  });
});
