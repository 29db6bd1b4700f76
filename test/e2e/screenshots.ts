import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Saves a full-page screenshot per step when CEDRE_SCREENSHOTS names a folder; does nothing otherwise. */
export function screenshotter(page: () => Page) {
  const folder = process.env.CEDRE_SCREENSHOTS;
  return async (name: string) => {
    if (!folder) return;
    mkdirSync(folder, { recursive: true });
    await page().screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' });
  };
}
