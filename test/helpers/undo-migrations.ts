/**
 * Takes a base back to the schema of an earlier release, so that a migration can be tested on real domain data (a
 * demo base): the later migrations are undone in reverse order and forgotten by drizzle's journal table. Each
 * migration tested this way has its undo here; a new migration after them needs one too.
 */
import type Database from 'better-sqlite3';
import { readJournal } from '../../db/client';
import { MIGRATIONS } from './temp';

const UNDO: Record<string, string> = {
  // Back to hundredths of an ETP (what 0014 multiplied by 100); a value finer than a hundredth did not exist before.
  '0014_etp_conventionnes_precis': `
    update dispositifs_annees set etp_conventionnes_dix_milliemes = etp_conventionnes_dix_milliemes / 100 where etp_conventionnes_dix_milliemes is not null;
    alter table dispositifs_annees rename column etp_conventionnes_dix_milliemes to etp_conventionnes;`,
  '0015_cles_membres': 'drop table cles_membres;',
  '0016_criteres_fin_validite': 'alter table criteres_eligibilite drop column date_fin_validite;',
  '0017_annexes_financieres': `
    create table dispositifs_annees (id text primary key not null, kind text not null, annee integer not null, annexe_financiere text default '' not null,
      etp_conventionnes_dix_milliemes integer, created_at text not null, updated_at text not null);
    create unique index dispositifs_annees_kind_annee_idx on dispositifs_annees (kind, annee);
    -- Only full-year initial versions existed before: one row per dispositif and year.
    insert into dispositifs_annees select a.id, substr(a.mesure, 1, instr(a.mesure, '_') - 1), cast(substr(v.date_debut, 1, 4) as integer), a.numero,
      v.etp_conventionnes_dix_milliemes, a.created_at, a.updated_at from annexes_financieres a join annexes_financieres_versions v on v.annexe_id = a.id;
    drop table annexes_financieres_versions;
    drop table annexes_financieres;`,
  '0018_fiches_salarie': 'drop table fiches_salarie;',
  '0019_clients_plafond_480': 'alter table clients drop column soumis_plafond_480;',
  '0020_heures_payees': 'drop table heures_payees;',
  '0021_index_couvrants': `
    drop index pass_fin_idx;
    drop index heures_date_idx;
    create index heures_date_idx on heures (date);
    drop index heures_client_idx;
    create index heures_client_idx on heures (client_id, date);
    drop index parcours_diagnostic_idx;
    drop index parcours_personne_idx;
    create index parcours_personne_idx on parcours (personne_id);
    drop index accueils_personne_idx;
    create index accueils_personne_idx on accueils (personne_id);`,
  '0022_covering_hours_decision_dates': `
    drop index heures_contrat_date_idx;
    create index heures_contrat_date_idx on heures (contrat_id, date);
    drop index accueils_date_decision_idx;`,
};

/** Undoes `tag` and every migration after it. */
export function undoMigrationsSince(sqlite: Database.Database, tag: string): void {
  const journal = readJournal(MIGRATIONS);
  const from = journal.findIndex((m) => m.tag === tag);
  if (from < 0) throw new Error(`Migration inconnue : ${tag}`);
  const later = journal.slice(from).reverse();
  for (const m of later) {
    const undo = UNDO[m.tag];
    if (undo === undefined) throw new Error(`Pas d’annulation connue pour la migration ${m.tag} (test/helpers/undo-migrations.ts).`);
    sqlite.exec(undo);
  }
  sqlite.prepare('delete from __drizzle_migrations where created_at >= ?').run(journal[from]!.when);
}
