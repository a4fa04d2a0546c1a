// From text files to a dataset: parse errors name the file and line; blank nodes stay per file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { datasetFromFiles, parseTurtleFiles } from '../../../src/state/dataset.ts';

const fixture = (name: string) => ({
  name: `tests/fixtures/graph/${name}`,
  text: readFileSync(join(process.cwd(), 'tests', 'fixtures', 'graph', name), 'utf8'),
});

describe('datasetFromFiles', () => {
  test('parses, projects and indexes the files together, with the prefixes they declare', async () => {
    const dataset = await datasetFromFiles('the mini Rosmer graph', [
      fixture('rosmer-mini.ttl'),
      fixture('ontology-mini.ttl'),
    ]);
    expect(dataset.name).toBe('the mini Rosmer graph');
    expect(dataset.projection.stats.quads).toBe(153);
    expect(dataset.projection.prefixes.rosmer).toBe('https://w3id.org/triplescope/rosmer/');
    expect(dataset.search.entries).toHaveLength(dataset.projection.graph.order);
  });

  test("two files' blank nodes of the same name stay two nodes", async () => {
    const { quads } = await parseTurtleFiles([
      { name: 'a.ttl', text: '_:x <http://example.org/p> "a" .' },
      { name: 'b.ttl', text: '_:x <http://example.org/p> "b" .' },
    ]);
    expect(quads.map((q) => q.subject.value)).toEqual(['a_ttl_x', 'b_ttl_x']);
  });

  test('a syntax error names the file, line and column, and says what to do, as for an opened file', async () => {
    await expect(
      parseTurtleFiles([
        { name: 'graph/good.ttl', text: '<http://example.org/a> <http://example.org/p> "a" .\n' },
        {
          name: 'graph/broken.ttl',
          text: '@prefix ex: <http://example.org/> .\nex:a ex:p ex:b\nex:c .\n',
        },
      ]),
    ).rejects.toThrow(
      expect.objectContaining({
        name: 'RdfParseError',
        message: expect.stringMatching(
          /^graph\/broken\.ttl:3:1: expected "\." after the object.*\(Turtle\)$/s,
        ) as string,
      }) as Error,
    );
  });

  test('the limits of every opened file hold for the built-in files too', async () => {
    const nested = `<http://example.org/a> <http://example.org/p> ${'( '.repeat(600)}${') '.repeat(600)} .`;
    await expect(parseTurtleFiles([{ name: 'graph/deep.ttl', text: nested }])).rejects.toThrow(
      '(limit maxNestingDepth)',
    );
  });
});
