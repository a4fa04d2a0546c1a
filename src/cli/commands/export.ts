// `triplescope export`: converts the data to another RDF format, whole or one named graph.
import { writeFile } from 'node:fs/promises';
import { isRdfFormatId, RDF_FORMATS } from '../../rdf/formats.ts';
import { serializeRdf } from '../../rdf/serialize.ts';
import { stringOption, stringsOption, type CommandContext } from '../context.ts';
import { dataSelection, readAllQuads } from '../data.ts';
import { UsageError } from '../usage.ts';

const WRITABLE = RDF_FORMATS.filter((f) => f.writable).map((f) => f.id);

/** Runs the command; resolves to the exit code. */
export async function runExport(ctx: CommandContext): Promise<number> {
  if (ctx.positionals.length > 0) {
    throw new UsageError(
      `unexpected argument "${ctx.positionals[0] ?? ''}"; data goes after --data.`,
      'export',
    );
  }
  const format = stringOption(ctx.values, 'format');
  if (format === undefined)
    throw new UsageError(`--format is required: ${WRITABLE.join(', ')}.`, 'export');
  if (!isRdfFormatId(format) || !WRITABLE.includes(format)) {
    throw new UsageError(`cannot write "${format}": use ${WRITABLE.join(', ')}.`, 'export');
  }
  const selection = dataSelection(
    stringsOption(ctx.values, 'data'),
    stringOption(ctx.values, 'input-format'),
  );
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
