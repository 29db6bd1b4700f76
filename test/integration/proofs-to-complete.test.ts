/**
 * The files to complete before a control read only the proofs that may have a problem (issue 19: the dashboard judged
 * every proof of two years' hires at each load). The list must stay exactly what judging every proof gives: checked
 * here on a demo base whose proofs are spread around each hire (missing, later, just valid, just stale, decisions
 * ended or without end, diplomas), under two versions of the arrêté, for roles with and without need-to-know.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { proofsToComplete } from '../../src-main/services/accueil/proofs-to-complete';
import { CRITERES, CRITERES_SENSIBLES, type Critere } from '../../src-shared/domain/criteres';
import { valueOnDate, type DatedValues } from '../../src-shared/domain/parametres';
import { evaluateEligibility, type ValiditesJustificatifs } from '../../src-shared/rules/eligibility';
import type { JustificatifsACompleter } from '../../src-shared/views-accueil';
import type { SiaeKind } from '../../src-shared/siae';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

/** Every hire's every proof judged, as the list did before it filtered in SQL: the reference. */
function everyProofJudged(sqlite: Database.Database, since: string, sensibles: boolean, validites: DatedValues<ValiditesJustificatifs>): JustificatifsACompleter[] {
  const hires = sqlite
    .prepare(
      `select d.id, d.date, d.dispositif, pe.id as personne_id, pe.nom, pe.prenom, min(pa.date_debut) as embauche
         from diagnostics_eligibilite d join parcours pa on pa.diagnostic_id = d.id join personnes pe on pe.id = d.personne_id
        where d.auteur = 'structure' and pa.date_debut >= ? and pe.anonymise_le is null
        group by d.id order by embauche desc, d.id`,
    )
    .all(since) as Array<{ id: string; date: string; dispositif: SiaeKind; personne_id: string; nom: string; prenom: string; embauche: string }>;
  const criteria = sqlite.prepare('select critere, date_justificatif, type_justificatif, date_fin_validite from criteres_eligibilite where diagnostic_id = ? order by rowid');
  const out: JustificatifsACompleter[] = [];
  for (const h of hires) {
    const rows = criteria.all(h.id) as Array<{ critere: Critere; date_justificatif: string | null; type_justificatif: string; date_fin_validite: string | null }>;
    const { avertissements } = evaluateEligibility({
      dispositif: h.dispositif,
      auteur: 'structure',
      dateDiagnostic: h.date,
      dateEmbauche: h.embauche,
      validitesAt: (day) => valueOnDate(validites, day),
      criteres: rows.map((c) => ({ critere: c.critere, dateJustificatif: c.date_justificatif, typeJustificatif: c.type_justificatif, dateFinValidite: c.date_fin_validite })),
    });
    const problemes = avertissements.filter((p) => sensibles || !CRITERES_SENSIBLES.some((k) => p.startsWith(CRITERES[k].label)));
    if (problemes.length) out.push({ personneId: h.personne_id, nom: h.nom, prenom: h.prenom, dateEmbauche: h.embauche, problemes });
  }
  return out;
}

describe('files to complete before a control (issue 15 §6, issue 19)', () => {
  it('lists exactly what judging every proof lists, reading only the proofs that may have a problem', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    createDemo(open, { scale: 1, years: 3, seed: 11 }, app.clock.now());
    const sqlite = open.sqlite;
    // Each proof moved to between 10 days after and 470 days before its hire, most of them a few days either side of
    // a validity's last day (1, 3 and 6 months: how close the query's bound is matters there); some without date, decisions and titles ending around the hire or never, half the levels by diploma.
    sqlite.exec(`
      update criteres_eligibilite set
        date_justificatif = case when rowid % 13 = 0 then null else date(
          (select min(pa.date_debut) from parcours pa where pa.diagnostic_id = criteres_eligibilite.diagnostic_id),
          -(case rowid % 4 when 0 then 80 + rowid % 16 when 1 then 175 + rowid % 16 when 2 then 26 + rowid % 8
                 else (rowid * 7919) % 480 - 10 end) || ' days') end,
        date_fin_validite = case when critere in ('TH', 'REF_DA') and rowid % 4 <> 0 then date(
          (select min(pa.date_debut) from parcours pa where pa.diagnostic_id = criteres_eligibilite.diagnostic_id),
          ((rowid * 31) % 40 - 20) || ' days') else null end,
        type_justificatif = case when critere = 'CAP_BEP' and rowid % 2 = 0 then 'Diplôme' else type_justificatif end;
      update criteres_eligibilite set critere = 'TH' where rowid % 9 = 0;
      update criteres_eligibilite set critere = 'REF_DA' where rowid % 11 = 0;
      update criteres_eligibilite set critere = 'CAP_BEP' where rowid % 7 = 0;`);
    const today = app.clock.now().toISOString().slice(0, 10);
    const since = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
    const law = open.parametres.datedValues('validite_justificatifs_mois');

    const listed = proofsToComplete(sqlite, today, true, law);
    expect(listed).toEqual(everyProofJudged(sqlite, since, true, law));
    expect(proofsToComplete(sqlite, today, false, law)).toEqual(everyProofJudged(sqlite, since, false, law));
    // The spread reaches every kind of problem, and leaves most files complete.
    const problems = listed.flatMap((f) => f.problemes).join('\n');
    for (const kind of ['justificatif plus valable', 'justificatif à compléter', 'justificatif daté après']) expect(problems).toContain(kind);
    const hires = (sqlite.prepare("select count(distinct pa.diagnostic_id) from parcours pa join diagnostics_eligibilite d on d.id = pa.diagnostic_id where d.auteur = 'structure' and pa.date_debut >= ?").pluck().get(since) as number);
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.length).toBeLessThan(hires);

    // A later arrêté shortening the RSA attestation to one month (the bound the query reads by moves with it), and
    // one with no expiring proof at all: still the same list as judging every proof.
    const shorter: DatedValues<ValiditesJustificatifs> = { ...law, valeurs: [{ valideDu: `${Number(today.slice(0, 4)) - 1}-03-01`, valeur: { ...law.defaut, RSA: 1 } }] };
    expect(proofsToComplete(sqlite, today, true, shorter)).toEqual(everyProofJudged(sqlite, since, true, shorter));
    expect(proofsToComplete(sqlite, today, true, shorter).length).toBeGreaterThan(listed.length);
    const neverExpiring = { defaut: Object.fromEntries(Object.keys(law.defaut).map((k) => [k, null])) as ValiditesJustificatifs, valeurs: [] };
    expect(proofsToComplete(sqlite, today, true, neverExpiring)).toEqual(everyProofJudged(sqlite, since, true, neverExpiring));
  });
});
