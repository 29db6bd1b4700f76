/** Routes `securite.*`: encryption at rest: its status and the recovery sheet. */
import { createElement } from 'react';
import { AppError } from '../../src-shared/errors';
import type { RouteTable } from '../router';
import { checkPasswordWithLockout } from '../services/auth/auth-service';
import { loadPdfKit } from '../services/documents/pdf-layout';
import { getStructure } from '../services/structure/structure-service';
import { RecoverySheet } from '../security/recovery-sheet';
import { toIsoDate } from '../../src-shared/rules/dates';
import { auditSecurity } from './support/audit-security';
import type { EncryptionStatusView } from '../../src-shared/views';
import { type AppRuntime } from '../app-runtime';

function statusView(runtime: AppRuntime): EncryptionStatusView {
  const s = runtime.encryptionStatus();
  return {
    chiffrement: s.cipher,
    identifiantCle: s.keyId.slice(0, 16),
    protection: s.guard,
    avertissement: s.guardWarning,
    feuilleConfirmeeLe: s.sheetConfirmedAt,
    feuilleAImprimer: s.sheetPending,
    feuilleDUnDemarragePrecedent: s.sheetPending && !s.sheetKeyInMemory,
  };
}

export const securiteRoutes = {
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
      const recoveryKey = ctx.runtime.recoveryKeyForSheet();
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
