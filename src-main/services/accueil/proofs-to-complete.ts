/**
 * The files to complete before a contrôle a posteriori (issue 15 §6; R5132-1-12 ff.): persons hired in the last two
 * years on a diagnostic the structure made itself, whose proofs are missing, stale on the hire date, or dated after
 * it. The DDETS checks these proofs later; the list says which files to complete now, while the papers can be found.
 */
import type Database from 'better-sqlite3';
import { addYears } from 'date-fns';
import { CRITERES_SENSIBLES, type Critere } from '../../../src-shared/domain/criteres';
import { valueOnDate, type DatedValues } from '../../../src-shared/domain/parametres';
import { toIsoDate, parseIsoDate } from '../../../src-shared/rules/dates';
import { CRITERES_A_ECHEANCE, minimumDaysToExpire, proofProblems, type ValiditesJustificatifs } from '../../../src-shared/rules/eligibility';
import type { JustificatifsACompleter } from '../../../src-shared/views-accueil';
import { appendTo } from '../../lib/append-to';

/** How far back hires are listed: a control looks at the previous year's hires. */
const WINDOW_YEARS = 2;

/**
 * Criteria that may have a problem on the hire, the others are certainly fine: no proof date, a proof dated after
 * the hire, a decision or title (TH, REF_DA) without end or ended before the hire, or a proof old enough to have
 * expired under the shortest validity any version of the arrêté gives (`?` = minimumDaysToExpire). proofStatus then
 * decides for each: at ×10, 1 850 hires' 3 280 proofs were all read and judged at each dashboard load (≈ 40 ms),
 * when a handful can be stale.
 */
const DATED_CRITERIA = CRITERES_A_ECHEANCE.map((c) => `'${c}'`).join(', ');
const HIRES_WITH_PROOFS_TO_CHECK = `
  with hires as (
    select pa.diagnostic_id, min(pa.date_debut) as embauche from parcours pa
     where pa.date_debut >= ? and pa.diagnostic_id is not null group by pa.diagnostic_id)
  select d.id, pe.id as personne_id, pe.nom, pe.prenom, h.embauche,
         ce.critere, ce.date_justificatif, ce.type_justificatif, ce.date_fin_validite
    from hires h
    join diagnostics_eligibilite d on d.id = h.diagnostic_id
    join personnes pe on pe.id = d.personne_id
    join criteres_eligibilite ce on ce.diagnostic_id = d.id
   where d.auteur = 'structure' and pe.anonymise_le is null
     and (ce.date_justificatif is null or ce.date_justificatif > h.embauche
          or (ce.critere in (${DATED_CRITERIA}) and (ce.date_fin_validite is null or ce.date_fin_validite < h.embauche))
          or (ce.critere not in (${DATED_CRITERIA}) and julianday(h.embauche) - julianday(ce.date_justificatif) >= ?))
   order by h.embauche desc, d.id, ce.rowid`;

interface ProofRow {
  id: string;
  personne_id: string;
  nom: string;
  prenom: string;
  embauche: string;
  critere: Critere;
  date_justificatif: string | null;
  type_justificatif: string;
  date_fin_validite: string | null;
}

/** The fewest months any version of the validity table gives a proof that expires (null when none does). */
function shortestValidity(validites: DatedValues<ValiditesJustificatifs>): number | null {
  const months = [validites.defaut, ...validites.valeurs.map((v) => v.valeur)].flatMap((table) =>
    (Object.entries(table) as Array<[Critere, number | null]>).filter(([critere, m]) => m !== null && !CRITERES_A_ECHEANCE.includes(critere)).map(([, m]) => m!),
  );
  return months.length ? Math.min(...months) : null;
}

/** `validites`: the dated parameter `validite_justificatifs_mois`, every version (each hire is measured by its own). */
export function proofsToComplete(sqlite: Database.Database, today: string, sensibles: boolean, validites: DatedValues<ValiditesJustificatifs>): JustificatifsACompleter[] {
  const since = toIsoDate(addYears(parseIsoDate(today), -WINDOW_YEARS));
  const shortest = shortestValidity(validites);
  // No expiring proof in any version: only missing, later or ended ones are read.
  const minimumDays = shortest === null ? Number.MAX_SAFE_INTEGER : minimumDaysToExpire(shortest);
  const rows = sqlite.prepare(HIRES_WITH_PROOFS_TO_CHECK).all(since, minimumDays) as ProofRow[];

  // Grouped by hire, in the query's order (latest hires first); a role without need-to-know sees no health or justice
  // criterion, even in this list.
  const byHire = new Map<string, ProofRow[]>();
  for (const row of rows) if (sensibles || !CRITERES_SENSIBLES.includes(row.critere)) appendTo(byHire, row.id, row);
  const out: JustificatifsACompleter[] = [];
  for (const proofs of byHire.values()) {
    const hire = proofs[0]!;
    const criteres = proofs.map((c) => ({ critere: c.critere, dateJustificatif: c.date_justificatif, typeJustificatif: c.type_justificatif, dateFinValidite: c.date_fin_validite }));
    const problemes = proofProblems(criteres, hire.embauche, valueOnDate(validites, hire.embauche));
    if (problemes.length) out.push({ personneId: hire.personne_id, nom: hire.nom, prenom: hire.prenom, dateEmbauche: hire.embauche, problemes });
  }
  return out;
}
