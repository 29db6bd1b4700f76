import { homedir } from 'node:os';
import { join } from 'node:path';
import { USER_DATA_FOLDER } from './user-data-folder';

/**
 * Where the database and backups live when no CEDRE_DATA_DIR is given: the same folder Electron's `userData` is set
 * to, so that the desktop app and browser mode open the same database.
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CEDRE_DATA_DIR) return env.CEDRE_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), USER_DATA_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', USER_DATA_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), USER_DATA_FOLDER);
}
