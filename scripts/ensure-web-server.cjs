#!/usr/bin/env node
// Builds browser mode's server (out/web/web.cjs) when it is missing or older than its sources, so that `npm run web`
// starts plain JavaScript: transpiling the main process's TypeScript at each start cost about 1.5 s of CPU before
// the first screen (issue 19, bench/README.md). Same options as the command line's build (scripts/build-cli.mjs).
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const outfile = join(root, 'out', 'web', 'web.cjs');
const sources = ['src-main', 'src-shared', 'db', 'lib'].map((d) => join(root, d)).filter((d) => existsSync(d));
const extraInputs = ['package.json', 'scripts/ensure-web-server.cjs'].map((f) => join(root, f));

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const builtAt = existsSync(outfile) ? statSync(outfile).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestMtime), ...extraInputs.map((f) => statSync(f).mtimeMs));
if (builtAt >= sourcesAt) process.exit(0);

require('esbuild')
  .build({
    entryPoints: [join(root, 'src-main', 'web.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
  .then(
    () => process.exit(0),
    (err) => {
      console.error(`Construction du serveur impossible : ${err.message}`);
      process.exit(1);
    },
  );
