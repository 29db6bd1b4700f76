#!/usr/bin/env node
// Builds browser mode's server (out/web/web.cjs) and its data worker (out/web/data-worker.cjs) when it is missing or older than its sources, so that `npm run web`
// starts plain JavaScript: transpiling the main process's TypeScript at each start cost about 1.5 s of CPU before
// the first screen (issue 19, bench/README.md).
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { bundleForNode, newestMtime } = require('./node-bundle.cjs');

const root = join(__dirname, '..');
const outfile = join(root, 'out', 'web', 'web.cjs');
const inputs = ['src-main', 'src-shared', 'db', 'package.json', 'scripts/ensure-web-server.cjs', 'scripts/node-bundle.cjs'].map((p) => join(root, p));

const workerFile = join(root, 'out', 'web', 'data-worker.cjs');
// Built when either file is missing or older than the sources.
const builtAt = Math.min(...[outfile, workerFile].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
if (builtAt >= Math.max(...inputs.map(newestMtime))) process.exit(0);

// The data worker (issue 18 §4) is bundled beside the server, where the server looks for it (worker/data-worker-client.ts).
Promise.all([
  bundleForNode(join(root, 'src-main', 'worker', 'data-worker.ts'), workerFile),
  bundleForNode(join(root, 'src-main', 'web.ts'), outfile),
]).then(
  () => process.exit(0),
  (err) => {
    console.error(`Construction du serveur impossible : ${err.message}`);
    process.exit(1);
  },
);
