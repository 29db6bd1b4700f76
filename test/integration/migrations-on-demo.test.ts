/**
 * Every migration since 0014 run on a demo structure's data (issue 18 §6): the base is taken back to the schema
 * before 0014 (test/helpers/undo-migrations.ts), reopened as the app opens an older base, and compared. 0014 turned
 * hundredths of an ETP into ten-thousandths; 0015, 0016 and 0020 add tables and columns; 0017–0019 and 0021 have
 * their own tests too. The migrations before 0014 create tables only (the accueil, insertion and observatoire tables
 * arrived empty with them), so no existing data passed through them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { TestApp } from '../helpers/app';
import { undoMigrationsSince } from '../helpers/undo-migrations';

let app: TestApp;
afterEach(() => app?.close());

describe('migrations 0014 onwards on a demo base', () => {
  it('keep every row, bring ETP conventionnés back exactly, and give the same annual report', async () => {
    const empty = await TestApp.start();
    createDemo(empty.runtime.openOrNull()!, { scale: 1, years: 3, seed: 14 }, empty.clock.now());
    empty.close();
    // Reopened as the app would after creating the demonstration.
    const created = await TestApp.start(empty.dataDir);
    const sqlite = created.runtime.openOrNull()!.sqlite;
    // Before 0017 a dispositif had one ETP value a year: the demo's amendment (a later concept) is left out.
    sqlite.prepare('delete from annexes_financieres_versions where avenant > 0 or modification > 0').run();
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\' order by name").pluck().all() as string[];
    const countsOf = (db: typeof sqlite) => Object.fromEntries(tables.filter((t) => t !== 'dispositifs_annees').map((name) => [name, db.prepare(`select count(*) from "${name}"`).pluck().get()]));
    const etpOf = (db: typeof sqlite) => db.prepare('select a.mesure, v.date_debut, v.etp_conventionnes_dix_milliemes as etp from annexes_financieres_versions v join annexes_financieres a on a.id = v.annexe_id order by a.mesure, v.date_debut').all() as Array<{ etp: number | null }>;
    const etpBefore = etpOf(sqlite);
    expect(etpBefore.some((v) => v.etp !== null && v.etp > 0)).toBe(true);
    const criteriaBefore = sqlite.prepare('select id, critere, date_justificatif, type_justificatif from criteres_eligibilite order by id').all();
    const login = async (a: TestApp) => (await a.call('auth.login', { login: 'direction', password: 'demonstration' })).token;
    const year = created.clock.now().getFullYear() - 1;
    const reportBefore = { ...(await created.call('rapports.preview', { annee: year }, await login(created))).payload, genere_le: null };
    // Counted after the login and preview above, whose audit rows are data too.
    const countsBefore = countsOf(sqlite);

    undoMigrationsSince(sqlite, '0014_etp_conventionnes_precis');
    // The schema of before 0014: hundredths of an ETP, no member keys, no proof end dates.
    const hundredths = sqlite.prepare('select etp_conventionnes from dispositifs_annees order by kind, annee').pluck().all() as Array<number | null>;
    const numeric = (a: Array<number | null>) => a.filter((v): v is number => v !== null).sort((x, y) => x - y);
    expect(numeric(hundredths)).toEqual(numeric(etpBefore.map((v) => (v.etp === null ? null : v.etp / 100))));
    expect(sqlite.prepare("select count(*) from sqlite_master where name in ('cles_membres', 'heures_payees', 'annexes_financieres')").pluck().get()).toBe(0);
    created.close();

    app = await TestApp.start(created.dataDir);
    const migrated = app.runtime.openOrNull()!.sqlite;
    expect(countsOf(migrated)).toEqual(countsBefore);
    // 0014 multiplied by 100, then 0017 carried each year's value into its annexe: the same ETP as before.
    expect(etpOf(migrated)).toEqual(etpBefore);
    expect(migrated.prepare('select id, critere, date_justificatif, type_justificatif from criteres_eligibilite order by id').all()).toEqual(criteriaBefore);
    const reportAfter = { ...(await app.call('rapports.preview', { annee: year }, await login(app))).payload, genere_le: null };
    expect(reportAfter).toEqual(reportBefore);
  }, 180_000);
});
