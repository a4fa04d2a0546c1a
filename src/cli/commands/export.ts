// `triplescope export`: converts the data to another RDF format, whole or one named graph.
import { writeFile } from 'node:fs/promises';
import { isRdfFormatId, RDF_FORMATS } from '../../rdf/formats.ts';
import { serializeRdf } from '../../rdf/serialize.ts';
import { stringOption, type CommandContext } from '../context.ts';
import { commandData, readAllQuads } from '../data.ts';
import { UsageError } from '../usage.ts';

const WRITABLE = RDF_FORMATS.filter((f) => f.writable).map((f) => f.id);

/** Runs the command; resolves to the exit code. */
export async function runExport(ctx: CommandContext): Promise<number> {
  const selection = commandData(ctx, 'export');
  const format = stringOption(ctx.values, 'format');
  if (format === undefined)
    throw new UsageError(`--format is required: ${WRITABLE.join(', ')}.`, 'export');
  if (!isRdfFormatId(format) || !WRITABLE.includes(format)) {
    throw new UsageError(`cannot write "${format}": use ${WRITABLE.join(', ')}.`, 'export');
  }
  const { quads, read } = await readAllQuads(selection);
  const graph = stringOption(ctx.values, 'graph');
  const text = await serializeRdf(quads, format, {
    prefixes: read.prefixes,
    ...(graph === undefined ? {} : { graph }),
  });
  const out = stringOption(ctx.values, 'out');
  if (out === undefined) ctx.stdout.write(text);
  else await writeFile(out, text);
  return 0;
}
