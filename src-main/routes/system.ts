/** Routes `system.*`: the application's state, unlocking the data, restoring when the base cannot be opened. */
import { AppError } from '../../src-shared/errors';
import type { RouteTable } from '../router';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECEIVED_BACKUP_PREFIX } from '../app-runtime';
import { parseBackupKeyFile, type BackupKeyFile } from '../security/keyring';
import { auditSecurity } from './support/audit-security';

export const systemRoutes = {
  'system.status': {
    permission: 'public',
    states: ['setup', 'ready', 'damaged', 'locked'],
    transaction: false,
    handler: (ctx) => ctx.runtime.status(),
  },
  'system.restoreLatestBackup': {
    // Only reachable while the database cannot be opened: nobody can log in then, and the damaged file is kept.
    permission: 'public',
    states: ['damaged'],
    transaction: false,
    handler: async (ctx) => {
      const { restored } = await ctx.runtime.restoreLatestBackup();
      ctx.runtime.openOrNull()?.transaction(() =>
        ctx.runtime.openOrNull()!.audit.append({
          at: ctx.runtime.clock.now().toISOString(),
          userId: null,
          userLogin: null,
          action: 'restore',
          route: ctx.route,
          detail: { sauvegarde: restored.file, motif: 'base_endommagee' },
        }),
      );
      return ctx.runtime.status();
    },
  },
  'system.unlockData': {
    // Nobody can log in while the data is locked: the recovery key is the credential, and scrypt makes guessing slow.
    permission: 'public',
    states: ['locked'],
    transaction: false,
    handler: async (ctx, input) => {
      await ctx.runtime.unlockWithRecoveryKey(input.cle);
      auditSecurity(ctx, { evenement: 'donnees_deverrouillees_cle_de_secours' });
      return ctx.runtime.status();
    },
  },
  'system.restoreFromFile': {
    // A new PC (setup) or locked data: the backup and its key file, opened by the recovery key.
    permission: 'public',
    states: ['setup', 'locked'],
    transaction: false,
    handler: async (ctx, input) => {
      if (ctx.runtime.stateKind() === 'setup' && ctx.runtime.openOrNull()?.isSetUp()) throw new AppError('CONFLICT', 'L’application est déjà configurée.');
      let keyFile: BackupKeyFile | null = null;
      let backup: Buffer | null = null;
      for (const file of input.files) {
        const bytes = Buffer.from(file.base64, 'base64');
        if (file.name.toLowerCase().endsWith('.cle')) {
          keyFile = parseBackupKeyFile(bytes.toString('utf8'));
          if (!keyFile) throw new AppError('VALIDATION', `« ${file.name} » n’est pas un fichier de clé de Cèdre Parcours.`, { fichiers: 'Fichier de clé illisible.' });
        } else if (backup) {
          throw new AppError('VALIDATION', 'Choisissez une seule sauvegarde (.sqlite), avec son fichier de clé (.cle).', { fichiers: 'Une seule sauvegarde.' });
        } else {
          backup = bytes;
        }
      }
      if (!backup) throw new AppError('VALIDATION', 'Choisissez aussi la sauvegarde elle-même (fichier .sqlite).', { fichiers: 'Sauvegarde manquante.' });
      const temp = join(ctx.runtime.paths.dataDir, `${RECEIVED_BACKUP_PREFIX}${randomBytes(6).toString('hex')}.sqlite`);
      writeFileSync(temp, backup, { mode: 0o600 });
      try {
        await ctx.runtime.restoreFromFile(temp, keyFile, input.cle || null);
      } finally {
        for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
      }
      auditSecurity(ctx, { evenement: 'restauration_depuis_un_fichier', cle: keyFile?.keyId.slice(0, 16) ?? 'sauvegarde_non_chiffree' });
      return ctx.runtime.status();
    },
  },
} satisfies Partial<RouteTable>;
