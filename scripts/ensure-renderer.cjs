#!/usr/bin/env node
// Builds the renderer (out/renderer) when it is missing or older than its sources, so `npm run web` and the
// end-to-end tests always serve the current code without rebuilding on every start.
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { newestMtime } = require('./node-bundle.cjs');

const root = join(__dirname, '..');
const builtIndex = join(root, 'out', 'renderer', 'index.html');
const sources = ['src-renderer', 'src-shared'].map((d) => join(root, d));
const extraInputs = ['vite.renderer.config.mts', 'package.json'].map((f) => join(root, f));

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestMtime), ...extraInputs.map((f) => statSync(f).mtimeMs));
if (builtAt >= sourcesAt) process.exit(0);

console.log('Construction de l’interface (out/renderer)…');
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.renderer.config.mts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
