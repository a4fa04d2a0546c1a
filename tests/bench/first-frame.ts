// First-frame benchmark: how long after navigation the explorer shows its first sigma frame of the
// built-in Rosmer graph, next to a bare sigma page drawing the same graph (same nodes and seeded
// positions), both production builds served by `vite preview` and loaded in the same Chromium, in
// fresh browser contexts (cold cache), alternating, median of several loads.
//
//   npx tsx tests/bench/first-frame.ts [loads=9]
//
// Prints a table and writes bench-results/first-frame.json.
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { buildViewGraph } from '../../src/graph/appearance.ts';
import { seededPosition } from '../../src/layout/initial.ts';
import { CHROMIUM_PATH } from '../e2e/global-setup.ts';
import { builtInDataset } from '../e2e/expected.ts';

const LOADS = Number(process.argv[2] ?? '9');
const MARK = 'triplescope:first-frame';

interface Sample {
  /** Navigation start → the first-frame mark (ms). */
  firstFrame: number;
  /** Navigation start → DOMContentLoaded (ms). */
  domContentLoaded: number;
  /** JavaScript transferred (bytes, as the browser counts it). */
  scriptBytes: number;
}

async function serve(root: string | undefined, outDir: string): Promise<PreviewServer> {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
}

function address(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report the address it serves on.');
  return url;
}

async function load(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, {
      timeout: 30_000,
    });
    if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
    return await page.evaluate((mark) => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const scripts = performance
        .getEntriesByType('resource')
        .filter(
          (r) =>
            (r as PerformanceResourceTiming).initiatorType === 'script' || r.name.endsWith('.js'),
        );
      return {
        firstFrame: performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
        scriptBytes: scripts.reduce(
          (n, r) => n + (r as PerformanceResourceTiming).encodedBodySize,
          0,
        ),
      };
    }, MARK);
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function jsBytes(dir: string): number {
  return readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + statSync(join(dir, 'assets', f)).size, 0);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'triplescope-first-frame-'));
  const appDir = join(work, 'app');
  const bareDir = join(work, 'bare');
  const app = await serve(undefined, appDir);
  const bareRoot = join(process.cwd(), 'tests', 'bench', 'first-frame-bare');
  const bare = await serve(bareRoot, bareDir);
  // The explorer's first frame: every drawn node at its seeded position, before the layout moves it.
  const dataset = builtInDataset();
  const view = buildViewGraph(dataset.projection, {
    includeVocabulary: false,
    scheme: 'light',
    sizeBy: 'degree',
    position: (key) => seededPosition(key),
  });
  writeFileSync(join(bareDir, 'graph.json'), JSON.stringify(view.export()));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const samples = { app: [] as Sample[], bare: [] as Sample[] };
  try {
    // One warm-up load of each (compiles the browser's own caches), then alternate.
    await load(browser, address(app));
    await load(browser, address(bare));
    for (let i = 0; i < LOADS; i += 1) {
      samples.app.push(await load(browser, address(app)));
      samples.bare.push(await load(browser, address(bare)));
    }
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
  const summary = (list: Sample[]) => ({
    firstFrameMs: Math.round(median(list.map((s) => s.firstFrame))),
    domContentLoadedMs: Math.round(median(list.map((s) => s.domContentLoaded))),
    minFirstFrameMs: Math.round(Math.min(...list.map((s) => s.firstFrame))),
    maxFirstFrameMs: Math.round(Math.max(...list.map((s) => s.firstFrame))),
    scriptBytesTransferred: median(list.map((s) => s.scriptBytes)),
  });
  const result = {
    loads: LOADS,
    graph: { nodes: view.order, edges: view.size },
    app: { ...summary(samples.app), jsBytesOnDisk: jsBytes(appDir) },
    bare: { ...summary(samples.bare), jsBytesOnDisk: jsBytes(bareDir) },
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', 'first-frame.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `First sigma frame, ${String(view.order)} nodes and ${String(view.size)} edges, median of ${String(LOADS)} cold loads:`,
  );
  console.table({
    explorer: {
      'first frame (ms)': result.app.firstFrameMs,
      'min–max': `${String(result.app.minFirstFrameMs)}–${String(result.app.maxFirstFrameMs)}`,
      'DOMContentLoaded (ms)': result.app.domContentLoadedMs,
      'JS transferred (kB)': Math.round(result.app.scriptBytesTransferred / 1024),
    },
    'bare sigma': {
      'first frame (ms)': result.bare.firstFrameMs,
      'min–max': `${String(result.bare.minFirstFrameMs)}–${String(result.bare.maxFirstFrameMs)}`,
      'DOMContentLoaded (ms)': result.bare.domContentLoadedMs,
      'JS transferred (kB)': Math.round(result.bare.scriptBytesTransferred / 1024),
    },
  });
}

await main();
