/** Routes of the mission insertion: parcours, contracts, exits and hours. Screens come with the rest of issue 4. */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { ParcoursView } from '../../src-shared/views-insertion';
import type { RequestContext, RouteTable } from '../router';
import { droitsOf } from '../services/access';
import { PARAMETRE_VALEUR_SCHEMAS } from '../../src-shared/schemas/parametres';
import { bilanPdf, cerPdf } from '../services/documents/documents-service';

function parcoursOf(ctx: RequestContext, personneId: string): ParcoursView[] {
  return ctx.open.parcours.ofPersonne(personneId, toIsoDate(ctx.now), droitsOf(ctx.user!).sensibles);
}

/** Runs a write on one parcours and returns its person's parcours, refreshed. */
function onParcours(ctx: RequestContext, parcoursId: string, write: (dateSortie: string | null) => void): ParcoursView[] {
  const p = ctx.open.parcours.row(parcoursId);
  write(p.dateSortie);
  return parcoursOf(ctx, p.personneId);
}

const personneOf = (_input: unknown, result: ParcoursView[]) => result[0]?.personneId ?? null;

export const insertionRoutes = {
  'parcours.ofPersonne': {
    permission: 'parcours.read',
    audit: { action: 'read', entity: 'parcours', recordId: (input) => input.personneId },
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      return parcoursOf(ctx, input.personneId);
    },
  },
  'parcours.open': {
    permission: 'parcours.write',
    audit: { action: 'create', entity: 'parcours', recordId: personneOf },
    handler: (ctx, input) => {
      ctx.open.personnes.row(input.personneId);
      ctx.open.parcours.open({ ...input, accueilId: null }, ctx.now);
      return parcoursOf(ctx, input.personneId);
    },
  },
  'contrats.check': { permission: 'parcours.write', handler: (ctx, input) => ctx.open.parcours.check(input, toIsoDate(ctx.now)) },
  'contrats.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'contrat', recordId: personneOf },
    handler: (ctx, input) => {
      ctx.open.parcours.saveContrat(input, toIsoDate(ctx.now), ctx.now);
      return parcoursOf(ctx, ctx.open.parcours.row(input.parcoursId).personneId);
    },
  },
  'sorties.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'sortie', recordId: personneOf },
    handler: (ctx, input) => parcoursOf(ctx, ctx.open.parcours.saveSortie(input, ctx.now)),
  },
  'heures.saveMonth': {
    permission: 'heures.write',
    audit: { action: 'update', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.heures.saveMonth(input, ctx.now),
  },
  'heures.closeMonth': {
    permission: 'heures.close',
    handler: (ctx, input) => {
      ctx.open.heures.closeMonth(input.mois, ctx.user!.id, ctx.now);
      ctx.audit({ action: 'update', entity: 'mois_cloture', entityId: input.mois });
      return null;
    },
  },
  'heures.month': {
    permission: 'heures.write',
    audit: { action: 'read', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.heures.month(input.mois),
  },
  'heures.exportMonth': {
    permission: 'heures.write',
    audit: { action: 'export', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.etatMensuel.csv(input.mois, droitsOf(ctx.user!).sensibles),
  },
  'etatMensuel.get': {
    permission: 'heures.write',
    audit: { action: 'read', entity: 'heures', recordId: (input) => input.mois },
    handler: (ctx, input) => ctx.open.etatMensuel.statement(input.mois, droitsOf(ctx.user!).sensibles),
  },
  'etatMensuel.savePayees': {
    permission: 'heures.write',
    audit: { action: 'update', entity: 'heures', recordId: (input) => `${input.mois}:payees` },
    handler: (ctx, input) => {
      ctx.open.etatMensuel.savePaidHours(input, ctx.now);
      return ctx.open.etatMensuel.statement(input.mois, droitsOf(ctx.user!).sensibles);
    },
  },
  'clients.list': { permission: 'parcours.read', handler: (ctx) => ctx.open.clients.list() },
  'clients.save': {
    permission: 'heures.write',
    handler: (ctx, input) => {
      ctx.open.clients.save(input, ctx.now);
      return ctx.open.clients.list();
    },
  },
  'insertion.dueWork': {
    permission: 'parcours.read',
    // A CIP sees the parcours they follow; other roles see the structure's.
    handler: (ctx) => ctx.open.dueWork.list(toIsoDate(ctx.now), ctx.user!.role === 'cip' ? ctx.user!.id : null),
  },
  'cer.save': {
    permission: 'parcours.write',
    audit: { action: 'create', entity: 'cer', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.accompagnement.saveCer(input, ctx.user!.id, ctx.now)),
  },
  'bilans.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'bilan', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.accompagnement.saveBilan(input, ctx.user!.id, ctx.now)),
  },
  'formations.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'formation', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.actions.saveFormation(input, ctx.now)),
  },
  'pmsmp.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'pmsmp', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.actions.savePmsmp(input, ctx.now)),
  },
  'actionsFreins.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'action_frein', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, () => ctx.open.actions.saveActionFrein(input, droitsOf(ctx.user!).sensibles, ctx.now)),
  },
  'parcours.deleteEntry': {
    permission: 'parcours.write',
    audit: { action: 'delete', entity: 'element_parcours', recordId: personneOf },
    handler: (ctx, input) =>
      onParcours(ctx, input.parcoursId, () =>
        input.type === 'bilan'
          ? ctx.open.accompagnement.deleteBilan(input.parcoursId, input.id, input.confirme)
          : ctx.open.actions.deleteEntry(input.type, input.parcoursId, input.id, droitsOf(ctx.user!).sensibles, input.confirme),
      ),
  },
  'suivis.save': {
    permission: 'parcours.write',
    audit: { action: 'update', entity: 'suivi_sortie', recordId: personneOf },
    handler: (ctx, input) => onParcours(ctx, input.parcoursId, (dateSortie) => ctx.open.actions.saveSuivi(input, dateSortie, ctx.now)),
  },
  'parametres.list': { permission: 'parcours.read', handler: (ctx) => ctx.open.parametres.list(toIsoDate(ctx.now)) },
  'parametres.add': {
    permission: 'parametres.manage',
    handler: (ctx, input) => {
      const valeur = PARAMETRE_VALEUR_SCHEMAS[input.cle].parse(input.valeur);
      ctx.open.parametres.add(input.cle, input.valideDu, valeur, ctx.user!.id, ctx.now);
      ctx.audit({ action: 'update', entity: 'parametre', entityId: input.cle, detail: { valideDu: input.valideDu } });
      return ctx.open.parametres.list(toIsoDate(ctx.now));
    },
  },
  'documents.cer': {
    permission: 'parcours.read',
    transaction: false,
    audit: { action: 'export', entity: 'cer', recordId: (input) => input.parcoursId },
    handler: (ctx, input) => cerPdf(ctx, input.parcoursId),
  },
  'documents.bilan': {
    permission: 'parcours.read',
    transaction: false,
    audit: { action: 'export', entity: 'bilan', recordId: (input) => input.bilanId },
    handler: (ctx, input) => bilanPdf(ctx, input.parcoursId, input.bilanId),
  },
  'partenaires.interventions': {
    permission: 'parcours.read',
    audit: { action: 'read', entity: 'partenaire', recordId: (input) => input.id },
    handler: (ctx, input) => ctx.open.actions.interventionsOf(input.id, droitsOf(ctx.user!).sensibles),
  },
  'partenaires.list': { permission: 'parcours.read', handler: (ctx) => ctx.open.actions.partenaires() },
  'partenaires.save': {
    permission: 'parcours.write',
    handler: (ctx, input) => {
      ctx.open.actions.savePartenaire(input, ctx.now);
      return ctx.open.actions.partenaires();
    },
  },
} satisfies Partial<RouteTable>;
