import { expect, test } from 'vitest';
import { openApp, screenshot } from './browser.ts';

test('the app loads in Chromium with no console error', async () => {
  const { page, errors, close } = await openApp();
  try {
    await page.getByRole('heading', { name: 'Triplescope' }).waitFor();
    await screenshot(page, 'smoke');
    expect(errors).toEqual([]);
    expect(await page.title()).toBe('Triplescope');
  } finally {
    await close();
  }
});
