/** Routes of the mission observatoire (indicators, drill-down, signed report, keys, verification), the quality registers and the import. */
import { createElement } from 'react';
import { AppError } from '../../src-shared/errors';
import { isSensitivePartition } from '../../src-shared/observatoire/sensitive-lists';
import { isSensitiveIndicator } from '../../src-shared/observatoire/suppression';
import { roleHasPermission } from '../../src-shared/roles';
import { toIsoDate } from '../../src-shared/rules/dates';
import type { SigningKeyInfo, VerificationView } from '../../src-shared/views-observatoire';
import type { RequestContext, RouteDefinition, RouteTable } from '../router';
import type { ParsedInput, RouteOutput } from '../../src-shared/contract';
import { loadPdfKit } from '../services/documents/pdf-layout';
import { templateWorkbook } from '../services/import/import-template';
import { exportEverything } from '../services/import/workbook-export';
import { signReperes } from '../services/federation/reperes';
import { exportDownload } from '../services/import/export-bundle';
import { withReadSnapshot } from '../../db/read-snapshot';
import { assertYear } from '../services/observatoire/annual-report';
import { KeySheet } from '../services/observatoire/key-sheet';
import { authenticateReport } from '../services/federation/authenticate';
import { consolidateUploads } from '../services/federation/workspace';
import type { SigningKeyView } from '../services/observatoire/signing-keys';
import { getStructure } from '../services/structure/structure-service';

function keyInfo(k: SigningKeyView): SigningKeyInfo {
  return { kid: k.kid, createdAt: k.createdAt, createdByName: k.createdByName, retiredAt: k.retiredAt };
}

function mayReadSensitive(ctx: RequestContext): boolean {
  return roleHasPermission(ctx.user!.role, ctx.user!.isAdmin, 'sensibles.read');
}


/** A write to one of the quality registers: audited, and answered with the registers as they now are. */
function registerWrite<R extends 'qualite.saveAction' | 'qualite.saveReclamation' | 'qualite.addBesoin' | 'qualite.addSatisfaction'>(
  entity: string,
  action: 'create' | 'update',
  write: (ctx: RequestContext, input: ParsedInput<R>) => void,
): RouteDefinition<R> {
  return {
    permission: 'qualite.manage',
    audit: { action, entity },
    handler: (ctx, input) => {
      write(ctx, input);
      return ctx.open.quality.all() as RouteOutput<R>;
    },
  };
}

export const observatoireRoutes = {
  'observatoire.year': {
    permission: 'observatoire.read',
    handler: (ctx, input) => {
      assertYear(input.annee, toIsoDate(ctx.now));
      const current = ctx.open.indicators.compute(input.annee);
      const precedents = [input.annee - 1, input.annee - 2].map((annee) => ({ annee, indicateurs: ctx.open.indicators.compute(annee).indicateurs }));
      // Health and justice counts are for need-to-know roles only, even as aggregates.
      const masques = mayReadSensitive(ctx) ? [] : Object.keys(current.indicateurs).filter(isSensitiveIndicator);
      const hide = (m: Record<string, number | null>) => Object.fromEntries(Object.entries(m).filter(([id]) => !masques.includes(id)));
      return {
        annee: input.annee,
        dispositifs: current.dispositifs,
        indicateurs: hide(current.indicateurs),
        precedents: precedents.map((p) => ({ annee: p.annee, indicateurs: hide(p.indicateurs) })),
        anneesDisponibles: ctx.open.indicators.availableYears(ctx.now.getFullYear()),
        masques,
        detailAutorise: roleHasPermission(ctx.user!.role, ctx.user!.isAdmin, 'personnes.read'),
        detailSensibleAutorise: mayReadSensitive(ctx),
      };
    },
  },
  'observatoire.detail': {
    permission: 'personnes.read',
    audit: { action: 'read', entity: 'observatoire', recordId: (input) => `${input.annee}:${input.id}` },
    handler: (ctx, input) => {
      if (!roleHasPermission(ctx.user!.role, ctx.user!.isAdmin, 'observatoire.read')) throw new AppError('FORBIDDEN', 'Votre rôle ne permet pas cette action.');
      // A sensitive count, or any list of a family that holds one: the harmless lists would single out the persons
      // of the sensitive ones by complement (issue 20 §1, src-shared/domain/need-to-know.ts).
      if ((isSensitiveIndicator(input.id) || isSensitivePartition(input.id)) && !mayReadSensitive(ctx)) {
        throw new AppError('FORBIDDEN', 'Cette liste touche à la santé ou à la justice, directement ou par déduction : elle est réservée à la direction et aux CIP.');
      }
      assertYear(input.annee, toIsoDate(ctx.now));
      return ctx.open.drillDown.persons(input.annee, input.id);
    },
  },
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
      const made = await ctx.open.reports.produce(input.annee, { id: ctx.user!.id, name: ctx.user!.displayName }, ctx.now);
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
  'federation.membres': { permission: 'federation.manage', handler: (ctx) => ctx.open.members.list() },
  'federation.enregistrerMembre': {
    permission: 'federation.manage',
    audit: { action: 'update', entity: 'cle_membre', recordId: (input) => `${input.siret}:${input.kid}` },
    handler: (ctx, input) => ctx.open.members.save(input, ctx.now),
  },
  'federation.retirerMembre': {
    permission: 'federation.manage',
    audit: { action: 'delete', entity: 'cle_membre', recordId: (input) => input.id },
    handler: (ctx, input) => ctx.open.members.remove(input.id),
  },
  'federation.consolider': {
    permission: 'federation.manage',
    transaction: false,
    audit: { action: 'read', entity: 'consolidation' },
    handler: (ctx, input) =>
      consolidateUploads(
        input.fichiers.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        input.annee,
        ctx.open.members,
        (reperes) => {
          const { nom, siret } = getStructure(ctx.open.db);
          return signReperes(ctx.open.signingKeys, { ...reperes, reseau: { nom, siret }, genere_le: ctx.now.toISOString() }, ctx.now, ctx.user!.id);
        },
      ),
  },
  'reperes.get': { permission: 'observatoire.read', handler: (ctx) => ctx.open.reperes.current() },
  'reperes.import': {
    permission: 'rapports.sign',
    audit: { action: 'create', entity: 'reperes_reseau' },
    handler: (ctx, input) => ctx.open.reperes.import(Buffer.from(input.fichier.base64, 'base64'), input.empreinte, ctx.now),
  },
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
  'qualite.registres': { permission: 'qualite.manage', handler: (ctx) => ctx.open.quality.all() },
  'qualite.saveAction': registerWrite('action_amelioration', 'update', (ctx, input) => ctx.open.quality.saveAction(input, ctx.user!.id, ctx.now)),
  'qualite.saveReclamation': registerWrite('reclamation', 'update', (ctx, input) => ctx.open.quality.saveReclamation(input, ctx.now)),
  'qualite.addBesoin': registerWrite('besoin_non_satisfait', 'create', (ctx, input) => ctx.open.quality.addBesoin(input, ctx.now)),
  'qualite.addSatisfaction': registerWrite('reponse_satisfaction', 'create', (ctx, input) => ctx.open.quality.addSatisfaction(input, ctx.now)),
  'import.run': {
    permission: 'import.manage',
    transaction: false,
    handler: async (ctx, input) =>
      ctx.open.imports.importFiles(
        input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        { dryRun: input.simulation, now: ctx.now, user: { id: ctx.user!.id, login: ctx.user!.login }, route: ctx.route },
      ),
  },
  'import.template': {
    permission: 'import.manage',
    transaction: false,
    handler: async () => ({ fileName: 'modele-import-cedre.xlsx', base64: (await templateWorkbook()).toString('base64') }),
  },
  'import.export': {
    permission: 'import.manage',
    transaction: false,
    handler: async (ctx) => {
      ctx.transaction(() => ctx.audit({ action: 'export', entity: 'donnees', detail: { format: 'xlsx' } }));
      // Read from a snapshot of its own, sheet by sheet, while the workbook is written (db/read-snapshot.ts).
      const file = await withReadSnapshot(ctx.open.sqlite, (reader) => exportDownload(`export-cedre-${toIsoDate(ctx.now)}`, exportEverything(reader, toIsoDate(ctx.now))));
      return { fileName: file.fileName, base64: file.bytes.toString('base64') };
    },
  },
} satisfies Partial<RouteTable>;
