/** Routes `audit.*`: the audit journal: search, retention and purge, signed anchors. */
import type { RouteTable } from '../router';
import { anchorFilesIn, checkAnchors } from '../services/audit/audit-anchors';

export const auditRoutes = {
  'audit.search': {
    permission: 'audit.read',
    audit: { action: 'read', entity: 'audit_log' },
    handler: (ctx, input) => ctx.open.auditJournal.search(input),
  },
  'audit.ancres': {
    permission: 'audit.read',
    transaction: false,
    handler: (ctx) => {
      const folders = [{ dir: ctx.runtime.paths.backupDir, label: 'Sauvegardes' }];
      const usb = ctx.open.externalCopy.status().dossier;
      if (usb) folders.push({ dir: usb, label: 'Copie externe' });
      return checkAnchors(ctx.open.sqlite, anchorFilesIn(folders));
    },
  },
  'audit.setRetention': {
    permission: 'audit.read',
    audit: { action: 'update', entity: 'journal_audit' },
    handler: (ctx, input) => {
      ctx.open.auditJournal.setRetention(input, ctx.now);
      return ctx.open.auditJournal.search({ du: null, au: null, utilisateur: null, action: null, objet: null, enregistrement: null, offset: 0, limit: 100 });
    },
  },
  'audit.purge': {
    permission: 'audit.read',
    handler: (ctx) => {
      ctx.open.auditJournal.purge(ctx.now);
      return ctx.open.auditJournal.search({ du: null, au: null, utilisateur: null, action: null, objet: null, enregistrement: null, offset: 0, limit: 100 });
    },
  },
} satisfies Partial<RouteTable>;
