#!/usr/bin/env node
// The `triplescope` command. tsx runs the TypeScript sources directly, so the command works right
// after `npm install` with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
