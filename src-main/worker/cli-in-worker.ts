/**
 * A `cedre` command run by the data worker (issue 18 §4): what it prints is sent to the command line's process as
 * messages, in order with its end, so nothing is lost when that process exits (a worker's own standard streams are
 * relayed asynchronously). The worker runs one command, then is closed.
 */
import { format } from 'node:util';
import type { AppPaths } from '../app-paths';
import type { AppRuntime } from '../app-runtime';
import { option } from '../cli-args';
import type { CliDataCommand } from '../cli-data-commands';
import { exportCommand, demoCommand, importCommand } from '../cli-data';
import { backup, check, restore } from '../cli-database';
import { cliFailure } from '../cli-failure';
import { reportCommand } from '../cli-observatoire';
import type { FromWorker, ToWorker } from './protocol';

export async function runCliInWorker(runtime: AppRuntime, message: Extract<ToWorker, { type: 'cli' }>, paths: AppPaths, post: (message: FromWorker) => void): Promise<number> {
  const releaseOutput = captureOutput(post, message.stderrIsTTY);
  try {
    return await runDataCommand(message.command, runtime, message.args, paths);
  } catch (err) {
    return cliFailure(err);
  } finally {
    releaseOutput();
  }
}

/** The command on the worker's started runtime; returns the exit status (a failure throws). */
async function runDataCommand(command: CliDataCommand, runtime: AppRuntime, args: string[], paths: AppPaths): Promise<number> {
  switch (command) {
    case 'check':
      check(runtime, paths);
      return 0;
    case 'backup':
      await backup(runtime, paths, option(args, '--copy-to'));
      return 0;
    case 'restore':
      await restore(runtime, paths, option(args, '--from'));
      return 0;
    case 'import':
      return importCommand(runtime, args, paths);
    case 'export':
      return exportCommand(runtime, args, paths);
    case 'demo':
      return demoCommand(runtime, args, paths);
    case 'report':
      return reportCommand(runtime, args, paths);
  }
}

function captureOutput(post: (message: FromWorker) => void, stderrIsTTY: boolean): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, write: process.stderr.write, isTTY: process.stderr.isTTY };
  const line = (stream: 'stdout' | 'stderr') => (...args: unknown[]) => post({ type: 'cli-output', stream, text: format(...args), line: true });
  console.log = line('stdout');
  console.info = line('stdout');
  console.warn = line('stderr');
  console.error = line('stderr');
  // The import's progress (jobs/terminal-progress.ts) writes to standard error, rewriting its line on a terminal.
  process.stderr.write = ((chunk: string | Uint8Array) => {
    post({ type: 'cli-output', stream: 'stderr', text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'), line: false });
    return true;
  }) as typeof process.stderr.write;
  process.stderr.isTTY = stderrIsTTY;
  return () => {
    Object.assign(console, { log: saved.log, info: saved.info, warn: saved.warn, error: saved.error });
    process.stderr.write = saved.write;
    process.stderr.isTTY = saved.isTTY;
  };
}
