/** Routes `cles.*`: the structure's signing keys for the annual report, and their key sheet. */
import { createElement } from 'react';
import { AppError } from '../../src-shared/errors';
import type { RouteTable } from '../router';
import { loadPdfKit } from '../services/documents/pdf-layout';
import { KeySheet } from '../services/observatoire/key-sheet';
import { getStructure } from '../services/structure/structure-service';
import { keyInfo } from './support/signing-key-info';

export const clesRoutes = {
  'cles.list': { permission: 'rapports.sign', handler: (ctx) => ctx.open.signingKeys.list().map(keyInfo) },
  'cles.create': {
    permission: 'rapports.sign',
    handler: (ctx) => {
      ctx.open.signingKeys.ensure(ctx.now, ctx.user!.id);
      ctx.audit({ action: 'create', entity: 'cle_signature' });
      return ctx.open.signingKeys.list().map(keyInfo);
    },
  },
  'cles.rotate': {
    permission: 'rapports.sign',
    handler: (ctx) => {
      const key = ctx.open.signingKeys.rotate(ctx.now, ctx.user!.id);
      ctx.audit({ action: 'update', entity: 'cle_signature', entityId: key.kid });
      return ctx.open.signingKeys.list().map(keyInfo);
    },
  },
  'cles.fiche': {
    permission: 'rapports.sign',
    transaction: false,
    handler: async (ctx) => {
      const { structure, key } = ctx.transaction(() => ({ structure: getStructure(ctx.open.db), key: ctx.open.signingKeys.current() }));
      if (!key) throw new AppError('NOT_FOUND', 'La structure n’a pas encore de clé de signature : créez-la d’abord.');
      const kit = await loadPdfKit();
      return kit.render(createElement(KeySheet, { kit, structure, cle: keyInfo(key) }), `fiche-cle-${structure.siret}.pdf`);
    },
  },
} satisfies Partial<RouteTable>;
