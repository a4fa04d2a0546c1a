// The command line as a user runs it: a real process, its stdout, stderr and exit code.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, test } from 'vitest';
import { limitOptions } from '../../../src/cli/data.ts';

const BIN = 'bin/triplescope.js';
const PEOPLE = 'tests/fixtures/cli/people.ttl';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

describe.concurrent('triplescope query', { timeout: 30_000 }, () => {
  test('SELECT prints SPARQL JSON when stdout is not a terminal', async () => {
    const r = await run([
      'query',
      '--data',
      PEOPLE,
      'SELECT ?name WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name',
    ]);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: expect.any(String) as string,
    });
    expect(JSON.parse(r.stdout)).toEqual({
      head: { vars: ['name'] },
      results: {
        bindings: [
          { name: { type: 'literal', value: 'Alice', 'xml:lang': 'en' } },
          { name: { type: 'literal', value: 'Bob' } },
        ],
      },
    });
  });

  test('--format csv and --file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triplescope-cli-'));
    const file = join(dir, 'q.rq');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(
        file,
        'PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?a ?b WHERE { ?a foaf:knows ?b }',
      ),
    );
    const r = await run(['query', '--data', PEOPLE, '--format', 'csv', '--file', file]);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'a,b\r\nhttp://example.org/alice,http://example.org/bob\r\n',
    });
  });

  test('ASK as a table is true or false', async () => {
    const r = await run(['query', '--data', PEOPLE, '-f', 'table', 'ASK { ?s ?p ?o }']);
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'true\n' });
  });

  test('CONSTRUCT prints Turtle with the data prefixes', async () => {
    const r = await run([
      'query',
      '--data',
      PEOPLE,
      'CONSTRUCT { ?b <http://xmlns.com/foaf/0.1/knows> ?a } WHERE { ?a <http://xmlns.com/foaf/0.1/knows> ?b }',
    ]);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '@prefix ex: <http://example.org/> .\n@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n\nex:bob foaf:knows ex:alice .\n',
    });
  });

  test('a syntax error names the line and column, exit 1', async () => {
    const r = await run(['query', '--data', PEOPLE, 'SELECT ?x\nWHERE { ?x ex:foo ?y }']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^triplescope: query:2:\d+: SPARQL syntax error: /u);
  });

  test('a runaway query stops at --timeout, exit 1', async () => {
    const r = await run([
      'query',
      '--timeout',
      '1',
      'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/timed? ?out|time limit/iu);
  });

  test('the built-in graph answers the design card: who met Trotsky', async () => {
    const r = await run([
      'query',
      'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?who WHERE { ?p ?rel <https://w3id.org/triplescope/rosmer/leon-trotsky> ; rdfs:label ?who . FILTER(?rel = <http://purl.org/vocab/relationship/hasMet>) }',
    ]);
    expect(r.code).toBe(0);
    const labels = (
      JSON.parse(r.stdout) as { results: { bindings: { who: { value: string } }[] } }
    ).results.bindings.map((b) => b.who.value);
    expect(labels).toEqual(['Alfred Rosmer']);
  });
});

describe.concurrent('triplescope export', { timeout: 30_000 }, () => {
  test('N-Triples round-trips to an isomorphic graph, through stdin too', async () => {
    const nt = await run(['export', '--data', PEOPLE, '--format', 'ntriples']);
    expect(nt.code).toBe(0);
    const back = await run(
      ['export', '--data', '-', '--input-format', 'ntriples', '--format', 'turtle'],
      nt.stdout,
    );
    expect(back.code).toBe(0);
    const original = new Parser().parse(readFileSync(PEOPLE, 'utf8'));
    expect(isomorphic(new Parser().parse(back.stdout), original)).toBe(true);
  });

  test('--out writes the file; an unknown format is a usage error', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'triplescope-cli-')), 'people.nq');
    const r = await run(['export', '--data', PEOPLE, '--format', 'nquads', '--out', out]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
    const bad = await run(['export', '--format', 'csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'triplescope: cannot write "csv": use turtle, trig, ntriples, nquads, jsonld.\nSee `triplescope export --help`.\n',
    );
  });

  test('a broken file is one line naming file, line and column, exit 1', async () => {
    const r = await run([
      'export',
      '--data',
      'tests/fixtures/cli/broken.ttl',
      '--format',
      'nquads',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^triplescope: tests\/fixtures\/cli\/broken\.ttl:3:\d+: .+\(Turtle\)\n$/u,
    );
  });
});

describe.concurrent('triplescope stats and validate', { timeout: 30_000 }, () => {
  test('stats counts triples, subjects, predicates, classes and the graph view', async () => {
    const r = await run(['stats', '--data', PEOPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/Time: .*\n/u, 'Time: …\n')).toBe(
      [
        'Triples:       6 (in 1 file)',
        'Named graphs:  0',
        'Subjects:      2',
        'Predicates:    4',
        'Classes:       1',
        '  foaf:Person  2',
        'Graph view:    2 nodes and 1 edges drawn; 0 vocabulary terms hidden, 0 reified statements shown as edge sources',
        'Time: …',
        '',
      ].join('\n'),
    );
  });

  test('validate: the built-in graph conforms to its shapes', async () => {
    const r = await run(['validate']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Conforms: the data satisfies every shape.\n',
    });
  });

  test('validate: violations are listed, exit 1', async () => {
    const r = await run([
      'validate',
      '--data',
      PEOPLE,
      '--shapes',
      'tests/fixtures/cli/shapes.ttl',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^Violation: <http:\/\/example\.org\/bob> <http:\/\/example\.org\/born>: .*\nDoes not conform: 1 violations, 0 warnings, 0 notes\.\n$/u,
    );
  });
});

describe.concurrent('usage', { timeout: 30_000 }, () => {
  test('--help for the tool and for each command, exit 0', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Usage: triplescope <command> [options]');
    for (const command of ['query', 'export', 'stats', 'validate']) {
      const r = await run([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: triplescope ${command}`);
    }
  });

  test('wrong usage exits 2 with a hint', async () => {
    const r = await run(['query', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--nope'");
    expect(r.stderr).toContain('See `triplescope query --help`.');
    const missing = await run(['stats', '--data', 'no/such/file.ttl']);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: 'triplescope: no/such/file.ttl: no such file or folder\n',
    });
  });
});

describe.concurrent('--keep-partial', { timeout: 30_000 }, () => {
  test('keeps the triples before a syntax error, with a warning naming the place', async () => {
    const r = await run([
      'export',
      '--data',
      'tests/fixtures/cli/broken.ttl',
      '--keep-partial',
      '--format',
      'ntriples',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n',
    );
    expect(r.stderr).toMatch(
      /^triplescope: warning: tests\/fixtures\/cli\/broken\.ttl:3:11: .*; kept the 1 quad read before it\n$/u,
    );
  });
});

describe('--limit NAME=N', () => {
  const names =
    'maxLiteralLength, maxIriLength, maxTokenLength, maxNestingDepth, maxPrefixes, maxJsonLdLength, maxEntityExpansion, maxQuads';

  test('reads whole numbers, K, M and G as binary multiples, and "unlimited"; the last one for a name wins', () => {
    expect(
      limitOptions([
        'maxQuads=5',
        'maxLiteralLength=64M',
        'maxIriLength=2k',
        'maxJsonLdLength=1G',
        'maxPrefixes=1_000',
        'maxNestingDepth=unlimited',
        'maxQuads=7',
      ]),
    ).toEqual({
      maxQuads: 7,
      maxLiteralLength: 64 * 1024 * 1024,
      maxIriLength: 2048,
      maxJsonLdLength: 1024 ** 3,
      maxPrefixes: 1000,
      maxNestingDepth: Number.POSITIVE_INFINITY,
    });
    expect(limitOptions(undefined)).toEqual({});
  });

  test.each([
    ['maxQuad=5', `unknown limit "maxQuad" in --limit maxQuad=5: use NAME=N with one of ${names}.`],
    ['maxQuads', `bad value "" in --limit maxQuads: give a whole number above 0`],
    ['maxQuads=0', `bad value "0" in --limit maxQuads=0: give a whole number above 0`],
    ['maxQuads=-3', `bad value "-3" in --limit maxQuads=-3: give a whole number above 0`],
    ['maxQuads=1.5', `bad value "1.5" in --limit maxQuads=1.5: give a whole number above 0`],
    ['maxQuads=5T', `bad value "5T" in --limit maxQuads=5T: give a whole number above 0`],
    ['maxQuads=99999999999999999999', `bad value "99999999999999999999"`],
  ])('%s is a usage error naming the option and what to give', (option, message) => {
    expect(() => limitOptions([option], 'stats')).toThrow(
      expect.objectContaining({ name: 'UsageError', command: 'stats' }) as Error,
    );
    expect(() => limitOptions([option], 'stats')).toThrow(message);
  });

  test.concurrent(
    'a lowered limit stops reading with the error naming file, line, column and limit (exit 1)',
    { timeout: 30_000 },
    async () => {
      const r = await run(['stats', '--data', PEOPLE, '--limit', 'maxQuads=2']);
      expect(r).toEqual({
        code: 1,
        stdout: '',
        stderr: `triplescope: ${PEOPLE}:6:75: the input holds more than 2 quads (limit maxQuads); to read it anyway, raise maxQuads (now 2) if you trust the file (Turtle)\n`,
      });
    },
  );

  test.concurrent(
    'a raised limit reads what the default refuses, in every command that reads RDF',
    { timeout: 60_000 },
    async () => {
      const deep = 'tests/fixtures/hostile/deep-nesting.ttl';
      const refused = await run(['export', '--data', deep, '--format', 'ntriples']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('(limit maxNestingDepth)');
      const raised = ['--data', deep, '--limit', 'maxNestingDepth=1K'];
      const exported = await run(['export', ...raised, '--format', 'ntriples']);
      expect(exported.code).toBe(0);
      const triples = exported.stdout.split('\n').filter((l) => l !== '').length;
      expect(triples).toBeGreaterThan(500);
      const counted = await run(['query', ...raised, 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }']);
      expect(counted.code).toBe(0);
      expect(JSON.parse(counted.stdout)).toMatchObject({
        results: { bindings: [{ n: { value: String(triples) } }] },
      });
      const stats = await run(['stats', ...raised]);
      expect(stats.stdout).toContain(`Triples:       ${triples.toLocaleString('en')} (in 1 file)`);
      const validated = await run(['validate', ...raised, '--shapes', 'ontology/shapes.ttl']);
      expect(validated.stderr).not.toContain('maxNestingDepth');
    },
  );

  test.concurrent('an unknown name is a usage error listing the known ones (exit 2)', async () => {
    const r = await run(['query', '--data', PEOPLE, '--limit', 'maxSize=1', 'ASK {}']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `triplescope: unknown limit "maxSize" in --limit maxSize=1: use NAME=N with one of ${names}.\nSee \`triplescope query --help\`.\n`,
    });
  });
});
