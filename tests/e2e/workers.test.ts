// Workers that fail, in the real app in Chromium: the query worker's engine running out of
// WebAssembly memory on a query, and the query worker throwing while it handles a request (an
// uncaught error, made through DevTools as a bug would), each tell the user what happened and
// that the engine was restarted with the data, and the next query answers from the same data.
import type { Page, Worker } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openApp, screenshot, type OpenedPage } from './browser.ts';

// A string ten times longer at each step: 10¹⁰ characters at the last, more than the engine's
// 4 GB of WebAssembly memory can hold, reached in seconds.
const OUT_OF_MEMORY = `SELECT (STRLEN(?x9) AS ?n) WHERE { BIND("aaaaaaaaaa" AS ?x0) ${Array.from(
  { length: 9 },
  (_, i) => `BIND(CONCAT(${Array.from({ length: 10 }, () => `?x${i}`).join(', ')}) AS ?x${i + 1})`,
).join(' ')} }`;

/** What the query panel says after the engine stopped under a query and was restarted. */
const RESTARTED =
  /^The query engine stopped \((.+)\); it was restarted with your data — run the query again\./;

async function withApp(path: string, run: (opened: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await openApp(path);
  try {
    await run(opened);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.close();
  }
}

/** The query workers the page starts, in order (the built worker's file is web-worker-….js). */
function queryWorkers(page: Page): Worker[] {
  const started: Worker[] = [];
  page.on('worker', (worker) => {
    if (/\/web-worker[^/]*\.js$/.test(worker.url())) started.push(worker);
  });
  return started;
}

/** Opens the query panel (it is open already when the address carries a query). */
async function openQueryPanel(page: Page) {
  await page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
  if (!new URL(page.url()).searchParams.has('query'))
    await page.getByRole('button', { name: 'Query', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Query' });
  await panel.getByRole('textbox', { name: 'SPARQL query' }).waitFor();
  return panel;
}

/** Runs an example query on the Rosmer graph and waits for its two rows. */
async function whereIn1938(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Query' });
  await panel.getByRole('combobox', { name: 'Example queries' }).selectOption('where-in-1938');
  await panel.getByRole('button', { name: 'Run query' }).click();
  await panel
    .locator('.run-status')
    .getByText(/^2 rows in/)
    .waitFor({ timeout: 30_000 });
}

describe('the query worker failing', () => {
  test('a query that runs the engine out of memory: the user is told, and the next query finds the data', async () => {
    await withApp(`/?query=${encodeURIComponent(OUT_OF_MEMORY)}`, async ({ page }) => {
      const workers = queryWorkers(page);
      const panel = await openQueryPanel(page);
      await panel.getByRole('button', { name: 'Run query' }).click();
      const alert = panel.getByRole('alert');
      await alert.waitFor({ timeout: 50_000 });
      const message = await alert.innerText();
      expect(message).toMatch(RESTARTED);
      expect(RESTARTED.exec(message)?.[1]).toMatch(
        /^it most likely ran out of memory: WebAssembly trap “.+”$/,
      );
      expect(message).toContain(
        'If this query stops it again, narrow it (a LIMIT, a more specific pattern).',
      );
      await screenshot(page, 'worker-out-of-memory');
      // Restarted at once: a second worker was started before anyone asked for it.
      expect(workers).toHaveLength(2);
      await whereIn1938(page);
      expect(workers).toHaveLength(2);
    });
  });

  test('a query worker that throws while handling a request: the user is told, and the next query finds the data', async () => {
    await withApp('/', async ({ page }) => {
      const workers = queryWorkers(page);
      await openQueryPanel(page);
      await whereIn1938(page);
      // A bug, as DevTools can plant one: when the worker next answers, it throws an uncaught
      // error, then holds on for a moment before the answer goes, so the page hears of the error
      // while the request is still waiting for it.
      await workers[0]?.evaluate(() => {
        const post = self.postMessage.bind(self);
        self.postMessage = (message: unknown) => {
          reportError(new Error('planted for the test'));
          const until = Date.now() + 1000;
          while (Date.now() < until);
          post(message);
        };
      });
      const panel = page.getByRole('region', { name: 'Query' });
      await panel.getByRole('button', { name: 'Run query' }).click();
      const alert = panel.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toBe(
        'The query engine stopped (Uncaught Error: planted for the test); it was restarted with your data — run the query again.',
      );
      await expect.poll(() => workers.length).toBe(2);
      await whereIn1938(page);
    });
  });
});
