// Large data in a real Chromium: the seeded 100k-triple generated graph (tests/bench) opened through
// "Open RDF file…" with the overview threshold set below its size. While the import worker reads it
// the page keeps answering — the progress bar advances, a round trip to the page and a click on
// another control are answered while it still says "Reading" — and the data opens on its overview:
// the status line counts the whole data, every class is listed with its number of instances. A
// class then opens on its most connected instances, one of them is reached, and a name is found by
// search. Every expected figure comes from the same quads projected in Node.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { byCodeUnit } from '../../src/graph/compare.ts';
import { projectQuads } from '../../src/graph/project.ts';
import { generateGraph, vocab } from '../bench/generate-graph.ts';
import { openApp, screenshot } from './browser.ts';
import { readQuads } from './files.ts';

const dir = mkdtempSync(join(tmpdir(), 'triplescope-scale-'));
const FILE = join(dir, 'generated-100k.nt');
writeFileSync(FILE, generateGraph(100_000));
const { graph, classes } = projectQuads(await readQuads(FILE, 'ntriples'));
/** Nodes the explorer would draw: vocabulary terms aside. */
const drawable = graph.filterNodes((_, a) => !a.vocabulary).length;

/** Below the graph's number of nodes (the default, 20,000, is above it). */
const THRESHOLD = 10_000;

const n = (value: number): string => value.toLocaleString('en');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the 100k generated graph opens on its overview, the page answering while it loads', async () => {
  expect(drawable).toBeGreaterThan(THRESHOLD);
  const opened = await openApp('/');
  const { page, errors } = opened;
  try {
    const status = page.getByRole('region', { name: 'Status' });
    await status.getByText('Showing').waitFor();
    await page.getByLabel('Overview above (nodes)').fill(String(THRESHOLD));
    // Every value the progress bar takes, and whether the page said "Reading" when it answered.
    await page.evaluate(() => {
      const values: number[] = [];
      (window as unknown as { progressValues: number[] }).progressValues = values;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>(
          'progress[aria-label="Reading progress"]',
        );
        if (bar && values.at(-1) !== bar.value) values.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.setInputFiles('input[aria-label="RDF files to open"]', FILE);
    await page.getByRole('button', { name: 'Replace the data' }).click();
    const region = page.getByRole('region', { name: 'Import' });
    await region.getByRole('progressbar', { name: 'Reading progress' }).waitFor();
    // A round trip to the page while the worker reads.
    const reading = await page.evaluate(
      () => document.querySelector('[aria-label="Import"]')?.textContent ?? '',
    );
    expect(reading).toMatch(/^Reading generated-100k\.nt: /);
    // A click on another control, answered while the worker reads.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const stillReading = await page.evaluate(
      () => document.querySelector('[aria-label="Import"]')?.textContent ?? '',
    );
    expect(stillReading).toMatch(/^Reading generated-100k\.nt: /);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // The overview: the whole data counted, its classes drawn.
    const drawnClasses = classes.filter((c) => c.count > 0);
    await status
      .getByText(
        `Overview of ${n(graph.order)} nodes and ${n(graph.size)} edges: ${n(drawnClasses.length)} classes drawn as big as their instances`,
      )
      .waitFor();
    const values = await page.evaluate(
      () => (window as unknown as { progressValues: number[] }).progressValues,
    );
    expect(values.length).toBeGreaterThan(1);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await region
      .getByText(
        `Opened generated-100k.nt: ${n(100_000)} triples. Its ${n(drawable)} nodes are too many to draw at once: it opens on its overview.`,
      )
      .waitFor();
    const overview = page.getByRole('region', { name: 'Overview' });
    const rows = await overview.getByRole('list').first().getByRole('listitem').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(
      drawnClasses.map((c) => `${c.label} ${n(c.count)} Open`),
    );
    await overview.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await screenshot(page, 'scale-overview');

    // Down to the instances: a class opens on its most connected instances.
    const person = vocab('Person');
    const members = graph
      .filterNodes((_, a) => a.classes.includes(person))
      .sort((a, b) => graph.degree(b) - graph.degree(a) || byCodeUnit(a, b));
    await overview.getByRole('button', { name: 'Open Person' }).click();
    const instances = page.getByRole('region', { name: 'Instances of Person' });
    await instances
      .getByRole('heading', { name: `Person: 1–50 of ${n(members.length)}` })
      .waitFor();
    await status.getByText(`Showing 50 of ${n(graph.order)} nodes`).waitFor();
    const first = members[0] ?? '';
    const label = graph.getNodeAttribute(first, 'label');
    await instances.getByRole('button', { name: label, exact: true }).click();
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: label, level: 2 }).waitFor();
    await details
      .getByRole('region', { name: 'Links in the whole data' })
      .getByText(`${n(graph.degree(first))} links`)
      .waitFor();
    await page.waitForTimeout(1500);
    await screenshot(page, 'scale-class');

    // A name found by search over the whole data, drawn and selected.
    const other = members.at(-1) ?? '';
    const otherLabel = graph.getNodeAttribute(other, 'label');
    await page.getByRole('combobox', { name: 'Search' }).fill(otherLabel);
    await page.getByRole('option', { name: otherLabel, exact: true }).first().click();
    await details.getByRole('heading', { name: otherLabel, level: 2 }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await opened.close();
  }
});
