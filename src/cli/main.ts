// Entry point of the `triplescope` command line; the commands land here (see the RDF core issue).
export function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write('Usage: triplescope <query|export|stats|validate> [options]\n');
    return Promise.resolve(0);
  }
  process.stderr.write(`triplescope: unknown command "${argv[0] ?? ''}". Try --help.\n`);
  return Promise.resolve(2);
}
