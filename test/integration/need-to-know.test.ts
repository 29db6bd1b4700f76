/**
 * Need-to-know on the demo, through every route, for every role (issue 20 §1): no health, justice or NIR fact of a
 * person reaches a role without the permission — by value (anywhere in any answer, CSV or PDF), by a withheld field
 * that would differ for the sensitive persons, or by complement of the lists of persons the role can open.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createDemo, DEMO_PASSWORD } from '../../src-main/services/demo/demo-service';
import { WITHHELD } from '../../src-shared/domain/need-to-know';
import { isSensitivePartition } from '../../src-shared/observatoire/sensitive-lists';
import { OBSERVATOIRE_PARTS } from '../../src-shared/observatoire/page-parts';
import { contract, ROUTE_NAMES, type RouteName } from '../../src-shared/contract';
import type { Role } from '../../src-shared/roles';
import { baseId } from '../../src-shared/observatoire/indicateurs';
import { TestApp } from '../helpers/app';

/** Routes that end the session, replace the database or erase persons: the enumeration would destroy what it checks. */
const DESTRUCTIVE = new Set<string>([
  'auth.logout', 'auth.lock', 'auth.changePassword', 'system.restoreLatestBackup', 'system.restoreFromFile', 'system.unlockData', 'backups.restore',
  'securite.replaceRecoveryKey', 'securite.confirmRecoverySheet', 'rgpd.anonymise', 'users.update', 'users.resetPassword', 'setup.complete', 'setup.demo',
  'audit.purge', 'import.run', 'cles.rotate',
]);

const NIR = '185057800608436';
const MARKER = 'MARQUEUR-SENSIBLE';

/** What must never reach a role without `sensibles.read` (and the NIR one without `nir.read`), as JSON or as text. */
const LEAKS: Array<{ what: string; pattern: RegExp }> = [
  { what: 'texte sur un frein santé ou justice', pattern: new RegExp(MARKER) },
  { what: 'NIR', pattern: new RegExp(NIR) },
  { what: 'orienteur Cap emploi, SPIP, PJJ, CIDFF, prévention ou ASE', pattern: /"orienteur":"(02|09|10|13|14|19)"/ },
  { what: 'dérogation RQTH ou aménagement de peine', pattern: /"(RQTH|AMENAGEMENT_PEINE)"/ },
  { what: 'motif de sortie 16 ou 18', pattern: /"motif(Sortie)?":"(16|18)"/ },
  { what: 'RQTH, OETH ou AAH de la fiche salarié', pattern: /"(rqth|oeth|aah)":true/ },
  { what: 'frein santé ou justice', pattern: /"(type|typeFrein)":"(sante|justice)"/ },
  { what: 'critère AAH, TH ou détention', pattern: /"critere":"(AAH|TH|DETENTION_MJ)"/ },
  // The motif is the last column but one of the état mensuel (heures_payees follows it).
  { what: 'motif de sortie 16 ou 18 dans un CSV', pattern: /;(16|18);[^;\r\n]*\r?$/m },
];
/** In the text of a PDF. */
const PDF_LEAKS = [new RegExp(MARKER), new RegExp(NIR), /SPIP|PJJ|Cap emploi|RQTH|travailleur handicap/i];

let app: TestApp;
let workDir: string;
const tokens = {} as Record<Role, string>;
const planted = { personnes: [] as string[], parcours: [] as string[], bilan: '', partenaire: '', annees: [] as number[], mois: [] as string[], nom: '' };

function sql(text: string, ...params: unknown[]): unknown[] {
  return app.runtime.openOrNull()!.sqlite.prepare(text).all(...params);
}
function run(text: string, ...params: unknown[]): void {
  app.runtime.openOrNull()!.sqlite.prepare(text).run(...params);
}

/** Puts every kind of sensitive fact on a few demo persons (the demo holds some, not necessarily each kind). */
function plantSensitiveFacts(): void {
  // Persons whose parcours ended with hours worked in the month of the exit: the monthly CSV then shows the motif.
  const exits = sql(
    `select p.id as parcours, p.personne_id as personne, p.date_sortie as sortie, c.id as contrat
       from parcours p join contrats c on c.parcours_id = p.id join heures h on h.contrat_id = c.id
      where p.date_sortie is not null and substr(h.date, 1, 7) = substr(p.date_sortie, 1, 7)
      group by p.id order by p.date_sortie desc limit 3`,
  ) as Array<{ parcours: string; personne: string; sortie: string; contrat: string }>;
  expect(exits.length).toBe(3);
  const [a, b, c] = exits as [(typeof exits)[0], (typeof exits)[0], (typeof exits)[0]];
  run(`update parcours set motif_sortie = '16' where id = ?`, a.parcours);
  run(`update parcours set motif_sortie = '18' where id = ?`, b.parcours);
  run(`update personnes set orienteur = '09', nir = ? where id = ?`, NIR, a.personne);
  run(`update personnes set orienteur = '10' where id = ?`, b.personne);
  run(`update personnes set orienteur = '02' where id = ?`, c.personne);
  run(`update contrats set derogations = '["RQTH"]' where id = ?`, a.contrat);
  run(`update fiches_salarie set rqth = 1, aah = 1, aah_depuis = '03' where parcours_id = ?`, a.parcours);
  run(`update contrats set derogations = '["AMENAGEMENT_PEINE"]' where id = ?`, b.contrat);
  const at = '2025-01-01T00:00:00.000Z';
  run(`insert into freins (id, personne_id, type, niveau, commentaire, date_identification, created_at, updated_at) values ('frein-sante', ?, 'sante', 2, ?, '2024-01-10', ?, ?)`, a.personne, `${MARKER} suivi en addictologie`, at, at);
  run(`insert into freins (id, personne_id, type, niveau, commentaire, date_identification, created_at, updated_at) values ('frein-justice', ?, 'justice', 2, ?, '2024-01-10', ?, ?)`, b.personne, `${MARKER} contrôle judiciaire`, at, at);
  const partenaire = (sql('select id from partenaires limit 1') as Array<{ id: string }>)[0]!.id;
  run(`insert into actions_freins (id, parcours_id, type_frein, date, prestataire, partenaire_id, description, created_at) values ('action-sante', ?, 'sante', '2024-03-01', 'externe', ?, ?, ?)`, a.parcours, partenaire, `${MARKER} rendez-vous CSAPA`, at);
  let bilan = (sql('select id from bilans where parcours_id = ? limit 1', a.parcours) as Array<{ id: string }>)[0]?.id;
  if (!bilan) {
    bilan = 'bilan-sensible';
    run(`insert into bilans (id, parcours_id, type, date, created_at, updated_at) values (?, ?, 'etape', '2024-04-01', ?, ?)`, bilan, a.parcours, at, at);
  }
  run(`update bilans set revue_freins = ? where id = ?`, `${MARKER} cure de sevrage`, bilan);
  const pass = (sql('select id from pass_iae where personne_id = ? limit 1', c.personne) as Array<{ id: string }>)[0]?.id;
  expect(pass).toBeDefined();
  run(`insert into pass_prolongations (id, pass_id, date_debut, date_fin, motif, created_at) values ('prolongation-rqth', ?, '2025-01-01', '2025-12-31', 'RQTH', ?)`, pass, at);
  const critere = (sql('select c.id from criteres_eligibilite c join diagnostics_eligibilite d on d.id = c.diagnostic_id where d.personne_id = ? limit 1', c.personne) as Array<{ id: string }>)[0]?.id;
  if (critere) run(`update criteres_eligibilite set critere = 'TH' where id = ?`, critere);
  planted.personnes = [a.personne, b.personne, c.personne];
  planted.parcours = [a.parcours, b.parcours, c.parcours];
  planted.bilan = bilan;
  planted.partenaire = partenaire;
  planted.annees = [...new Set([a.sortie, b.sortie].map((d) => Number(d.slice(0, 4))))];
  planted.mois = [...new Set([a.sortie, b.sortie].map((d) => d.slice(0, 7)))];
  planted.nom = (sql('select nom from personnes where id = ?', a.personne) as Array<{ nom: string }>)[0]!.nom;
}

/** The keys of a route's input object, through zod's wrappers (refinements, defaults, pipes). */
function inputKeys(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 6 && current; depth++) {
    const s = current as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown; schema?: unknown } };
    if (s.shape) return Object.keys(s.shape);
    current = s.def?.in ?? s.def?.innerType ?? s.def?.schema;
  }
  return [];
}

/** Inputs to try on a route: each key from the planted facts, the first key with several values varied over them. */
function inputsFor(name: RouteName): Array<Record<string, unknown>> {
  const pools: Record<string, unknown[]> = {
    personneId: planted.personnes,
    parcoursId: planted.parcours,
    bilanId: [planted.bilan],
    annee: planted.annees,
    mois: planted.mois,
    q: [planted.nom],
    id: name.startsWith('partenaires.') ? [planted.partenaire] : planted.personnes,
    // The Observatoire page's parts (page-parts.ts): each alone, the first screen's pair, and every figure.
    parties: [undefined, ['apercu', 'accueil'], ...OBSERVATOIRE_PARTS.map((p) => [p])],
  };
  const keys = inputKeys(contract[name].input as z.ZodType).filter((k) => k in pools);
  const base = Object.fromEntries(keys.map((k) => [k, pools[k]![0]]));
  // Every combination of the pools that hold several values.
  let inputs: Array<Record<string, unknown>> = [base];
  for (const k of keys.filter((key) => pools[key]!.length > 1)) inputs = inputs.flatMap((input) => pools[k]!.map((v) => ({ ...input, [k]: v })));
  return inputs;
}

function pdfText(base64: string): string {
  const file = join(workDir, 'document.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Every value under one of these keys, anywhere in an answer. */
function valuesUnder(value: unknown, keys: readonly string[], out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) valuesUnder(v, keys, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (keys.includes(k)) out.push(v);
      valuesUnder(v, keys, out);
    }
  }
  return out;
}

async function callAll(role: Role): Promise<Array<{ route: string; output: unknown }>> {
  const answers: Array<{ route: string; output: unknown }> = [];
  for (const name of ROUTE_NAMES) {
    if (DESTRUCTIVE.has(name) || name === 'observatoire.detail') continue;
    for (const input of inputsFor(name)) {
      const result = await app.router.dispatch(name, input, { sessionToken: tokens[role] });
      expect(result.ok || result.error.code !== 'INTERNAL', `${name} ${JSON.stringify(input)} (${role}) : ${result.ok ? '' : result.error.message}`).toBe(true);
      if (result.ok) answers.push({ route: name, output: result.data });
    }
  }
  // Every list of persons behind a count the role may see.
  for (const annee of planted.annees) {
    const year = await app.router.dispatch('observatoire.year', { annee }, { sessionToken: tokens[role] });
    if (!year.ok) continue;
    for (const id of Object.keys((year.data as { indicateurs: Record<string, unknown> }).indicateurs)) {
      const detail = await app.router.dispatch('observatoire.detail', { annee, id }, { sessionToken: tokens[role] });
      if (detail.ok) answers.push({ route: `observatoire.detail ${id}`, output: detail.data });
    }
  }
  return answers;
}

function leaksIn(answers: Array<{ route: string; output: unknown }>, nir: boolean): string[] {
  const found: string[] = [];
  for (const { route, output } of answers) {
    const json = JSON.stringify(output) ?? '';
    for (const leak of LEAKS) if (!(nir && leak.what === 'NIR') && leak.pattern.test(json)) found.push(`${route} : ${leak.what}`);
    const csv = (output as { content?: unknown } | null)?.content;
    if (typeof csv === 'string') for (const leak of LEAKS) if (leak.pattern.test(csv)) found.push(`${route} (CSV) : ${leak.what}`);
    const file = output as { fileName?: unknown; base64?: unknown } | null;
    if (file && typeof file.fileName === 'string' && file.fileName.endsWith('.pdf') && typeof file.base64 === 'string') {
      const text = pdfText(file.base64);
      for (const p of PDF_LEAKS) if (p.test(text) && !(nir && p.source === NIR)) found.push(`${route} (PDF) : ${p.source}`);
    }
  }
  return found;
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'cedre-need-to-know-'));
  app = await TestApp.start();
  const open = app.runtime.openOrNull()!;
  createDemo(open, { scale: 1, years: 3, seed: 2026 }, app.clock.now());
  plantSensitiveFacts();
  // A runtime started on the demo file, as after the wizard.
  app.close();
  app = await TestApp.start(app.dataDir, app.clock);
  for (const login of ['direction', 'cip', 'encadrant', 'accueil'] as const) tokens[login] = (await app.call('auth.login', { login, password: DEMO_PASSWORD })).token;
  await app.call('users.create', { displayName: 'Lucie Verne (conseil d’administration)', login: 'lecture', role: 'lecture', isAdmin: false, temporaryPassword: 'temporaire-123' }, tokens.direction);
  const first = await app.call('auth.login', { login: 'lecture', password: 'temporaire-123' });
  tokens.lecture = (await app.call('auth.changePassword', { currentPassword: 'temporaire-123', newPassword: 'lecture seule 2026', newPasswordConfirmation: 'lecture seule 2026' }, first.token)).token;
}, 120_000);

afterAll(() => {
  app?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('need-to-know, every route for every role', () => {
  it('the planted facts reach the direction: the checks below look for things that are there', async () => {
    const answers = await callAll('direction');
    const found = leaksIn(answers, false);
    for (const what of LEAKS.map((l) => l.what)) expect(found.some((f) => f.endsWith(what)), what).toBe(true);
    expect(found.some((f) => f.includes('(PDF)'))).toBe(true);
  }, 240_000);

  for (const role of ['encadrant', 'accueil', 'lecture'] as const) {
    it(`${role}: no health, justice or NIR fact by value, and withheld fields are the same for everybody`, async () => {
      const answers = await callAll(role);
      expect(answers.length).toBeGreaterThan(20);
      expect(leaksIn(answers, false)).toEqual([]);
      // A withheld field holds the same mark for every person, whatever their value (no null that means hidden).
      const withheld = valuesUnder(answers.map((a) => a.output), ['orienteur', 'derogations', 'revueFreins']);
      expect(new Set(withheld.map((v) => JSON.stringify(v)))).toEqual(withheld.length ? new Set([JSON.stringify(WITHHELD)]) : new Set());
    }, 240_000);
  }

  it('no role without the permission can single out a person by complement of the lists it opens', async () => {
    // lecture reads the observatoire without `sensibles.read`: it opens the total of a family only if it opens no
    // member of it, or all of them.
    const families = [
      { total: 'public.entrees', prefix: 'public.orienteur.' },
      { total: 'sorties.constatees', prefix: 'sorties.par_motif.' },
      { total: 'public.salaries_en_parcours', prefix: 'public.criteres.' },
    ];
    const annee = planted.annees[0]!;
    const year = await app.call('observatoire.year', { annee }, tokens.lecture);
    expect(year.detailSensibleAutorise).toBe(false);
    for (const family of families) {
      const members = Object.keys(year.indicateurs).filter((id) => baseId(id).startsWith(family.prefix));
      expect(members.length).toBeGreaterThan(0);
      const opened = [];
      for (const id of members) {
        const detail = await app.router.dispatch('observatoire.detail', { annee, id }, { sessionToken: tokens.lecture });
        if (detail.ok) opened.push(id);
        else expect(detail.error.code).toBe('FORBIDDEN');
      }
      expect(opened, family.prefix).toEqual([]);
      expect(members.every(isSensitivePartition)).toBe(true);
    }
    // The CIP opens them all: the lists exist.
    const cipYear = await app.call('observatoire.year', { annee }, tokens.cip);
    const spip = Object.keys(cipYear.indicateurs).find((id) => id.startsWith('sorties.par_motif.16') || id.startsWith('sorties.par_motif.18'));
    expect(spip).toBeDefined();
    expect((await app.call('observatoire.detail', { annee, id: spip! }, tokens.cip)).personnes.length).toBeGreaterThan(0);
  }, 120_000);
});
