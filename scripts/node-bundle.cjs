// What the build scripts share: the esbuild options of the Node bundles (the `cedre` command, browser mode's server,
// the benchmark's probe) and the staleness check of the `ensure-*` scripts.
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** One CommonJS file that runs with the production dependencies only: packages stay external (native better-sqlite3,
 *  ESM-only @react-pdf loaded on demand). */
function bundleForNode(entryPoint, outfile) {
  return require('esbuild').build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

/** The newest modification time under a file or folder. */
function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

module.exports = { bundleForNode, newestMtime };
