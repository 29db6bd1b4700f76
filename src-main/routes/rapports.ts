/** Routes `rapports.*`: the signed annual report: preview, produce, history, verify. */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { VerificationView } from '../../src-shared/views-observatoire';
import type { RouteTable } from '../router';
import { assertYear } from '../services/observatoire/annual-report';
import { authenticateReport } from '../services/federation/authenticate';
import { keyInfo } from './support/signing-key-info';

export const rapportsRoutes = {
  'rapports.preview': {
    permission: 'rapports.sign',
    handler: (ctx, input) => {
      assertYear(input.annee, toIsoDate(ctx.now));
      const current = ctx.open.signingKeys.current();
      return { ...ctx.open.reports.preview(input.annee, ctx.now), cle: current ? keyInfo(current) : null };
    },
  },
  'rapports.produce': {
    permission: 'rapports.sign',
    transaction: false,
    handler: async (ctx, input) => {
      assertYear(input.annee, toIsoDate(ctx.now));
      // Cancellable until the signature: nothing is recorded before the history row written at the end.
      const made = await ctx.open.reports.produce(input.annee, { id: ctx.user!.id, name: ctx.user!.displayName }, ctx.now, (step, label) => {
        const cancellable = step < 0.8;
        if (cancellable) ctx.job.throwIfCancelled();
        ctx.job.report({ step: label, done: Math.round(step * 100), total: 100, cancellable });
      });
      ctx.transaction(() => ctx.audit({ action: 'export', entity: 'rapport_annuel', entityId: String(input.annee), detail: { sha256: made.sha256, kid: made.kid } }));
      return { fileName: made.fileName, base64: Buffer.from(made.zip).toString('base64'), sha256: made.sha256, kid: made.kid };
    },
  },
  'rapports.history': { permission: 'rapports.sign', handler: (ctx) => ctx.open.reports.history() },
  'rapports.verify': {
    permission: 'rapports.verify',
    transaction: false,
    handler: async (ctx, input): Promise<VerificationView> => {
      // Without a thumbprint typed, the federation's register of member keys (when it keeps one) decides (issue 20 §4).
      const result = await authenticateReport(Buffer.from(input.file.base64, 'base64'), input.thumbprint || null, ctx.open.members);
      const p = result.payload;
      return {
        valide: result.valide,
        cleVerifiee: result.cleVerifiee,
        echecs: result.echecs,
        kid: result.kid,
        structure: p ? { nom: p.structure.nom, siret: p.structure.siret, departement: p.structure.departement } : null,
        annee: p?.annee ?? null,
        genereLe: p?.genere_le ?? null,
        registre: result.registre,
      };
    },
  },
} satisfies Partial<RouteTable>;
