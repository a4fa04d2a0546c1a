// The query panel in a real Chromium on the Rosmer graph: an example query gives the same rows as
// the same query through the `triplescope` command line, a syntax error is marked where it is, a
// CONSTRUCT opens as a graph view with a way back, and the query travels in the URL.
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { exampleById } from '../../src/query/examples.ts';
import { openApp, screenshot, type OpenedPage } from './browser.ts';
import { builtInDataset } from './expected.ts';
import { download } from './files.ts';

/** Runs `triplescope query --format json QUERY` and returns its parsed output. */
function cliQuery(query: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/triplescope.js', 'query', '--format', 'json', query],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`triplescope query exited with ${String(code)}: ${err}`));
      else resolve(JSON.parse(out));
    });
  });
}

async function withApp(
  path: string,
  run: (opened: OpenedPage) => Promise<void>,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<void> {
  const opened = await openApp(path, undefined, colorScheme);
  try {
    await run(opened);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.close();
  }
}

async function graphReady(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
}

/** Whether every canvas of the drawing has its container's size (within a pixel). */
function drawingFits(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const container = document.querySelector('section[aria-label="Graph"] .sigma');
    if (!container) return false;
    const box = container.getBoundingClientRect();
    return [...container.querySelectorAll('canvas')].every((canvas) => {
      const r = canvas.getBoundingClientRect();
      return Math.abs(r.width - box.width) <= 1 && Math.abs(r.height - box.height) <= 1;
    });
  });
}

async function openQueryPanel(page: Page) {
  await graphReady(page);
  // Opened once the layout rests, when nothing else would make sigma draw again.
  await page
    .getByRole('region', { name: 'Status' })
    .getByText(/Layout (settled|stopped)/)
    .waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Query', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Query' });
  await panel.getByRole('textbox', { name: 'SPARQL query' }).waitFor();
  // The dock takes room from the graph: the drawing shrinks with it instead of covering the dock.
  await expect.poll(() => drawingFits(page)).toBe(true);
  return panel;
}

describe('the query panel', () => {
  test('an example query gives the rows the command line gives, labelled, and highlights them', async () => {
    const example = exampleById('rosmer-organisations');
    const expected = await cliQuery(example.sparql);
    await withApp('/', async ({ page }) => {
      const panel = await openQueryPanel(page);
      await panel.getByRole('combobox', { name: 'Example queries' }).selectOption(example.id);
      await panel.getByText(example.description).waitFor();
      await panel.getByRole('button', { name: 'Run query' }).click();
      const table = panel.getByRole('table');
      await table.waitFor();
      const rows = (expected as { results: { bindings: unknown[] } }).results.bindings;
      await expect(table.locator('tbody tr').count()).resolves.toBe(rows.length);
      await panel.getByText(`Rows 1–${String(rows.length)} of ${String(rows.length)}`).waitFor();
      // IRIs read as their labels, with the IRI on hover; a click selects the node on the graph.
      const fcp = table.getByRole('button', { name: 'French Communist Party' }).first();
      await expect(fcp.getAttribute('title')).resolves.toBe(
        'https://w3id.org/triplescope/rosmer/french-communist-party',
      );
      await page
        .getByRole('region', { name: 'Status' })
        .getByText(/Layout (settled|stopped)/)
        .waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Fit to screen' }).click();
      await page.waitForTimeout(700); // the camera's animation
      await screenshot(page, 'query-results');
      await fcp.click();
      await page
        .getByRole('region', { name: 'Details' })
        .getByRole('heading', { level: 2, name: 'French Communist Party' })
        .waitFor();
      // The same rows as the command line, term for term (SPARQL JSON export).
      await page.getByText('Export', { exact: true }).click();
      const json = await download(page, () =>
        page.getByRole('button', { name: 'SPARQL JSON' }).click(),
      );
      expect(json.name).toMatch(/^rosmer-\d{4}-\d{2}-\d{2}-results\.srj$/);
      expect(JSON.parse(json.text)).toEqual(expected);
      // Show only results: the graph keeps the result nodes, and the status line says so.
      await panel.getByRole('checkbox', { name: /Show only results/ }).check();
      await page
        .getByRole('region', { name: 'Status' })
        .getByText(/outside the query results/)
        .waitFor();
    });
  });

  test('a syntax error is reported and marked at its line and column', async () => {
    await withApp('/', async ({ page }) => {
      const panel = await openQueryPanel(page);
      const editor = panel.getByRole('textbox', { name: 'SPARQL query' });
      await editor.click();
      await page.keyboard.type('SELECT ?s WHERE {\n?s ?p ?o .\n?s ?p }');
      await page.keyboard.press('Control+Enter');
      const alert = panel.getByRole('alert');
      await alert.waitFor();
      await expect(alert.innerText()).resolves.toMatch(/^Syntax error at line 3, column \d+: /);
      await panel.locator('.cm-lintRange-error').first().waitFor();
      await panel.locator('.cm-lint-marker-error').first().waitFor();
      await screenshot(page, 'query-syntax-error');
    });
  });

  test('completion offers the data’s classes and declares their prefix; brackets close', async () => {
    await withApp('/', async ({ page }) => {
      const panel = await openQueryPanel(page);
      await panel.getByRole('textbox', { name: 'SPARQL query' }).click();
      await page.keyboard.type('SELECT ?who WHERE { ?who a foaf:Pers');
      const option = page.getByRole('option', { name: /foaf:Person/ });
      await option.waitFor();
      await expect(option.innerText()).resolves.toContain('class · Person');
      // A click, not Enter: CodeMirror ignores Enter for 75 ms after the list changes, and on a
      // loaded machine the list may still be settling when the key arrives.
      await option.click();
      await expect
        .poll(() => panel.locator('.cm-content').innerText(), { timeout: 10_000 })
        .toBe(
          // The closing brace was added when the opening one was typed.
          'PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?who WHERE { ?who a foaf:Person}',
        );
    });
  });

  test('a CONSTRUCT opens as a graph view of its own, and back returns to the data', async () => {
    const example = exampleById('construct-trotsky');
    const { graph } = builtInDataset().projection;
    await withApp('/', async ({ page }) => {
      const panel = await openQueryPanel(page);
      await panel.getByRole('combobox', { name: 'Example queries' }).selectOption(example.id);
      await panel.getByRole('button', { name: 'Run query' }).click();
      const bar = page.getByRole('region', { name: 'Result view' });
      await bar.waitFor();
      await expect(bar.innerText()).resolves.toMatch(/Showing a query result: \d+ nodes/);
      const status = page.getByRole('region', { name: 'Status' });
      await status.getByText(/Showing \d+ of \d+ nodes/).waitFor();
      const text = await status.innerText();
      const total = Number(/of ([\d,]+) nodes/.exec(text)?.[1]?.replaceAll(',', ''));
      expect(total).toBeLessThan(graph.order);
      await screenshot(page, 'query-construct-view');
      await bar.getByRole('button', { name: 'Back to the Rosmer graph' }).click();
      await bar.waitFor({ state: 'detached' });
      await status.getByText(`of ${graph.order.toLocaleString('en')} nodes`).waitFor();
    });
  });

  test('a runaway query shows its elapsed time, the page stays usable, and Cancel stops it', async () => {
    await withApp('/', async ({ page }) => {
      const panel = await openQueryPanel(page);
      const editor = panel.getByRole('textbox', { name: 'SPARQL query' });
      await editor.click();
      await page.keyboard.type('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i ');
      await panel.getByRole('button', { name: 'Run query' }).click();
      const status = panel.locator('.run-status');
      await status.getByText(/^Running… \d+ ms$/).waitFor();
      await status.getByText(/^Running… 1\.\d s$/).waitFor();
      // The page answers while the worker is busy: the search box suggests as the user types.
      await page.getByRole('combobox', { name: 'Search' }).fill('trotsk');
      await page
        .getByRole('option', { name: /Leon Trotsky/ })
        .first()
        .waitFor();
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await status.getByText(/^Cancelled after \d/).waitFor();
      // The next query runs in a fresh worker holding the same data.
      await page.keyboard.press('Escape');
      await panel.getByRole('combobox', { name: 'Example queries' }).selectOption('where-in-1938');
      await panel.getByRole('button', { name: 'Run query' }).click();
      await status.getByText(/^2 rows in/).waitFor();
    });
  });

  test('the query is kept in the URL and restored from it (dark colour scheme)', async () => {
    const query = 'SELECT ?person WHERE { ?person a foaf:Person } ORDER BY ?person';
    await withApp(
      `/?query=${encodeURIComponent(query)}`,
      async ({ page }) => {
        const panel = page.getByRole('region', { name: 'Query' });
        await panel.getByRole('textbox', { name: 'SPARQL query' }).waitFor();
        await expect
          .poll(() => panel.locator('.cm-content').innerText(), { timeout: 10_000 })
          .toBe(query);
        // foaf: is declared for the user from the data's prefixes.
        await panel.getByRole('button', { name: 'Run query' }).click();
        await panel
          .locator('.run-status')
          .getByText(/^7 rows in/)
          .waitFor();
        expect(new URL(page.url()).searchParams.get('query')).toBe(query);
        await screenshot(page, 'query-dark');
      },
      'dark',
    );
  });
});
