#!/usr/bin/env node
// `npx cedre …`: the command line runs the TypeScript sources directly (tsx), so it works right after npm install.
require('tsx/cjs');
const { runCli } = require('../src-main/cli.ts');
runCli(process.argv.slice(2)).then((code) => process.exit(code));
