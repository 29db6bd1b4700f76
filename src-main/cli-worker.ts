/**
 * The command line's side of a command on the database (issue 18 §4): it starts the same data worker as browser mode
 * and Electron (same opening, keyring, encryption of an old base, migrations and checks), asks it to run the command,
 * prints what the command prints, then closes the worker. The data key comes from CEDRE_RECOVERY_KEY, or the
 * development key file beside the database.
 */
import { mkdirSync } from 'node:fs';
import type { AppPaths } from './app-paths';
import { checkBeforeStart, type CliDataCommand } from './cli-data-commands';
import { startupStepPrinter } from './jobs/terminal-progress';
import { DataWorkerClient } from './worker/data-worker-client';

export async function runInDataWorker(command: CliDataCommand, args: string[], paths: AppPaths, env: Record<string, string | undefined> = process.env): Promise<number> {
  await checkBeforeStart(command, args, paths);
  mkdirSync(paths.dataDir, { recursive: true });
  const recoveryKey = env.CEDRE_RECOVERY_KEY ?? null;
  const worker = await DataWorkerClient.start({
    dataDir: paths.dataDir,
    dbFile: paths.dbFile,
    migrationsFolder: paths.migrationsFolder,
    guard: recoveryKey ? 'none' : 'development-file',
    recoveryKey,
    onStartupStep: startupStepPrinter(),
    onCliOutput: ({ stream, text, line }) => {
      if (!line) process[stream].write(text);
      else if (stream === 'stdout') console.log(text);
      else console.error(text);
    },
  });
  try {
    return await worker.runCli(command, args, Boolean(process.stderr.isTTY));
  } finally {
    await worker.close();
  }
}
