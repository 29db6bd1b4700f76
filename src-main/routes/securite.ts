/** Routes of encryption at rest: unlocking with the recovery key, restoring a backup from elsewhere, the recovery sheet. */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { AppError } from '../../src-shared/errors';
import type { EncryptionStatusView } from '../../src-shared/views';
import { RECEIVED_BACKUP_PREFIX, type AppRuntime } from '../app-runtime';
import type { RequestContext, RouteTable } from '../router';
import { checkPasswordWithLockout } from '../services/auth/auth-service';
import { loadPdfKit } from '../services/documents/pdf-layout';
import { getStructure } from '../services/structure/structure-service';
import { parseBackupKeyFile, type BackupKeyFile } from '../security/keyring';
import { RecoverySheet } from '../security/recovery-sheet';
import { toIsoDate } from '../../src-shared/rules/dates';

function statusView(runtime: AppRuntime): EncryptionStatusView {
  const s = runtime.encryptionStatus();
  return {
    chiffrement: s.cipher,
    identifiantCle: s.keyId.slice(0, 16),
    protection: s.guard,
    avertissement: s.guardWarning,
    feuilleConfirmeeLe: s.sheetConfirmedAt,
    feuilleAImprimer: s.sheetPending,
  };
}

/** Security events in the audit log, in their own transaction (these routes do their work outside one). */
function auditSecurity(ctx: RequestContext, detail: Record<string, unknown>): void {
  const open = ctx.runtime.openOrNull();
  if (!open) return;
  open.transaction(() =>
    open.audit.append({ at: ctx.runtime.clock.now().toISOString(), userId: ctx.user?.id ?? null, userLogin: ctx.user?.login ?? null, action: 'update', route: ctx.route, detail }),
  );
}

export const securiteRoutes = {
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
  'securite.status': {
    // Nothing secret: the cipher, how the key is kept, whether the sheet is confirmed (the administrators' banner).
    permission: 'authenticated',
    transaction: false,
    handler: (ctx) => statusView(ctx.runtime),
  },
  'securite.recoverySheet': {
    permission: 'admin',
    transaction: false,
    handler: async (ctx) => {
      const recoveryKey = ctx.runtime.recoveryKeyToPrint();
      if (!recoveryKey) {
        throw new AppError('CONFLICT', 'La feuille de clé de secours a déjà été imprimée et confirmée. Si elle est perdue, générez une nouvelle clé de secours.');
      }
      const structure = ctx.transaction(() => getStructure(ctx.open.db));
      const kit = await loadPdfKit();
      const keyId = ctx.runtime.encryptionStatus().keyId;
      const pdf = await kit.render(
        createElement(RecoverySheet, { kit, structure, recoveryKey, keyId, printedOn: toIsoDate(ctx.now) }),
        `cle-de-secours-${structure.siret}.pdf`,
      );
      auditSecurity(ctx, { evenement: 'feuille_cle_de_secours_affichee' });
      return { cle: recoveryKey, pdf };
    },
  },
  'securite.confirmRecoverySheet': {
    permission: 'admin',
    transaction: false,
    handler: (ctx, input) => {
      ctx.runtime.confirmRecoverySheet(input.cle);
      auditSecurity(ctx, { evenement: 'feuille_cle_de_secours_confirmee' });
      return statusView(ctx.runtime);
    },
  },
  'securite.replaceRecoveryKey': {
    permission: 'admin',
    transaction: false,
    handler: (ctx, input) => {
      checkPasswordWithLockout(ctx, ctx.user!.id, input.motDePasse);
      ctx.runtime.replaceRecoveryKey();
      auditSecurity(ctx, { evenement: 'nouvelle_cle_de_secours' });
      return statusView(ctx.runtime);
    },
  },
} satisfies Partial<RouteTable>;
