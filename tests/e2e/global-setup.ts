// Starts what the browser tests share: a production build of the app served by `vite preview` on a
// loopback port, and one real Chromium (Debian's package) that every test file connects to.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    browserWSEndpoint: string;
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: PreviewServer | undefined;
let browser: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'triplescope-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const baseURL = server.resolvedUrls?.local[0];
  if (!baseURL) throw new Error('vite preview did not report the address it serves on.');
  browser = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machines have no network: background services would only fail, loudly and often.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  project.provide('baseURL', baseURL);
  project.provide('browserWSEndpoint', browser.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await browser?.close();
  await server?.close();
}
