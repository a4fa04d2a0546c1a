// Turning text files into a Dataset: parse (Turtle), project, index for search. Runs anywhere
// (browser, Node, tests); the built-in files themselves are gathered by builtin.ts.
// NOTE: parsing goes through n3's Parser in this one function rather than the project's `parseRdf`
// (src/rdf/parse.ts), which imports its JSON-LD and RDF/XML readers statically and would add
// jsonld and rdfxml-streaming-parser (about 290 kB) to the first load. Switch once those readers
// are loaded on demand.
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { projectQuads } from '../graph/project.ts';
import { buildSearchIndex } from '../graph/search.ts';
import type { Dataset } from './explorer.ts';

/** One text file to read. */
export interface TextFile {
  /** Path shown in error messages (relative to the project root). */
  name: string;
  text: string;
}

/** Parses Turtle files into quads and the prefixes they declare; errors name the file and line. */
export function parseTurtleFiles(files: readonly TextFile[]): {
  quads: Quad[];
  prefixes: Record<string, string>;
} {
  const quads: Quad[] = [];
  const prefixes: Record<string, string> = {};
  for (const file of files) {
    // Named blank nodes are scoped by file, so two files' `_:a` stay two nodes (n3 numbers
    // anonymous ones, `[]`, across every parse of the page).
    const scope = file.name.replace(/[^A-Za-z0-9]+/g, '_');
    const parser = new Parser({ format: 'text/turtle', blankNodePrefix: `${scope}_` });
    try {
      quads.push(
        ...parser.parse(file.text, null, (prefix, namespace) => {
          prefixes[prefix] = namespace.value;
        }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${file.name}: ${message} Fix the Turtle there and reload.`, {
        cause: error,
      });
    }
  }
  return { quads, prefixes };
}

/** Parses and projects files into a dataset named `name`. */
export function datasetFromFiles(name: string, files: readonly TextFile[]): Dataset {
  const { quads, prefixes } = parseTurtleFiles(files);
  const projection = projectQuads(quads, { prefixes });
  return { name, projection, search: buildSearchIndex(projection.graph), quads };
}
