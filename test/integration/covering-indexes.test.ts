/**
 * Migration 0021 (issue 19): the person indexes of intakes and parcours carry their dates, the hours' date and client
 * indexes carry the contract and the hours, so that the RGPD review, a year's indicators and the 480-hour checks read
 * indexes alone. Tested on a demo base taken back to 0020: rows kept, figures unchanged, plans using the indexes; and
 * the RGPD review's pre-filter in SQL against the rule applied to every person.
 */
import { addDays, addMonths, parseISO } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { toIsoDate } from '../../src-shared/rules/dates';
import { passEndsSoon, type Period } from '../../src-shared/rules/pass-iae';
import { recentSubjectPlacementsSql } from '../../src-main/services/insertion/due-work-service';
import { placementsOfPersonsSql } from '../../src-main/services/insertion/heures-service';
import { OVERRUN_480_CANDIDATES_SQL } from '../../src-main/services/observatoire/indicators-service';
import { TestApp } from '../helpers/app';
import { undoMigrationsSince } from '../helpers/undo-migrations';

let app: TestApp;
afterEach(() => app?.close());

const planOf = (sqlite: { prepare(sql: string): { all(...p: unknown[]): unknown[] } }, sql: string, ...params: unknown[]) =>
  (sqlite.prepare(`explain query plan ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');

describe('migration 0021, covering indexes', () => {
  it('keeps every row and every figure of a demo base, and the year’s hours and the RGPD groups read indexes only', async () => {
    const created = await TestApp.start();
    createDemo(created.runtime.openOrNull()!, { scale: 1, years: 4, seed: 21 }, created.clock.now());
    const open = created.runtime.openOrNull()!;
    const sqlite = open.sqlite;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\' order by name").pluck().all() as string[];
    const counts = () => Object.fromEntries(tables.map((name) => [name, created.runtime.openOrNull()!.sqlite.prepare(`select count(*) from "${name}"`).pluck().get()]));
    const countsBefore = counts();
    const year = created.clock.now().getFullYear() - 1;
    const figuresBefore = open.indicators.computeFresh(year).indicateurs;
    const reviewBefore = open.retention.review('2026-06-30');
    expect(reviewBefore.length).toBeGreaterThan(0);

    undoMigrationsSince(sqlite, '0021_index_couvrants');
    expect(planOf(sqlite, 'select contrat_id, centiemes from heures where date between ? and ?', '2025-01-01', '2025-12-31')).not.toContain('COVERING');
    created.close();

    app = await TestApp.start(created.dataDir);
    const migrated = app.runtime.openOrNull()!;
    expect(Object.fromEntries(tables.map((name) => [name, migrated.sqlite.prepare(`select count(*) from "${name}"`).pluck().get()]))).toEqual(countsBefore);
    expect(migrated.indicators.computeFresh(year).indicateurs).toEqual(figuresBefore);
    expect(migrated.retention.review('2026-06-30')).toEqual(reviewBefore);
    expect(planOf(migrated.sqlite, 'select contrat_id, client_id, centiemes from heures where date between ? and ?', '2025-01-01', '2025-12-31')).toContain('COVERING INDEX heures_date_idx');
    expect(planOf(migrated.sqlite, 'select contrat_id, centiemes from heures where client_id = ? and date between ? and ?', 'x', '2025-01-01', '2025-12-31')).toContain('COVERING INDEX heures_client_idx');
    expect(planOf(migrated.sqlite, 'select personne_id, max(date_premier_contact) from accueils group by personne_id')).toContain('COVERING INDEX accueils_personne_idx');
    expect(planOf(migrated.sqlite, 'select personne_id, max(date_sortie), count(date_debut) from parcours group by personne_id')).toContain('COVERING INDEX parcours_personne_idx');
    expect(planOf(migrated.sqlite, 'select min(date_debut) from parcours where diagnostic_id = ?', 'x')).toContain('parcours_diagnostic_idx');
    expect(planOf(migrated.sqlite, 'select id from pass_iae where date_fin < ? and date_fin >= ?', '2026-01-01', '2025-01-01')).toContain('pass_fin_idx');

    // The 480-hour queries go from the persons to their parcours through the person index: with the dispositif
    // index within reach, SQLite once walked every AI parcours for each person (2 s instead of 50 ms at ×10).
    const plans = {
      dashboard: planOf(migrated.sqlite, recentSubjectPlacementsSql(false), '2024-01-01', 43200),
      dashboardOfReferent: planOf(migrated.sqlite, recentSubjectPlacementsSql(true), '2024-01-01', 'r', 43200, 'r'),
      hoursGrid: planOf(migrated.sqlite, placementsOfPersonsSql(3), 'a', 'b', 'c'),
      indicators: planOf(migrated.sqlite, OVERRUN_480_CANDIDATES_SQL, '2023-01-01', '2027-12-31', 48000, '2025-12-31'),
    };
    for (const [query, plan] of Object.entries(plans)) {
      expect(plan, query).toContain('SEARCH p USING INDEX parcours_personne_idx (personne_id=?)');
      expect(plan, query).not.toContain('parcours_dispositif_debut_idx');
      expect(plan, query).not.toMatch(/SCAN (h|heures)\b/);
    }
  }, 120_000);
});

describe('migration 0022, each parcours’ hours and the year’s decisions read from indexes', () => {
  it('keeps every row and every figure, and the exits’ hours and the decided intakes use their indexes', async () => {
    const created = await TestApp.start();
    createDemo(created.runtime.openOrNull()!, { scale: 1, years: 3, seed: 22 }, created.clock.now());
    const open = created.runtime.openOrNull()!;
    const year = created.clock.now().getFullYear() - 1;
    const countOf = (db: typeof open.sqlite) => ({ heures: db.prepare('select count(*) from heures').pluck().get(), accueils: db.prepare('select count(*) from accueils').pluck().get() });
    const countsBefore = countOf(open.sqlite);
    const figuresBefore = open.indicators.computeFresh(year).indicateurs;
    const exitsBefore = open.indicators.countedRows(year, 'sorties');
    expect(exitsBefore.length).toBeGreaterThan(10);
    undoMigrationsSince(open.sqlite, '0022_covering_hours_decision_dates');
    expect(planOf(open.sqlite, 'select sum(centiemes) from heures where contrat_id = ?', 'x')).not.toContain('COVERING');
    created.close();

    app = await TestApp.start(created.dataDir);
    const migrated = app.runtime.openOrNull()!;
    expect(countOf(migrated.sqlite)).toEqual(countsBefore);
    expect(migrated.indicators.computeFresh(year).indicateurs).toEqual(figuresBefore);
    expect(migrated.indicators.countedRows(year, 'sorties')).toEqual(exitsBefore);
    // Each exit sums its parcours' hours (threshold of REPORT-SPEC §2.5): from the index, not a table lookup per line.
    expect(planOf(migrated.sqlite, 'select sum(h.centiemes) from contrats c join heures h on h.contrat_id = c.id where c.parcours_id = ?', 'p')).toContain(
      'COVERING INDEX heures_contrat_date_idx',
    );
    const decided = planOf(migrated.sqlite, 'select decision from accueils where decision is not null and date_decision between ? and ?', '2025-01-01', '2025-12-31');
    expect(decided).toContain('accueils_date_decision_idx');
    expect(decided).not.toContain('SCAN');
  }, 120_000);
});

describe('the RGPD review’s pre-filter in SQL', () => {
  it('finds exactly the persons the retention rule makes due, on month ends and leap days too', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    createDemo(open, { scale: 1, years: 6, seed: 5 }, app.clock.now());
    const persons = open.sqlite
      .prepare(
        `select p.id, (select max(date_premier_contact) from accueils a where a.personne_id = p.id) as contact,
                (select max(date_sortie) from parcours pa where pa.personne_id = p.id) as sortie,
                (select count(*) from parcours pa where pa.personne_id = p.id and pa.date_debut is not null) as parcours,
                (select count(*) from parcours pa where pa.personne_id = p.id and pa.date_debut is not null and pa.date_sortie is null) as ouverts
           from personnes p where p.anonymise_le is null`,
      )
      .all() as Array<{ id: string; contact: string | null; sortie: string | null; parcours: number; ouverts: number }>;
    const settings = open.retention.settings();
    let compared = 0;
    // Month ends move dates by up to three days when months are added: the pre-filter must keep those persons.
    for (const today of ['2024-02-29', '2025-03-31', '2025-05-31', '2026-01-30', '2026-08-31', '2026-12-31']) {
      const horizon = toIsoDate(addDays(parseISO(today), settings.preavisJours));
      const expected = persons
        .filter((p) => {
          if (p.ouverts > 0) return false;
          const hired = p.parcours > 0;
          const last = hired && p.sortie !== null && (p.contact === null || p.sortie > p.contact) ? p.sortie : p.contact;
          return last !== null && toIsoDate(addMonths(parseISO(last), hired ? settings.accompagnementMois : settings.nonEmbaucheMois)) <= horizon;
        })
        .map((p) => p.id)
        .sort();
      const found = open.retention.review(today).map((d) => d.personneId).sort();
      expect(found, today).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(100);
  }, 120_000);
});

describe('the dashboard’s PASS ending soon, read by a range of issued ends', () => {
  it('are exactly the PASS the shared rule says end within three months, long extensions included', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    createDemo(open, { scale: 1, years: 6, seed: 9 }, app.clock.now());
    const sqlite = open.sqlite;
    // A PASS issued to end long ago and prolonged by years: its issued end is far outside the window.
    const pass = sqlite.prepare('select id, date_fin from pass_iae order by date_fin limit 1').get() as { id: string; date_fin: string };
    sqlite.prepare("insert into pass_prolongations (id, pass_id, date_debut, date_fin, motif, created_at) values ('prolongee', ?, date(?, '+1 day'), '2026-04-20', 'SENIOR', '2026-01-01T00:00:00Z')").run(pass.id, pass.date_fin);
    const periods = (table: string) => {
      const byPass = new Map<string, Period[]>();
      for (const r of sqlite.prepare(`select pass_id, date_debut as dateDebut, date_fin as dateFin from ${table}`).all() as Array<Period & { pass_id: string }>) {
        byPass.set(r.pass_id, [...(byPass.get(r.pass_id) ?? []), r]);
      }
      return byPass;
    };
    const suspensions = periods('pass_suspensions');
    const prolongations = periods('pass_prolongations');
    const all = sqlite.prepare('select id, numero, date_debut as dateDebut, date_fin as dateFin from pass_iae').all() as Array<{ id: string; numero: string; dateDebut: string; dateFin: string }>;
    let found = 0;
    for (const today of ['2021-06-30', '2023-02-28', '2025-12-31', '2026-03-02']) {
      const expected = all
        .filter((p) => passEndsSoon({ ...p, suspensions: suspensions.get(p.id) ?? [], prolongations: prolongations.get(p.id) ?? [] }, today))
        .map((p) => p.numero)
        .sort();
      expect(open.pass.endingSoon(today).map((a) => a.numero).sort(), today).toEqual(expected);
      found += expected.length;
    }
    expect(open.pass.endingSoon('2026-03-02').map((a) => a.numero)).toContain(sqlite.prepare('select numero from pass_iae where id = ?').pluck().get(pass.id));
    expect(found).toBeGreaterThan(10);
  }, 120_000);
});
