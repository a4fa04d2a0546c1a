// Starts what the remote tests share: one real Virtuoso (installed first when missing) holding the
// Rosmer graph and the 1M-triple people graph, loaded once per run, and — built while it loads —
// the app served by `vite preview` with one Chromium for the browser tests of the endpoint
// explorer (tests/remote/app*.test.ts); all stopped after the last file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { startVirtuoso, type VirtuosoServer } from '../support/virtuoso.ts';
import { PEOPLE_FILE, PEOPLE_GRAPH, ROSMER_FILES, ROSMER_GRAPH } from './data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Virtuoso's SPARQL endpoint. */
    virtuosoEndpoint: string;
    /** How long its bulk load took, in milliseconds. */
    virtuosoLoadMs: number;
  }
}

let server: VirtuosoServer | undefined;
let app: AppServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const ensure = fileURLToPath(new URL('../../scripts/ensure-virtuoso.js', import.meta.url));
  execFileSync(process.execPath, [ensure], { stdio: 'inherit' });
  if (!existsSync(PEOPLE_FILE)) {
    throw new Error(
      `The remote tests need ${PEOPLE_FILE} (the shared datasets beside the project).`,
    );
  }
  const started = performance.now();
  const [virtuoso, served] = await Promise.allSettled([
    startVirtuoso({
      load: [
        { graph: ROSMER_GRAPH, files: ROSMER_FILES },
        { graph: PEOPLE_GRAPH, files: [PEOPLE_FILE] },
      ],
    }),
    startAppServer(),
  ]);
  if (virtuoso.status === 'fulfilled') server = virtuoso.value;
  if (served.status === 'fulfilled') app = served.value;
  // One failed: stop the other before reporting.
  if (virtuoso.status === 'rejected' || served.status === 'rejected') {
    await teardown();
    throw (virtuoso.status === 'rejected' ? virtuoso : (served as PromiseRejectedResult)).reason;
  }
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Virtuoso at ${virtuoso.value.endpoint}: bulk load of the Rosmer graph and 1M people triples ${(virtuoso.value.loadMs / 1000).toFixed(1)} s (start and load ${total} s)`,
  );
  project.provide('virtuosoEndpoint', virtuoso.value.endpoint);
  project.provide('virtuosoLoadMs', virtuoso.value.loadMs);
  project.provide('baseURL', served.value.baseURL);
  project.provide('browserWSEndpoint', served.value.browserWSEndpoint);
}

export async function teardown(): Promise<void> {
  await Promise.all([server?.stop(), app?.close()]);
}
