// What the build scripts share: the esbuild options of the Node bundles (the `cedre` command, browser mode's server,
// the benchmark's probe) and the staleness check of the `ensure-*` scripts.
const { readdirSync, statSync } = require('node:fs');
const { isAbsolute, join } = require('node:path');

/** Packages bundled into the file rather than required: date-fns's CommonJS entry points load every function and,
 *  for `date-fns/locale`, every locale (125 ms at each start, issue 19); bundled from its ES modules, only the few
 *  functions used remain. */
const BUNDLED_PACKAGES = /^date-fns(\/|$)/;

/** One CommonJS file that runs with the production dependencies only: the other packages stay external (native
 *  better-sqlite3, ESM-only @react-pdf loaded on demand). */
function bundleForNode(entryPoint, outfile) {
  return require('esbuild').build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [
      {
        name: 'packages-external-but-some',
        setup(build) {
          // A bare specifier is a package (or a Node built-in): external unless listed above. Entry points and
          // absolute paths are files (on Windows, `C:\…` starts with neither `.` nor `/`).
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.kind === 'entry-point' || isAbsolute(args.path) || BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
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
