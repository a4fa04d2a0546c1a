// What goes wrong with endpoints, as a person meets it in the app (real Chromium, real Virtuoso and
// small local servers): nothing listening, a web site that is not an endpoint (readable across
// origins or not), a query the server rejects (400) or fails on (500), an endpoint behind HTTP
// Basic credentials, a server too slow for the time limit, a request cancelled, a server gone in
// the middle of a session. Each time the message names the endpoint and says what to do, and the
// rest of the app keeps working.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  closedPort,
  connect,
  fillConnect,
  openExplorer,
  runQuery,
  screenshot,
  shown,
  startCorsProxy,
  startFrom,
  startHtmlSite,
  unexpectedErrors,
  type CorsProxy,
  type LocalServer,
  type OpenedPage,
} from './browser.ts';
import { TROTSKY } from './data.ts';

const endpoint = inject('virtuosoEndpoint');
const origin = new URL(endpoint).origin;

/** Opens the app, runs `body`, and checks the console shows only the errors of `expected` addresses. */
async function withApp(
  expected: readonly string[],
  body: (page: Page, opened: OpenedPage) => Promise<void>,
): Promise<void> {
  const opened = await openExplorer();
  try {
    await body(opened.page, opened);
    expect(unexpectedErrors(opened, expected)).toEqual([]);
  } finally {
    await opened.close();
  }
}

/** The dialog's message, once the check has failed. */
async function dialogAlert(page: Page): Promise<string> {
  return page
    .getByRole('dialog', { name: 'Connect to a SPARQL endpoint' })
    .getByRole('alert')
    .innerText();
}

/** The data on screen is still the built-in graph, and it still answers a search. */
async function stillWorking(page: Page, status: string): Promise<void> {
  await expect(shown(page)).resolves.toBe(status);
  await page.getByRole('combobox', { name: 'Search' }).fill('rosmer');
  await page
    .getByRole('option', { name: /Alfred Rosmer/ })
    .first()
    .waitFor();
  await page.keyboard.press('Escape');
}

describe('addresses that are not a working endpoint', () => {
  test('nothing listens there: "cannot reach", with what to check; the data stays', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${String(port)}/sparql`;
    await withApp([url], async (page) => {
      const before = await shown(page);
      await fillConnect(page, url);
      await expect(dialogAlert(page)).resolves.toBe(
        `Cannot reach the SPARQL endpoint ${url}: Failed to fetch. Check the address, the network, and that the server is running (in a browser, also that it allows cross-origin requests).`,
      );
      await screenshot(page, 'endpoint-unreachable');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await stillWorking(page, before);
      await expect
        .poll(() => page.getByRole('region', { name: 'Endpoint', exact: true }).count())
        .toBe(0);
    });
  });

  describe('a web site', () => {
    let open: LocalServer;
    let closed: LocalServer;
    beforeAll(async () => {
      [open, closed] = await Promise.all([startHtmlSite(true), startHtmlSite(false)]);
    });
    afterAll(async () => {
      await Promise.all([open.close(), closed.close()]);
    });

    test('readable from the page: "does not look like a SPARQL endpoint", with its title', async () => {
      const url = `${open.url}/collections`;
      await withApp([url], async (page) => {
        await fillConnect(page, url);
        await expect(dialogAlert(page)).resolves.toBe(
          `The address ${url} does not look like a SPARQL endpoint: it answered with an HTML page ("Welcome to the Example Museum") instead of query results. Give the endpoint's own address (it often ends in /sparql).`,
        );
        await screenshot(page, 'endpoint-not-sparql');
      });
    });

    test('that does not allow cross-origin requests: the message says so', async () => {
      const url = `${closed.url}/sparql`;
      await withApp([url], async (page) => {
        await fillConnect(page, url);
        await expect(dialogAlert(page)).resolves.toBe(
          `Cannot reach the SPARQL endpoint ${url}: Failed to fetch. Check the address, the network, and that the server is running (in a browser, also that it allows cross-origin requests).`,
        );
      });
    });
  });
});

describe('queries the server refuses or fails on, from the query panel', () => {
  test('HTTP 400 for a query that does not parse, HTTP 500 for one that fails; the next one runs', async () => {
    await withApp([endpoint], async (page) => {
      await connect(page, endpoint);
      const panel = await runQuery(page, 'SELECT * WHERE { ?s ?p }');
      await expect(panel.getByRole('alert').innerText()).resolves.toBe(
        `The SPARQL endpoint ${endpoint} answered HTTP 400 Bad Request: Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at '}' before '}'. The endpoint rejected the query: correct it and run it again.`,
      );
      await screenshot(page, 'endpoint-query-400');
      await runQuery(page, 'SELECT (bif:sqrt("abc") AS ?x) WHERE {}');
      await panel
        .getByRole('alert')
        .getByText(
          `The SPARQL endpoint ${endpoint} answered HTTP 500 SPARQL Request Failed: Virtuoso 22023 Error SR010: Function sqrt needs a double as argument 1, not an arg of type VARCHAR (182). The server failed while running the query: simplify the query, or retry later.`,
        )
        .waitFor();
      await runQuery(page, `ASK { <${TROTSKY}> ?p ?o }`);
      await panel.getByText(/^Answer: yes \(true\), in /).waitFor();
    });
  });
});

describe('an endpoint behind a proxy', () => {
  const authorization = `Basic ${Buffer.from('reader:s3cret-Pa55').toString('base64')}`;
  let guarded: CorsProxy;
  let proxy: CorsProxy;
  beforeAll(async () => {
    [guarded, proxy] = await Promise.all([
      startCorsProxy(origin, authorization),
      startCorsProxy(origin),
    ]);
  });
  afterAll(async () => {
    await guarded.close();
  });

  test('that wants credentials: 401 without them; with them it connects, and they are kept nowhere', async () => {
    const url = `${guarded.url}/sparql`;
    await withApp([url, guarded.url], async (page) => {
      await fillConnect(page, url);
      await expect(dialogAlert(page)).resolves.toBe(
        `The SPARQL endpoint ${url} answered HTTP 401 Unauthorized: Authentication required: send your user name and password. It needs credentials: give an Authorization header.`,
      );
      await page.getByRole('button', { name: 'Cancel' }).click();
      const panel = await connect(page, url, { authorization });
      await panel.getByText(/; with an Authorization header$/).waitFor();
      await startFrom(page, 'Trotsky', TROTSKY);
      await page
        .getByRole('region', { name: 'Details' })
        .getByRole('heading', { name: 'Leon Trotsky', level: 2 })
        .waitFor();
      const stored = await page.evaluate(() =>
        JSON.stringify(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
      );
      expect(stored).toContain(url);
      expect(stored).not.toContain(authorization.slice(6));
      expect(page.url()).not.toContain(authorization.slice(6));
    });
  });

  test('too slow for the time limit: the request is abandoned on time, with what to do; a retry works', async () => {
    const url = `${proxy.url}/sparql`;
    await withApp([url], async (page) => {
      await connect(page, url, { seconds: 2 });
      await startFrom(page, 'Trotsky', TROTSKY);
      const before = await shown(page);
      proxy.setDelay(4_000);
      const expandButton = page.getByRole('button', { name: 'Expand ts:tookPartIn', exact: true });
      const started = Date.now();
      await expandButton.click();
      const notice = page.getByRole('region', { name: 'Endpoint', exact: true }).getByRole('alert');
      await expect(notice.locator('p').innerText()).resolves.toBe(
        `The SPARQL endpoint ${url} did not answer within 2 s, so the request was abandoned. Narrow the query (a LIMIT, a more specific pattern) or raise the time limit.`,
      );
      expect(Date.now() - started).toBeLessThan(3_900);
      await screenshot(page, 'endpoint-timeout');
      await expect(shown(page)).resolves.toBe(before);
      proxy.setDelay(0);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expandButton.click();
      await page
        .getByRole('region', { name: 'Status' })
        .getByText('Showing 4 of 4 nodes')
        .waitFor();
    });
  });

  test('a request and a query cancelled while they wait: stopped at once, no error, the rest as it was', async () => {
    const url = `${proxy.url}/sparql`;
    await withApp([url], async (page) => {
      await connect(page, url);
      await startFrom(page, 'Trotsky', TROTSKY);
      const before = await shown(page);
      proxy.setDelay(10_000);
      await page.getByRole('button', { name: 'Expand ts:tookPartIn', exact: true }).click();
      const requests = page.getByRole('list', { name: 'Requests to the endpoint' });
      await requests.getByText(/^Fetching ts:tookPartIn → of Leon Trotsky… \d/).waitFor();
      await screenshot(page, 'endpoint-request-running');
      await requests.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => requests.count()).toBe(0);
      await page.getByRole('button', { name: 'Expand ts:tookPartIn', exact: true }).waitFor();
      await expect(shown(page)).resolves.toBe(before);

      const panel = await runQuery(page, 'SELECT * WHERE { ?s ?p ?o } LIMIT 1');
      await panel.getByText(/^Running… /).waitFor();
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await panel.getByText(/^Cancelled after /).waitFor();
      expect(
        await page
          .getByRole('region', { name: 'Endpoint', exact: true })
          .getByRole('alert')
          .count(),
      ).toBe(0);
      proxy.setDelay(0);
    });
  });

  // Last: it stops the proxy.
  test('a server gone in the middle of a session: the message names it, the graph stays', async () => {
    const url = `${proxy.url}/sparql`;
    await withApp([url], async (page) => {
      await connect(page, url);
      await startFrom(page, 'Trotsky', TROTSKY);
      const before = await shown(page);
      await proxy.close();
      await page.getByRole('button', { name: 'Expand ts:tookPartIn', exact: true }).click();
      const notice = page.getByRole('region', { name: 'Endpoint', exact: true }).getByRole('alert');
      await expect(notice.locator('p').innerText()).resolves.toBe(
        `Cannot reach the SPARQL endpoint ${url}: Failed to fetch. Check the address, the network, and that the server is running (in a browser, also that it allows cross-origin requests).`,
      );
      await screenshot(page, 'endpoint-server-gone');
      await expect(shown(page)).resolves.toBe(before);
      await page
        .getByRole('region', { name: 'Details' })
        .getByRole('heading', { name: 'Leon Trotsky', level: 2 })
        .waitFor();
    });
  });
});
