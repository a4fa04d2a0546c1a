// Helpers of the browser tests of the endpoint explorer (tests/remote/app*.test.ts): the app on
// the shared Chromium (tests/e2e/browser.ts) connected to an endpoint through its dialog, the query
// panel driven like a person does, the time from a click on "Expand" to the frame that draws the
// neighbourhood, the console errors a browser prints by itself for requests meant to fail, and
// small servers that answer cross-origin requests as a browser needs them to (CORS): a web site
// that is not an endpoint, and a proxy to Virtuoso that can demand credentials or be stopped.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Locator, Page } from 'playwright-core';
import { openApp, type OpenedPage } from '../e2e/browser.ts';

export { screenshot, SCREENSHOT_DIR, type OpenedPage } from '../e2e/browser.ts';

/** Opens the app (at `path`, default the start page) and waits for the graph to be drawn. */
export async function openExplorer(path = '/'): Promise<OpenedPage> {
  const opened = await openApp(path);
  await opened.page.getByRole('region', { name: 'Graph' }).locator('canvas').first().waitFor();
  return opened;
}

/**
 * Console errors other than those the browser prints for requests expected to fail: the VoID
 * description every endpoint check asks for (Virtuoso serves none, without CORS headers) and any
 * address `alsoExpected` names.
 */
export function unexpectedErrors(
  opened: OpenedPage,
  alsoExpected: readonly string[] = [],
): string[] {
  const expected = ['/.well-known/void', ...alsoExpected];
  return opened.located
    .filter((e) => !expected.some((part) => e.url.includes(part) || e.text.includes(part)))
    .map((e) => e.text);
}

/** Fills the "Connect to endpoint" dialog (Open menu) and presses Connect. */
export async function fillConnect(
  page: Page,
  url: string,
  options: { authorization?: string; seconds?: number } = {},
): Promise<Locator> {
  await page.getByText('Open', { exact: true }).click();
  await page.getByRole('button', { name: 'Connect to endpoint…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to a SPARQL endpoint' });
  await dialog.getByLabel('Endpoint URL').fill(url);
  if (options.authorization !== undefined) {
    await dialog.getByLabel('Authorization header (optional)').fill(options.authorization);
  }
  if (options.seconds !== undefined) {
    await dialog.getByLabel('Time limit per request (seconds)').fill(String(options.seconds));
  }
  await dialog.getByRole('button', { name: 'Connect' }).click();
  return dialog;
}

/** Connects to `url` and waits for the endpoint panel. */
export async function connect(
  page: Page,
  url: string,
  options: { authorization?: string; seconds?: number } = {},
): Promise<Locator> {
  await fillConnect(page, url, options);
  const panel = page.getByRole('region', { name: 'Endpoint', exact: true });
  await panel.getByText('Connected to').waitFor();
  return panel;
}

/** Searches labels on the endpoint and draws the hit for `node`. */
export async function startFrom(page: Page, text: string, node: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Endpoint', exact: true });
  await panel.getByRole('searchbox', { name: 'Search labels on the endpoint' }).fill(text);
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await panel.locator(`.endpoint-hit[title="${node}"]`).click();
  await page
    .getByRole('region', { name: 'Details' })
    .getByRole('region', { name: 'Links on the endpoint' })
    .getByRole('list')
    .or(page.getByText('No link to another resource on the endpoint.'))
    .waitFor();
}

/** The selected node's link groups as the details panel lists them. */
export async function linkGroups(
  page: Page,
): Promise<{ predicate: string; direction: 'in' | 'out'; shown: string }[]> {
  const rows = page.locator('.endpoint-group');
  const out: { predicate: string; direction: 'in' | 'out'; shown: string }[] = [];
  for (const row of await rows.all()) {
    const name = row.locator('.group-name');
    out.push({
      predicate: (await name.getAttribute('title')) ?? '',
      direction: (await name.innerText()).startsWith('←') ? 'in' : 'out',
      shown: await row.locator('.count').innerText(),
    });
  }
  return out;
}

/** The status line's "Showing …" sentence. */
export async function shown(page: Page): Promise<string> {
  return page.getByRole('region', { name: 'Status' }).locator('.shown').innerText();
}

/**
 * Clicks `button` (an "Expand" or "+N more") and resolves to the milliseconds from the click to
 * the first frame drawn after the status line changed (the graph grew), measured in the page.
 */
export async function timedExpand(page: Page, button: Locator): Promise<number> {
  const before = await shown(page);
  await page.evaluate(() => {
    const w = window as unknown as { clickedAt?: number };
    delete w.clickedAt;
    document.addEventListener(
      'click',
      () => {
        w.clickedAt = performance.now();
      },
      { capture: true, once: true },
    );
  });
  await button.click();
  await page.waitForFunction(
    (text) => document.querySelector('[aria-label="Status"] .shown')?.textContent !== text,
    before,
    { timeout: 60_000 },
  );
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        requestAnimationFrame(() => {
          const w = window as unknown as { clickedAt?: number };
          resolve(performance.now() - (w.clickedAt ?? Number.NaN));
        });
      }),
  );
}

/** Opens the query panel, puts `text` in the editor and runs it. */
export async function runQuery(page: Page, text: string): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Query' });
  if (!(await panel.isVisible())) {
    await page.getByRole('button', { name: 'Query', exact: true }).click();
  }
  const editor = panel.getByRole('textbox', { name: 'SPARQL query' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await panel.getByRole('button', { name: 'Run query' }).click();
  return panel;
}

// ---------------------------------------------------------------------------------------------
// Servers

export interface LocalServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  url: string;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Accept, Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LocalServer> {
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'Content-Type': 'text/plain', ...CORS });
      res.end(`proxy error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${String(address.port)}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A museum's home page (HTML) at every path; with `cors`, readable from other origins. */
export function startHtmlSite(cors: boolean): Promise<LocalServer> {
  return listen(async (req, res) => {
    req.resume();
    await Promise.resolve();
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(cors ? CORS : {}),
    });
    res.end(
      req.method === 'OPTIONS'
        ? undefined
        : '<!DOCTYPE html><html><head><title>Welcome to the Example Museum</title></head><body><h1>Collections</h1></body></html>',
    );
  });
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A proxy to an endpoint whose answers can be held back. */
export interface CorsProxy extends LocalServer {
  /** Holds every later request this long before passing it on (0: at once). */
  setDelay(ms: number): void;
}

/**
 * A reverse proxy to `target` (an origin) that answers browsers across origins (preflights
 * included), can hold requests back (a slow server), and, given `authorization`, refuses with 401
 * any request that does not carry exactly that Authorization header.
 */
export async function startCorsProxy(target: string, authorization?: string): Promise<CorsProxy> {
  let delay = 0;
  const server = await listen(async (req, res) => {
    const payload = await body(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (authorization !== undefined && req.headers.authorization !== authorization) {
      res.writeHead(401, {
        'Content-Type': 'text/plain; charset=utf-8',
        'WWW-Authenticate': 'Basic realm="SPARQL"',
        ...CORS,
      });
      res.end('Authentication required: send your user name and password.\n');
      return;
    }
    if (delay > 0) {
      const ms = delay;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    const headers: Record<string, string> = {};
    for (const name of ['accept', 'content-type']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(new URL(req.url ?? '/', target), {
      method: req.method ?? 'GET',
      headers,
      ...(payload.length > 0 ? { body: new Uint8Array(payload) } : {}),
    });
    const out: Record<string, string> = { ...CORS };
    const type = upstream.headers.get('content-type');
    if (type !== null) out['content-type'] = type;
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (res.destroyed) return;
    res.writeHead(upstream.status, upstream.statusText, out);
    res.end(answer);
  });
  return {
    ...server,
    setDelay: (ms) => {
      delay = ms;
    },
  };
}

/** A TCP port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = await listen(async () => {
    await Promise.resolve();
  });
  const port = Number(new URL(server.url).port);
  await server.close();
  return port;
}
