#!/usr/bin/env node
// The `triplescope` command. tsx runs the TypeScript sources directly, so the command works right
// after `npm install` with no build step to remember.
import { register } from 'tsx/esm/api';

// A reader that stops early (`triplescope export … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
