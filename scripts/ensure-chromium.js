#!/usr/bin/env node
// Makes sure the browser tests have a real Chromium: Debian's `chromium` package, installed when
// missing (the machines reach Debian's archive; a test tool's own browser download cannot work).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error(
      `Chromium is missing at ${path} and this user cannot install it.\n` +
        'Install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
  console.log(`Chromium is missing at ${path}: installing the Debian package "chromium"…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(path)) {
    console.error(`apt-get finished but ${path} is still missing.`);
    process.exit(1);
  }
  console.log('Chromium installed.');
}
