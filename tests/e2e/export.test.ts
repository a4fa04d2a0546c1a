// Exporting in a real Chromium: the Rosmer graph as Turtle and the Kennedy graph as N-Triples come
// back, parsed in Node, as graphs isomorphic to the data loaded (blank nodes and all); the drawn
// graph as a PNG is a non-blank image of the canvas's size; file names say what they hold.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { Page } from 'playwright-core';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, test } from 'vitest';
import { openApp, SCREENSHOT_DIR, type OpenedPage } from './browser.ts';
import { builtInDataset } from './expected.ts';
import { download, dropFiles, KENNEDY, readQuads } from './files.ts';

async function withApp(run: (opened: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await openApp('/');
  try {
    await run(opened);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.close();
  }
}

async function exportAs(page: Page, button: string) {
  await page.getByText('Export', { exact: true }).click();
  return download(page, () => page.getByRole('button', { name: button, exact: true }).click());
}

const DAY = /\d{4}-\d{2}-\d{2}/.source;

describe('exporting', () => {
  test('the whole Rosmer graph as Turtle parses back to an isomorphic graph', async () => {
    await withApp(async ({ page }) => {
      await page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
      const file = await exportAs(page, 'Turtle');
      expect(file.name).toMatch(new RegExp(`^rosmer-${DAY}\\.ttl$`));
      const back: Quad[] = new Parser({ format: 'text/turtle' }).parse(file.text);
      expect(back.length).toBe(builtInDataset().quads.length);
      expect(isomorphic(back, [...builtInDataset().quads])).toBe(true);
    });
  });

  test('the Kennedy graph, once opened, as N-Triples parses back to an isomorphic graph', async () => {
    const kennedy = await readQuads(KENNEDY, 'ntriples');
    await withApp(async ({ page }) => {
      await page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
      await dropFiles(page, [KENNEDY]);
      await page
        .getByRole('dialog', { name: 'Open data' })
        .getByRole('button', { name: 'Replace the data' })
        .click();
      await page
        .getByRole('region', { name: 'Import' })
        .getByText(/Opened kennedy/)
        .waitFor();
      const file = await exportAs(page, 'N-Triples');
      expect(file.name).toMatch(new RegExp(`^kennedy-${DAY}\\.nt$`));
      const back: Quad[] = new Parser({ format: 'application/n-triples' }).parse(file.text);
      expect(isomorphic(back, kennedy)).toBe(true);
    });
  });

  test('the drawn graph as PNG is a non-blank image of the canvas’s size; as GEXF and GraphML it names its nodes', async () => {
    await withApp(async ({ page }) => {
      const canvas = page.getByRole('region', { name: 'Graph' }).locator('canvas').first();
      await canvas.waitFor();
      await page
        .getByRole('region', { name: 'Status' })
        .getByText(/Layout (settled|stopped)/)
        .waitFor({ timeout: 20_000 });
      const size = await canvas.evaluate((c: HTMLCanvasElement) => ({
        width: c.width,
        height: c.height,
      }));
      const file = await exportAs(page, 'PNG image');
      expect(file.name).toMatch(new RegExp(`^rosmer-${DAY}-graph\\.png$`));
      expect(file.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(join(SCREENSHOT_DIR, 'export-graph.png'), file.bytes);
      // Decoded by the browser: its size, and how many pixels differ from the background.
      const seen = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const draw = new OffscreenCanvas(image.width, image.height);
        const context = draw.getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        let ink = 0;
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4) {
          const rgb = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
          colours.add(rgb);
          if (rgb !== 0xffffff) ink += 1;
        }
        return { width: image.width, height: image.height, ink, colours: colours.size };
      }, file.bytes.toString('base64'));
      expect({ width: seen.width, height: seen.height }).toEqual(size);
      expect(seen.ink).toBeGreaterThan(0.01 * size.width * size.height);
      expect(seen.colours).toBeGreaterThan(20);
      // The same drawing for Gephi: every shown node, Leon Trotsky by name.
      const gexf = await exportAs(page, 'GEXF (Gephi)');
      expect(gexf.name).toMatch(new RegExp(`^rosmer-${DAY}-graph\\.gexf$`));
      expect(gexf.text).toMatch(/<gexf [^>]*version="1\.2"/);
      expect(gexf.text).toContain('label="Leon Trotsky"');
      const graphml = await exportAs(page, 'GraphML');
      expect(graphml.name).toMatch(new RegExp(`^rosmer-${DAY}-graph\\.graphml$`));
      expect(graphml.text).toContain(
        '<node id="https://w3id.org/triplescope/rosmer/leon-trotsky">',
      );
    });
  });
});
