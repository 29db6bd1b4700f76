/** Renders build/icon.svg to build/icon.png (512×512) in headless Chromium: `npx tsx scripts/render-icon.ts`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/helpers/chromium';

async function main() {
  const dir = join(__dirname, '..', 'build');
  const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(dir, 'icon.png'), omitBackground: true });
  await browser.close();
}

void main();
