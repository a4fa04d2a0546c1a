// `triplescope validate`: checks the data against SHACL shapes; exit 1 when it does not conform.
import { validateShacl, formatShaclReport } from '../../validate/shacl.ts';
import { stringsOption, type CommandContext } from '../context.ts';
import { BUILTIN_SHAPES, commandData, dataSelection, readAllQuads } from '../data.ts';
import { UsageError } from '../usage.ts';

const SH_NODE_SHAPE = 'http://www.w3.org/ns/shacl#NodeShape';
const SH_PROPERTY_SHAPE = 'http://www.w3.org/ns/shacl#PropertyShape';

/** Runs the command; resolves to 0 when the data conforms, 1 when it does not. */
export async function runValidate(ctx: CommandContext): Promise<number> {
  const selection = commandData(ctx, 'validate');
  const { quads } = await readAllQuads(selection);
  const shapePaths =
    stringsOption(ctx.values, 'shapes') ?? (selection.builtin ? [BUILTIN_SHAPES] : []);
  const shapes =
    shapePaths.length > 0
      ? (await readAllQuads(dataSelection(shapePaths, undefined, false, selection.limits))).quads
      : quads;
  const hasShapes = shapes.some(
    (q) =>
      q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' &&
      (q.object.value === SH_NODE_SHAPE || q.object.value === SH_PROPERTY_SHAPE),
  );
  if (!hasShapes) {
    throw new UsageError(
      shapePaths.length > 0
        ? `no SHACL shapes (sh:NodeShape or sh:PropertyShape) in ${shapePaths.join(', ')}.`
        : 'the data holds no SHACL shapes: name a shapes file with --shapes FILE.',
      'validate',
    );
  }
  const report = await validateShacl(quads, shapes);
  ctx.stdout.write(formatShaclReport(report));
  return report.conforms ? 0 : 1;
}
