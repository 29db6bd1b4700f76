#!/usr/bin/env node
// `cedre …`: the built command (out/cli/cedre.cjs, `npm run build` or `npm run build:cli`) when it exists — plain
// JavaScript that needs only the production dependencies, what a federation installs (README « Pour une
// fédération »). In a source checkout not built yet, the TypeScript sources run under tsx instead.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'cli', 'cedre.cjs');
if (existsSync(built)) {
  require(built);
} else {
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src-main', 'cli-main.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: process.cwd(),
  });
  process.exit(result.status ?? 1);
}
