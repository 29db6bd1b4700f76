// Builds the `cedre` command to plain JavaScript (issue 17 §5): one CommonJS file, out/cli/cedre.cjs, that runs with
// the production dependencies only (`npm ci --omit=dev`): no tsx, no TypeScript. The packages stay external (native
// better-sqlite3, ESM-only @react-pdf loaded on demand); the commands' modules are initialised only when used.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ?? join(root, 'out', 'cli', 'cedre.cjs');

const { bundleForNode } = createRequire(import.meta.url)('./node-bundle.cjs');
await bundleForNode(join(root, 'src-main', 'cli-main.ts'), outfile);
// The commands on a database run in the data worker (issue 18 §4), bundled beside the command where it looks for it.
await bundleForNode(join(root, 'src-main', 'worker', 'data-worker.ts'), join(dirname(outfile), 'data-worker.cjs'));
console.log(`cedre construit : ${outfile}`);
