// Reading the data a command works on: the paths given with --data, or the built-in Rosmer graph
// (graph/ and ontology/ of this project) when none are, with a progress line on a terminal.
import type { Quad } from '@rdfjs/types';
import { fileURLToPath } from 'node:url';
import { isRdfFormatId, type RdfFormatId } from '../rdf/formats.ts';
import { DEFAULT_RDF_LIMITS, type RdfLimits } from '../rdf/limits.ts';
import { readRdfPaths, type ReadPathsResult } from '../rdf/node.ts';
import type { QuadSink } from '../rdf/parse.ts';
import { stringOption, stringsOption, type CommandContext } from './context.ts';
import { formatBytes, progressLine } from './progress.ts';
import { UsageError } from './usage.ts';

/** The project's root folder (the CLI runs from source, so this file sits at src/cli/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built-in graph: the Rosmer article's triples and the vocabulary they use. */
export const BUILTIN_DATA = ['graph', 'ontology'].map((d) => `${PROJECT_ROOT}${d}`);
export const BUILTIN_SHAPES = `${PROJECT_ROOT}ontology/shapes.ttl`;

export interface DataSelection {
  paths: string[];
  builtin: boolean;
  format: RdfFormatId | undefined;
  /** Keep what was read before a syntax error instead of failing (--keep-partial). */
  keepPartial: boolean;
  /** The reader's limits that differ from its defaults (--limit NAME=N). */
  limits: Partial<RdfLimits>;
}

const LIMIT_NAMES = Object.keys(DEFAULT_RDF_LIMITS) as (keyof RdfLimits)[];
const UNITS: Readonly<Record<string, number>> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/**
 * The limits that repeated `--limit NAME=N` options set: N is a whole number, optionally with K, M
 * or G (binary multiples, as the defaults are documented), or "unlimited". A later option for the
 * same name wins, as with any repeated setting.
 */
export function limitOptions(
  given: readonly string[] | undefined,
  command?: string,
): Partial<RdfLimits> {
  const limits: Partial<RdfLimits> = {};
  for (const option of given ?? []) {
    const at = option.indexOf('=');
    const name = at < 0 ? option : option.slice(0, at);
    if (!(LIMIT_NAMES as string[]).includes(name)) {
      throw new UsageError(
        `unknown limit "${name}" in --limit ${option}: use NAME=N with one of ${LIMIT_NAMES.join(', ')}.`,
        command,
      );
    }
    const text = at < 0 ? '' : option.slice(at + 1).trim();
    const match = /^([1-9][0-9_]*)([KMG]?)$/i.exec(text);
    const value =
      text.toLowerCase() === 'unlimited'
        ? Number.POSITIVE_INFINITY
        : match
          ? Number((match[1] ?? '').replaceAll('_', '')) *
            (UNITS[(match[2] ?? '').toUpperCase()] ?? 1)
          : Number.NaN;
    if (!Number.isSafeInteger(value) && value !== Number.POSITIVE_INFINITY) {
      throw new UsageError(
        `bad value "${text}" in --limit ${option}: give a whole number above 0 (K, M or G multiply it by 1,024, 1,048,576 or 1,073,741,824), or "unlimited". Limits: ${LIMIT_NAMES.join(', ')}.`,
        command,
      );
    }
    limits[name as keyof RdfLimits] = value;
  }
  return limits;
}

/** What --data, --input-format and --limit select; the built-in graph when --data is absent. */
export function dataSelection(
  data: readonly string[] | undefined,
  inputFormat: string | undefined,
  keepPartial = false,
  limits: Partial<RdfLimits> = {},
): DataSelection {
  if (inputFormat !== undefined && !isRdfFormatId(inputFormat)) {
    throw new UsageError(
      `unknown --input-format "${inputFormat}": use turtle, trig, ntriples, nquads, jsonld or rdfxml.`,
    );
  }
  const builtin = data === undefined || data.length === 0;
  return {
    paths: builtin ? BUILTIN_DATA : [...data],
    builtin,
    format: inputFormat,
    keepPartial,
    limits,
  };
}

/**
 * The data a command that takes no arguments works on (--data, --input-format, --limit); an argument is a
 * usage error, most often a path missing its --data.
 */
export function commandData(ctx: CommandContext, command: string): DataSelection {
  const [first] = ctx.positionals;
  if (first !== undefined) {
    throw new UsageError(`unexpected argument "${first}"; data goes after --data.`, command);
  }
  return dataSelection(
    stringsOption(ctx.values, 'data'),
    stringOption(ctx.values, 'input-format'),
    ctx.values['keep-partial'] === true,
    limitOptions(stringsOption(ctx.values, 'limit'), command),
  );
}

/** Reads the selected data into `sink`, showing progress on a terminal's standard error. */
export async function readData(selection: DataSelection, sink: QuadSink): Promise<ReadPathsResult> {
  const progress = progressLine(process.stderr);
  const started = Date.now();
  try {
    const read = await readRdfPaths(
      selection.paths,
      {
        ...(selection.format === undefined ? {} : { format: selection.format }),
        keepPartial: selection.keepPartial,
        limits: selection.limits,
        onProgress: (p) => {
          const total = p.totalBytes === undefined ? '' : ` of ${formatBytes(p.totalBytes)}`;
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          progress.update(
            `Reading ${p.path}: ${formatBytes(p.bytes)}${total}, ${p.quads.toLocaleString('en')} triples, ${seconds} s`,
          );
        },
      },
      sink,
    );
    progress.done();
    for (const file of read.files) {
      if (file.error) process.stderr.write(`triplescope: warning: ${file.error.message}\n`);
    }
    return read;
  } finally {
    progress.done();
  }
}

/** Reads the selected data into memory. */
export async function readAllQuads(
  selection: DataSelection,
): Promise<{ quads: Quad[]; read: ReadPathsResult }> {
  const quads: Quad[] = [];
  const read = await readData(selection, (batch) => {
    for (const q of batch) quads.push(q);
  });
  return { quads, read };
}
