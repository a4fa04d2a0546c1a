// The hostile fixtures (tests/fixtures/hostile/) opened in a real Chromium through the app's file
// chooser, one after another on one page, under the built app's Content-Security-Policy. Broken
// files must be refused with the reader's own error naming file, line and column while the data on
// screen stays exactly as it was; the others must load and show every payload as text where a
// person meets it (legend, search suggestions, details, result table). Throughout: no dialog
// opens, no request leaves the page's origin, no payload's script runs (each would set
// window.__pwned), no element carries an event handler or a live javascript:/data:/vbscript:
// link. The run ends with "hostile inputs in the browser: N tried, N survived, 0 data lost".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { computeVisibility, DEFAULT_FILTERS } from '../../src/graph/filters.ts';
import { formatLiteral } from '../../src/graph/literals.ts';
import { parseRdf, RdfParseError, type RdfFormatId } from '../../src/rdf/index.ts';
import { datasetFromQuads } from '../../src/state/import.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { openApp, screenshot, type OpenedPage } from './browser.ts';
import { statusLine } from './files.ts';

const HOSTILE = join(process.cwd(), 'tests', 'fixtures', 'hostile');

interface Fixture {
  file: string;
  format: RdfFormatId;
  loads?: { quads: number };
  stops?: { line?: number; column?: number };
}

const manifest = JSON.parse(readFileSync(join(HOSTILE, 'manifest.json'), 'utf8')) as {
  windowFlag: string;
  fixtures: Fixture[];
};
const FLAG = manifest.windowFlag;
const broken = manifest.fixtures.filter((f) => f.stops);
const loading = manifest.fixtures.filter((f) => f.loads);

/** The figures of the browser's summary line. */
const tally = { tried: 0, survived: 0, lost: 0 };

/** Reads a fixture with the RDF core, as the import worker does. */
async function read(fixture: Fixture) {
  const quads: Quad[] = [];
  const result = await parseRdf(
    readFileSync(join(HOSTILE, fixture.file)),
    { format: fixture.format, source: fixture.file },
    (batch) => {
      quads.push(...batch);
    },
  );
  return { quads, prefixes: result.prefixes };
}

/** The error the reader gives for a broken fixture. */
async function readError(fixture: Fixture): Promise<RdfParseError> {
  try {
    await read(fixture);
  } catch (error) {
    if (error instanceof RdfParseError) return error;
    throw error;
  }
  throw new Error(`${fixture.file} read without an error`);
}

let opened: OpenedPage;
let page: Page;
const dialogs: string[] = [];
const requests: string[] = [];

/** Everything on the page a hostile payload could have turned live, as a list of findings. */
function liveMarkup(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc') found.push(`${el.tagName} ${name}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)) {
          const { protocol } = new URL(attr.value, document.baseURI);
          if (!['http:', 'https:', 'blob:'].includes(protocol)) {
            found.push(`${el.tagName} ${name}=${attr.value.slice(0, 60)}`);
          }
        }
      }
    }
    for (const el of document.querySelectorAll('iframe, frame, object, embed, img[src]')) {
      found.push(`a <${el.tagName.toLowerCase()}> element`);
    }
    for (const el of document.querySelectorAll('script')) {
      if (!el.src.startsWith(`${location.origin}/`)) found.push('a script not from the app');
    }
    if (getComputedStyle(document.body).display === 'none') found.push('the body is hidden');
    return found;
  });
}

/** Checks nothing ran and nothing went live; called after every fixture. */
async function expectInert(): Promise<void> {
  expect(await liveMarkup()).toEqual([]);
  expect(await page.evaluate((flag) => Reflect.get(window, flag) as unknown, FLAG)).toBeUndefined();
  expect(page.frames()).toHaveLength(1);
  expect(dialogs).toEqual([]);
  const origin = new URL(inject('baseURL')).origin;
  // blob: addresses of the page's origin are the files the user chose, read in the page.
  const own = [`${origin}/`, `blob:${origin}/`];
  expect(requests.filter((url) => !own.some((o) => url.startsWith(o)))).toEqual([]);
  expect(opened.errors).toEqual([]);
}

function status(page: Page): Promise<string> {
  return page.getByRole('region', { name: 'Status' }).locator('.shown').innerText();
}

function legend(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Legend' }).locator('.legend-label').allTextContents();
}

/** Chooses `file` with "Open RDF file…" and replaces the data with it. */
async function replaceWith(file: string): Promise<void> {
  await page.getByText('Open', { exact: true }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open RDF file…' }).click(),
  ]);
  await chooser.setFiles(join(HOSTILE, file));
  await page
    .getByRole('dialog', { name: 'Open data' })
    .getByRole('button', { name: 'Replace the data' })
    .click();
}

beforeAll(async () => {
  opened = await openApp('/', undefined, undefined, (p) => {
    p.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    p.context().on('request', (request) => {
      requests.push(request.url());
    });
  });
  page = opened.page;
  await page
    .getByRole('region', { name: 'Status' })
    .getByText(/Showing \d/)
    .waitFor();
  // The query every loaded file is shown with, in the result table.
  await page.getByRole('button', { name: 'Query', exact: true }).click();
  await page
    .getByRole('region', { name: 'Query' })
    .getByRole('textbox', { name: 'SPARQL query' })
    .click();
  await page.keyboard.type('SELECT ?s ?p ?o WHERE { ?s ?p ?o }');
});

afterAll(async () => {
  console.log(
    `hostile inputs in the browser: ${String(tally.tried)} tried, ${String(tally.survived)} survived, ${String(tally.lost)} data lost`,
  );
  await opened.close();
  // The query worker fetched its WebAssembly, and the listener saw it: requests that workers make
  // (the import worker reads JSON-LD) are among those checked.
  expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
  expect(tally.lost).toBe(0);
  expect(tally.survived).toBe(tally.tried);
});

describe('the Content-Security-Policy of the built app', () => {
  test('is in the served page and refuses inline script and eval', async () => {
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    const refused = await page.evaluate(
      () =>
        new Promise<{ directive: string; ran: unknown; evalError: string }>((resolve) => {
          document.addEventListener(
            'securitypolicyviolation',
            (event) => {
              let evalError = '';
              try {
                eval('1');
              } catch (error) {
                evalError = error instanceof Error ? error.name : String(error);
              }
              resolve({
                directive: event.effectiveDirective,
                ran: Reflect.get(window, '__inlineRan') as unknown,
                evalError,
              });
            },
            { once: true },
          );
          const script = document.createElement('script');
          script.textContent = 'window.__inlineRan = true;';
          document.head.append(script);
          script.remove();
        }),
    );
    expect(refused).toEqual({
      directive: 'script-src-elem',
      ran: undefined,
      evalError: 'EvalError',
    });
    // Chromium reports the refusals on the console: the only errors so far are those the test caused.
    expect(opened.errors.length).toBeGreaterThan(0);
    expect(opened.errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    opened.errors.length = 0;
    opened.located.length = 0;
    await expectInert();
  });
});

describe('broken files are refused and the data on screen stays', () => {
  test.each(broken)('$file', async (fixture) => {
    tally.tried += 1;
    const expected = await readError(fixture);
    if (fixture.stops?.line !== undefined) {
      expect(
        expected.message.startsWith(
          `${fixture.file}:${String(fixture.stops.line)}:${String(fixture.stops.column)}: `,
        ),
      ).toBe(true);
    } else {
      expect(expected.message.startsWith(`${fixture.file}: `)).toBe(true);
    }
    const before = { status: await status(page), legend: await legend(page) };
    await replaceWith(fixture.file);
    const region = page.getByRole('region', { name: 'Import' });
    await region.getByRole('alert').waitFor();
    expect(await region.locator('pre').textContent()).toBe(expected.message);
    const after = { status: await status(page), legend: await legend(page) };
    if (JSON.stringify(after) !== JSON.stringify(before)) tally.lost += 1;
    expect(after).toEqual(before);
    await region.getByRole('button', { name: 'Dismiss' }).click();
    await region.waitFor({ state: 'detached' });
    await expectInert();
    tally.survived += 1;
  });
});

describe('files with hostile content load and show it as text', () => {
  test.each(loading)('$file', async (fixture) => {
    tally.tried += 1;
    const { quads, prefixes } = await read(fixture);
    expect(quads).toHaveLength(fixture.loads?.quads ?? -1);
    const { projection, search } = datasetFromQuads(fixture.file, quads, prefixes);
    await replaceWith(fixture.file);
    await page
      .getByRole('region', { name: 'Import' })
      .getByText(`Opened ${fixture.file}: ${quads.length.toLocaleString('en')} triples.`)
      .waitFor();
    await expect.poll(() => status(page)).toBe(statusLine(quads));

    // The legend names every class as the data labels it.
    expect(await legend(page)).toEqual(
      projection.classes.filter((c) => c.count > 0).map((c) => c.label),
    );

    // The result table shows every literal of the data, as it is.
    const query = page.getByRole('region', { name: 'Query' });
    await query.getByRole('button', { name: 'Run query' }).click();
    const literals = quads
      .filter((q) => q.object.termType === 'Literal')
      .map((q) => q.object.value);
    if (literals.length > 0) {
      await expect
        .poll(async () => (await query.locator('table .literal').allTextContents()).sort())
        .toEqual([...literals].sort());
    }

    // Each drawn node is found by its label, listed as text among the suggestions, and its details
    // show its label and its text facts as they are.
    const visible = computeVisibility(projection.graph, DEFAULT_FILTERS, null).nodes;
    for (const key of visible) {
      const node = projection.graph.getNodeAttributes(key);
      if (node.vocabulary || search.entries.every((e) => e.key !== key)) continue;
      await page.getByRole('combobox', { name: 'Search' }).fill(node.label.replace(/[\r\n]/g, ' '));
      const hits = page.getByRole('option').locator('.hit-label');
      let at = -1;
      await expect
        .poll(async () => (at = (await hits.allTextContents()).indexOf(node.label)))
        .toBeGreaterThanOrEqual(0);
      await page.getByRole('option').nth(at).click();
      const details = page.getByRole('region', { name: 'Details' });
      await expect
        .poll(() => details.getByRole('heading', { level: 2 }).textContent())
        .toBe(node.label);
      const text = (await details.textContent()) ?? '';
      for (const fact of node.facts) {
        expect(text).toContain(formatLiteral(fact.value, fact.datatype));
      }
    }
    if (fixture.file === 'script-in-literal.ttl')
      await screenshot(page, 'hostile-script-in-literal');
    await expectInert();
    tally.survived += 1;
  });
});
