// A panel that throws while drawing, in a real Chromium: the app's PanelBoundary (the one around
// each panel in the Shell) shows a message naming the panel with "Try again", the panel beside it
// keeps working, and "Try again" draws the panel anew once it can. The page
// (tests/e2e/panel-boundary/) is built with Vite from the app's own component and styles, so the
// app carries no hook for making its panels fail.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { build } from 'vite';
import { openApp, screenshot } from './browser.ts';

const ORIGIN = 'http://panel-boundary.test';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

let outDir = '';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'triplescope-panel-boundary-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(process.cwd(), 'tests', 'e2e', 'panel-boundary'),
    base: './',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

test('a panel that fails shows its name and "Try again"; the others keep working', async () => {
  const opened = await openApp('/');
  const { page } = opened;
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      await route.fulfill({
        body: readFileSync(join(outDir, path)),
        contentType: TYPES[extname(path)] ?? 'application/octet-stream',
      });
    });
    await page.goto(`${ORIGIN}/index.html`);
    const failed = page.getByRole('alert', { name: 'Legend (stopped)' });
    await failed.getByRole('heading', { name: 'Legend stopped working' }).waitFor();
    await expect(failed.locator('pre').textContent()).resolves.toBe(
      "Cannot read properties of undefined (reading 'label')",
    );
    await screenshot(page, 'panel-boundary');

    // The panel beside it answers.
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByRole('button', { name: 'Clicked 0 times' }).click();
    await filters.getByRole('button', { name: 'Clicked 1 times' }).waitFor();

    // Still failing, "Try again" shows the message again; once the panel can draw, it draws.
    await failed.getByRole('button', { name: 'Try again' }).click();
    await failed.getByRole('heading', { name: 'Legend stopped working' }).waitFor();
    await page.getByRole('button', { name: 'Mend the legend' }).click();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page
      .getByRole('region', { name: 'Legend' })
      .getByRole('heading', { name: 'Classes' })
      .waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await filters.getByRole('button', { name: 'Clicked 1 times' }).waitFor();

    // React reports each error it caught, and the boundary keeps it for a bug report, naming the panel.
    expect(opened.errors.some((e) => e.startsWith('The Legend panel failed:'))).toBe(true);
    expect(
      opened.errors.every(
        (e) =>
          e.includes("Cannot read properties of undefined (reading 'label')") ||
          e.startsWith('The Legend panel failed:'),
      ),
    ).toBe(true);
  } finally {
    await opened.close();
  }
});
