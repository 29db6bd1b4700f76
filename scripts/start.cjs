#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed, otherwise browser mode with one clear sentence.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');

function electronBinary() {
  try {
    // The electron package exports the path of its binary, and throws when the binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && require('node:fs').existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const electron = electronBinary();
if (electron) {
  const built = run(npm, ['run', 'build']);
  if (built !== 0) process.exit(built);
  process.exit(run(electron, ['.']));
}
console.log(
  "Electron n'est pas installé sur cette machine (son binaire n'a pas été téléchargé) : Cèdre Parcours démarre en mode navigateur.",
);
process.exit(run(npm, ['run', 'web', '--', ...process.argv.slice(2)]));
