// Entry point of the `triplescope` command line: parses the command, runs it, and turns every
// expected failure into one clear line on standard error and an exit code — 0 success, 1 bad input
// or a failing query, 2 wrong usage.
import { RdfParseError, RdfSerializeError } from '../rdf/errors.ts';
import { RdfPathError } from '../rdf/node.ts';
import { QueryError } from '../query/errors.ts';
import { InputError, type CommandContext } from './context.ts';
import {
  COMMANDS,
  commandHelp,
  MAIN_HELP,
  parseCommandLine,
  UsageError,
  type CommandSpec,
} from './usage.ts';

// Loaded on demand: the query engine's WASM and the SHACL engine cost start-up time that `--help`
// and the other commands should not pay.
const RUNNERS: Record<
  CommandSpec['name'],
  () => Promise<(ctx: CommandContext) => Promise<number>>
> = {
  query: async () => (await import('./commands/query.ts')).runQuery,
  export: async () => (await import('./commands/export.ts')).runExport,
  stats: async () => (await import('./commands/stats.ts')).runStats,
  validate: async () => (await import('./commands/validate.ts')).runValidate,
};

function isInputError(error: unknown): error is Error {
  return (
    error instanceof InputError ||
    error instanceof RdfParseError ||
    error instanceof RdfPathError ||
    error instanceof RdfSerializeError ||
    error instanceof QueryError
  );
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      process.stdout.write(MAIN_HELP);
      return 0;
    }
    if (parsed.values.help === true) {
      process.stdout.write(commandHelp(parsed.spec));
      return 0;
    }
    const run = await RUNNERS[parsed.spec.name]();
    return await run({
      values: parsed.values,
      positionals: parsed.positionals,
      stdout: process.stdout,
      stdoutIsTTY: process.stdout.isTTY,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      const command = COMMANDS.find((c) => c.name === error.command);
      const hint = command ? `triplescope ${command.name} --help` : 'triplescope --help';
      process.stderr.write(`triplescope: ${error.message}\nSee \`${hint}\`.\n`);
      return 2;
    }
    if (isInputError(error)) {
      process.stderr.write(`triplescope: ${error.message}\n`);
      return 1;
    }
    // Anything else is a bug in Triplescope, not in the user's input: say so, with the trace.
    process.stderr.write(
      `triplescope: internal error — please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
