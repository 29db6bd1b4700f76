/**
 * Legal checks of a work contract (domain-reference §1.2–1.4 and V1–V6). Blocking problems prevent saving; warnings
 * are shown with their reason and saved with the contract.
 */
import { CONTRAT_TYPES, CONTRATS_PAR_DISPOSITIF, type ContratType, type Derogation } from '../domain/insertion';
import type { SiaeKind } from '../siae';
import { addDaysIso, addMonthsIso, daysInclusive, shortFrenchDate } from './dates';

export interface ContratDates {
  type: ContratType;
  dateDebut: string;
  /** Planned end (or real end when the contract ended early); null for an open-ended contract. */
  dateFin: string | null;
}

export interface ContratInput extends ContratDates {
  heuresHebdo: number | null;
  derogations: readonly Derogation[];
  /**
   * The end agreed when the contract was signed, when `dateFin` is an earlier real end (an exit for a job ends the
   * CDDI early, which L5132-15-1 allows): minimum durations are a condition of the contract as concluded.
   */
  dateFinPrevue?: string | null;
}

export interface ContratContext {
  dispositif: SiaeKind;
  /** The derogations of the person's other contracts, by their start (the ACI 20 h derogation's 12 months). */
  derogationsAutres?: ReadonlyArray<{ dateDebut: string; derogations: readonly Derogation[] }>;
  /** Dates of the parcours's bilans: the 20 h derogation is renewed after one. */
  bilans?: readonly string[];
  /** The person's other contracts in the same dispositif (the current one excluded). */
  autres: readonly ContratDates[];
  /** The PASS IAE covering the start, with its computed end; null when none. */
  pass: { dateDebut: string; finCalculee: string } | null;
  /** End of the EITI experiment in force at the start (dated parameter `fin_experimentation_eiti`). */
  finExperimentationEiti?: string;
  /** For a CDI inclusion: the person's birth date and the parcours start. */
  dateNaissance?: string;
  debutParcours?: string | null;
  /** ACI: CDI inclusion running on the start (this one excluded) and the year's ETP conventionnés. */
  cdiInclusionAci?: { enCours: number; etpConventionnes: number | null };
}

/** CDI inclusion conditions (L5132-15-1-1 for ACI, L5132-5-1 for EI, L5132-11-1 for AI). */
export const CDI_INCLUSION_AGE_MIN = 57;
export const CDI_INCLUSION_PARCOURS_MOIS = 12;
/** ACI: CDI inclusion at most 20 % of full-time insertion posts (30 % on the prefect's decision). */
export const CDI_INCLUSION_PART_ACI = 0.2;

export interface ContratCheck {
  bloquants: string[];
  avertissements: string[];
}

const FIXED_TERM: readonly ContratType[] = ['CDDI', 'CDD_USAGE', 'MISSION', 'ACCOMPAGNEMENT_EITI'];

function lastDayAfterMonths(start: string, months: number): string {
  return addDaysIso(addMonthsIso(start, months), -1);
}

/** Total length in days of a set of contracts, each counted from start to end inclusive. */
function totalDays(contracts: readonly ContratDates[]): number {
  return contracts.reduce((sum, c) => sum + (c.dateFin ? daysInclusive(c.dateDebut, c.dateFin) : 0), 0);
}

export function checkContrat(c: ContratInput, ctx: ContratContext): ContratCheck {
  const bloquants: string[] = [];
  const avertissements: string[] = [];
  const has = (d: Derogation) => c.derogations.includes(d);

  if (!CONTRATS_PAR_DISPOSITIF[ctx.dispositif].includes(c.type)) {
    bloquants.push(`Un contrat « ${CONTRAT_TYPES[c.type]} » n'est pas possible en ${ctx.dispositif}.`);
  } else if (c.type === 'AUTRE') {
    avertissements.push('Type de contrat « Autre » : vérifiez qu’il est bien prévu pour ce dispositif.');
  }
  if (FIXED_TERM.includes(c.type) && !c.dateFin) bloquants.push('Indiquez la date de fin prévue de ce contrat à durée déterminée.');
  // The EITI is an experiment with an end date (loi 2018-771 art. 83, as extended): past it, only a published
  // extension allows new contracts; the date is a dated parameter.
  const fin = ctx.finExperimentationEiti;
  if (ctx.dispositif === 'EITI' && fin && (c.dateDebut > fin || (c.dateFin !== null && c.dateFin > fin))) {
    avertissements.push(`L’expérimentation EITI prend fin le ${shortFrenchDate(fin)} : ce contrat va au-delà. Vérifiez qu’une prolongation a été publiée et, si oui, saisissez sa nouvelle date dans Paramètres → Règles et seuils.`);
  }
  if (c.dateFin && c.dateFin < c.dateDebut) bloquants.push('La fin du contrat doit suivre son début.');

  // V6: a valid PASS IAE on the start date, and the contract may not outlast it.
  if (!ctx.pass || ctx.pass.dateDebut > c.dateDebut || ctx.pass.finCalculee < c.dateDebut) {
    bloquants.push(`Aucun PASS IAE valide le ${shortFrenchDate(c.dateDebut)} : enregistrez-le d'abord dans l'onglet PASS IAE.`);
  } else if (c.dateFin && c.dateFin > ctx.pass.finCalculee) {
    bloquants.push(`La fin du contrat (${shortFrenchDate(c.dateFin)}) dépasse la fin du PASS IAE (${shortFrenchDate(ctx.pass.finCalculee)}) : raccourcissez-le ou prolongez d'abord le PASS.`);
  }

  if (c.type === 'CDDI' && c.dateFin) {
    const previousCddi = ctx.autres.filter((o) => o.type === 'CDDI' && o.dateDebut < c.dateDebut);
    // V2: the first CDDI lasts at least 4 months as concluded (planned end), except for a sentence adjustment.
    const concludedEnd = c.dateFinPrevue ?? c.dateFin;
    if (previousCddi.length === 0 && concludedEnd < lastDayAfterMonths(c.dateDebut, 4) && !has('AMENAGEMENT_PEINE')) {
      bloquants.push('Un premier CDDI dure au moins 4 mois (sauf aménagement de peine, à cocher en dérogation).');
    }
    // V2: renewals up to 24 months in total, 60 in ACI for particular difficulties; other derogations have no cap.
    const all = [...ctx.autres.filter((o) => o.type === 'CDDI'), c];
    const first = all.reduce((min, o) => (o.dateDebut < min ? o.dateDebut : min), c.dateDebut);
    const months = ctx.dispositif === 'ACI' && has('ACI_PARTICULAR_DIFFICULTIES') ? 60 : 24;
    const cap = daysInclusive(first, lastDayAfterMonths(first, months));
    const extended = has('TRAINING_IN_PROGRESS') || has('SENIOR_50') || has('RQTH');
    if (totalDays(all) > cap) {
      if (extended && months === 24) avertissements.push('Au-delà de 24 mois de CDDI, au titre de la dérogation cochée : gardez-en le justificatif.');
      else bloquants.push(`Les CDDI successifs dépassent ${months} mois au total : une dérogation est nécessaire (formation en cours, 50 ans et plus, RQTH${ctx.dispositif === 'ACI' ? ', difficultés particulièrement importantes jusqu’à 60 mois' : ''}).`);
    }
  }

  if (c.type === 'CDI_INCLUSION') cdiInclusionChecks(c, ctx, bloquants, avertissements);

  // V3: weekly hours.
  if (c.heuresHebdo !== null && c.type === 'CDDI') {
    if (ctx.dispositif === 'ACI' && c.heuresHebdo < 20 && !has('PREFECTORAL_HOURS')) {
      bloquants.push('En ACI, un CDDI compte au moins 20 heures par semaine, sauf dérogation préfectorale (à cocher).');
    } else if (c.heuresHebdo < 20 && ctx.dispositif !== 'ACI') {
      avertissements.push('Moins de 20 heures par semaine : le minimum habituel d’un CDDI (service-public.fr).');
    }
    if (c.heuresHebdo > 35) avertissements.push('Plus de 35 heures par semaine : la durée moyenne ne peut pas dépasser 35 heures.');
    // D5132-43-5 ff.: the prefect's derogation below 20 h lasts 12 months at most, renewed after a bilan.
    if (ctx.dispositif === 'ACI' && c.heuresHebdo < 20 && has('PREFECTORAL_HOURS')) {
      const starts = [c.dateDebut, ...(ctx.derogationsAutres ?? []).filter((o) => o.derogations.includes('PREFECTORAL_HOURS')).map((o) => o.dateDebut)];
      const first = starts.reduce((min, d) => (d < min ? d : min));
      const limit = lastDayAfterMonths(first, 12);
      // A bilan held during the derogation (after its first month, so not the entry bilan) justifies the renewal.
      const renewedAfterBilan = (ctx.bilans ?? []).some((b) => b > addMonthsIso(first, 1) && b <= c.dateDebut);
      if ((c.dateFin ?? '9999-12-31') > limit && !renewedAfterBilan) {
        avertissements.push(
          `La dérogation préfectorale sous 20 heures vaut 12 mois au plus (depuis le ${shortFrenchDate(first)}, jusqu’au ${shortFrenchDate(limit)}) : elle se renouvelle après un bilan (articles D5132-43-5 et suivants du code du travail). Enregistrez ce bilan, et gardez la décision du préfet.`,
        );
      }
    }
  }

  // V4: ETTI missions total at most 24 months.
  if (ctx.dispositif === 'ETTI' && c.type === 'MISSION' && c.dateFin) {
    const all = [...ctx.autres.filter((o) => o.type === 'MISSION'), c];
    const first = all.reduce((min, o) => (o.dateDebut < min ? o.dateDebut : min), c.dateDebut);
    if (totalDays(all) > daysInclusive(first, lastDayAfterMonths(first, 24))) bloquants.push('Les missions d’une même personne en ETTI ne peuvent pas dépasser 24 mois au total.');
  }
  return { bloquants, avertissements };
}

function cdiInclusionChecks(c: ContratInput, ctx: ContratContext, bloquants: string[], avertissements: string[]): void {
  if (ctx.dateNaissance && c.dateDebut < addMonthsIso(ctx.dateNaissance, CDI_INCLUSION_AGE_MIN * 12)) {
    bloquants.push(`Un CDI inclusion se conclut avec une personne de ${CDI_INCLUSION_AGE_MIN} ans ou plus (article L5132-15-1-1 du code du travail pour l’ACI, L5132-5-1 pour l’EI).`);
  }
  const start = ctx.debutParcours ?? ctx.autres.reduce<string | null>((min, o) => (min === null || o.dateDebut < min ? o.dateDebut : min), null);
  if (!start || c.dateDebut < addMonthsIso(start, CDI_INCLUSION_PARCOURS_MOIS)) {
    bloquants.push(`Un CDI inclusion suppose au moins ${CDI_INCLUSION_PARCOURS_MOIS} mois de parcours dans la structure${start ? ` (possible à partir du ${shortFrenchDate(addMonthsIso(start, CDI_INCLUSION_PARCOURS_MOIS))})` : ''}.`);
  }
  const aci = ctx.cdiInclusionAci;
  if (ctx.dispositif === 'ACI' && aci && aci.etpConventionnes !== null && aci.enCours + 1 > CDI_INCLUSION_PART_ACI * aci.etpConventionnes) {
    avertissements.push(
      `Ce serait le ${aci.enCours + 1}e CDI inclusion en cours pour ${aci.etpConventionnes.toLocaleString('fr-FR')} ETP conventionnés : la loi les limite à 20 % des postes d’insertion (30 % sur décision du préfet). Gardez la décision préfectorale si elle existe.`,
    );
  }
}
