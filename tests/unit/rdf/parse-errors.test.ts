// Errors name the file, line and column, say what was expected and what was found, in every format
// — and point at the same place however the input is cut into chunks (the column of a lexer error
// is recovered from text kept across chunks, see read-n3.ts).
import { describe, expect, it } from 'vitest';
import { RdfParseError } from '../../../src/rdf/errors.ts';
import type { RdfFormatId } from '../../../src/rdf/formats.ts';
import { parseRdf } from '../../../src/rdf/parse.ts';
import { fixtureBytes, inChunks, rejection } from './helpers.ts';

interface Case {
  file: string;
  format: RdfFormatId;
  message: string;
  line: number | undefined;
  column: number | undefined;
  found: string | undefined;
}

const CASES: Case[] = [
  {
    file: 'missing-dot.ttl',
    format: 'turtle',
    message:
      'missing-dot.ttl:5:1: expected "." after the object (or ";" or "," to continue the statement), found "ex:c" (Turtle)',
    line: 5,
    column: 1,
    found: 'ex:c',
  },
  {
    file: 'undeclared-prefix.ttl',
    format: 'turtle',
    message:
      'undeclared-prefix.ttl:3:6: the prefix "foaf:" is not declared; add "@prefix foaf: <…> ." before its first use (Turtle)',
    line: 3,
    column: 6,
    found: 'foaf:knows',
  },
  {
    file: 'after-long-literal.ttl',
    format: 'turtle',
    message:
      'after-long-literal.ttl:5:15: expected "." after the object (or ";" or "," to continue the statement), found "ex:b" (Turtle)',
    line: 5,
    column: 15,
    found: 'ex:b',
  },
  {
    file: 'crlf.ttl',
    format: 'turtle',
    message:
      'crlf.ttl:3:12: invalid or unclosed string "\\"unclosed"; close the string on its line (or use """…""" over several lines) and use only valid escapes (Turtle)',
    line: 3,
    column: 12,
    found: '"unclosed',
  },
  {
    file: 'unclosed-graph.trig',
    format: 'trig',
    message:
      'unclosed-graph.trig:4:1: expected "}" to close the graph, found the end of the input (TriG)',
    line: 4,
    column: 1,
    found: '',
  },
  {
    file: 'bad-iri.nt',
    format: 'ntriples',
    message:
      'bad-iri.nt:2:47: invalid IRI "<http://example.org/has"; an IRI in <…> cannot contain spaces or any of <>"{}|^`\\ (escape them as %XX) (N-Triples)',
    line: 2,
    column: 47,
    found: '<http://example.org/has',
  },
  {
    file: 'bad-escape-after-comment.nt',
    format: 'ntriples',
    message:
      'bad-escape-after-comment.nt:3:47: invalid or unclosed string "\\"bad"; close the string on its line and use only the escapes \\t \\n \\r \\" \\\\ \\uXXXX (N-Triples)',
    line: 3,
    column: 47,
    found: '"bad',
  },
  {
    file: 'prefixed.nq',
    format: 'nquads',
    message:
      'prefixed.nq:2:47: unexpected "ex:b"; N-Triples and N-Quads have no prefixed names or abbreviations: write IRIs in full as <…> (N-Quads)',
    line: 2,
    column: 47,
    found: 'ex:b',
  },
  {
    file: 'trailing-comma.jsonld',
    format: 'jsonld',
    message:
      'trailing-comma.jsonld:6:3: expected a value (an object, array, string, number, true, false or null), found "]" (JSON-LD)',
    line: 6,
    column: 3,
    found: ']',
  },
  {
    // The XML parser reports where it stopped: the end of the offending close tag.
    file: 'mismatched-tag.rdf',
    format: 'rdfxml',
    message: 'mismatched-tag.rdf:4:28: unexpected close tag (RDF/XML)',
    line: 4,
    column: 28,
    found: undefined,
  },
  {
    // An RDF/XML rule rather than an XML one; the position is again the end of the start tag.
    file: 'about-and-nodeid.rdf',
    format: 'rdfxml',
    message:
      'about-and-nodeid.rdf:6:67: only one of rdf:about, rdf:nodeID and rdf:ID can be present, while b and http://example.org/b where found (RDF/XML)',
    line: 6,
    column: 67,
    found: undefined,
  },
];

async function failure(input: Parameters<typeof parseRdf>[0], c: Case): Promise<RdfParseError> {
  const error = await rejection(
    parseRdf(input, { format: c.format, source: c.file }, () => undefined),
  );
  if (!(error instanceof RdfParseError)) throw new Error(`not an RdfParseError: ${String(error)}`);
  return error;
}

describe('parse errors', () => {
  for (const c of CASES) {
    it(`${c.file}: names line, column, what was expected and found`, async () => {
      const error = await failure(fixtureBytes('errors', c.file), c);
      expect({
        message: error.message,
        source: error.source,
        format: error.format,
        line: error.line,
        column: error.column,
        found: error.found,
        quadsDelivered: error.quadsDelivered,
        kept: error.kept,
      }).toEqual({
        message: c.message,
        source: c.file,
        format: c.format,
        line: c.line,
        column: c.column,
        found: c.found,
        quadsDelivered: 0,
        kept: false,
      });
    });

    it(`${c.file}: the same position whatever the chunk size`, async () => {
      const bytes = fixtureBytes('errors', c.file);
      for (const size of [1, 2, 3, 5, 8, 13, 64]) {
        const error = await failure(inChunks(bytes, size), c);
        expect(error.message, `chunks of ${size} bytes`).toBe(c.message);
      }
    });
  }

  it('reports text that is not UTF-8 at its line and column, with its byte offset', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<http://a> <http://b> "Gr'),
      0xfc,
      0x6e,
      0x22,
      0x20,
      0x2e,
    ]);
    const error = await rejection(
      parseRdf(bytes, { format: 'ntriples', source: 'latin1.nt' }, () => undefined),
    );
    expect(error).toBeInstanceOf(RdfParseError);
    expect((error as RdfParseError).message).toBe(
      'latin1.nt:1:26: the input is not UTF-8 text (invalid byte 0xFC at byte 25); convert the file to UTF-8 (N-Triples)',
    );
  });

  it('reports a damaged gzip stream', async () => {
    const bytes = fixtureBytes('people.ttl.gz').slice(0, 100);
    const error = await rejection(
      parseRdf(bytes, { format: 'turtle', source: 'people.ttl.gz' }, () => undefined),
    );
    expect(error).toBeInstanceOf(RdfParseError);
    expect((error as RdfParseError).message).toMatch(
      /^people\.ttl\.gz: the gzip data is damaged or truncated \(.+\) \(Turtle\)$/,
    );
  });
});
