// Turning text files into a Dataset: parse (Turtle), project, index for search. Runs anywhere
// (browser, Node, tests); the built-in files themselves are gathered by builtin.ts. They are read
// by the same reader as every file the user opens (`parseRdf`), under the same limits and with the
// same errors naming file, line and column.
import type { Quad } from '@rdfjs/types';
import { projectQuads } from '../graph/project.ts';
import { buildSearchIndex } from '../graph/search.ts';
import { parseRdf } from '../rdf/parse.ts';
import type { Dataset } from './explorer.ts';

/** One text file to read. */
export interface TextFile {
  /** Path shown in error messages (relative to the project root). */
  name: string;
  text: string;
}

/** Parses Turtle files into quads and the prefixes they declare; errors name the file and line. */
export async function parseTurtleFiles(files: readonly TextFile[]): Promise<{
  quads: Quad[];
  prefixes: Record<string, string>;
}> {
  const quads: Quad[] = [];
  const prefixes: Record<string, string> = {};
  for (const file of files) {
    // Blank nodes are scoped by file, with labels that stay the same from one load to the next
    // (the URL and saved views may name them), so two files' `_:a` stay two nodes.
    const scope = file.name.replace(/[^A-Za-z0-9]+/g, '_');
    const read = await parseRdf(
      file.text,
      { format: 'turtle', source: file.name, blankNodePrefix: `${scope}_` },
      (batch) => {
        for (const q of batch) quads.push(q);
      },
    );
    Object.assign(prefixes, read.prefixes);
  }
  return { quads, prefixes };
}

/** Parses and projects files into a dataset named `name`. */
export async function datasetFromFiles(name: string, files: readonly TextFile[]): Promise<Dataset> {
  const { quads, prefixes } = await parseTurtleFiles(files);
  const projection = projectQuads(quads, { prefixes });
  return { name, projection, search: buildSearchIndex(projection.graph), quads };
}
