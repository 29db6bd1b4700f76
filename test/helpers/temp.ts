import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const MIGRATIONS = join(REPO_ROOT, 'db', 'migrations');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');

const madeByTest: string[] = [];
const madeForFile: string[] = [];
afterEach(() => {
  while (madeByTest.length) rmSync(madeByTest.pop()!, { recursive: true, force: true });
});
afterAll(() => {
  while (madeForFile.length) rmSync(madeForFile.pop()!, { recursive: true, force: true });
});

/**
 * A fresh folder under the OS temp dir: made inside a test, removed after that test; made in a `beforeAll` or at the
 * top of a file (a story told over several `it`s, a server shared by them), removed after the file's last test.
 */
export function tempDir(prefix = 'cedre-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  (expect.getState().currentTestName === undefined ? madeForFile : madeByTest).push(dir);
  return dir;
}
