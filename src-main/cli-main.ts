/** Process entry of the command line: built to out/cli/cedre.cjs (scripts/build-cli.mjs), or run under tsx from the sources. */
import { runCli } from './cli';

void runCli(process.argv.slice(2)).then((code) => process.exit(code));
