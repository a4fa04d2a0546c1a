// What a command receives from main(): its parsed options and where to write. Commands report bad
// input by throwing InputError (exit 1) or UsageError (exit 2); main() prints either.
import type { ParsedCommand } from './usage.ts';

/** Input the command cannot work with (a file that does not parse, a failing query): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface CommandContext {
  values: ParsedCommand['values'];
  positionals: readonly string[];
  stdout: NodeJS.WritableStream;
  /** Whether standard output is a terminal (then tables and progress are for a person). */
  stdoutIsTTY: boolean;
}

/** The value of a single-valued string option. */
export function stringOption(values: ParsedCommand['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The values of a repeatable string option. */
export function stringsOption(values: ParsedCommand['values'], name: string): string[] | undefined {
  const v = values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}
