// The built app and a browser for browser tests, shared by the e2e and remote test projects: a
// production build served by `vite preview` on a free loopback port, and one real Chromium
// (Debian's package) that every test file connects to. A global setup starts both and hands their
// addresses to the tests with `provide` (see tests/e2e/browser.ts for the pages).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the built app. */
    baseURL: string;
    /** The shared Chromium's WebSocket address, for `chromium.connect`. */
    browserWSEndpoint: string;
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A served build and a running browser. */
export interface AppServer {
  baseURL: string;
  browserWSEndpoint: string;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

/** Builds the app, serves it and launches Chromium. */
export async function startAppServer(): Promise<AppServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'triplescope-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const baseURL = server.resolvedUrls?.local[0];
  if (!baseURL) {
    await server.close();
    throw new Error('vite preview did not report the address it serves on.');
  }
  const browser = await chromium.launchServer({
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
  return {
    baseURL,
    browserWSEndpoint: browser.wsEndpoint(),
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
