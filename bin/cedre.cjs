#!/usr/bin/env node
// `npx cedre …`: runs the TypeScript sources directly with tsx (its ESM and CommonJS hooks, as `--import tsx`), so the
// command line works right after npm install, PDF templates (an ESM-only dependency) included.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src-main', 'cli-main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(result.status ?? 1);
