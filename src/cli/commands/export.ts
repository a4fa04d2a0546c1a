// `triplescope export`: converts the data to another RDF format, whole or one named graph, or
// saves the triples a CONSTRUCT or DESCRIBE query returns from a SPARQL endpoint (--endpoint).
import type { Quad } from '@rdfjs/types';
import { writeFile } from 'node:fs/promises';
import { isRdfFormatId, RDF_FORMATS } from '../../rdf/formats.ts';
import { serializeRdf } from '../../rdf/serialize.ts';
import type { SparqlEndpoint } from '../../remote/client.ts';
import { readPrologue } from '../../remote/prologue.ts';
import { stringOption, type CommandContext } from '../context.ts';
import { commandData, readAllQuads } from '../data.ts';
import { UsageError } from '../usage.ts';
import { endpointOption, warnIfCut } from './query.ts';

const WRITABLE = RDF_FORMATS.filter((f) => f.writable).map((f) => f.id);

/** The triples of the --query CONSTRUCT/DESCRIBE on the endpoint, with the query's prefixes. */
async function remoteQuads(
  ctx: CommandContext,
  endpoint: SparqlEndpoint,
): Promise<{ quads: Quad[]; prefixes: Record<string, string> }> {
  const query = stringOption(ctx.values, 'query');
  if (query === undefined)
    throw new UsageError('--endpoint needs --query with a CONSTRUCT or DESCRIBE query.', 'export');
  if (stringOption(ctx.values, 'graph') !== undefined) {
    throw new UsageError(
      '--graph picks a graph of local data; with --endpoint, name the graph in the query (GRAPH or FROM).',
      'export',
    );
  }
  const form = readPrologue(query).form;
  if (form !== 'construct' && form !== 'describe') {
    throw new UsageError(
      `export saves triples: --query must be a CONSTRUCT or DESCRIBE query, not ${form === undefined ? 'this text' : `a${form === 'ask' ? 'n' : ''} ${form.toUpperCase()}`}.`,
      'export',
    );
  }
  const answer = await endpoint.query(query);
  warnIfCut(endpoint, answer);
  // A CONSTRUCT answers a graph: checked above, so anything else is the endpoint's doing.
  const quads = answer.result.type === 'quads' ? answer.result.quads : [];
  return { quads, prefixes: answer.prefixes };
}

/** Runs the command; resolves to the exit code. */
export async function runExport(ctx: CommandContext): Promise<number> {
  const endpoint = endpointOption(ctx, 'export');
  if (endpoint === undefined && stringOption(ctx.values, 'query') !== undefined)
    throw new UsageError('--query goes with --endpoint URL.', 'export');
  const source =
    endpoint === undefined
      ? { kind: 'local' as const, selection: commandData(ctx, 'export') }
      : { kind: 'remote' as const, endpoint };
  const format = stringOption(ctx.values, 'format');
  if (format === undefined)
    throw new UsageError(`--format is required: ${WRITABLE.join(', ')}.`, 'export');
  if (!isRdfFormatId(format) || !WRITABLE.includes(format)) {
    throw new UsageError(`cannot write "${format}": use ${WRITABLE.join(', ')}.`, 'export');
  }
  let text: string;
  if (source.kind === 'remote') {
    if (ctx.positionals[0] !== undefined) {
      throw new UsageError(
        `unexpected argument "${ctx.positionals[0]}"; the query goes after --query.`,
        'export',
      );
    }
    const { quads, prefixes } = await remoteQuads(ctx, source.endpoint);
    text = await serializeRdf(quads, format, { prefixes });
  } else {
    const { quads, read } = await readAllQuads(source.selection);
    const graph = stringOption(ctx.values, 'graph');
    text = await serializeRdf(quads, format, {
      prefixes: read.prefixes,
      ...(graph === undefined ? {} : { graph }),
    });
  }
  const out = stringOption(ctx.values, 'out');
  if (out === undefined) ctx.stdout.write(text);
  else await writeFile(out, text);
  return 0;
}
