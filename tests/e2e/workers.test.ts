// Workers that fail, in the real app in Chromium. The query worker's engine running out of
// WebAssembly memory on a query, and the query worker throwing while it answers (an uncaught error,
// planted through DevTools as a bug would throw it), each tell the user what happened and that the
// engine was restarted with the data, and the next query answers from the same data. The file
// reader throwing while it reads leaves the graph as it was, says so, and the next file opens; the
// layout's worker throwing while the layout runs is replaced, the status line says so, and the
// layout goes on to rest.
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openApp, screenshot, type OpenedPage } from './browser.ts';
import { expectedCounts } from './expected.ts';
import { KENNEDY, readQuads, statusLine } from './files.ts';

/** The 1M-triple people graph: seconds of reading, time enough to fail in the middle. */
const PEOPLE_1M = join(
  process.cwd(),
  '..',
  'shared',
  'datasets',
  'people-1m',
  'aac-people-1m.nt.gz',
);

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

/**
 * The workers the page starts whose address matches `url`, in order: the query worker's file is
 * web-worker-….js, the import worker's import-worker-….js, and graphology's layout worker is a
 * blob: script.
 */
function workersOf(page: Page, url: RegExp): Worker[] {
  const started: Worker[] = [];
  page.on('worker', (worker) => {
    if (url.test(worker.url())) started.push(worker);
  });
  return started;
}

const queryWorkers = (page: Page): Worker[] => workersOf(page, /\/web-worker[^/]*\.js$/);

/**
 * Plants a bug in `worker` through DevTools: the next message it posts first throws an uncaught
 * error, then holds on for a moment, so the page hears of the error before the message.
 */
async function failOnNextPost(worker: Worker | undefined): Promise<void> {
  if (!worker) throw new Error('The worker to fail was not started.');
  await worker.evaluate(() => {
    // NOTE: this runs in the worker, whose global the page's typings take for a window.
    const scope = self as unknown as {
      postMessage: (message: unknown, transfer?: Transferable[]) => void;
    };
    const post = scope.postMessage.bind(scope);
    scope.postMessage = (message, transfer) => {
      scope.postMessage = post;
      reportError(new Error('planted for the test'));
      const until = Date.now() + 1000;
      while (Date.now() < until);
      post(message, transfer ?? []);
    };
  });
}

/** The status line's part that counts what is shown. */
async function shownStatus(page: Page, text: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Status' })
    .locator('.shown')
    .getByText(text)
    .waitFor({ timeout: 30_000 });
}

/** Opens the query panel (it is open already when the address carries a query). */
/** Opens `path` with "Open RDF file…" in place of the data. */
async function chooseFile(page: Page, path: string): Promise<void> {
  await page.getByText('Open', { exact: true }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open RDF file…' }).click(),
  ]);
  await chooser.setFiles([path]);
  await page
    .getByRole('dialog', { name: 'Open data' })
    .getByRole('button', { name: 'Replace the data' })
    .click();
}

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
      await failOnNextPost(workers[0]);
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

describe('the file reader failing', () => {
  test('while it reads: the user is told, the graph stays as it was, and the next file opens', async () => {
    const rosmer = expectedCounts();
    const n = (x: number): string => x.toLocaleString('en');
    const shown = `Showing ${n(rosmer.shownNodes)} of ${n(rosmer.totalNodes)} nodes`;
    const kennedy = statusLine(await readQuads(KENNEDY, 'ntriples'));
    await withApp('/', async ({ page }) => {
      const readers = workersOf(page, /\/import-worker[^/]*\.js$/);
      page.on('worker', (worker) => {
        if (readers[0] === worker) void failOnNextPost(worker);
      });
      await shownStatus(page, shown);
      await chooseFile(page, PEOPLE_1M);
      const region = page.getByRole('region', { name: 'Import' });
      const alert = region.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      await expect(alert.locator('p').innerText()).resolves.toBe(
        'Could not open aac-people-1m.nt.gz. The data on screen is unchanged.',
      );
      await expect(alert.locator('pre').innerText()).resolves.toBe(
        'The file reader stopped (Uncaught Error: planted for the test) while reading ' +
          'aac-people-1m.nt.gz. Each opening starts a fresh reader: open the file again to retry.',
      );
      await screenshot(page, 'worker-file-reader');
      await shownStatus(page, shown);
      await region.getByRole('button', { name: 'Dismiss' }).click();
      await chooseFile(page, KENNEDY);
      await shownStatus(page, kennedy);
      expect(readers).toHaveLength(2);
    });
  });
});

describe('the layout worker failing', () => {
  test('while the layout runs: it goes on in a fresh worker, and the status line says so', async () => {
    await withApp('/', async ({ page }) => {
      const layouts = workersOf(page, /^blob:/);
      page.on('worker', (worker) => {
        if (layouts[0] === worker) void failOnNextPost(worker);
      });
      const status = page.getByRole('region', { name: 'Status' }).locator('.layout-status');
      await status
        .getByText(
          'The layout stopped (Uncaught Error: planted for the test); it was restarted from the current positions. Laying out…',
        )
        .waitFor({ timeout: 30_000 });
      await screenshot(page, 'worker-layout');
      expect(layouts).toHaveLength(2);
      await status
        .getByText(/^Layout (settled|stopped \(time limit\))\.$/)
        .waitFor({ timeout: 30_000 });
    });
  });
});
