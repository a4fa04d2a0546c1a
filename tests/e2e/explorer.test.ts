// The explorer in a real Chromium on the built-in Rosmer graph: what a person sees and does first.
// Expected counts come from the same data through the same projection (expected.ts).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { computeVisibility, DEFAULT_FILTERS } from '../../src/graph/filters.ts';
import { openApp, screenshot, type OpenedPage } from './browser.ts';
import { articleText, builtInDataset, expectedCounts } from './expected.ts';

const ROSMER = 'https://w3id.org/triplescope/rosmer/';
const TROTSKY = `${ROSMER}leon-trotsky`;

/** Parses the status line: "Showing A of B nodes and C of D edges." */
async function statusCounts(page: Page) {
  const text = await page.getByRole('region', { name: 'Status' }).innerText();
  const m = /Showing ([\d,]+) of ([\d,]+) nodes? and ([\d,]+) of ([\d,]+) edges?/.exec(text);
  if (!m) throw new Error(`The status line does not give counts: ${JSON.stringify(text)}`);
  const n = (i: number): number => Number((m[i] ?? '').replaceAll(',', ''));
  return { shownNodes: n(1), totalNodes: n(2), shownEdges: n(3), totalEdges: n(4) };
}

/** Waits until the layout has stopped by itself, so screenshots show the settled graph. */
async function layoutSettled(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: 'Status' })
    .getByText(/Layout (settled|stopped)/)
    .waitFor({ timeout: 20_000 });
}

function detailsHeading(page: Page) {
  return page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 });
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

/** Opens the app at `path`, runs `run`, checks no console error was seen, and closes the page. */
async function withApp(
  path: string,
  run: (opened: OpenedPage) => Promise<void>,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
): Promise<void> {
  const opened = await openApp(path, options.viewport, options.colorScheme);
  try {
    await run(opened);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.close();
  }
}

describe('the explorer on the Rosmer graph', () => {
  test('loads with no console error and counts what it shows and hides', async () => {
    await withApp('/', async ({ page }) => {
      await page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
      await layoutSettled(page);
      expect(await statusCounts(page)).toEqual(expectedCounts());
      const { stats } = builtInDataset().projection;
      await page
        .getByRole('region', { name: 'Status' })
        .getByText(`${String(stats.vocabularyTerms)} vocabulary terms`, { exact: false })
        .waitFor();
      await expect(page.getByRole('region', { name: 'Legend' }).isVisible()).resolves.toBe(true);
      await screenshot(page, 'explorer-overview');
    });
  });

  test('searching "Trotsky" selects Leon Trotsky and shows a verbatim sentence of the article', async () => {
    await withApp('/', async ({ page }) => {
      await page.getByRole('combobox', { name: 'Search' }).fill('trotsk');
      await expect(
        page.getByRole('option').first().locator('.hit-label').innerText(),
      ).resolves.toBe('Leon Trotsky');
      await page.getByRole('combobox', { name: 'Search' }).press('Enter');
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe('Leon Trotsky');
      const quotes = await page
        .getByRole('region', { name: 'Details' })
        .locator('blockquote')
        .allInnerTexts();
      expect(quotes.length).toBeGreaterThan(0);
      const article = articleText();
      for (const quote of quotes) expect(article).toContain(quote);
      expect(new URL(page.url()).searchParams.get('node')).toBe(TROTSKY);
      await layoutSettled(page);
      await screenshot(page, 'explorer-search-trotsky');
    });
  });

  test('search tolerates case and diacritics and finds alternative names', async () => {
    await withApp('/', async ({ page }) => {
      await searchAndChoose(page, 'THÉVENET', 'Marguerite Rosmer');
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe('Marguerite Rosmer');
    });
  });

  test('following a neighbour link walks there, and browser back walks back', async () => {
    await withApp(`/?node=${encodeURIComponent(TROTSKY)}`, async ({ page }) => {
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe('Leon Trotsky');
      const details = page.getByRole('region', { name: 'Details' });
      await details.getByRole('link', { name: 'Alfred Rosmer', exact: true }).first().click();
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe('Alfred Rosmer');
      expect(new URL(page.url()).searchParams.get('node')).toBe(`${ROSMER}alfred-rosmer`);
      await layoutSettled(page);
      await screenshot(page, 'explorer-walked-to-alfred');
      await page.goBack();
      await detailsHeading(page).getByText('Leon Trotsky').waitFor();
      await page.goForward();
      await detailsHeading(page).getByText('Alfred Rosmer').waitFor();
    });
  });

  test('clicking a node on the canvas selects it; dragging moves it; hovering dims the rest', async () => {
    await withApp('/', async ({ page }) => {
      await layoutSettled(page);
      await searchAndChoose(page, 'Leon Trotsky', 'Leon Trotsky');
      // The camera centres on the chosen node: it now sits in the middle of the canvas.
      await page.waitForTimeout(800);
      // Escape leaves the search box, then clears the selection.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await detailsHeading(page).getByText('Nothing selected').waitFor();
      const box = await page.getByRole('region', { name: 'Graph' }).boundingBox();
      if (!box) throw new Error('The graph region has no box.');
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(centre.x, centre.y);
      await page.waitForTimeout(300);
      await screenshot(page, 'explorer-hover');
      await page.mouse.click(centre.x, centre.y);
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe('Leon Trotsky');
      // Drag the node 120 px to the right, then click where it landed.
      await page.mouse.move(centre.x, centre.y);
      await page.mouse.down();
      // Paced like a hand: on a loaded machine, moves sent back to back can reach sigma before it
      // has taken the press as the start of a drag.
      await page.waitForTimeout(100);
      for (let i = 1; i <= 6; i += 1) {
        await page.mouse.move(centre.x + i * 20, centre.y);
        await page.waitForTimeout(50);
      }
      await page.mouse.up();
      await page.keyboard.press('Escape');
      await detailsHeading(page).getByText('Nothing selected').waitFor();
      // NOTE: sigma takes two clicks within 300 ms for a double click (a zoom), wherever they land.
      await page.waitForTimeout(400);
      await page.mouse.click(centre.x + 120, centre.y);
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe('Leon Trotsky');
    });
  });

  test('an edge in the URL shows its predicate and its source sentence', async () => {
    const { graph } = builtInDataset().projection;
    const edge = graph.findOutEdge(
      `${ROSMER}alfred-rosmer`,
      (_, attributes) =>
        attributes.sources.some((s) => s.quote !== null) && attributes.label === 'met',
    );
    if (edge === undefined)
      throw new Error('The Rosmer graph has no sourced "met" edge from Alfred Rosmer.');
    const target = graph.getNodeAttribute(graph.target(edge), 'label');
    await withApp(`/?edge=${encodeURIComponent(edge)}`, async ({ page }) => {
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe(`Alfred Rosmer — met — ${target}`);
      const quote = await page
        .getByRole('region', { name: 'Details' })
        .locator('blockquote')
        .first()
        .innerText();
      expect(articleText()).toContain(quote);
      await screenshot(page, 'explorer-edge');
    });
  });

  test('a class filter hides its nodes, and the status counts follow', async () => {
    const event = builtInDataset().projection.classes.find((c) => c.label === 'Event');
    if (!event) throw new Error('The Rosmer graph has no class labelled "Event".');
    await withApp('/', async ({ page }) => {
      const legend = page.getByRole('region', { name: 'Legend' });
      await legend.getByRole('checkbox', { name: /^Event\b/ }).uncheck();
      const filters = { ...DEFAULT_FILTERS, hiddenClasses: [event.iri] };
      const expected = expectedCounts(filters);
      const { graph } = builtInDataset().projection;
      const byClass = computeVisibility(graph, filters, null).hiddenNodes.class;
      expect(byClass).toBeGreaterThan(0);
      expect(expected.shownNodes).toBe(expectedCounts().shownNodes - byClass);
      await expect.poll(() => statusCounts(page)).toEqual(expected);
      await page
        .getByRole('region', { name: 'Status' })
        .getByText(`${String(byClass)} by class`, { exact: false })
        .waitFor();
      await layoutSettled(page);
      await screenshot(page, 'explorer-class-filter');
    });
  });

  test('showing vocabulary terms redraws the graph with them, and sizes follow another metric', async () => {
    await withApp('/', async ({ page }) => {
      await page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
      const filters = page.getByRole('region', { name: 'Filters' });
      await filters.getByLabel('Show vocabulary terms').check();
      await filters.getByLabel('Size nodes by').selectOption('betweenness');
      await expect
        .poll(() => statusCounts(page))
        .toEqual(expectedCounts({ ...DEFAULT_FILTERS, showVocabulary: true }));
      expect(new URL(page.url()).searchParams.get('vocabulary')).toBe('show');
      expect(new URL(page.url()).searchParams.get('size')).toBe('betweenness');
      await layoutSettled(page);
      await screenshot(page, 'explorer-vocabulary');
    });
  });

  test('a copied URL restores the selection and the filters in a new page', async () => {
    let copied = '';
    const event = builtInDataset().projection.classes.find((c) => c.label === 'Event');
    if (!event) throw new Error('The Rosmer graph has no class labelled "Event".');
    await withApp('/', async ({ page }) => {
      await searchAndChoose(page, 'Marguerite', 'Marguerite Rosmer');
      await page
        .getByRole('region', { name: 'Legend' })
        .getByRole('checkbox', { name: /^Event\b/ })
        .uncheck();
      await page
        .getByRole('region', { name: 'Filters' })
        .getByLabel('Neighbourhood')
        .selectOption('2');
      await page.waitForTimeout(600);
      copied = new URL(page.url()).search;
    });
    expect(copied).toContain('node=');
    await withApp(`/${copied}`, async ({ page }) => {
      await expect
        .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
        .toBe('Marguerite Rosmer');
      const legend = page.getByRole('region', { name: 'Legend' });
      await expect(legend.getByRole('checkbox', { name: /^Event\b/ }).isChecked()).resolves.toBe(
        false,
      );
      await expect(
        page.getByRole('region', { name: 'Filters' }).getByLabel('Neighbourhood').inputValue(),
      ).resolves.toBe('2');
      const expected = expectedCounts(
        { ...DEFAULT_FILTERS, hiddenClasses: [event.iri], depth: 2 },
        `${ROSMER}marguerite-rosmer`,
      );
      await expect.poll(() => statusCounts(page)).toEqual(expected);
      await layoutSettled(page);
      await screenshot(page, 'explorer-restored-from-url');
    });
  });

  test('keyboard: "/" focuses the search, "?" opens the help, Escape closes it', async () => {
    await withApp('/', async ({ page }) => {
      await page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
      await page.keyboard.press('/');
      await expect(
        page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      ).resolves.toBe('Search');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      await screenshot(page, 'explorer-help');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });
    });
  });

  test('a narrow screen folds the panels away and opens them on demand', async () => {
    await withApp(
      '/',
      async ({ page }) => {
        await layoutSettled(page);
        await expect(page.getByRole('region', { name: 'Legend' }).isVisible()).resolves.toBe(false);
        await screenshot(page, 'explorer-narrow');
        await page.getByRole('button', { name: 'Filters', exact: true }).click();
        await page.getByRole('region', { name: 'Legend' }).waitFor();
        await screenshot(page, 'explorer-narrow-filters');
        await page.getByRole('button', { name: 'Filters', exact: true }).click();
        await searchAndChoose(page, 'Trotsky', 'Leon Trotsky');
        await expect
          .poll(() => detailsHeading(page).innerText(), { timeout: 15_000 })
          .toBe('Leon Trotsky');
        await expect(page.getByRole('region', { name: 'Details' }).isVisible()).resolves.toBe(true);
        await screenshot(page, 'explorer-narrow-details');
        await page.getByRole('button', { name: 'Close details' }).click();
        await expect(page.getByRole('region', { name: 'Details' }).isVisible()).resolves.toBe(
          false,
        );
      },
      { viewport: { width: 390, height: 800 } },
    );
  });

  test('the dark colour scheme draws a dark page and canvas', async () => {
    await withApp(
      `/?node=${encodeURIComponent(`${ROSMER}alfred-rosmer`)}`,
      async ({ page }) => {
        await layoutSettled(page);
        const background = await page.evaluate(
          () =>
            getComputedStyle(document.querySelector('.canvas') ?? document.body).backgroundColor,
        );
        expect(background).toBe('rgb(22, 25, 29)');
        await screenshot(page, 'explorer-dark');
      },
      { colorScheme: 'dark' },
    );
  });
});
