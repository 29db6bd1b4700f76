/** Process entry of the command line (bin/cedre.cjs runs it under `node --import tsx`). */
import { runCli } from './cli';

void runCli(process.argv.slice(2)).then((code) => process.exit(code));
