/**
 * The app's own consistency checks, beyond SQLite's integrity: the rules every write path keeps (a parcours starts on
 * its first contract, hours fall inside their contract, an exit follows the start, summaries match their source).
 * Run by `cedre check`, after an import in tests, and on the demo database.
 */
import type Database from 'better-sqlite3';

export interface ConsistencyProblem {
  rule: string;
  count: number;
  example: string | null;
}

const RULES: Array<{ rule: string; sql: string }> = [
  { rule: 'Clés étrangères', sql: `select "table" || ' → ' || parent as example from pragma_foreign_key_check` },
  {
    rule: 'Début de parcours différent du premier contrat',
    sql: `select p.id as example from parcours p where p.date_debut is not (select min(c.date_debut) from contrats c where c.parcours_id = p.id)`,
  },
  { rule: 'Sortie avant le début du parcours', sql: `select id as example from parcours where date_sortie is not null and (date_debut is null or date_sortie < date_debut)` },
  {
    rule: 'Contrat commençant après la sortie',
    sql: `select c.id as example from contrats c join parcours p on p.id = c.parcours_id where p.date_sortie is not null and c.date_debut > p.date_sortie`,
  },
  {
    rule: 'Heures hors de la période du contrat',
    sql: `select h.id as example from heures h join contrats c on c.id = h.contrat_id
           where h.date < substr(c.date_debut, 1, 7) || '-01' or h.date > coalesce(c.date_fin_reelle, c.date_fin_prevue, '9999-12-31')`,
  },
  { rule: 'Heures négatives', sql: `select id as example from heures where centiemes < 0` },
  { rule: 'Contrat finissant avant de commencer', sql: `select id as example from contrats where coalesce(date_fin_reelle, date_fin_prevue, date_debut) < date_debut` },
  {
    rule: 'Résumé du dernier accueil périmé',
    sql: `select p.id as example from personnes p where p.dernier_accueil_id is not
           (select a.id from accueils a where a.personne_id = p.id order by a.date_premier_contact desc, a.id desc limit 1)`,
  },
  { rule: 'Décision sans date, ou date sans décision', sql: `select id as example from accueils where (decision is null) <> (date_decision is null)` },
  { rule: 'PASS IAE finissant avant de commencer', sql: `select numero as example from pass_iae where date_fin < date_debut` },
];

export function checkConsistency(sqlite: Database.Database): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  for (const { rule, sql } of RULES) {
    const rows = sqlite.prepare(`${sql} limit 1000`).all() as Array<{ example: string }>;
    if (rows.length) problems.push({ rule, count: rows.length, example: rows[0]!.example });
  }
  return problems;
}
