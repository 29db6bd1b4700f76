import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../src-main/services/demo/demo-service';
import { hasPersonList } from '../../src-shared/observatoire/indicateurs';
import { TestApp } from '../helpers/app';
import { team, type Team } from '../helpers/accueil';
import { EXEMPLE_2024 } from '../helpers/import';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

const exampleFiles = () => readdirSync(EXEMPLE_2024).filter((f) => f.endsWith('.csv')).map((name) => ({ name, base64: readFileSync(join(EXEMPLE_2024, name)).toString('base64') }));

async function exampleWithTeam(): Promise<Team> {
  app = await TestApp.start();
  const t = await team(app);
  const preview = await app.call('import.run', { files: exampleFiles(), simulation: true }, t.direction);
  expect(preview).toMatchObject({ ok: true, simulation: true });
  expect(app.count('personnes')).toBe(0);
  expect(await app.call('import.run', { files: exampleFiles(), simulation: false }, t.direction)).toMatchObject({ ok: true, simulation: false });
  return t;
}

/** Every count the drill-down can list must have exactly as many lines as the count says. */
async function expectDrillDownMatches(a: TestApp, token: string, annee: number): Promise<number> {
  const year = await a.call('observatoire.year', { annee }, token);
  let checked = 0;
  for (const [id, value] of Object.entries(year.indicateurs)) {
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    const result = await a.router.dispatch('observatoire.detail', { annee, id }, { sessionToken: token });
    // The screen offers a list exactly for the ids that have one.
    expect(result.ok, id).toBe(hasPersonList(id));
    if (!result.ok) {
      expect(result.error.code, id).toBe('NOT_FOUND');
      continue;
    }
    const personnes = (result.data as { personnes: Array<{ precision: string }> }).personnes;
    expect(personnes.length, id).toBe(value);
    // What a person reads: French dates and labels, never an ISO date or a code (issue 14 §7).
    for (const p of personnes) expect(p.precision, id).not.toMatch(/\d{4}-\d{2}-\d{2}|Niveau ASP|Critère [A-Z_]+$|les_deux/);
    checked++;
  }
  return checked;
}

describe('observatoire routes', () => {
  it('shows the year with the previous years; masks health and justice counts for roles without need to know', async () => {
    const t = await exampleWithTeam();
    const year = await app!.call('observatoire.year', { annee: 2024 }, t.direction);
    expect(year.indicateurs['public.criteres.AAH']).toBe(1);
    expect(year.precedents.map((p) => p.annee)).toEqual([2023, 2022]);
    expect(year.precedents[0]!.indicateurs['public.salaries_en_parcours']).toBe(1);
    expect(year.anneesDisponibles).toContain(2023);
    const lecture = await app!.call('observatoire.year', { annee: 2024 }, t.lecture);
    expect(lecture.indicateurs['public.criteres.AAH']).toBeUndefined();
    expect(lecture.masques).toContain('accompagnement.freins.sante.concernes');
    expect(lecture.indicateurs['public.salaries_en_parcours']).toBe(4);
    expect((await app!.fail('observatoire.year', { annee: 2024 }, t.encadrant)).code).toBe('FORBIDDEN');
    expect((await app!.fail('observatoire.year', { annee: 1999 }, t.direction)).code).toBe('VALIDATION');
  });

  it('lists the persons behind each count, as many as the count, and audits the read', async () => {
    const t = await exampleWithTeam();
    expect(await expectDrillDownMatches(app!, t.direction, 2024)).toBeGreaterThan(150);
    const exits = await app!.call('observatoire.detail', { annee: 2024, id: 'sorties.constatees' }, t.direction);
    expect(exits.personnes.map((p) => `${p.nom} ${p.precision}`)).toEqual([
      'Arnaud Sortie le 28/06/2024 — motif 9 (Embauche en CDD (sans aide publique à l’emploi) d’une durée de 6 mois et plus) — Emploi durable',
      'Caron Sortie le 31/10/2024 — motif 15 (Prise des droits à la retraite) — Retrait des sorties constatées',
    ]);
    expect((await app!.fail('observatoire.detail', { annee: 2024, id: 'public.criteres.AAH' }, t.lecture)).code).toBe('FORBIDDEN');
    expect((await app!.fail('observatoire.detail', { annee: 2024, id: 'activite.heures_travaillees' }, t.direction)).code).toBe('NOT_FOUND');
    // An id no definition knows is not found, not an empty list that would read as « nobody ».
    expect((await app!.fail('observatoire.detail', { annee: 2024, id: 'public.situation.inconnue' }, t.direction)).code).toBe('NOT_FOUND');
    expect(app!.runtime.openOrNull()!.sqlite.prepare("select count(*) from audit_log where entity = 'observatoire'").pluck().get()).toBeGreaterThan(0);
  });

  it('signs the report for the direction only, verifies it, keeps its history, prints the key sheet', async () => {
    const t = await exampleWithTeam();
    expect((await app!.fail('rapports.preview', { annee: 2024 }, t.cip)).code).toBe('FORBIDDEN');
    const preview = await app!.call('rapports.preview', { annee: 2024 }, t.direction);
    // The key was created at set-up.
    expect(preview.cle?.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(preview.payload.suppressed).toContain('public.criteres.AAH');
    expect(preview.valeursReelles['public.criteres.AAH']).toBe(1);
    const keys = await app!.call('cles.create', {}, t.direction);
    expect(keys).toHaveLength(1);
    const sheet = await app!.call('cles.fiche', {}, t.direction);
    expect(Buffer.from(sheet.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const made = await app!.call('rapports.produce', { annee: 2024 }, t.direction);
    expect(made.kid).toBe(keys[0]!.kid);
    const verified = await app!.call('rapports.verify', { file: { name: made.fileName, base64: made.base64 }, thumbprint: made.kid }, t.encadrant);
    expect(verified).toMatchObject({ valide: true, cleVerifiee: true, echecs: [], annee: 2024, structure: { siret: '52000001500013' } });
    const unverified = await app!.call('rapports.verify', { file: { name: made.fileName, base64: made.base64 }, thumbprint: null }, t.encadrant);
    expect(unverified).toMatchObject({ valide: true, cleVerifiee: false });
    const broken = await app!.call('rapports.verify', { file: { name: 'x.zip', base64: Buffer.from('abc').toString('base64') }, thumbprint: null }, t.direction);
    expect(broken).toMatchObject({ valide: false, echecs: ['Archive malformée : ce fichier n’est pas une archive ZIP lisible.'] });
    const history = await app!.call('rapports.history', {}, t.direction);
    expect(history).toMatchObject([{ annee: 2024, kid: made.kid, sha256: made.sha256, signeParNom: 'direction Test', chaineIntacte: true }]);
  }, 60_000);

  it('imports, exports and gives the template to the direction only; conventions feed the realisation rate', async () => {
    app = await TestApp.start();
    const t = await team(app);
    expect((await app.fail('import.run', { files: exampleFiles(), simulation: true }, t.cip)).code).toBe('FORBIDDEN');
    expect((await app.fail('import.run', { files: [], simulation: true }, t.direction)).code).toBe('VALIDATION');
    const bad = await app.call('import.run', { files: [{ name: 'personnes.csv', base64: Buffer.from('ref;nom\nP1;X\n').toString('base64') }], simulation: true }, t.direction);
    expect(bad.erreurs.map((e) => e.message)).toContain('Colonne obligatoire absente : « civilite ».');
    const template = await app.call('import.template', {}, t.direction);
    expect(Buffer.from(template.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const exported = await app.call('import.export', {}, t.direction);
    expect(exported.fileName).toMatch(/^export-cedre-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const version = { id: null, avenant: 0, modification: 0, dateDebut: '2025-01-01', dateFin: '2025-12-31', etpConventionnes: 4.5, hRef: null, aideSocle: 100_000, aideModulee: 5_000.5 };
    const saved = await app.call('annexes.save', { annexeId: null, numero: 'ACI007250100', mesure: 'ACI_DC', version }, t.direction);
    expect(saved).toMatchObject([{ numero: 'ACI007250100', kind: 'ACI', avertissement: null, versions: [{ numeroComplet: 'ACI007250100A0M0', etpConventionnes: 4.5, aideSocle: 100_000, aideModulee: 5_000.5 }] }]);
    expect((await app.fail('annexes.save', { annexeId: null, numero: '', mesure: 'ACI_DC', version: { ...version, etpConventionnes: -1 } }, t.direction)).fields).toEqual({ 'version.etpConventionnes': 'Un nombre positif.' });
    expect((await app.fail('annexes.save', { annexeId: null, numero: '', mesure: 'ACI_DC', version }, t.cip)).code).toBe('FORBIDDEN');
  });

  it('on the demo structure, every listed count matches its indicator', async () => {
    app = await TestApp.start();
    const open = app.runtime.openOrNull()!;
    createDemo(open, { scale: 1, years: 2, seed: 11 }, app.clock.now());
    app.close();
    app = await TestApp.start(app.dataDir);
    const session = await app.call('auth.login', { login: 'direction', password: 'demonstration' });
    expect(await expectDrillDownMatches(app, session.token, 2025)).toBeGreaterThan(150);
  }, 60_000);
});
