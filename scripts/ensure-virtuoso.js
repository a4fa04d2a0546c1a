#!/usr/bin/env node
// Makes sure the remote-endpoint tests have a real Virtuoso Open Source server: Debian's
// `virtuoso-opensource` package, installed when missing. The tests run their own `virtuoso-t` on
// a private config; the system service the package would start is kept from starting (or stopped
// and disabled when it started anyway), so nothing keeps running after the install.
// Run by the remote tests' global setup; exits 1 with what to do when Virtuoso cannot be had.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

// The programs the tests need; VIRTUOSO_T / VIRTUOSO_ISQL point at a Virtuoso installed elsewhere.
const VIRTUOSO_PATHS = {
  server: process.env.VIRTUOSO_T ?? '/usr/bin/virtuoso-t',
  // NOTE: Debian renames Virtuoso's `isql` to `isql-vt`: unixODBC ships another `isql`.
  isql: process.env.VIRTUOSO_ISQL ?? '/usr/bin/isql-vt',
};

const SERVICE = 'virtuoso-opensource-7';
const POLICY = '/usr/sbin/policy-rc.d';

function installed() {
  return existsSync(VIRTUOSO_PATHS.server) && existsSync(VIRTUOSO_PATHS.isql);
}

// Stops and disables the packaged service if it runs (machines without a policy-rc.d, e.g. with
// systemd). Quiet when there is no such service.
function stopSystemService() {
  const systemd = existsSync('/run/systemd/system');
  if (systemd) {
    spawnSync('systemctl', ['disable', '--now', SERVICE], { stdio: 'ignore' });
  } else if (existsSync(`/etc/init.d/${SERVICE}`)) {
    spawnSync(`/etc/init.d/${SERVICE}`, ['stop'], { stdio: 'ignore' });
    spawnSync('update-rc.d', [SERVICE, 'disable'], { stdio: 'ignore' });
  }
}

// Installs Virtuoso when `virtuoso-t` or `isql-vt` is missing; throws with what to do when it
// cannot (not root, apt-get failed).
function ensureVirtuoso() {
  if (installed()) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(
      `Virtuoso is missing (${VIRTUOSO_PATHS.server}, ${VIRTUOSO_PATHS.isql}) and this user cannot ` +
        'install it. Install it with `sudo apt-get install virtuoso-opensource`, or set VIRTUOSO_T ' +
        'and VIRTUOSO_ISQL to the paths of virtuoso-t and its isql.',
    );
  }
  console.log(
    'Virtuoso is missing: installing the Debian package "virtuoso-opensource" (the tests run ' +
      'their own server; the system service is not left running)…',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A policy-rc.d that answers 101 ("action forbidden") keeps the package's postinst from starting
  // the service. Written only when the machine has none, and removed afterwards.
  const ownPolicy = !existsSync(POLICY);
  if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'virtuoso-opensource'], {
      stdio: 'inherit',
      env,
    });
  } finally {
    if (ownPolicy) rmSync(POLICY, { force: true });
  }
  stopSystemService();
  if (!installed()) {
    throw new Error(
      `apt-get finished but ${VIRTUOSO_PATHS.server} or ${VIRTUOSO_PATHS.isql} is still missing.`,
    );
  }
  console.log('Virtuoso installed.');
}

try {
  ensureVirtuoso();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
