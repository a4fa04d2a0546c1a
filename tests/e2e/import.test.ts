// Opening data in a real Chromium: the Kennedy family graph chosen with "Open RDF file" and dropped
// on the page replaces the Rosmer graph (counts as the same projection gives in Node); a broken
// Turtle file gives an error naming file:line:col while the graph on screen stays as it was; the
// Rosmer graph is one click away.
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { RdfParseError } from '../../src/rdf/index.ts';
import { openApp, screenshot, type OpenedPage } from './browser.ts';
import { expectedCounts } from './expected.ts';
import { BROKEN, dropFiles, KENNEDY, readQuads, statusLine } from './files.ts';

async function withApp(run: (opened: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await openApp('/');
  try {
    await run(opened);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.close();
  }
}

const rosmerStatus = (): string => {
  const c = expectedCounts();
  const n = (x: number): string => x.toLocaleString('en');
  return `Showing ${n(c.shownNodes)} of ${n(c.totalNodes)} nodes and ${n(c.shownEdges)} of ${n(c.totalEdges)} edges.`;
};

async function shownStatus(page: Page, text: string): Promise<void> {
  await page.getByRole('region', { name: 'Status' }).locator('.shown').getByText(text).waitFor();
}

async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByText('Open', { exact: true }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open RDF file…' }).click(),
  ]);
  await chooser.setFiles(paths);
}

describe('opening data', () => {
  test('the Kennedy graph chosen with "Open RDF file" replaces the Rosmer graph; the Rosmer graph is one click away', async () => {
    const kennedy = statusLine(await readQuads(KENNEDY, 'ntriples'));
    await withApp(async ({ page }) => {
      await shownStatus(page, rosmerStatus());
      await chooseFiles(page, [KENNEDY]);
      const dialog = page.getByRole('dialog', { name: 'Open data' });
      await dialog.getByRole('button', { name: 'Replace the data' }).click();
      await shownStatus(page, kennedy);
      await page
        .getByRole('region', { name: 'Import' })
        .getByText('Opened kennedy.ntriples: 1,214 triples.')
        .waitFor();
      await page.getByRole('region', { name: 'Legend' }).getByText('person').waitFor();
      await screenshot(page, 'import-kennedy');
      await page.getByRole('button', { name: 'Open the Rosmer graph' }).click();
      await shownStatus(page, rosmerStatus());
    });
  });

  test('the Kennedy graph dropped on the page opens too, replacing or adding', async () => {
    const kennedyQuads = await readQuads(KENNEDY, 'ntriples');
    await withApp(async ({ page }) => {
      await shownStatus(page, rosmerStatus());
      await dropFiles(page, [KENNEDY]);
      await page
        .getByRole('dialog', { name: 'Open data' })
        .getByRole('button', { name: 'Replace the data' })
        .click();
      await shownStatus(page, statusLine(kennedyQuads));
      // Dropped again, added to itself: blank nodes aside, the same triples, so the same counts.
      await dropFiles(page, [KENNEDY]);
      await page
        .getByRole('dialog', { name: 'Open data' })
        .getByRole('button', { name: 'Add to the data' })
        .click();
      await page
        .getByRole('region', { name: 'Import' })
        .getByText('Opened kennedy.ntriples: 1,214 triples added.')
        .waitFor();
      await shownStatus(page, statusLine([...kennedyQuads, ...kennedyQuads]));
    });
  });

  test('reading a large gzip file shows bytes, triples and time, and Cancel keeps the graph', async () => {
    const big = join(process.cwd(), '..', 'shared', 'datasets', 'people-1m', 'aac-people-1m.nt.gz');
    await withApp(async ({ page }) => {
      await shownStatus(page, rosmerStatus());
      await chooseFiles(page, [big]);
      await page
        .getByRole('dialog', { name: 'Open data' })
        .getByRole('button', { name: 'Add to the data' })
        .click();
      const region = page.getByRole('region', { name: 'Import' });
      await region
        .getByText(
          /^Reading aac-people-1m\.nt\.gz: [\d.]+ [kM]?B of 7\.3 MB, [\d,]+ triples, [\d,]+(\.\d)? s$/,
        )
        .waitFor();
      await region.getByRole('progressbar', { name: 'Reading progress' }).waitFor();
      await region.getByText(/[1-9][\d,]* triples/).waitFor();
      await screenshot(page, 'import-progress');
      await region.getByRole('button', { name: 'Cancel' }).click();
      await region.waitFor({ state: 'detached' });
      await shownStatus(page, rosmerStatus());
    });
  });

  test('pasted RDF text opens like a file', async () => {
    await withApp(async ({ page }) => {
      await shownStatus(page, rosmerStatus());
      await page.getByText('Open', { exact: true }).click();
      await page.getByRole('button', { name: 'Paste RDF text…' }).click();
      const paste = page.getByRole('dialog', { name: 'Paste RDF text' });
      await paste
        .getByRole('textbox', { name: 'RDF text' })
        .fill('<urn:a> <urn:knows> <urn:b> .\n<urn:b> <urn:knows> <urn:c> .\n');
      await paste.getByRole('button', { name: 'Open' }).click();
      await page
        .getByRole('dialog', { name: 'Open data' })
        .getByRole('button', { name: 'Replace the data' })
        .click();
      await shownStatus(page, 'Showing 3 of 3 nodes and 2 of 2 edges.');
    });
  });

  test('a broken Turtle file gives an error naming file, line and column, and the graph stays', async () => {
    const expected = await readQuads(BROKEN, 'turtle').then(
      () => {
        throw new Error('the broken fixture parsed');
      },
      (error: unknown) => {
        if (!(error instanceof RdfParseError)) throw error;
        return error;
      },
    );
    expect(`${expected.source}:${String(expected.line)}:${String(expected.column)}`).toBe(
      `${basename(BROKEN)}:9:1`,
    );
    await withApp(async ({ page }) => {
      await shownStatus(page, rosmerStatus());
      await dropFiles(page, [BROKEN]);
      await page
        .getByRole('dialog', { name: 'Open data' })
        .getByRole('button', { name: 'Replace the data' })
        .click();
      const region = page.getByRole('region', { name: 'Import' });
      await region.getByRole('alert').waitFor();
      await expect(region.locator('pre').innerText()).resolves.toBe(expected.message);
      await shownStatus(page, rosmerStatus());
      await screenshot(page, 'import-broken');
    });
  });
});
