// The format registry: ids, labels, extensions and media types, as menus and the command line use
// them.
import { describe, expect, it } from 'vitest';
import {
  formatById,
  formatFromFileName,
  formatFromMediaType,
  isRdfFormatId,
  RDF_FORMATS,
} from '../../../src/rdf/formats.ts';

describe('RDF_FORMATS', () => {
  it('lists every format once, with what it can hold and whether it can be written', () => {
    expect(RDF_FORMATS.map((f) => [f.id, f.label, f.namedGraphs, f.writable])).toEqual([
      ['turtle', 'Turtle', false, true],
      ['trig', 'TriG', true, true],
      ['ntriples', 'N-Triples', false, true],
      ['nquads', 'N-Quads', true, true],
      ['jsonld', 'JSON-LD', true, true],
      ['rdfxml', 'RDF/XML', false, false],
    ]);
  });
});

describe('formatFromFileName', () => {
  const id = (name: string): [string, boolean] | undefined => {
    const found = formatFromFileName(name);
    return found && [found.format.id, found.gzip];
  };

  it('reads the extension, case-insensitively, through a final .gz', () => {
    expect(id('people.ttl')).toEqual(['turtle', false]);
    expect(id('data/People.TTL')).toEqual(['turtle', false]);
    expect(id('x.nt.gz')).toEqual(['ntriples', true]);
    expect(id('kennedy.ntriples')).toEqual(['ntriples', false]);
    expect(id('vocab.nq')).toEqual(['nquads', false]);
    expect(id('g.trig')).toEqual(['trig', false]);
    expect(id('doc.jsonld')).toEqual(['jsonld', false]);
    expect(id('lesmis.rdf')).toEqual(['rdfxml', false]);
    expect(id('pizza.owl')).toEqual(['rdfxml', false]);
    expect(id('C:\\data\\x.nq.GZ')).toEqual(['nquads', true]);
    expect(id('https://example.org/data.ttl?version=2#top')).toEqual(['turtle', false]);
  });

  it('knows nothing of other names', () => {
    expect(id('notes.txt')).toBeUndefined();
    expect(id('archive.gz')).toBeUndefined();
    expect(id('ttl')).toBeUndefined();
  });
});

describe('formatFromMediaType and formatById', () => {
  it('ignores parameters and case', () => {
    expect(formatFromMediaType('text/turtle; charset=utf-8')?.id).toBe('turtle');
    expect(formatFromMediaType('Application/N-Quads')?.id).toBe('nquads');
    expect(formatFromMediaType('application/ld+json')?.id).toBe('jsonld');
    expect(formatFromMediaType('application/rdf+xml')?.id).toBe('rdfxml');
    expect(formatFromMediaType('text/html')).toBeUndefined();
  });

  it('finds a format by id, and names the known ids otherwise', () => {
    expect(formatById('trig').label).toBe('TriG');
    expect(isRdfFormatId('jsonld')).toBe(true);
    expect(isRdfFormatId('n3')).toBe(false);
    expect(() => formatById('n3')).toThrow(
      'Unknown RDF format "n3": use one of turtle, trig, ntriples, nquads, jsonld, rdfxml.',
    );
  });
});
