// Starts what the browser tests share: a production build of the app served by `vite preview` on a
// loopback port, and one real Chromium (Debian's package) that every test file connects to.
import type { TestProject } from 'vitest/node';
import { startAppServer, type AppServer } from '../support/app-server.ts';

export { CHROMIUM_PATH } from '../support/app-server.ts';

let app: AppServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  app = await startAppServer();
  project.provide('baseURL', app.baseURL);
  project.provide('browserWSEndpoint', app.browserWSEndpoint);
}

export async function teardown(): Promise<void> {
  await app?.close();
}
