/**
 * The files to complete before a contrôle a posteriori (issue 15 §6; R5132-1-12 ff.): persons hired in the last two
 * years on a diagnostic the structure made itself, whose proofs are missing, stale on the hire date, or dated after
 * it. The DDETS checks these proofs later; the list says which files to complete now, while the papers can be found.
 */
import type Database from 'better-sqlite3';
import { addYears } from 'date-fns';
import { CRITERES, CRITERES_SENSIBLES, type Critere } from '../../../src-shared/domain/criteres';
import { toIsoDate, parseIsoDate } from '../../../src-shared/rules/dates';
import { evaluateEligibility, type ValiditesJustificatifs } from '../../../src-shared/rules/eligibility';
import type { SiaeKind } from '../../../src-shared/siae';
import type { JustificatifsACompleter } from '../../../src-shared/views-accueil';

/** How far back hires are listed: a control looks at the previous year's hires. */
const WINDOW_YEARS = 2;

/** `validitesAt`: the proofs' validity months in force on a day (the dated parameter `validite_justificatifs_mois`). */
export function proofsToComplete(sqlite: Database.Database, today: string, sensibles: boolean, validitesAt: (date: string) => ValiditesJustificatifs): JustificatifsACompleter[] {
  const since = toIsoDate(addYears(parseIsoDate(today), -WINDOW_YEARS));
  const hires = sqlite
    .prepare(
      `select d.id, d.date, d.dispositif, pe.id as personne_id, pe.nom, pe.prenom, min(pa.date_debut) as embauche
         from diagnostics_eligibilite d
         join parcours pa on pa.diagnostic_id = d.id
         join personnes pe on pe.id = d.personne_id
        where d.auteur = 'structure' and pa.date_debut >= ? and pe.anonymise_le is null
        group by d.id order by embauche desc`,
    )
    .all(since) as Array<{ id: string; date: string; dispositif: SiaeKind; personne_id: string; nom: string; prenom: string; embauche: string }>;
  // Every criterion of those diagnostics in one query, grouped here (one query per hire cost thousands at ×10).
  type CriterionRow = { diagnostic_id: string; critere: Critere; date_justificatif: string | null; type_justificatif: string; date_fin_validite: string | null };
  const criteria = new Map<string, CriterionRow[]>();
  // By the hires' diagnostics read above (a JSON array of ids), not by joining the parcours a second time.
  const allCriteria = sqlite
    .prepare(
      `select ce.diagnostic_id, ce.critere, ce.date_justificatif, ce.type_justificatif, ce.date_fin_validite from criteres_eligibilite ce
        where ce.diagnostic_id in (select value from json_each(?)) order by ce.rowid`,
    )
    .all(JSON.stringify(hires.map((h) => h.id))) as CriterionRow[];
  for (const c of allCriteria) {
    const list = criteria.get(c.diagnostic_id);
    if (list) list.push(c);
    else criteria.set(c.diagnostic_id, [c]);
  }
  const out: JustificatifsACompleter[] = [];
  for (const h of hires) {
    const rows = criteria.get(h.id) ?? [];
    const result = evaluateEligibility({
      dispositif: h.dispositif,
      auteur: 'structure',
      dateDiagnostic: h.date,
      dateEmbauche: h.embauche,
      validitesAt,
      criteres: rows.map((c) => ({ critere: c.critere, dateJustificatif: c.date_justificatif, typeJustificatif: c.type_justificatif, dateFinValidite: c.date_fin_validite })),
    });
    // A role without need-to-know sees no health or justice criterion, even in this list.
    const problemes = result.avertissements.filter((p) => sensibles || !CRITERES_SENSIBLES.some((k) => p.startsWith(CRITERES[k].label)));
    if (problemes.length) out.push({ personneId: h.personne_id, nom: h.nom, prenom: h.prenom, dateEmbauche: h.embauche, problemes });
  }
  return out;
}
