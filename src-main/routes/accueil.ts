/** Routes of the mission accueil: person files, intakes, diagnostic, eligibility, PASS IAE, the offer and its documents. */
import { proofsToComplete } from '../services/accueil/proofs-to-complete';
import { AppError } from '../../src-shared/errors';
import { toIsoDate } from '../../src-shared/rules/dates';
import type { PersonneFile } from '../../src-shared/views-accueil';
import type { RequestContext, RouteTable } from '../router';
import { droitsOf } from '../services/access';
import { getOffre, saveOffre } from '../services/offre/offre-service';
import { intakeSummaryPdf, livretPdf, noticePdf } from '../services/documents/documents-service';

function today(ctx: RequestContext): string {
  return toIsoDate(ctx.now);
}

function fileOf(ctx: RequestContext, personneId: string): PersonneFile {
  return ctx.open.personnes.file(personneId, ctx.user!, today(ctx));
}

const personneOf = (_input: unknown, result: PersonneFile) => result.personne.id;
const audit = (action: 'read' | 'create' | 'update' | 'delete', entity = 'personne') => ({ action, entity, recordId: personneOf });

export const accueilRoutes = {
  'referents.list': { permission: 'personnes.read', handler: (ctx) => ctx.open.accueils.referents() },

  'personnes.search': { permission: 'personnes.read', handler: (ctx, input) => ctx.open.personnes.search(input.q) },
  'personnes.list': {
    permission: 'personnes.read',
    audit: { action: 'read', entity: 'liste_personnes', recordId: () => null },
    handler: (ctx, input) => {
      // Filters on intakes would reveal their content to roles that may not read it.
      if (!droitsOf(ctx.user!).accueilRead && (input.decision || input.referentId || input.dispositif)) {
        throw new AppError('FORBIDDEN', 'Votre rôle ne permet pas de filtrer sur les accueils.');
      }
      return ctx.open.personnes.list(input);
    },
  },
  'personnes.duplicates': {
    permission: 'personnes.write',
    handler: (ctx, input) => (input.nom && input.prenom && input.dateNaissance ? ctx.open.personnes.duplicates(input.nom, input.prenom, input.dateNaissance) : []),
  },
  'personnes.create': {
    permission: 'personnes.write',
    audit: audit('create'),
    handler: (ctx, input) => {
      const { accueil, ignorerDoublons, ...fields } = input;
      if (!ignorerDoublons && ctx.open.personnes.duplicates(fields.nom, fields.prenom, fields.dateNaissance).length > 0) {
        throw new AppError('CONFLICT', 'Une personne de même nom et même date de naissance existe déjà : vérifiez qu’il ne s’agit pas d’elle.', {
          nom: 'Doublon probable',
        });
      }
      if (!droitsOf(ctx.user!).accueilWrite) throw new AppError('FORBIDDEN', 'Votre rôle ne permet pas d’enregistrer un accueil.');
      const id = ctx.open.personnes.create(fields, droitsOf(ctx.user!).nir, ctx.now);
      ctx.open.accueils.create(accueil, id, ctx.now);
      return fileOf(ctx, id);
    },
  },
  'personnes.get': { permission: 'personnes.read', audit: audit('read'), handler: (ctx, input) => fileOf(ctx, input.id) },
  'personnes.update': {
    permission: 'personnes.write',
    audit: audit('update'),
    handler: (ctx, input) => {
      const { id, ...fields } = input;
      ctx.open.personnes.update(id, fields, droitsOf(ctx.user!), ctx.now);
      return fileOf(ctx, id);
    },
  },

  'accueils.create': {
    permission: 'accueil.write',
    audit: audit('create', 'accueil'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.accueils.create(input, input.personneId, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'accueils.update': {
    permission: 'accueil.write',
    audit: audit('update', 'accueil'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.accueils.update(input, ctx.now).personneId),
  },
  'accueils.decide': {
    permission: 'diagnostic.write',
    audit: audit('update', 'accueil'),
    handler: (ctx, input) => {
      const decided = ctx.open.accueils.decide(input, ctx.now);
      // An entry opens the parcours in its dispositif (or keeps the one already open there), in the same transaction.
      if (input.decision === 'entree' && input.dispositif) {
        ctx.open.parcours.open({ personneId: decided.personneId, dispositif: input.dispositif, referentId: input.referentId, accueilId: decided.id }, ctx.now);
      }
      return fileOf(ctx, decided.personneId);
    },
  },
  'accueils.alerts': {
    permission: 'accueil.read',
    handler: (ctx) => ({
      passFinProche: ctx.open.pass.endingSoon(today(ctx)),
      enAttente: ctx.open.accueils.countWaiting(),
      justificatifsACompleter: proofsToComplete(ctx.open.sqlite, today(ctx), droitsOf(ctx.user!).sensibles),
    }),
  },

  'freins.save': {
    permission: 'diagnostic.write',
    audit: audit('update', 'frein'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.diagnostic.saveFrein(input, droitsOf(ctx.user!).sensibles, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'freins.delete': {
    permission: 'diagnostic.write',
    audit: audit('delete', 'frein'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.diagnostic.deleteFrein(input.id, droitsOf(ctx.user!).sensibles)),
  },
  'competences.save': {
    permission: 'accueil.write',
    audit: audit('update', 'competence'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.diagnostic.saveCompetence(input, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'competences.delete': {
    permission: 'accueil.write',
    audit: audit('delete', 'competence'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.diagnostic.deleteCompetence(input.id)),
  },
  'eligibilite.save': {
    permission: 'diagnostic.write',
    audit: audit('update', 'diagnostic_eligibilite'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.diagnostic.saveEligibilite(input, ctx.user!.id, ctx.now);
      return fileOf(ctx, input.personneId);
    },
  },
  'eligibilite.delete': {
    permission: 'diagnostic.write',
    audit: audit('delete', 'diagnostic_eligibilite'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.diagnostic.deleteEligibilite(input.id)),
  },

  'pass.save': {
    permission: 'pass.write',
    audit: audit('update', 'pass_iae'),
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.pass.save(input, ctx.now);
      ctx.open.personnes.reindex(input.personneId);
      return fileOf(ctx, input.personneId);
    },
  },
  'pass.addSuspension': {
    permission: 'pass.write',
    audit: audit('update', 'pass_iae'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.pass.addSuspension(input, today(ctx), ctx.now)),
  },
  'pass.addProlongation': {
    permission: 'pass.write',
    audit: audit('update', 'pass_iae'),
    handler: (ctx, input) => fileOf(ctx, ctx.open.pass.addProlongation(input, today(ctx), ctx.now)),
  },

  'offre.get': { permission: 'personnes.read', handler: (ctx) => getOffre(ctx.open.db) },
  'offre.update': { permission: 'offre.manage', handler: (ctx, input) => saveOffre(ctx.open.db, input, ctx.now) },

  'documents.intake': {
    permission: 'accueil.read',
    transaction: false,
    audit: { action: 'export', entity: 'accueil' },
    handler: (ctx, input) => intakeSummaryPdf(ctx, input.id),
  },
  'documents.notice': { permission: 'personnes.read', transaction: false, handler: (ctx) => noticePdf(ctx) },
  'documents.livret': { permission: 'personnes.read', transaction: false, handler: (ctx) => livretPdf(ctx) },
} satisfies Partial<RouteTable>;
