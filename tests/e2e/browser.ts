// Helpers every browser test uses: a fresh page on the shared Chromium that records console errors
// and failed requests, and screenshots saved where CI keeps them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = join('test-results', 'screenshots');

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far, as text. */
  errors: string[];
  /** The same console errors with the address each is about (a failed request's URL). */
  located: { text: string; url: string }[];
  close: () => Promise<void>;
}

let shared: Promise<Browser> | undefined;

function browser(): Promise<Browser> {
  shared ??= chromium.connect(inject('browserWSEndpoint'));
  return shared;
}

/**
 * Opens `path` of the served app in a new browser context of the given size and colour scheme;
 * `prepare` runs on the page before it navigates (listeners that must see the first request).
 */
export async function openApp(
  path = '/',
  viewport = { width: 1280, height: 800 },
  colorScheme: 'light' | 'dark' = 'light',
  prepare?: (page: Page) => void,
): Promise<OpenedPage> {
  const context = await (await browser()).newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  const located: { text: string; url: string }[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    errors.push(msg.text());
    located.push({ text: msg.text(), url: msg.location().url });
  });
  page.on('pageerror', (err) => {
    errors.push(err.message);
    located.push({ text: err.message, url: '' });
  });
  prepare?.(page);
  await page.goto(new URL(path, inject('baseURL')).href);
  return { page, errors, located, close: () => context.close() };
}

/** Saves a full-page screenshot as test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
