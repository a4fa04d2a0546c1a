// The historian's tools in a real Chromium on the Rosmer graph: brushing 1936–1938 on the timeline,
// the paths from Alfred Rosmer to the Socialist Workers Party with each step's source sentence,
// a sentence of the article selecting its claims, and a saved view reopened after a reload. What
// the screen should say is computed in Node from the same files by the same pure modules.
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import { sentencesBehind, supportedBy } from '../../src/graph/article.ts';
import { computeVisibility, DEFAULT_FILTERS } from '../../src/graph/filters.ts';
import {
  kShortestPaths,
  pathQuads,
  pathsAsText,
  readPath,
  stepQuotes,
} from '../../src/graph/paths.ts';
import { buildTimeIndex, restrictToTime, timeWindow } from '../../src/graph/time.ts';
import { selectDocumentReading } from '../../src/state/sources.ts';
import * as p from '../../src/state/explorer.ts';
import { DEFAULT_URL_STATE } from '../../src/state/url.ts';
import { parseViewText, STORAGE_KEY, type SavedView } from '../../src/state/views.ts';
import { openApp, screenshot, type OpenedPage } from './browser.ts';
import { builtInDataset } from './expected.ts';

const ROSMER = 'https://w3id.org/triplescope/rosmer/';
const dataset = builtInDataset();
const { graph } = dataset.projection;
const label = (key: string): string => graph.getNodeAttribute(key, 'label');

async function withApp(
  run: (opened: OpenedPage) => Promise<void>,
  viewport = { width: 1280, height: 800 },
  colorScheme: 'light' | 'dark' = 'light',
): Promise<void> {
  const opened = await openApp('/', viewport, colorScheme);
  try {
    await run(opened);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.close();
  }
}

async function layoutSettled(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: 'Status' })
    .getByText(/Layout (settled|stopped)/)
    .waitFor({ timeout: 20_000 });
}

/** Parses the status line: "Showing A of B nodes and C of D edges." */
async function shownCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = await page.getByRole('region', { name: 'Status' }).innerText();
  const m = /Showing ([\d,]+) of [\d,]+ nodes? and ([\d,]+) of [\d,]+ edges?/.exec(text);
  if (!m) throw new Error(`The status line gives no counts: ${JSON.stringify(text)}`);
  return { nodes: Number(m[1]?.replaceAll(',', '')), edges: Number(m[2]?.replaceAll(',', '')) };
}

async function searchAndChoose(page: Page, query: string, option: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill(query);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .waitFor();
  await search.press('Enter');
}

function detailsHeading(page: Page) {
  return page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 });
}

/** Drags across the timeline from the middle of one year to the middle of another. */
async function brush(page: Page, from: number, to: number): Promise<void> {
  const svg = page.getByRole('region', { name: 'Timeline' }).locator('.timeline-plot svg');
  const box = await svg.boundingBox();
  if (!box) throw new Error('The timeline is not drawn.');
  const first = Number(await svg.getAttribute('data-extent-from'));
  const last = Number(await svg.getAttribute('data-extent-to'));
  // The same scale as the strip (timeline-layout.ts): 12 px of padding at each end.
  const x = (year: number): number =>
    box.x + 12 + ((year + 0.5 - first) / (last + 1 - first)) * (box.width - 24);
  const y = box.y + box.height - 6;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  await page.mouse.move(x((from + to) / 2), y, { steps: 4 });
  await page.mouse.move(x(to), y, { steps: 4 });
  await page.mouse.up();
}

/** Collects every download that `act` starts, once `count` have arrived. */
async function downloads(page: Page, count: number, act: () => Promise<void>) {
  const seen: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const onDownload = (d: Download): void => {
      seen.push(d);
      if (seen.length === count) {
        page.off('download', onDownload);
        resolve();
      }
    };
    page.on('download', onDownload);
  });
  await act();
  await all;
  return Promise.all(
    seen.map(async (d) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await d.createReadStream()) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
    }),
  );
}

describe('time, paths, sources and views on the Rosmer graph', () => {
  test('brushing 1936–1938 shows the Dewey commission and the founding of the Fourth International, not the 1960 declaration', async () => {
    await withApp(async ({ page }) => {
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.locator('.timeline-plot svg').waitFor();
      await layoutSettled(page);
      await expect(
        timeline.locator('.timeline-plot svg').getAttribute('data-extent-from'),
      ).resolves.toBe('1877');
      await expect(
        timeline.locator('.timeline-plot svg').getAttribute('data-extent-to'),
      ).resolves.toBe('1968');

      await brush(page, 1936, 1938);
      await expect(timeline.getByLabel('From year').inputValue()).resolves.toBe('1936');
      await expect(timeline.getByLabel('To year').inputValue()).resolves.toBe('1938');
      await timeline.getByLabel('Undated').selectOption('hide');

      // The status line counts what the same pure functions let through in Node.
      const window = timeWindow(graph, buildTimeIndex(graph), { from: 1936, to: 1938 }, 'hide');
      const expected = restrictToTime(
        graph,
        computeVisibility(graph, DEFAULT_FILTERS, null),
        window,
      );
      await page
        .getByRole('region', { name: 'Status' })
        .getByText(`${String(expected.hiddenNodes.time)} outside the timeline range`, {
          exact: false,
        })
        .waitFor();
      expect(await shownCounts(page)).toEqual({
        nodes: expected.nodes.size,
        edges: expected.edges.size,
      });
      expect(page.url()).toContain('time=1936%2C1938');

      // The Dewey commission has no date of its own: it is shown through the 1936 trials.
      await searchAndChoose(page, 'dewey', 'Dewey commission');
      await expect(detailsHeading(page).innerText()).resolves.toBe('Dewey commission');
      await expect(
        page.getByRole('region', { name: 'Details' }).getByText('Hidden on the graph').count(),
      ).resolves.toBe(0);
      await timeline
        .getByText('Dewey commission: dated through what it is linked to — from 1936.')
        .waitFor();
      await expect(
        timeline.locator(`.mark[data-node="${ROSMER}show-trials"]`).getAttribute('data-state'),
      ).resolves.toBe('borrowed');

      // The founding of the Fourth International is dated 1938, a whole year wide.
      const founding = timeline.getByRole('button', {
        name: 'founding of the Fourth International, 1938',
      });
      await expect(founding.getAttribute('data-state')).resolves.toBe('shown');
      const svg = timeline.locator('.timeline-plot svg');
      const years =
        Number(await svg.getAttribute('data-extent-to')) +
        1 -
        Number(await svg.getAttribute('data-extent-from'));
      const yearWidth = (Number(await svg.getAttribute('width')) - 24) / years;
      expect(Number(await founding.getAttribute('width'))).toBeCloseTo(yearWidth, 3);
      await page.getByRole('button', { name: 'Fit to screen' }).click();
      await page.waitForTimeout(800);
      await screenshot(page, 'historians-timeline');
      await founding.click();
      await expect(detailsHeading(page).innerText()).resolves.toBe(
        'founding of the Fourth International',
      );

      // The 1960 declaration is outside the range.
      const declaration = `${ROSMER}declaration-against-the-algerian-war`;
      await expect(
        timeline.locator(`.mark[data-node="${declaration}"]`).getAttribute('data-state'),
      ).resolves.toBe('hidden');
      await timeline.getByRole('button', { name: `${label(declaration)}, 1960` }).click();
      await page
        .getByRole('region', { name: 'Details' })
        .getByText('Hidden on the graph by the current filters.')
        .waitFor();

      // Play walks the range a year at a time.
      await timeline.getByRole('button', { name: 'Play the timeline' }).click();
      await expect
        .poll(() => timeline.getByLabel('From year').inputValue(), { timeout: 5000 })
        .toBe('1937');
      await timeline.getByRole('button', { name: 'Pause the timeline' }).click();
    });
  });

  test('the paths from Alfred Rosmer to the Socialist Workers Party, each step with its source sentence', async () => {
    const alfred = `${ROSMER}alfred-rosmer`;
    const swp = `${ROSMER}socialist-workers-party`;
    const expected = kShortestPaths(graph, alfred, swp, { k: 3 });
    await withApp(async ({ page }) => {
      await layoutSettled(page);
      await page.getByRole('tab', { name: 'Paths' }).click();
      const panel = page.getByRole('region', { name: 'Paths' });
      const from = panel.getByRole('combobox', { name: 'From entity' });
      await from.fill('alfred ros');
      await panel.getByRole('option', { name: /^Alfred Rosmer$/ }).waitFor();
      await from.press('Enter');
      const to = panel.getByRole('combobox', { name: 'To entity' });
      await to.fill('socialist workers');
      await panel.getByRole('option', { name: /^Socialist Workers Party$/ }).waitFor();
      await to.press('Enter');
      await panel.getByRole('spinbutton', { name: 'Number of paths' }).fill('3');
      await panel.getByRole('button', { name: 'Find paths' }).click();

      const found = panel.getByRole('region', { name: 'Paths found' });
      const items = found.locator('.path-list > li');
      await expect.poll(() => items.count()).toBe(expected.length);
      for (const [i, path] of expected.entries()) {
        const read = readPath(graph, path);
        const item = items.nth(i);
        await expect(item.locator('.path-sentence').innerText()).resolves.toBe(read.sentence);
        const steps = item.locator('.path-steps > li');
        await expect(steps.count()).resolves.toBe(read.steps.length);
        for (const [j, step] of read.steps.entries()) {
          const quotes = stepQuotes(step);
          expect(quotes.length).toBeGreaterThan(0);
          await expect(steps.nth(j).locator('blockquote').allInnerTexts()).resolves.toEqual(quotes);
        }
      }
      await page.waitForTimeout(800);
      await screenshot(page, 'historians-paths');
      await items.first().getByRole('button', { name: 'Show only this path' }).click();
      await expect(items.first().getAttribute('data-focus')).resolves.toBe('true');
      await page.waitForTimeout(800);
      await screenshot(page, 'historians-path-first');

      const [text] = await downloads(page, 1, () =>
        found.getByRole('button', { name: 'Save as text' }).click(),
      );
      expect(text?.name).toBe('paths-alfred-rosmer-to-socialist-workers-party.txt');
      expect(text?.text).toBe(
        pathsAsText(
          graph,
          expected,
          'Paths from Alfred Rosmer to Socialist Workers Party in the Rosmer graph',
        ),
      );
      const [turtle] = await downloads(page, 1, () =>
        found.getByRole('button', { name: 'Save as Turtle' }).click(),
      );
      expect(turtle?.name).toBe('paths-alfred-rosmer-to-socialist-workers-party.ttl');
      expect(new Parser().parse(turtle?.text ?? '')).toHaveLength(
        pathQuads(graph, expected).length,
      );
    });
  });

  test('clicking a sentence of the article selects the claims it supports', async () => {
    const state = p.loadSucceeded(p.initialState(DEFAULT_URL_STATE), dataset);
    const reading = selectDocumentReading(state);
    if (reading?.status !== 'read') throw new Error('The Rosmer graph should cite the article.');
    const { article, placed } = reading;
    const dewey = article.sentences.find((s) => s.text.startsWith('Alfred took part in the Dewey'));
    if (!dewey) throw new Error('The article should tell of the Dewey commission.');
    const claims = placed.bySentence[dewey.index] ?? [];
    const supported = supportedBy(claims);
    await withApp(async ({ page }) => {
      await layoutSettled(page);
      await page.getByRole('tab', { name: 'Sources' }).click();
      const panel = page.getByRole('region', { name: 'Sources' });
      await expect(panel.locator('.article-body .sentence').count()).resolves.toBe(
        article.sentences.length,
      );
      // The sentences no claim rests on are marked.
      await expect(
        panel.locator('.article-body .sentence.unsupported').allInnerTexts(),
      ).resolves.toEqual(
        placed.bySentence.flatMap((c, i) => (c.length === 0 ? [article.sentences[i]?.text] : [])),
      );

      await panel.getByRole('button', { name: dewey.text }).click();
      const box = panel.getByRole('region', { name: 'Claims of the sentence' });
      await box.getByText(`This sentence supports ${String(claims.length)} claims`).waitFor();
      await expect(box.locator('li').count()).resolves.toBe(claims.length);
      for (const node of supported.nodes) {
        await expect(
          box.getByRole('link', { name: label(node), exact: true }).count(),
        ).resolves.toBeGreaterThan(0);
      }
      await expect(
        panel.getByRole('button', { name: dewey.text }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      await screenshot(page, 'historians-sources');

      // A click on the graph's side (a node picked by name) shows the sentences behind it.
      await searchAndChoose(page, 'trotsk', 'Leon Trotsky');
      const behind = sentencesBehind(placed, { kind: 'node', key: `${ROSMER}leon-trotsky` });
      await expect.poll(() => panel.locator('.sentence.behind').count()).toBe(behind.length);
      await panel
        .getByText(`${String(behind.length)} sentences stand behind Leon Trotsky.`)
        .waitFor();
      await expect(box.count()).resolves.toBe(0);
    });
  });

  test('a saved view survives a reload and reopens the same view', async () => {
    await withApp(async ({ page }) => {
      await layoutSettled(page);
      // Labels in French where the data has them, else English (the canvas is redrawn for them).
      const languages = page.getByRole('textbox', { name: 'Preferred label languages' });
      await languages.fill('fr, en');
      await languages.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('fr,en');
      await layoutSettled(page);
      await searchAndChoose(page, 'trotsk', 'Leon Trotsky');
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByLabel('From year').fill('1920');
      await timeline.getByLabel('To year').fill('1931');
      await timeline.getByLabel('To year').press('Enter');
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('camera')).not.toBeNull();

      await page.getByRole('tab', { name: 'Views' }).click();
      const panel = page.getByRole('region', { name: 'Views' });
      await panel.getByLabel('Name').fill('Trotsky’s years with the Rosmers');
      await panel.getByLabel('Note').fill('From Moscow to the disagreement of 1931.');
      await panel.getByRole('button', { name: 'Save view' }).click();
      await panel.getByText('Saved “Trotsky’s years with the Rosmers”.').waitFor();
      const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
      const [saved] = JSON.parse(stored ?? '[]') as SavedView[];
      if (!saved) throw new Error('The view was not stored.');
      expect(saved).toMatchObject({
        languages: ['fr', 'en'],
        selection: { kind: 'node', key: `${ROSMER}leon-trotsky` },
        timeline: { range: { from: 1920, to: 1931 }, undated: 'keep' },
      });
      expect(Object.keys(saved.positions ?? {})).toHaveLength(
        computeVisibility(graph, DEFAULT_FILTERS, null).nodes.size,
      );

      // A fresh page (the bare address, not the view's URL) on the same browser profile.
      await page.goto(new URL('/', page.url()).href);
      await layoutSettled(page);
      expect(new URL(page.url()).search).toBe('');
      await page.getByRole('tab', { name: 'Views' }).click();
      await panel.getByRole('button', { name: `Open “${saved.name}”` }).click();

      await page.getByRole('tab', { name: 'Details' }).click();
      await expect(detailsHeading(page).innerText()).resolves.toBe('Leon Trotsky');
      await expect(timeline.getByLabel('From year').inputValue()).resolves.toBe('1920');
      await expect(timeline.getByLabel('To year').inputValue()).resolves.toBe('1931');
      await expect(languages.inputValue()).resolves.toBe('fr, en');
      await page.getByRole('region', { name: 'Status' }).getByText('Layout paused.').waitFor();
      const camera = saved.camera;
      if (!camera) throw new Error('The view kept no camera.');
      await expect
        .poll(() => new URL(page.url()).searchParams.get('camera'))
        .toBe([camera.x, camera.y, camera.ratio].join(','));

      // Saving what is on screen now gives back the same view: same positions, same everything.
      await page.getByRole('tab', { name: 'Views' }).click();
      await panel.getByLabel('Name').fill('check');
      await panel.getByRole('button', { name: 'Save view' }).click();
      await panel.getByText('Saved “check”.').waitFor();
      const again = JSON.parse(
        (await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? '[]',
      ) as SavedView[];
      const check = again.find((v) => v.name === 'check');
      expect(check).toEqual({
        ...saved,
        id: check?.id,
        name: 'check',
        note: '',
        savedAt: check?.savedAt,
      });
      await screenshot(page, 'historians-view-reopened');

      // The bundle: a PNG of the graph, the Turtle of what is shown, and the JSON that reopens it.
      const files = await downloads(page, 3, () =>
        panel.getByRole('button', { name: `Export “${saved.name}” as a bundle` }).click(),
      );
      const byExtension = new Map(files.map((f) => [f.name.split('.').pop(), f]));
      expect(byExtension.get('png')?.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(new Parser().parse(byExtension.get('ttl')?.text ?? '').length).toBeGreaterThan(0);
      expect(parseViewText(byExtension.get('json')?.text ?? '', 'view.json')).toEqual(saved);
    });
  });

  test('on a narrow screen in the dark, the timeline and the side tabs stay usable', async () => {
    await withApp(
      async ({ page }) => {
        const timeline = page.getByRole('region', { name: 'Timeline' });
        await timeline.locator('.timeline-plot svg').waitFor();
        await timeline.getByLabel('From year').fill('1917');
        await timeline.getByLabel('To year').fill('1924');
        await timeline.getByLabel('To year').press('Enter');
        await searchAndChoose(page, 'marguerite', 'Marguerite Rosmer');
        await page.getByRole('tab', { name: 'Sources' }).click();
        await page
          .getByRole('region', { name: 'Sources' })
          .locator('.sentence.behind')
          .first()
          .waitFor();
        await screenshot(page, 'historians-narrow-dark');
      },
      { width: 390, height: 844 },
      'dark',
    );
  });

  test('for data without the article, the sources panel shows the provenance the data carries', async () => {
    const file = join(process.cwd(), 'tests', 'fixtures', 'graph', 'provenance-cases.trig');
    await withApp(async ({ page }) => {
      await page.getByRole('region', { name: 'Timeline' }).locator('.timeline-plot svg').waitFor();
      await page.getByText('Open', { exact: true }).click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Open RDF file…' }).click(),
      ]);
      await chooser.setFiles([file]);
      await page
        .getByRole('dialog', { name: 'Open data' })
        .getByRole('button', { name: 'Replace the data' })
        .click();
      await page
        .getByRole('region', { name: 'Timeline' })
        .getByText('No dates in provenance-cases.trig', { exact: false })
        .waitFor();
      await searchAndChoose(page, 'ada', 'Ada');
      await page.getByRole('tab', { name: 'Sources' }).click();
      const panel = page.getByRole('region', { name: 'Sources' });
      await expect(panel.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(
        'Provenance',
      );
      const lists = panel.locator('.provenance-list');
      await expect(lists.nth(0).innerText()).resolves.toBe(
        [
          'http://example.org/census-1900 (1 relation)',
          'derived from: scanned census sheets',
          'http://example.org/letters (1 relation)',
        ].join('\n'),
      );
      await expect(lists.nth(1).locator('li').allInnerTexts()).resolves.toEqual([
        'source: a family bible',
        'derived from: ex:parish-register',
      ]);
      await expect(lists.nth(2).locator('blockquote').allInnerTexts()).resolves.toEqual([
        'She wrote to Ben.',
        'Ada was a person of note.',
      ]);
      await screenshot(page, 'historians-provenance');
    });
  });
});
