// The command line's grammar: one record per command (options, help text), parsed with Node's
// util.parseArgs. Wrong usage is a UsageError (exit 2), never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_RDF_LIMITS } from '../rdf/limits.ts';

/** Wrong usage of the command line; main() prints it with a hint and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec {
  name: 'query' | 'export' | 'stats' | 'validate';
  summary: string;
  usage: string;
  options: Options;
  help: string;
}

const dataOptions = {
  data: { type: 'string', multiple: true, short: 'd' },
  'input-format': { type: 'string' },
  'keep-partial': { type: 'boolean' },
  limit: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const DATA_HELP = `  -d, --data PATH        RDF to load: a file, a folder (read recursively), a .gz file, or -
                         for standard input; repeat for more. Default: the built-in Rosmer
                         graph (graph/ and ontology/).
      --input-format F   the format of the input when its name does not tell (always for -):
                         turtle, trig, ntriples, nquads, jsonld, rdfxml
      --keep-partial     on a syntax error, keep the triples read before it (with a warning)
                         instead of stopping; by default nothing of a broken file is used
      --limit NAME=N     raise or lower one of the reader's limits (repeatable), e.g.
                         maxLiteralLength=64M; N is a whole number, with K, M or G for
                         1,024, 1,048,576 or 1,073,741,824 of it, or "unlimited". Names:
                         ${Object.keys(DEFAULT_RDF_LIMITS).slice(0, 4).join(', ')},
                         ${Object.keys(DEFAULT_RDF_LIMITS).slice(4).join(', ')}`;

// The options of a remote SPARQL endpoint, shared by `query` and `export`.
// NOTE: --timeout is among them because `export` needs it only with --endpoint; `query` also
// applies it to local data.
const endpointOptions = {
  endpoint: { type: 'string', short: 'e' },
  header: { type: 'string', multiple: true, short: 'H' },
  method: { type: 'string' },
  timeout: { type: 'string', short: 't' },
} as const satisfies Options;

const ENDPOINT_HELP = `  -e, --endpoint URL     ask this SPARQL endpoint (SPARQL 1.1 Protocol) instead of loading data
  -H, --header 'N: V'    an HTTP header for the endpoint, e.g. 'Authorization: Bearer …'
                         (repeatable). TRIPLESCOPE_AUTHORIZATION in the environment sets the
                         Authorization header without showing it in the process list
      --method M         how the query is sent: post (form-encoded, the default), get, or
                         direct (the query as the POST body)`;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'query',
    summary: 'run a SPARQL 1.1 query over RDF files or a SPARQL endpoint',
    usage:
      'triplescope query [--data PATH… | --endpoint URL [--header H…]] [--format F] [--timeout S] (QUERY | --file Q.rq)',
    options: {
      ...dataOptions,
      ...endpointOptions,
      format: { type: 'string', short: 'f' },
      file: { type: 'string' },
    },
    help: `${DATA_HELP}
${ENDPOINT_HELP}
  -f, --format F         SELECT/ASK: json, xml, csv, tsv, table (default: table on a terminal,
                         json otherwise); CONSTRUCT/DESCRIBE: turtle (default), trig, ntriples,
                         nquads, jsonld
  -t, --timeout S        stop the query after S seconds (default 60)
      --file Q.rq        read the query from a file instead of the argument`,
  },
  {
    name: 'export',
    summary: 'convert RDF to another format, or save what a CONSTRUCT on an endpoint returns',
    usage:
      'triplescope export [--data PATH… [--graph IRI] | --endpoint URL --query Q] --format F [--out FILE]',
    options: {
      ...dataOptions,
      ...endpointOptions,
      query: { type: 'string', short: 'q' },
      format: { type: 'string', short: 'f' },
      graph: { type: 'string', short: 'g' },
      out: { type: 'string', short: 'o' },
    },
    help: `${DATA_HELP}
${ENDPOINT_HELP}
  -q, --query Q          with --endpoint: the CONSTRUCT or DESCRIBE query whose triples to save
  -t, --timeout S        with --endpoint: give up after S seconds (default 60)
  -f, --format F         turtle, trig, ntriples, nquads or jsonld (required)
  -g, --graph G          only this named graph (its IRI), "default" for the default graph,
                         or "union" for every triple with graph names dropped
  -o, --out FILE         write to FILE instead of standard output`,
  },
  {
    name: 'stats',
    summary: 'count what the data holds and the size of its graph view',
    usage: 'triplescope stats [--data PATH…]',
    options: { ...dataOptions },
    help: DATA_HELP,
  },
  {
    name: 'validate',
    summary: 'check RDF against SHACL shapes (exit 1 on violations)',
    usage: 'triplescope validate [--data PATH…] [--shapes FILE…]',
    options: { ...dataOptions, shapes: { type: 'string', multiple: true, short: 's' } },
    help: `${DATA_HELP}
  -s, --shapes FILE      SHACL shapes (repeatable). Default: the built-in ontology/shapes.ttl
                         for the built-in graph, otherwise the shapes found in the data itself`,
  },
];

export const MAIN_HELP = `Triplescope — explore, query and convert RDF knowledge graphs.

Usage: triplescope <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run \`triplescope <command> --help\` for a command's options.
`;

/** Help text of one command. */
export function commandHelp(spec: CommandSpec): string {
  return `Usage: ${spec.usage}\n\n${spec.summary[0]?.toUpperCase() ?? ''}${spec.summary.slice(1)}.\n\nOptions:\n${spec.help}\n`;
}

export interface ParsedCommand {
  spec: CommandSpec;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** Parses argv (without node and script) into a command and its options, or throws UsageError. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand | 'help' {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return 'help';
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    throw new UsageError(
      `unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`,
    );
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: spec.options,
      allowPositionals: true,
      strict: true,
    });
    return { spec, values, positionals };
  } catch (e) {
    // parseArgs explains itself well ("Unknown option '--x'"); keep its words, drop its code.
    throw new UsageError(e instanceof Error ? e.message : String(e), spec.name);
  }
}
