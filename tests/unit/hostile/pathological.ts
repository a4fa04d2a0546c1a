// Oversized and pathological inputs, generated as streams: each stops at its limit with an error
// that names the place, the limit and its value — or, where the reader can take it, loads correctly
// once the limit is raised — within seconds and without holding much more than the limit in memory.
// Every case's time and the growth of the process's memory while it ran are printed with the
// summary (see hostile.test.ts).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RdfFormatId, RdfInput, RdfLimits } from '../../../src/rdf/index.ts';
import { DEFAULT_RDF_LIMITS } from '../../../src/rdf/index.ts';
import { attempt, loaded, stopped, type Outcome } from './harness.ts';
import { lines, repeated } from './streams.ts';

const MiB = 1024 * 1024;
const RDF =
  'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"';

/** One row of the printed table of pathological cases. */
export interface Measured {
  name: string;
  outcome: string;
  ms: number;
  /** Growth of the process's resident memory while the case ran, in MiB. */
  memoryMiB: number;
}

/** What the pathological cases measured, for the table printed at the end of the run. */
export const measured: Measured[] = [];

/** Tries an input and records the case for the table. */
async function measure(
  name: string,
  input: RdfInput,
  format: RdfFormatId,
  limits?: Partial<RdfLimits>,
): Promise<Outcome> {
  const outcome = await attempt(input, { format, source: name, ...(limits ? { limits } : {}) });
  measured.push({
    name,
    outcome:
      outcome.kind === 'stopped'
        ? `stops: ${outcome.error.limit?.name ?? 'error'}${outcome.error.line === undefined ? '' : ` at ${String(outcome.error.line)}:${String(outcome.error.column)}`}`
        : outcome.kind === 'loaded'
          ? `loads ${outcome.result.quads.toLocaleString('en-US')} quads`
          : 'FAILED',
    ms: outcome.ms,
    memoryMiB: outcome.memoryMiB,
  });
  return outcome;
}

/** The error must name the limit, its value, the place, and how to raise it. */
function expectLimit(
  outcome: Outcome,
  name: string,
  limit: keyof RdfLimits,
  line: number,
  column: number,
  format: string,
): void {
  const error = stopped(outcome);
  const value = DEFAULT_RDF_LIMITS[limit].toLocaleString('en-US');
  expect({
    limit: error.limit,
    line: error.line,
    column: error.column,
    start: error.message.startsWith(`${name}:${String(line)}:${String(column)}: `),
    names: error.message.includes(
      `(limit ${limit}); to read it anyway, raise ${limit} (now ${value})`,
    ),
    end: error.message.endsWith(`(${format})`),
  }).toEqual({
    limit: { name: limit, value: DEFAULT_RDF_LIMITS[limit] },
    line,
    column,
    start: true,
    names: true,
    end: true,
  });
}

describe('a single literal of 50 MB', { timeout: 30_000 }, () => {
  const size = 50 * MiB;
  const head = '<http://example.org/s> <http://example.org/p> "';

  it('stops in Turtle at the start of the literal', async () => {
    const outcome = await measure('literal-50mb.ttl', repeated(head, 'x', size, '" .\n'), 'turtle');
    expectLimit(outcome, 'literal-50mb.ttl', 'maxLiteralLength', 1, head.length, 'Turtle');
  });

  it('stops in N-Triples at the start of the literal', async () => {
    const outcome = await measure(
      'literal-50mb.nt',
      repeated(head, 'x', size, '" .\n'),
      'ntriples',
    );
    expectLimit(outcome, 'literal-50mb.nt', 'maxLiteralLength', 1, head.length, 'N-Triples');
  });

  it('stops as a """long""" literal over many lines, at its start', async () => {
    const start = '@prefix ex: <http://example.org/> .\nex:s ex:p """';
    const outcome = await measure(
      'long-literal-50mb.ttl',
      repeated(start, 'xxxxxxx\n', size / 8, '""" .\n'),
      'turtle',
    );
    expectLimit(outcome, 'long-literal-50mb.ttl', 'maxLiteralLength', 2, 11, 'Turtle');
  });

  it('stops in JSON-LD at the string', async () => {
    const start = '{"@id": "http://example.org/s", "http://example.org/p": "';
    const outcome = await measure(
      'literal-50mb.jsonld',
      repeated(start, 'x', size, '"}'),
      'jsonld',
    );
    expectLimit(outcome, 'literal-50mb.jsonld', 'maxLiteralLength', 1, start.length, 'JSON-LD');
  });

  it('stops in RDF/XML inside the text, once it has read more than the limit of it', async () => {
    const start = `<rdf:RDF ${RDF}><rdf:Description rdf:about="http://example.org/s"><ex:p>`;
    const outcome = await measure(
      'literal-50mb.rdf',
      repeated(start, 'x', size, '</ex:p></rdf:Description></rdf:RDF>'),
      'rdfxml',
    );
    const error = stopped(outcome);
    expect(error.limit?.name).toBe('maxLiteralLength');
    expect(error.line).toBe(1);
    // The XML parser does not keep where a text started: the error is where reading stopped.
    expect(error.column).toBeGreaterThan(start.length + DEFAULT_RDF_LIMITS.maxLiteralLength);
    expect(error.column).toBeLessThan(start.length + DEFAULT_RDF_LIMITS.maxLiteralLength + MiB);
  });

  it('loads when the literal is within the limit (10 MB), the value exact', async () => {
    const outcome = await measure(
      'literal-10mb.ttl',
      repeated(head, 'x', 10 * MiB, '" .\n'),
      'turtle',
    );
    const [quad] = loaded(outcome).store.getQuads(null, null, null, null);
    expect(quad?.object.value).toBe('x'.repeat(10 * MiB));
  });
});

describe('100,000 nested blank nodes and collections', { timeout: 30_000 }, () => {
  const depth = 100_000;
  const head = '@prefix : <http://example.org/> . :s :p ';
  const limit = DEFAULT_RDF_LIMITS.maxNestingDepth;

  it('[ :p [ :p [ … stops at the first bracket too deep', async () => {
    const outcome = await measure(
      'nested-blank-nodes.ttl',
      repeated(head, '[ :p ', depth, `:o${' ]'.repeat(depth)} .\n`),
      'turtle',
    );
    expectLimit(
      outcome,
      'nested-blank-nodes.ttl',
      'maxNestingDepth',
      1,
      head.length + limit * 5 + 1,
      'Turtle',
    );
  });

  it('( ( ( … stops at the first parenthesis too deep', async () => {
    const outcome = await measure(
      'nested-collections.ttl',
      repeated(head, '( ', depth, `:o${' )'.repeat(depth)} .\n`),
      'turtle',
    );
    expectLimit(
      outcome,
      'nested-collections.ttl',
      'maxNestingDepth',
      1,
      head.length + limit * 2 + 1,
      'Turtle',
    );
  });

  it('both load, every level, once the limit is raised (the reader does not recurse)', async () => {
    const limits = { maxNestingDepth: depth + 1 };
    const blank = await measure(
      'nested-blank-nodes.ttl (limit raised)',
      repeated(head, '[ :p ', depth, `:o${' ]'.repeat(depth)} .\n`),
      'turtle',
      limits,
    );
    expect(loaded(blank).quads).toBe(depth + 1);
    const lists = await measure(
      'nested-collections.ttl (limit raised)',
      repeated(head, '( ', depth, `:o${' )'.repeat(depth)} .\n`),
      'turtle',
      limits,
    );
    // Each level is a one-item list (rdf:first and rdf:rest), plus the statement itself.
    expect(loaded(lists).quads).toBe(2 * depth + 1);
  });
});

describe('a million prefixes', { timeout: 30_000 }, () => {
  const count = 1_000_000;
  const limit = DEFAULT_RDF_LIMITS.maxPrefixes;

  it('@prefix: stops at the first prefix over the limit', async () => {
    const outcome = await measure(
      'million-prefixes.ttl',
      lines(
        count,
        (i) => `@prefix p${String(i)}: <http://example.org/ns/${String(i)}/> .\n`,
        '<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n',
      ),
      'turtle',
    );
    expectLimit(outcome, 'million-prefixes.ttl', 'maxPrefixes', limit + 1, 9, 'Turtle');
  });

  it('SPARQL-style PREFIX: the same', async () => {
    const outcome = await measure(
      'million-prefixes-sparql.ttl',
      lines(count, (i) => `PREFIX p${String(i)}: <http://example.org/ns/${String(i)}/>\n`),
      'turtle',
    );
    expectLimit(outcome, 'million-prefixes-sparql.ttl', 'maxPrefixes', limit + 1, 8, 'Turtle');
  });

  it('one prefix declared a million times is one prefix, and loads', async () => {
    const outcome = await measure(
      'one-prefix-million-times.ttl',
      lines(count, () => '@prefix ex: <http://example.org/> .\n', 'ex:s ex:p ex:o .\n'),
      'turtle',
    );
    expect(loaded(outcome).prefixes).toEqual({ ex: 'http://example.org/' });
  });

  it('a JSON-LD context of a million terms stops at the first term over the limit', async () => {
    async function* context(): AsyncGenerator<string> {
      yield '{"@context": {\n';
      for (let b = 0; b < count / 1000; b++) {
        await Promise.resolve();
        const terms: string[] = [];
        for (let k = 0; k < 1000; k++) {
          const i = b * 1000 + k;
          terms.push(`"p${String(i)}": "http://example.org/ns/${String(i)}/"`);
        }
        yield `${b === 0 ? '' : ',\n'}${terms.join(',\n')}`;
      }
      yield '\n}, "@id": "http://example.org/s", "p1:x": "y"}';
    }
    const outcome = await measure('million-terms.jsonld', context(), 'jsonld');
    expectLimit(outcome, 'million-terms.jsonld', 'maxPrefixes', limit + 2, 1, 'JSON-LD');
  });
});

describe('a line of 100 MB without a newline', { timeout: 30_000 }, () => {
  const size = 100 * MiB;

  for (const [format, name] of [
    ['ntriples', 'line-100mb.nt'],
    ['nquads', 'line-100mb.nq'],
    ['turtle', 'line-100mb.ttl'],
  ] as const) {
    it(`of unreadable text, in ${name}: stops at its start`, async () => {
      const outcome = await measure(name, repeated('', 'x', size, '\n'), format);
      const error = stopped(outcome);
      expectLimit(
        outcome,
        name,
        'maxTokenLength',
        1,
        1,
        error.message.slice(error.message.lastIndexOf('(') + 1, -1),
      );
    });
  }

  it('a comment of 100 MB stops at the comment', async () => {
    const outcome = await measure(
      'comment-100mb.ttl',
      repeated('<http://example.org/s> <http://example.org/p> 1 . # ', 'x', size, '\n'),
      'turtle',
    );
    expectLimit(outcome, 'comment-100mb.ttl', 'maxTokenLength', 1, 51, 'Turtle');
  });

  it('of valid statements (no line breaks between them): loads', async () => {
    const statement = `<http://example.org/s> <http://example.org/p> "${'x'.repeat(1000)}" . `;
    const count = Math.ceil(size / statement.length);
    const outcome = await measure(
      'statements-on-one-line.nt',
      repeated('', statement, count, '\n'),
      'ntriples',
    );
    const result = loaded(outcome);
    expect({ read: result.quads, distinct: result.store.size }).toEqual({
      read: count,
      distinct: 1,
    });
  });
});

describe('an IRI of 1 MB', { timeout: 30_000 }, () => {
  const iri = `http://example.org/${'x'.repeat(MiB)}`;

  it('stops in Turtle and N-Triples at the IRI', async () => {
    for (const [format, name, label] of [
      ['turtle', 'iri-1mb.ttl', 'Turtle'],
      ['ntriples', 'iri-1mb.nt', 'N-Triples'],
    ] as const) {
      const start = '<http://example.org/s> <http://example.org/p> ';
      const outcome = await measure(name, `${start}<${iri}> .\n`, format);
      expectLimit(outcome, name, 'maxIriLength', 1, start.length + 1, label);
    }
  });

  it('stops in JSON-LD, placed at the IRI', async () => {
    const start = '{"@id": "';
    const outcome = await measure(
      'iri-1mb.jsonld',
      `${start}${iri}", "http://example.org/p": 1}`,
      'jsonld',
    );
    expectLimit(outcome, 'iri-1mb.jsonld', 'maxIriLength', 1, start.length + 1, 'JSON-LD');
  });

  it('stops in RDF/XML at the element that names it', async () => {
    const text = `<rdf:RDF ${RDF}>\n<rdf:Description rdf:about="${iri}"><ex:p>1</ex:p></rdf:Description></rdf:RDF>`;
    const outcome = await measure('iri-1mb.rdf', text, 'rdfxml');
    const error = stopped(outcome);
    expect({ limit: error.limit?.name, line: error.line }).toEqual({
      limit: 'maxIriLength',
      line: 2,
    });
  });

  it('loads, exact, once the limit is raised', async () => {
    const outcome = await measure(
      'iri-1mb.nt (limit raised)',
      `<${iri}> <http://example.org/p> "1" .\n`,
      'ntriples',
      { maxIriLength: 2 * MiB },
    );
    expect(loaded(outcome).store.getQuads(null, null, null, null)[0]?.subject.value).toBe(iri);
  });
});

describe('a JSON-LD document nested 100,000 levels deep', { timeout: 30_000 }, () => {
  const depth = 100_000;
  const head = '{"@context": {"p": "http://example.org/p"}, "@id": "http://example.org/s", ';

  it('objects: stops at the first brace too deep', async () => {
    const outcome = await measure(
      'nested-objects.jsonld',
      repeated(head, '"p": {', depth, `"p": "x"${'}'.repeat(depth)}}`),
      'jsonld',
    );
    expectLimit(
      outcome,
      'nested-objects.jsonld',
      'maxNestingDepth',
      1,
      head.length + 499 * 6 + 6,
      'JSON-LD',
    );
  });

  it('arrays: stops at the first bracket too deep', async () => {
    const start = `${head}"p": `;
    const outcome = await measure(
      'nested-arrays.jsonld',
      repeated(start, '[', depth, `"x"${']'.repeat(depth)}}`),
      'jsonld',
    );
    expectLimit(
      outcome,
      'nested-arrays.jsonld',
      'maxNestingDepth',
      1,
      start.length + 500,
      'JSON-LD',
    );
  });

  it('with the limit raised past what jsonld can recurse, still a clear error', async () => {
    const outcome = await measure(
      'nested-objects.jsonld (limit raised)',
      repeated(head, '"p": {', depth, `"p": "x"${'}'.repeat(depth)}}`),
      'jsonld',
      { maxNestingDepth: depth + 10 },
    );
    expect(stopped(outcome).message).toBe(
      'nested-objects.jsonld (limit raised): the document is nested too deeply for the JSON-LD processor; keep maxNestingDepth at its default (500) or lower for JSON-LD (JSON-LD)',
    );
  });
});

describe('more than a reader can hold', { timeout: 30_000 }, () => {
  it('a JSON-LD document over 64 MiB stops where it passes the limit', async () => {
    const head = '{"@graph": [\n';
    const node = '{"@id": "http://example.org/s", "http://example.org/p": "some text"},\n';
    const count = Math.ceil((65 * MiB) / node.length);
    const outcome = await measure('big.jsonld', repeated(head, node, count, '{}]}'), 'jsonld');
    // The first character over the limit, after the head line and whole lines of nodes.
    const over = DEFAULT_RDF_LIMITS.maxJsonLdLength - head.length;
    const line = Math.floor(over / node.length) + 2;
    const column = (over % node.length) + 1;
    expectLimit(outcome, 'big.jsonld', 'maxJsonLdLength', line, column, 'JSON-LD');
  });

  it('a gzip bomb (1 MiB of gzip, 1 GiB of text without a line break) stops after 1 MiB of text', async () => {
    const member = gzipSync('x'.repeat(MiB));
    const bomb = new Uint8Array(member.length * 1024);
    for (let i = 0; i < 1024; i++) bomb.set(member, i * member.length);
    const outcome = await measure('bomb.nt.gz', bomb, 'ntriples');
    expectLimit(outcome, 'bomb.nt.gz', 'maxTokenLength', 1, 1, 'N-Triples');
  });

  it('maxQuads stops at the statement that goes over it', async () => {
    const outcome = await attempt(
      lines(
        2000,
        (i) => `<http://example.org/s${String(i)}> <http://example.org/p> "${String(i)}" .\n`,
      ),
      { format: 'ntriples', source: 'many.nt', limits: { maxQuads: 1000 } },
    );
    const error = stopped(outcome);
    expect({ limit: error.limit, line: error.line, column: error.column }).toEqual({
      limit: { name: 'maxQuads', value: 1000 },
      line: 1001,
      column: 1 + `<http://example.org/s1000> <http://example.org/p> "1000" `.length,
    });
  });
});
