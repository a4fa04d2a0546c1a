// Figures 4 to 7 of the benchmark, in headless Chromium (Debian's, through playwright-core), on
// production builds served by `vite preview`:
//   4  ForceAtlas2 iterations per second at 1k, 10k and 50k nodes: the explorer's worker wrapper
//      against graphology-layout-forceatlas2 run synchronously in the same page (pages/fa2.ts)
//   5  first frame and frame time while panning: the explorer against a bare sigma page
//      (pages/bare.ts) drawing the same graph in the same browser — the Rosmer graph from a cold
//      load, and generated graphs of 10k and 50k nodes opened as N-Triples files (the explorer
//      through its Open menu, the bare page through a file input), timed from the file being
//      handed over; panning is a mouse drag across the canvas, frame time the median interval
//      between animation frames during it (the explorer's layout paused, so both draw the same)
//   6  the longest main-thread task (PerformanceObserver 'longtask') while the explorer lays out
//      the 10k-node graph and while it opens the 1M-triple people graph
//   7  JavaScript the explorer loads before its first frame, gzipped as a server would send it
//
//   node --import tsx tests/bench/browser.ts [--quick] [--loads 5]
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Parser } from 'n3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { buildViewGraph } from '../../src/graph/appearance.ts';
import { buildOverview } from '../../src/graph/overview.ts';
import { projectQuads } from '../../src/graph/project.ts';
import { seededPosition } from '../../src/layout/initial.ts';
import { builtInDataset } from '../e2e/expected.ts';
import { CHROMIUM_PATH } from '../e2e/global-setup.ts';
import { generateEntities } from './generate-graph.ts';
import { ROOT, writeSection, type Row } from './lib/report.ts';
import { pairedRatio, summarize } from './lib/stats.ts';
import type { LayoutRun } from './pages/fa2.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    loads: { type: 'string', default: '5' },
  },
});
const quick = values.quick;
const LOADS = quick ? 3 : Math.max(2, Number(values.loads));
const MARK = 'triplescope:first-frame';
const PEOPLE = resolve(ROOT, '../shared/datasets/people-1m/aac-people-1m.nt.gz');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 800 };
/** Mouse moves of one pan: fewer on the generated graphs, whose frames take seconds here. */
const PAN_STEPS = 10;
const PAN_STEPS_LARGE = 5;
/** How long the layout of the 10k-node graph is watched for long tasks. */
const LAYOUT_MS = quick ? 2000 : 8000;

// Records long tasks from the start of every page (the observer must exist before they happen).
// NOTE: tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name()`;
// the functions handed to page.evaluate carry those calls into the page, so the page defines it.
const LONG_TASKS = `
  window.__name = (f) => f;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

interface LongTask {
  start: number;
  duration: number;
}

async function serve(root: string, outDir: string, input?: Record<string, string>) {
  await build({
    root,
    configFile: root === ROOT ? undefined : false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      ...(input ? { rollupOptions: { input } } : {}),
    },
  });
  const server = await preview({
    root,
    configFile: root === ROOT ? undefined : false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report the address it serves on.');
  return { server, url };
}

/** A fresh context (cold cache) and page that records long tasks and page errors. */
async function openPage(
  browser: Browser,
  url: string,
): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

const waitForMark = (page: Page, timeout = 60_000) =>
  page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout });

const markTime = (page: Page, name: string): Promise<number> =>
  page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN, name);

const longestTask = (page: Page, from: number, to: number): Promise<number> =>
  page.evaluate(
    ([a, b]) =>
      Math.max(
        0,
        ...(window as unknown as { __longTasks: LongTask[] }).__longTasks
          .filter((t) => t.start >= (a ?? 0) && t.start <= (b ?? 0))
          .map((t) => t.duration),
      ),
    [from, to],
  );

/**
 * Pans by dragging the mouse across `selector`'s middle, `steps` moves, each followed by the
 * animation frame that draws it; returns the mean time per move and frame (ms): what a person
 * feels as the frame time while dragging the graph around.
 */
async function panFrameTime(page: Page, selector: string, steps: number): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`Nothing to pan: ${selector} is not on the page.`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // NOTE: a frame callback asked for after the move runs after the renderer's own (queued by the
  // move's handler), so it resolves once the moved graph was drawn.
  const drawn = (): Promise<number> =>
    page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(done)));
  // Start on empty canvas: a press on a node would drag the node, not the view.
  await page.mouse.move(box.x + 8, box.y + box.height - 8);
  await page.mouse.down();
  await drawn();
  const start = performance.now();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(
      box.x + 8 + (i * (cx - box.x)) / steps,
      box.y + box.height - 8 - (i * (box.y + box.height - cy)) / steps,
    );
    await drawn();
  }
  const perStep = (performance.now() - start) / steps;
  await page.mouse.up();
  return perStep;
}

/** Pauses the explorer's layout if it is still running (it may have settled already). */
async function pauseLayout(page: Page): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause layout' });
  // NOTE: the layout may settle between the look and the click; then there is nothing to pause.
  if ((await pause.count()) > 0) await pause.click({ timeout: 2000 }).catch(() => undefined);
}

/** Gzipped bytes of the scripts a page requested before its first frame, read from the build. */
async function scriptsBeforeFirstFrame(
  page: Page,
  dir: string,
): Promise<{ gzip: number; files: string[] }> {
  const paths = await page.evaluate((mark) => {
    const frame = performance.getEntriesByName(mark)[0]?.startTime ?? Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime < frame && new URL(r.name).pathname.endsWith('.js'))
      .map((r) => new URL(r.name).pathname);
  }, MARK);
  const files = [...new Set(paths)].sort();
  const gzip = files.reduce((n, p) => n + gzipSync(readFileSync(join(dir, p))).length, 0);
  return { gzip, files };
}

/** The explorer opening `path` (replacing the Rosmer graph): time from the click to the new frame. */
async function appOpens(
  page: Page,
  path: string,
  totalNodes: number,
  timeout: number,
): Promise<{ clicked: number; frame: number }> {
  await waitForMark(page);
  const expected = `of ${totalNodes.toLocaleString('en')} node`;
  // Resolves at the animation frame after the status line first counts the new graph's nodes.
  const framed = page.evaluate(
    ([text, limit]) =>
      new Promise<number>((resolve, reject) => {
        const status = (): string =>
          document.querySelector('footer.status .shown')?.textContent ?? '';
        const timer = setTimeout(() => {
          reject(new Error(`The status line never said "${text}": "${status()}"`));
        }, limit);
        const check = (): void => {
          if (!status().includes(text)) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            // As in pages/bare.ts: wait for the GPU to have drawn the frame (software WebGL).
            for (const canvas of document.querySelectorAll<HTMLCanvasElement>(
              'canvas.sigma-edges, canvas.sigma-nodes',
            )) {
              const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
              gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
            }
            resolve(performance.now());
          });
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    [expected, timeout] as const,
  );
  await page.setInputFiles('input[aria-label="RDF files to open"]', path);
  const replace = page.getByRole('button', { name: 'Replace the data' });
  await replace.waitFor();
  const clicked = await page.evaluate(() => performance.now());
  // NOTE: clicked from the page, not with the mouse: a pointer left over the canvas makes sigma
  // test what it hovers at once, which waits for the GPU on one page and not on the other.
  await replace.evaluate((button) => {
    (button as HTMLButtonElement).click();
  });
  return { clicked, frame: await framed };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'triplescope-bench-'));
  const pagesDir = join(work, 'pages');
  const appDir = join(work, 'app');
  const app = await serve(ROOT, appDir);
  const pagesRoot = join(ROOT, 'tests', 'bench', 'pages');
  const pages = await serve(pagesRoot, pagesDir, {
    bare: join(pagesRoot, 'bare.html'),
    fa2: join(pagesRoot, 'fa2.html'),
  });

  // The inputs: the explorer's first frame of the Rosmer graph, generated graphs as files and as
  // graphs for the layout.
  const rosmer = buildViewGraph(builtInDataset().projection, {
    includeVocabulary: false,
    scheme: 'light',
    sizeBy: 'degree',
    position: (key) => seededPosition(key),
  });
  writeFileSync(join(pagesDir, 'rosmer.json'), JSON.stringify(rosmer.export()));
  const generated = new Map<number, { path: string; nodes: number; triples: number }>();
  const sizes = quick ? [10_000] : [10_000, 50_000];
  for (const n of [...new Set([1_000, 10_000, ...(quick ? [] : [50_000])])]) {
    const text = generateEntities(n);
    const quads = new Parser({ format: 'N-Triples' }).parse(text);
    const projection = projectQuads(quads);
    const serial = {
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: {},
      nodes: projection.graph.mapNodes((key) => ({
        key,
        attributes: { ...seededPosition(key), size: 1 },
      })),
      edges: projection.graph.mapEdges((key, _a, source, target) => ({ key, source, target })),
    };
    writeFileSync(join(pagesDir, `fa2-${n}.json`), JSON.stringify(serial));
    const path = join(work, `generated-${n}.nt`);
    writeFileSync(path, text);
    generated.set(n, { path, nodes: projection.graph.order, triples: quads.length });
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
  });
  const rows: Row[] = [];
  const details: Record<string, unknown> = { chromium: browser.version(), loads: LOADS };
  try {
    // 5 and 7: the Rosmer graph, cold loads, alternating.
    const rosmerTimes = { app: [] as number[], bare: [] as number[] };
    const scripts: { gzip: number; files: string[] }[] = [];
    const bareScripts: { gzip: number; files: string[] }[] = [];
    const pans = { app: [] as number[], bare: [] as number[] };
    for (let i = -1; i < LOADS; i++) {
      const a = await openPage(browser, app.url);
      await waitForMark(a.page);
      const b = await openPage(browser, `${pages.url}bare.html?graph=rosmer.json`);
      await waitForMark(b.page);
      if (i >= 0) {
        rosmerTimes.app.push(await markTime(a.page, MARK));
        rosmerTimes.bare.push(await markTime(b.page, MARK));
        scripts.push(await scriptsBeforeFirstFrame(a.page, appDir));
        bareScripts.push(await scriptsBeforeFirstFrame(b.page, pagesDir));
        await pauseLayout(a.page);
        pans.app.push(await panFrameTime(a.page, 'section.canvas', PAN_STEPS));
        pans.bare.push(await panFrameTime(b.page, '#graph', PAN_STEPS));
      }
      if (a.errors.length + b.errors.length > 0)
        throw new Error(`Page errors: ${[...a.errors, ...b.errors].join('; ')}`);
      await a.close();
      await b.close();
    }
    const rosmerInput = `Rosmer graph (${rosmer.order} nodes, ${rosmer.size} edges)`;
    rows.push({
      figure: 5,
      name: 'first frame (cold load)',
      input: rosmerInput,
      unit: 'ms',
      value: summarize(rosmerTimes.app),
      baseline: { name: 'bare sigma', value: summarize(rosmerTimes.bare) },
      ratio: pairedRatio(rosmerTimes.app, rosmerTimes.bare),
      target: { on: 'ratio', better: 'lower', must: 1.3, aim: 1.1 },
      note: 'navigation start → first frame; the explorer parses and projects its built-in Turtle in the page, the bare page fetches the drawn graph as JSON',
    });
    rows.push({
      figure: 5,
      name: 'frame time while panning',
      input: rosmerInput,
      unit: 'ms',
      value: summarize(pans.app),
      baseline: { name: 'bare sigma', value: summarize(pans.bare) },
      ratio: pairedRatio(pans.app, pans.bare),
      target: { on: 'ratio', better: 'lower', must: 1.3, aim: 1.1 },
      note: `mean time per mouse move and the frame that draws it, over a ${PAN_STEPS}-move drag; the explorer’s layout paused`,
    });
    rows.push({
      figure: 7,
      name: 'JavaScript before the first frame (gzip)',
      input: 'the explorer, production build',
      unit: 'KB',
      value: summarize(scripts.map((s) => s.gzip / 1000)),
      baseline: {
        name: 'bare sigma page',
        value: summarize(bareScripts.map((s) => s.gzip / 1000)),
      },
      target: { on: 'value', better: 'lower', must: 300, aim: 200 },
      note: `scripts requested before the first-frame mark, gzip (zlib default level) of the built files: ${scripts[0]?.files.join(', ') ?? ''}`,
    });
    details.scriptsBeforeFirstFrame = scripts[0]?.files;

    // 5 and 6: generated graphs opened as files.
    for (const n of sizes) {
      const g = generated.get(n);
      if (!g) continue;
      const times = { app: [] as number[], bare: [] as number[], bareAppSettings: [] as number[] };
      const panning = {
        app: [] as number[],
        bare: [] as number[],
        bareAppSettings: [] as number[],
      };
      const layoutTasks: number[] = [];
      const layoutStates: string[] = [];
      const layoutReruns: number[] = [];
      const bareLayoutTasks: number[] = [];
      const runs = quick ? 2 : n >= 50_000 ? 3 : LOADS;
      for (let i = 0; i < runs; i++) {
        const a = await openPage(browser, app.url);
        const opened = await appOpens(a.page, g.path, g.nodes, 180_000);
        times.app.push(opened.frame - opened.clicked);
        if (n === 10_000) {
          // The layout runs from the first frame on; its longest main-thread task meanwhile. When
          // the layout says it settled, it is run again, so the window is spent laying out.
          const until = Date.now() + LAYOUT_MS;
          let reruns = 0;
          while (Date.now() < until) {
            await a.page.waitForTimeout(250);
            const rerun = a.page.getByRole('button', { name: 'Re-run layout' });
            if ((await rerun.count()) > 0 && (await rerun.isEnabled())) {
              await rerun.click();
              reruns += 1;
            }
          }
          layoutReruns.push(reruns);
          const now = await a.page.evaluate(() => performance.now());
          layoutTasks.push(await longestTask(a.page, opened.frame, now));
          layoutStates.push(
            (await a.page.locator('footer.status .layout-status').textContent()) ?? '',
          );
        }
        if (!quick) {
          await pauseLayout(a.page);
          panning.app.push(await panFrameTime(a.page, 'section.canvas', PAN_STEPS_LARGE));
        }
        if (a.errors.length > 0) throw new Error(`Page errors: ${a.errors.join('; ')}`);
        await a.close();

        const b = await openPage(
          browser,
          `${pages.url}bare.html?file${n === 10_000 ? '&layout' : ''}`,
        );
        await b.page.setInputFiles('#file', g.path);
        await waitForMark(b.page, 180_000);
        if (n === 10_000) {
          // The same watch over graphology's own layout worker redrawing sigma's graph.
          const from = await markTime(b.page, 'bench:drawn');
          await b.page.waitForTimeout(LAYOUT_MS);
          const now = await b.page.evaluate(() => performance.now());
          bareLayoutTasks.push(await longestTask(b.page, from, now));
        }
        times.bare.push(
          (await markTime(b.page, 'bench:drawn')) - (await markTime(b.page, 'bench:file-chosen')),
        );
        if (!quick) panning.bare.push(await panFrameTime(b.page, '#graph', PAN_STEPS_LARGE));
        await b.close();
        if (!quick && n === 10_000) {
          // The same bare page with the explorer's renderer settings, to tell settings from code.
          const c = await openPage(browser, `${pages.url}bare.html?file&settings=explorer`);
          await c.page.setInputFiles('#file', g.path);
          await waitForMark(c.page, 180_000);
          times.bareAppSettings.push(
            (await markTime(c.page, 'bench:drawn')) - (await markTime(c.page, 'bench:file-chosen')),
          );
          panning.bareAppSettings.push(await panFrameTime(c.page, '#graph', PAN_STEPS_LARGE));
          await c.close();
        }
        console.error(
          `browser ${n} nodes run ${i + 1}/${runs}: app ${Math.round(times.app.at(-1) ?? 0)} ms, bare ${Math.round(times.bare.at(-1) ?? 0)} ms`,
        );
      }
      const input = `generated ${n / 1000}k nodes (${g.triples.toLocaleString('en-US')} triples)`;
      rows.push({
        figure: 5,
        name: 'first frame (file opened)',
        input,
        unit: 'ms',
        value: summarize(times.app),
        baseline: { name: 'bare sigma', value: summarize(times.bare) },
        ratio: pairedRatio(times.app, times.bare),
        target: { on: 'ratio', better: 'lower', must: 1.3, aim: 1.1 },
        note: 'file handed over → first frame of its graph drawn (the GPU waited for); the explorer reads in its import worker, then projects, indexes and draws in the page; the bare page parses with n3 and draws',
      });
      if (panning.app.length > 0) {
        rows.push({
          figure: 5,
          name: 'frame time while panning',
          input,
          unit: 'ms',
          value: summarize(panning.app),
          baseline: { name: 'bare sigma', value: summarize(panning.bare) },
          ratio: pairedRatio(panning.app, panning.bare),
          target: { on: 'ratio', better: 'lower', must: 1.3, aim: 1.1 },
          note: `mean time per mouse move and the frame that draws it, over a ${PAN_STEPS_LARGE}-move drag; the explorer’s layout paused`,
        });
      }
      if (times.bareAppSettings.length > 0) {
        rows.push({
          figure: 5,
          name: 'first frame (file opened), bare sigma with the explorer’s settings',
          input,
          unit: 'ms',
          value: summarize(times.bareAppSettings),
          baseline: { name: 'bare sigma', value: summarize(times.bare) },
          ratio: pairedRatio(times.bareAppSettings, times.bare),
          note: 'for information: what the explorer’s renderer settings alone cost (edge labels, edge events, z-index, label grid)',
        });
        rows.push({
          figure: 5,
          name: 'frame time while panning, bare sigma with the explorer’s settings',
          input,
          unit: 'ms',
          value: summarize(panning.bareAppSettings),
          baseline: { name: 'bare sigma', value: summarize(panning.bare) },
          ratio: pairedRatio(panning.bareAppSettings, panning.bare),
          note: 'for information: what the explorer’s renderer settings alone cost',
        });
      }
      if (layoutTasks.length > 0) {
        rows.push({
          figure: 6,
          name: 'longest main-thread task while laying out',
          input,
          unit: 'ms',
          value: summarize(layoutTasks),
          baseline: {
            name: 'bare sigma + graphology FA2 worker',
            value: summarize(bareLayoutTasks),
          },
          ratio: pairedRatio(layoutTasks, bareLayoutTasks),
          target: { on: 'value', better: 'lower', must: 100, aim: 50 },
          note: `the ${LAYOUT_MS / 1000} s after the first frame, ForceAtlas2 in its worker, re-run whenever it said it had settled (${layoutReruns.join(', ')} times); the status line at the end: ${[...new Set(layoutStates.map((t) => `"${t.trim()}"`))].join(', ')}`,
        });
      }
    }

    // 6: opening the 1M-triple people graph in the explorer (full run only: minutes).
    if (!quick) {
      const overview = buildOverview(
        new Parser({ format: 'N-Triples' }).parse(
          (await import('node:zlib')).gunzipSync(readFileSync(PEOPLE)).toString('utf8'),
        ),
      );
      const a = await openPage(browser, app.url);
      let row: Row;
      try {
        const opened = await appOpens(a.page, PEOPLE, overview.stats.nodes, 600_000);
        const longest = await longestTask(a.page, opened.clicked, opened.frame);
        row = {
          figure: 6,
          name: 'longest main-thread task while loading',
          input: `aac-people-1m.nt.gz (${overview.stats.quads.toLocaleString('en-US')} triples)`,
          unit: 'ms',
          value: summarize([longest]),
          target: { on: 'value', better: 'lower', must: 100, aim: 50 },
          note: `one load: "Replace the data" → first frame of the ${overview.stats.nodes.toLocaleString('en-US')}-node graph after ${((opened.frame - opened.clicked) / 1000).toFixed(1)} s (the explorer projects and draws every node; it has no overview yet)`,
        };
      } catch (error) {
        const now = await a.page.evaluate(() => performance.now()).catch(() => NaN);
        const longest = await longestTask(a.page, 0, now).catch(() => NaN);
        row = {
          figure: 6,
          name: 'longest main-thread task while loading',
          input: 'aac-people-1m.nt.gz',
          unit: 'ms',
          value: summarize([longest]),
          target: { on: 'value', better: 'lower', must: 100, aim: 50 },
          note: `did not finish: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      rows.push(row);
      await a.close();
    }

    // 4: ForceAtlas2, the explorer's worker wrapper against the synchronous layout, same page.
    const fa2 = await openPage(browser, `${pages.url}fa2.html`);
    await fa2.page.waitForFunction(() => document.title === 'ready');
    for (const n of quick ? [1_000, 10_000] : [1_000, 10_000, 50_000]) {
      const ms = n >= 50_000 ? 8000 : quick ? 1000 : 3000;
      const rate = { worker: [] as number[], sync: [] as number[] };
      const endings: string[] = [];
      for (let i = 0; i < (quick ? 2 : 5); i++) {
        for (const mode of ['sync', 'worker'] as const) {
          const r = await fa2.page.evaluate(
            ([url, m, t]) =>
              (
                window as unknown as {
                  runLayout: (u: string, m: string, t: number) => Promise<LayoutRun>;
                }
              ).runLayout(url, m, t),
            [`fa2-${n}.json`, mode, ms] as const,
          );
          rate[mode].push(r.iterations / r.seconds);
          if (mode === 'worker')
            endings.push(`${r.ended} after ${r.iterations} in ${r.seconds.toFixed(1)} s`);
        }
      }
      rows.push({
        figure: 4,
        name: 'ForceAtlas2 iterations/s (worker wrapper)',
        input: `generated ${n / 1000}k nodes`,
        unit: 'it/s',
        value: summarize(rate.worker),
        baseline: { name: 'graphology FA2, same page', value: summarize(rate.sync) },
        ratio: pairedRatio(rate.worker, rate.sync),
        target: { on: 'ratio', better: 'higher', must: 0.9, aim: 1.0 },
        note: `runs of up to ${ms / 1000} s, inferSettings (Barnes–Hut above 2,000 nodes); the wrapper's runs ended: ${endings.join('; ')}`,
      });
    }
    if (fa2.errors.length > 0) throw new Error(`Page errors: ${fa2.errors.join('; ')}`);
    await fa2.close();
  } finally {
    await browser.close();
    await app.server.close();
    await pages.server.close();
  }
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  console.log(writeSection({ section: 'browser', rows, details }));
}

await main();
