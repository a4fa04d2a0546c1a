// Broken input, for every format through the app's code path: empty files, byte order marks, CRLF
// line ends, files cut off mid-string, mid-IRI or anywhere, invalid UTF-8, a character cut in two,
// binary garbage, and each format read as every other (a file with the wrong extension). Each must
// load what it really holds or stop with one clear error that names the file, line and column
// (pointing at the text it talks about), and the user's data stays as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatById, RDF_FORMATS, type RdfFormatId } from '../../../src/rdf/index.ts';
import { attempt, fixturePath, loaded, snapshot, stopped, textAt } from './harness.ts';
import { garbage } from './streams.ts';

interface Document {
  format: RdfFormatId;
  file: string;
  text: string;
  quads: number;
  /** What a reader of another format is told the text looks like. */
  looksLike: string;
  /** The format that guess stands for. */
  guessed: RdfFormatId;
}

const read = (file: string): string => readFileSync(fixturePath('rdf', file), 'utf8');

const DOCUMENTS: Document[] = [
  {
    format: 'turtle',
    file: 'people.ttl',
    quads: 20,
    looksLike: 'Turtle (or TriG)',
    guessed: 'turtle',
  },
  {
    format: 'trig',
    file: 'people.trig',
    quads: 5,
    looksLike: 'Turtle (or TriG)',
    guessed: 'turtle',
  },
  { format: 'ntriples', file: 'people.nt', quads: 20, looksLike: 'N-Triples', guessed: 'ntriples' },
  { format: 'nquads', file: 'people.nq', quads: 5, looksLike: 'N-Triples', guessed: 'ntriples' },
  { format: 'jsonld', file: 'people.jsonld', quads: 5, looksLike: 'JSON-LD', guessed: 'jsonld' },
  { format: 'rdfxml', file: 'people-utf8.rdf', quads: 6, looksLike: 'RDF/XML', guessed: 'rdfxml' },
].map((d) => ({
  ...d,
  format: d.format as RdfFormatId,
  guessed: d.guessed as RdfFormatId,
  text: read(d.file),
}));

/** Formats whose reader also reads the documents of another (N-Triples is Turtle, and so on). */
const READS: Record<RdfFormatId, RdfFormatId[]> = {
  turtle: ['turtle', 'ntriples'],
  trig: ['trig', 'turtle', 'ntriples'],
  ntriples: ['ntriples'],
  nquads: ['nquads', 'ntriples'],
  jsonld: ['jsonld'],
  rdfxml: ['rdfxml'],
};

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The line and column just after `text` (CR, LF and CR LF end lines). */
function endOf(text: string): { line: number; column: number } {
  const lines = text.split(/\r\n?|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

for (const doc of DOCUMENTS) {
  const { format, file, text } = doc;
  const label = formatById(format).label;
  const options = { format, source: file, blankNodePrefix: 'b_' };

  describe(`${label}: broken versions of ${file}`, () => {
    it('reads the intact file (the reference for the cases below)', async () => {
      expect(loaded(await attempt(text, options)).quads).toBe(doc.quads);
    });

    it('an empty file, whitespace only or a byte order mark only: 0 quads, no error', async () => {
      for (const input of ['', ' \n\t\r\n', encode('\uFEFF'), encode('\uFEFF\n')]) {
        const result = loaded(await attempt(input, options));
        expect({ quads: result.quads, size: result.store.size }).toEqual({ quads: 0, size: 0 });
      }
    });

    it('a UTF-8 byte order mark before the document changes nothing', async () => {
      const plain = loaded(await attempt(text, options));
      const withBom = loaded(await attempt(encode(`\uFEFF${text}`), options));
      expect(snapshot(withBom.store)).toEqual(snapshot(plain.store));
    });

    it('CRLF line ends: the same quads, and errors on the same line and column', async () => {
      const crlf = text.replace(/\n/g, '\r\n');
      expect(snapshot(loaded(await attempt(crlf, options)).store)).toEqual(
        snapshot(loaded(await attempt(text, options)).store),
      );
      // A string cut off after "Alf" fails at the same place either way.
      const cut = (t: string): string => t.slice(0, t.indexOf('Alfred Rosmer') + 3);
      const lf = stopped(await attempt(cut(text), options));
      const crlfError = stopped(await attempt(cut(crlf), options));
      expect({ line: crlfError.line, column: crlfError.column }).toEqual({
        line: lf.line,
        column: lf.column,
      });
    });

    it('cut in the middle of a string: stops where the string starts, or at the end of the text', async () => {
      const cut = text.slice(0, text.indexOf('Alfred Rosmer') + 3);
      const error = stopped(await attempt(cut, options));
      expect(error.message).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+: `));
      expect(error.hint).toBe('the file may be truncated: download or copy it again');
      if (format === 'jsonld') {
        expect({ line: error.line, column: error.column }).toEqual(endOf(cut));
      } else if (format === 'rdfxml') {
        // The XML parser points at the last character it read.
        const end = endOf(cut);
        expect({ line: error.line, column: error.column }).toEqual({
          ...end,
          column: end.column - 1,
        });
      } else {
        expect(textAt(cut, error)).toBe('"Alf');
        expect(error.reason).toMatch(/^the input ends inside the string "\\"Alf"/);
      }
    });

    it('cut in the middle of an IRI: stops, saying where', async () => {
      const start = text.lastIndexOf('<http://');
      const at = text.lastIndexOf('http://');
      const cut = text.slice(0, (start >= 0 ? start : at) + 12);
      const error = stopped(await attempt(cut, options));
      expect(error.hint).toBe('the file may be truncated: download or copy it again');
      if (format === 'jsonld' || format === 'rdfxml') {
        expect(error.line).toBe(endOf(cut).line);
      } else {
        expect(textAt(cut, error)).toBe(cut.slice(start));
        expect(error.reason).toMatch(/^the input ends inside the IRI "<http:\/\//);
      }
    });

    it('cut anywhere (every 13th character): loads what it holds, or stops at a place inside the text', async () => {
      for (let at = 1; at < text.length; at += 13) {
        const cut = text.slice(0, at);
        const outcome = await attempt(cut, options);
        if (outcome.kind === 'loaded') continue;
        const error = stopped(outcome);
        const end = endOf(cut);
        expect(error.line, `cut at ${String(at)}: ${error.message}`).toBeDefined();
        expect(error.line ?? 0).toBeLessThanOrEqual(end.line);
        expect(error.column, `cut at ${String(at)}: ${error.message}`).toBeDefined();
      }
    });

    it('invalid UTF-8 in the middle: stops at its line and column, naming the byte', async () => {
      const bytes = encode(text);
      const before = encode(text.slice(0, text.indexOf('Alfred Rosmer') + 1));
      const broken = bytes.slice();
      broken[before.length] = 0xff;
      const error = stopped(await attempt(broken, options));
      expect(textAt(text, error).startsWith('lfred Rosmer')).toBe(true);
      expect(error.reason).toBe(
        `the input is not UTF-8 text (invalid byte 0xFF at byte ${before.length.toLocaleString('en-US')}); convert the file to UTF-8`,
      );
    });

    it('a character cut in two at the end: stops at the end, saying the file may be truncated', async () => {
      const bytes = encode(`${text}é`);
      const error = stopped(await attempt(bytes.subarray(0, bytes.length - 1), options));
      expect({ line: error.line, column: error.column, reason: error.reason }).toEqual({
        ...endOf(text),
        reason:
          'the input ends in the middle of a utf-8 character; the file may be truncated: download or copy it again',
      });
    });

    it('binary garbage: stops at the first byte that is not text, or says what the file is', async () => {
      for (const seed of [1, 2, 3]) {
        const error = stopped(await attempt(garbage(4096, seed), options));
        expect(error.line, error.message).toBeDefined();
        expect(error.column, error.message).toBeDefined();
      }
      const png = new Uint8Array([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        ...garbage(512, 4),
      ]);
      expect(stopped(await attempt(png, options)).message).toBe(
        `${file}:1:1: the input is not UTF-8 text (invalid byte 0x89 at byte 0); it looks like a PNG image; pick the RDF file instead (${label})`,
      );
    });
  });
}

describe('a file read as the wrong format (wrong extension)', () => {
  for (const doc of DOCUMENTS) {
    for (const target of RDF_FORMATS) {
      if (target.id === doc.format) continue;
      const compatible = READS[target.id].includes(doc.guessed);
      it(`${doc.file} read as ${target.label}: ${compatible ? 'loads or stops' : `says it looks like ${doc.looksLike}`}`, async () => {
        const outcome = await attempt(doc.text, { format: target.id, source: doc.file });
        if (READS[target.id].includes(doc.format)) {
          expect(loaded(outcome).quads).toBe(doc.quads);
          return;
        }
        const error = stopped(outcome);
        if (compatible) return;
        expect(error.hint).toBe(
          `the text looks like ${doc.looksLike}, not ${target.label}: read it as ${formatById(doc.guessed).label} (was the file given the wrong extension?)`,
        );
        expect(error.line, error.message).toBeDefined();
      });
    }
  }
});
