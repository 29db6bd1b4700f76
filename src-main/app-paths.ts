import { dirname, join, resolve } from 'node:path';

export interface AppPaths {
  dataDir: string;
  dbFile: string;
  backupDir: string;
  migrationsFolder: string;
}

export const DB_FILE_NAME = 'cedre.sqlite';
export const BACKUP_DIR_NAME = 'sauvegardes';

export function appPaths(dataDir: string, migrationsFolder: string): AppPaths {
  return { dataDir, dbFile: join(dataDir, DB_FILE_NAME), backupDir: join(dataDir, BACKUP_DIR_NAME), migrationsFolder };
}

/** For the command line's `--db <file>`: backups go beside the file, in the same folder name. */
export function appPathsForFile(dbFile: string, migrationsFolder: string): AppPaths {
  const file = resolve(dbFile);
  const dataDir = dirname(file);
  return { dataDir, dbFile: file, backupDir: join(dataDir, BACKUP_DIR_NAME), migrationsFolder };
}
