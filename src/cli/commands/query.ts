// `triplescope query`: runs a SPARQL query over the data in a worker thread, so that --timeout can
// stop a runaway query, or sends it to a SPARQL endpoint (--endpoint), and prints the result in the
// format asked for. Also the --endpoint options that `export` shares.
import { readFile } from 'node:fs/promises';
import { isRdfFormatId } from '../../rdf/formats.ts';
import { withWellKnownPrefixes } from '../../rdf/prefixes.ts';
import { serializeRdf } from '../../rdf/serialize.ts';
import { SparqlSyntaxError } from '../../query/errors.ts';
import { createQueryWorker } from '../../query/node-host.ts';
import { toCsv, toSparqlJson, toSparqlXml, toTable, toTsv } from '../../query/results.ts';
import { toNQuadsLine } from '../../query/terms.ts';
import type { QueryResult } from '../../query/types.ts';
import { SparqlEndpoint, type RequestMethod } from '../../remote/client.ts';
import { EndpointError } from '../../remote/errors.ts';
import { dataSelection, limitOptions, readData } from '../data.ts';
import { InputError, stringOption, stringsOption, type CommandContext } from '../context.ts';
import { UsageError } from '../usage.ts';

const RESULT_FORMATS = ['json', 'xml', 'csv', 'tsv', 'table'] as const;
const GRAPH_FORMATS = ['turtle', 'trig', 'ntriples', 'nquads', 'jsonld'] as const;
const DEFAULT_TIMEOUT_S = 60;

/** The query text and the name to report its errors under. */
async function queryText(ctx: CommandContext): Promise<{ text: string; source: string }> {
  const file = stringOption(ctx.values, 'file');
  const [inline, ...extra] = ctx.positionals;
  if (extra.length > 0) {
    throw new UsageError(
      `give the query as one argument (quote it), not ${ctx.positionals.length}.`,
      'query',
    );
  }
  if (file !== undefined && inline !== undefined) {
    throw new UsageError('give the query either as an argument or with --file, not both.', 'query');
  }
  if (file !== undefined) return { text: await readQueryFile(file), source: file };
  if (inline === undefined)
    throw new UsageError('no query: give it as an argument or with --file Q.rq.', 'query');
  return { text: inline, source: 'query' };
}

async function readQueryFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the query file ${path}: no such file.`, 'query');
  }
}

/** The --timeout option in milliseconds (default 60 s). */
export function timeoutMs(ctx: CommandContext, command: 'query' | 'export'): number {
  const text = stringOption(ctx.values, 'timeout');
  if (text === undefined) return DEFAULT_TIMEOUT_S * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--timeout takes a number of seconds above 0, not "${text}".`, command);
  return seconds * 1000;
}

const METHODS: Readonly<Record<string, RequestMethod>> = {
  post: 'post',
  get: 'get',
  direct: 'post-direct',
};

/**
 * The endpoint of --endpoint with its --header, --method and --timeout (and the Authorization of
 * TRIPLESCOPE_AUTHORIZATION), or undefined when the command works on local data.
 */
export function endpointOption(
  ctx: CommandContext,
  command: 'query' | 'export',
): SparqlEndpoint | undefined {
  const url = stringOption(ctx.values, 'endpoint');
  const headerLines = stringsOption(ctx.values, 'header') ?? [];
  const method = stringOption(ctx.values, 'method');
  if (url === undefined) {
    if (headerLines.length > 0 || method !== undefined)
      throw new UsageError('--header and --method go with --endpoint URL.', command);
    return undefined;
  }
  for (const local of ['data', 'input-format', 'keep-partial']) {
    if (ctx.values[local] !== undefined) {
      throw new UsageError(
        `--${local} reads local files; give either --endpoint or --data, not both.`,
        command,
      );
    }
  }
  const headers: Record<string, string> = {};
  const fromEnvironment = process.env.TRIPLESCOPE_AUTHORIZATION;
  if (fromEnvironment !== undefined && fromEnvironment !== '')
    headers.Authorization = fromEnvironment;
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    // NOTE: the value is never echoed: it is usually a secret.
    if (colon <= 0) {
      throw new UsageError(
        '--header takes "Name: value", e.g. "Authorization: Bearer …"; one of them has no name before a colon.',
        command,
      );
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  const chosen = method === undefined ? 'post' : METHODS[method];
  if (chosen === undefined) {
    throw new UsageError(`unknown --method "${method ?? ''}": use post, get or direct.`, command);
  }
  try {
    return new SparqlEndpoint(url, { headers, method: chosen, timeoutMs: timeoutMs(ctx, command) });
  } catch (error) {
    if (error instanceof EndpointError) throw new UsageError(error.message, command);
    throw error;
  }
}

/** Warnings about an endpoint's answer that is not the whole result, on standard error. */
export function warnIfCut(
  endpoint: SparqlEndpoint,
  answer: { truncatedAt?: number; partial?: string },
): void {
  if (answer.truncatedAt !== undefined) {
    process.stderr.write(
      `triplescope: warning: ${endpoint.displayUrl} returns at most ${answer.truncatedAt.toLocaleString('en-US')} rows, so this result may be cut short; page through it with LIMIT and OFFSET.\n`,
    );
  }
  if (answer.partial !== undefined) {
    process.stderr.write(
      `triplescope: warning: ${endpoint.displayUrl} stopped the query early and sent what it had found (${answer.partial}).\n`,
    );
  }
}

function checkFormat(format: string | undefined): void {
  if (format === undefined) return;
  if (!(RESULT_FORMATS as readonly string[]).includes(format) && !isRdfFormatId(format)) {
    throw new UsageError(
      `unknown --format "${format}": SELECT/ASK take ${RESULT_FORMATS.join(', ')}; CONSTRUCT/DESCRIBE take ${GRAPH_FORMATS.join(', ')}.`,
      'query',
    );
  }
}

async function render(
  result: QueryResult,
  format: string | undefined,
  tty: boolean,
  prefixes: Record<string, string>,
): Promise<string> {
  if (result.type === 'quads') {
    const chosen = format ?? 'turtle';
    if (!(GRAPH_FORMATS as readonly string[]).includes(chosen) || !isRdfFormatId(chosen)) {
      throw new UsageError(
        `--format ${chosen} is for SELECT/ASK results; this query gives a graph: use ${GRAPH_FORMATS.join(', ')}.`,
        'query',
      );
    }
    return serializeRdf(result.quads, chosen, { prefixes });
  }
  switch (format ?? (tty ? 'table' : 'json')) {
    case 'json':
      return toSparqlJson(result);
    case 'xml':
      return toSparqlXml(result);
    case 'table':
      return toTable(result, { prefixes: withWellKnownPrefixes(prefixes) });
    case 'csv':
    case 'tsv':
      if (result.type === 'boolean') {
        throw new UsageError(
          `an ASK result is true or false; --format ${format ?? ''} holds tables: use json, xml or table.`,
          'query',
        );
      }
      return format === 'csv' ? toCsv(result) : toTsv(result);
    default:
      throw new UsageError(
        `--format ${format ?? ''} is for graphs; this query gives ${result.type === 'boolean' ? 'true or false' : 'a table'}: use ${RESULT_FORMATS.join(', ')}.`,
        'query',
      );
  }
}

/** A syntax error as `file:line:col: what is wrong`, with the line and a caret under the spot. */
function syntaxError(source: string, error: SparqlSyntaxError): InputError {
  const what = error.message.replace(/^SPARQL syntax error at line \d+, column \d+: /u, '');
  return new InputError(
    `${source}:${error.line}:${error.column}: SPARQL syntax error: ${what}\n${error.frame}`,
  );
}

/** Runs the command; resolves to the exit code. */
export async function runQuery(ctx: CommandContext): Promise<number> {
  const format = stringOption(ctx.values, 'format');
  checkFormat(format);
  const timeout = timeoutMs(ctx, 'query');
  const endpoint = endpointOption(ctx, 'query');
  const { text, source } = await queryText(ctx);
  if (endpoint !== undefined) {
    const answer = await endpoint.query(text);
    warnIfCut(endpoint, answer);
    ctx.stdout.write(await render(answer.result, format, ctx.stdoutIsTTY, answer.prefixes));
    return 0;
  }
  const selection = dataSelection(
    stringsOption(ctx.values, 'data'),
    stringOption(ctx.values, 'input-format'),
    ctx.values['keep-partial'] === true,
    limitOptions(stringsOption(ctx.values, 'limit'), 'query'),
  );
  const worker = createQueryWorker();
  try {
    const lines: string[] = [];
    const read = await readData(selection, (batch) => {
      for (const q of batch) lines.push(toNQuadsLine(q));
    });
    await worker.load(lines.join(''), { format: 'nquads' });
    lines.length = 0;
    const result = await worker.query(text, { timeoutMs: timeout }).catch((error: unknown) => {
      if (error instanceof SparqlSyntaxError) throw syntaxError(source, error);
      throw error;
    });
    ctx.stdout.write(await render(result, format, ctx.stdoutIsTTY, read.prefixes));
    return 0;
  } finally {
    await worker.close();
  }
}
