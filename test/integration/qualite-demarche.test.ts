/**
 * The CEDRE quality approach (issue 8): evidence of the self-assessment grid on hand-built data, the grid as data
 * (export, import, bad files), the registers and their link to the improvement plan, questionnaires and the kiosk,
 * and the audit pack.
 */
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { GridRow } from '../../src-shared/qualite/grid';
import { TestApp } from '../helpers/app';
import { jobControl } from '../../src-main/jobs/job-control';
import { JOB_CANCELLED_MESSAGE } from '../../src-shared/jobs';
import { personneInput, team, type Team } from '../helpers/accueil';

let app: TestApp;
afterEach(() => app?.close());

const row = (rows: GridRow[], code: string) => rows.find((r) => r.code === code)!;
const register = (t: Team, registre: string, ligne: Record<string, unknown>) => app.call('qualite.saveRegistre', { registre, ligne: { id: null, ...ligne } }, t.direction);

describe('self-assessment evidence', () => {
  it('computes each figure from the data of the year, with its target, and keeps the ratings', async () => {
    app = await TestApp.start();
    const t = await team(app);
    let grid = (await app.call('qualite.autoEvaluation', { annee: 2025 }, t.direction)).rows;
    expect(grid.length).toBeGreaterThan(15);
    // Nothing yet: shares have no denominator, counts are zero.
    expect(row(grid, 'AC-1').evidence).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(row(grid, 'IN-8').evidence).toMatchObject({ value: 0 });

    // Four intakes in 2025, three with the offer presented; one on 1 Jan 2026 that must not count.
    const dates = ['2025-01-01', '2025-03-10', '2025-06-30', '2025-12-31', '2026-01-01'];
    for (const [i, d] of dates.entries()) {
      const created = await app.call('personnes.create', personneInput({ nom: `Témoin${i}`, nir: '', identifiantFt: '', accueil: { datePremierContact: d, canal: 'physique' } }), t.cip);
      const accueilId = created.accueils![0]!.id;
      if (i !== 1) await app.call('accueils.update', { id: accueilId, datePremierContact: d, canal: 'physique', dateOffrePresentee: d, souhaits: '' }, t.cip);
    }
    // Staff: two present at the end of 2025, one trained in 2023 (counts: within three years), one left in 2025.
    const [anne] = await register(t, 'personnel', { nom: 'Anne Roux', fonction: 'cip', statut: 'salarie', dateEntree: '2020-01-01' });
    const staff = await register(t, 'personnel', { nom: 'Luc Blanc', fonction: 'encadrant', statut: 'salarie', dateEntree: '2024-05-01' });
    const luc = staff.find((s) => s.nom === 'Luc Blanc')!;
    await register(t, 'personnel', { nom: 'Parti Avant', fonction: 'autre', statut: 'benevole', dateEntree: '2019-01-01', dateSortie: '2025-06-30' });
    await register(t, 'formations', { personnelId: luc.id, date: '2023-01-01', intitule: 'SST', heures: 14 });
    const anneId = staff.find((s) => s.nom === 'Anne Roux')!.id;
    expect(anne).toBeDefined();
    await register(t, 'formations', { personnelId: anneId, date: '2022-12-31', intitule: 'Trop ancienne', heures: 7 });
    // Participation: two collective times, three proposals, one still under study.
    const times = await register(t, 'temps_collectifs', { date: '2025-04-01', nature: 'reunion_salaries', objet: 'Organisation des chantiers', participants: 9 });
    await register(t, 'temps_collectifs', { date: '2025-10-01', nature: 'groupe_expression', objet: 'Horaires', participants: 6 });
    for (const decision of ['retenue', 'non_retenue', 'a_l_etude']) await register(t, 'propositions', { tempsId: times[0]!.id, date: '2025-04-01', proposition: `Proposition ${decision}`, decision });
    // Environment: two checks, one incident solded, one accident open.
    await register(t, 'environnement', { date: '2025-02-01', nature: 'verification_epi', constat: 'Gants à remplacer' });
    await register(t, 'environnement', { date: '2025-05-01', nature: 'visite_poste', constat: 'RAS' });
    await register(t, 'environnement', { date: '2025-07-01', nature: 'incident', constat: 'Coupure légère', dateCloture: '2025-07-03' });
    await register(t, 'environnement', { date: '2025-09-01', nature: 'accident', constat: 'Entorse' });

    grid = (await app.call('qualite.autoEvaluation', { annee: 2025 }, t.direction)).rows;
    expect(row(grid, 'AC-1')).toMatchObject({ evidence: { value: 0.75, numerator: 3, denominator: 4 }, cible: 0.95, cibleAtteinte: false });
    // The drill-down has no person list for the offer presented; a bilan-based figure has one.
    expect(row(grid, 'AC-1').evidence!.link).toBeNull();
    expect(row(grid, 'IN-3').evidence!.link).toEqual({ indicator: 'accompagnement.salaries_avec_bilan' });
    expect(row(grid, 'AC-4').evidence).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(row(grid, 'IN-8')).toMatchObject({ evidence: { value: 2 }, cible: 4, cibleAtteinte: false });
    expect(row(grid, 'IN-9').evidence).toMatchObject({ numerator: 2, denominator: 3 });
    expect(row(grid, 'IN-6').evidence).toMatchObject({ value: 2 });
    expect(row(grid, 'IN-7').evidence).toMatchObject({ numerator: 1, denominator: 2 });
    // A ceiling target: no late improvement action is "atteint".
    expect(row(grid, 'OB-4')).toMatchObject({ evidence: { value: 0, direction: 'max' }, cible: 0, cibleAtteinte: true });

    // Rating: kept per year, with who and a comment; a bad level is refused.
    expect((await app.fail('qualite.noterExigence', { code: 'AC-1', annee: 2025, niveau: 'parfait', commentaire: '' }, t.direction)).fields).toHaveProperty('niveau');
    const rated = await app.call('qualite.noterExigence', { code: 'AC-1', annee: 2025, niveau: 'partiel', commentaire: 'L’offre n’est pas tracée au téléphone.' }, t.direction);
    expect(row(rated.rows, 'AC-1')).toMatchObject({ niveau: 'partiel', commentaire: 'L’offre n’est pas tracée au téléphone.', evalueParNom: expect.any(String) });
    expect(row((await app.call('qualite.autoEvaluation', { annee: 2024 }, t.direction)).rows, 'AC-1').niveau).toBeNull();
    expect((await app.fail('qualite.autoEvaluation', { annee: 2025 }, t.encadrant)).code).toBe('FORBIDDEN');
  }, 60_000);

  it('the grid is data: exported, edited and imported back; a bad file changes nothing', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const exported = await app.call('qualite.exporterGrille', {}, t.direction);
    const file = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as { exigences: Array<Record<string, unknown>> };
    await app.call('qualite.noterExigence', { code: 'AC-1', annee: 2025, niveau: 'atteint', commentaire: 'ok' }, t.direction);
    const upload = (content: unknown) => ({ file: { name: 'grille.json', base64: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)).toString('base64') } });
    const bad: Array<[unknown, RegExp]> = [
      ['pas du json', /pas une grille/],
      [{ format: 'autre', version: 1, exigences: [] }, /pas une grille d’auto-évaluation/],
      [{ ...file, exigences: [...file.exigences, { ...file.exigences[0], libelle: 'Un doublon de code' }] }, /déjà utilisé/],
      [{ ...file, exigences: [{ ...file.exigences[0], preuve: 'inventee.mesure' }] }, /Exigence n° 1 : la preuve « inventee.mesure » n’existe pas/],
      [{ ...file, exigences: [{ ...file.exigences[0], mission: 'autre' }] }, /Exigence n° 1 : Mission inconnue/],
    ];
    for (const [content, message] of bad) {
      expect((await app.fail('qualite.importerGrille', upload(content), t.direction)).message).toMatch(message);
    }
    expect((await app.call('qualite.autoEvaluation', { annee: 2025 }, t.direction)).rows).toHaveLength(file.exigences.length);

    // The federation's own grid: two requirements, one kept under its code (its rating stays), one new without evidence.
    const fed = { ...file, exigences: [{ ...file.exigences[0], libelle: 'Offre présentée à chaque personne (version fédération)' }, { code: 'FED-1', mission: 'observatoire', engagement: 'competences', libelle: 'Une revue de direction par an.', preuve: null, cible: null }] };
    const imported = await app.call('qualite.importerGrille', upload(fed), t.direction);
    expect(imported.rows.map((r) => r.code)).toEqual(['AC-1', 'FED-1']);
    const after = (await app.call('qualite.autoEvaluation', { annee: 2025 }, t.direction)).rows;
    expect(row(after, 'AC-1')).toMatchObject({ libelle: 'Offre présentée à chaque personne (version fédération)', niveau: 'atteint', commentaire: 'ok' });
    expect(row(after, 'FED-1')).toMatchObject({ evidence: null, cibleAtteinte: null });
  }, 60_000);
});

describe('registers and the improvement plan', () => {
  it('validates rows by their register, refuses a dangling reference, and turns an audit finding into an action', async () => {
    app = await TestApp.start();
    const t = await team(app);
    expect((await app.fail('qualite.saveRegistre', { registre: 'personnel', ligne: { id: null, nom: '', fonction: 'chef', statut: 'salarie', dateEntree: 'hier' } }, t.direction)).fields).toEqual({
      nom: 'Nom et prénom : à remplir.',
      fonction: 'Fonction : choisissez dans la liste.',
      dateEntree: 'Arrivée : date invalide.',
    });
    expect((await app.fail('qualite.saveRegistre', { registre: 'formations', ligne: { id: null, personnelId: 'inconnu', date: '2025-01-01', intitule: 'SST' } }, t.direction)).message).toMatch(/introuvable/);
    expect((await app.fail('qualite.saveRegistre', { registre: 'personnel', ligne: { id: null, nom: 'X', fonction: 'cip', statut: 'salarie', dateEntree: '2025-01-01', colonne: 'x' } }, t.direction)).code).toBe('VALIDATION');
    expect((await app.fail('qualite.saveRegistre', { registre: 'utilisateurs', ligne: {} }, t.direction)).code).toBe('VALIDATION');
    await register(t, 'documents', { titre: 'Accueil des personnes', version: 1, approuveLe: '2025-01-10', approuvePar: 'Bureau', contenu: 'Procédure…' });
    expect((await app.fail('qualite.saveRegistre', { registre: 'documents', ligne: { id: null, titre: 'Accueil des personnes', version: 1, approuveLe: '2025-02-10', approuvePar: 'Bureau', contenu: 'Autre' } }, t.direction)).message).toMatch(/version de la procédure existe déjà/);
    await register(t, 'documents', { titre: 'Accueil des personnes', version: 2, approuveLe: '2025-06-10', approuvePar: 'Conseil d’administration', contenu: 'Procédure revue' });
    const versions = await app.call('qualite.registre', { registre: 'documents' }, t.direction);
    expect(versions.map((d) => d.version)).toEqual([2, 1]);

    // A procedure written elsewhere is attached; a file that is not what its name says, or too big, is refused.
    const upload = (name: string, bytes: Buffer) => app.call('qualite.joindreFichier', { documentId: versions[0]!.id, file: { name, base64: bytes.toString('base64') } }, t.direction);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);
    const refusals: Array<[string, Buffer, RegExp]> = [
      ['procedure.exe', Buffer.from('MZ'), /\.exe ne sont pas acceptés/],
      ['procedure.pdf', Buffer.from('MZ\x90\x00 pas un pdf'), /n’est pas un vrai fichier \.pdf/],
      ['procedure.docx', pdf, /n’est pas un vrai fichier \.docx/],
      ['notes.txt', Buffer.from([0xff, 0xfe, 0x00, 0x41]), /n’est pas un vrai fichier \.txt/],
      ['vide.pdf', Buffer.alloc(0), /est vide/],
      ['enorme.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), /dépasse 10 Mo/],
    ];
    for (const [name, bytes, message] of refusals) expect((await app.fail('qualite.joindreFichier', { documentId: versions[0]!.id, file: { name, base64: bytes.toString('base64') } }, t.direction)).message).toMatch(message);
    const attached = await upload('Procédure accueil v2.pdf', pdf);
    expect(attached).toEqual([expect.objectContaining({ nom: 'Procédure accueil v2.pdf', typeMime: 'application/pdf', taille: pdf.length })]);
    await upload('notes.txt', Buffer.from('Relue en conseil d’administration.', 'utf8'));
    const back = await app.call('qualite.telechargerFichier', { id: attached[0]!.id }, t.direction);
    expect(Buffer.from(back.base64, 'base64').equals(pdf)).toBe(true);
    expect(await app.call('qualite.fichiersDocument', { id: versions[1]!.id }, t.direction)).toEqual([]);
    expect((await app.fail('qualite.joindreFichier', { documentId: 'inconnu', file: { name: 'a.pdf', base64: pdf.toString('base64') } }, t.direction)).code).toBe('NOT_FOUND');

    const audits = await register(t, 'audits', { date: '2025-11-15', type: 'renouvellement', auditeur: 'AFNOR', constats: 'Traçabilité des bilans à renforcer', certifieJusquAu: '2028-11-15' });
    await app.call('qualite.registreVersAction', { registre: 'audits', id: audits[0]!.id }, t.direction);
    const plan = (await app.call('qualite.registres', {}, t.direction)).actions;
    expect(plan).toEqual([expect.objectContaining({ intitule: 'Traçabilité des bilans à renforcer', origine: 'audit', dateCloture: null })]);
    expect((await app.fail('qualite.registreVersAction', { registre: 'personnel', id: audits[0]!.id }, t.direction)).code).toBe('VALIDATION');
    expect(app.count('audit_log')).toBeGreaterThan(0);
  }, 60_000);
});

describe('questionnaires and the kiosk', () => {
  it('offers default questionnaires, locks the session for the kiosk, checks each answer and gives results by period', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const list = await app.call('questionnaires.list', {}, t.cip);
    expect(list.map((q) => q.titre)).toEqual(['Mon parcours — au bilan', 'Mon parcours — à la sortie', 'Clients — satisfaction annuelle']);
    const bilan = list[0]!;
    expect((await app.fail('questionnaires.save', { ...bilan, questions: [] }, t.direction)).fields).toHaveProperty('questions');
    expect((await app.fail('borne.ouvrir', { id: bilan.id }, t.accueil)).code).toBe('FORBIDDEN');
    // Only a kiosk answers (issue 20 §6): not an open session, not one locked by inactivity, not another questionnaire.
    const notKiosk = 'Les réponses ne s’enregistrent que depuis la borne ouverte pour ce questionnaire.';
    expect(await app.fail('borne.repondre', { questionnaireId: bilan.id, reponses: { q1: 5 } }, t.cip)).toMatchObject({ code: 'FORBIDDEN', message: notKiosk });
    await app.call('auth.lock', {}, t.cip);
    expect((await app.fail('borne.repondre', { questionnaireId: bilan.id, reponses: { q1: 5 } }, t.cip)).message).toBe(notKiosk);
    await app.call('auth.unlock', { password: 'définitif-456' }, t.cip);

    // The kiosk: the session is locked, so the person answering reaches nothing else, but can answer.
    await app.call('borne.ouvrir', { id: bilan.id }, t.cip);
    expect((await app.fail('personnes.list', { q: '' }, t.cip)).code).toBe('SESSION_LOCKED');
    const answer = (reponses: Record<string, unknown>) => app.call('borne.repondre', { questionnaireId: bilan.id, reponses }, t.cip);
    const refused: Array<[Record<string, unknown>, RegExp]> = [
      [{}, /au moins une question/],
      [{ q1: 6 }, /Réponse invalide à « Je me sens écouté·e/],
      [{ q1: 2.5 }, /Réponse invalide/],
      [{ q2: 'oui' }, /Réponse invalide/],
      [{ q9: 3 }, /aucune question/],
      [{ q5: '   ' }, /au moins une question/],
    ];
    for (const [reponses, message] of refused) expect((await app.fail('borne.repondre', { questionnaireId: bilan.id, reponses }, t.cip)).message).toMatch(message);
    expect((await app.fail('borne.repondre', { questionnaireId: list[1]!.id, reponses: { q1: 5 } }, t.cip)).message).toBe(notKiosk);
    await answer({ q1: 5, q2: true, q3: 4, q4: 3, q5: 'Plus de formations' });
    await answer({ q1: 3, q2: false });
    app.clock.advanceMinutes(60 * 24 * 40);
    await answer({ q1: 4, q2: true, q3: 4 });
    // Leaving the kiosk takes the staff member's password.
    expect((await app.fail('auth.unlock', { password: 'pas le bon' }, t.cip)).code).toBe('UNAUTHENTICATED');
    await app.call('auth.unlock', { password: 'définitif-456' }, t.cip);
    expect((await app.call('personnes.list', { q: '' }, t.cip)).rows).toEqual([]);

    const direction = (await app.call('auth.login', { login: 'direction.test', password: 'définitif-456' })).token;
    const all = await app.call('questionnaires.results', { id: bilan.id, du: '2026-01-01', au: '2026-12-31' }, direction);
    expect(all.reponses).toBe(3);
    const q1 = all.questions.find((q) => q.question.id === 'q1')!;
    expect(q1).toMatchObject({ reponses: 3, moyenne: 4, repartition: [0, 0, 1, 1, 1] });
    expect(all.questions.find((q) => q.question.id === 'q2')).toMatchObject({ partOui: 2 / 3 });
    expect(all.questions.find((q) => q.question.id === 'q5')).toMatchObject({ textes: ['Plus de formations'] });
    const march = await app.call('questionnaires.results', { id: bilan.id, du: '2026-03-01', au: '2026-03-31' }, direction);
    expect(march.reponses).toBe(2);
    expect((await app.fail('questionnaires.results', { id: bilan.id, du: '2026-12-31', au: '2026-01-01' }, direction)).message).toMatch(/commence après sa fin/);
    // Each answer counts once in the annual report's satisfaction average (rounded mean of its notes).
    expect(app.runtime.openOrNull()!.sqlite.prepare('select note from reponses_satisfaction order by created_at').pluck().all()).toEqual([4, 3, 4]);
  }, 60_000);
});

describe('audit pack', () => {
  it('is a ZIP with the PDF and CSVs, without persons unless asked', async () => {
    const { createDemo } = await import('../../src-main/services/demo/demo-service');
    app = await TestApp.start();
    createDemo(app.runtime.openOrNull()!, { scale: 1, years: 3, seed: 8 }, app.clock.now());
    app.close();
    app = await TestApp.start(app.dataDir);
    const token = (await app.call('auth.login', { login: 'direction', password: 'demonstration' })).token;
    const plain = await app.call('qualite.dossierAudit', { annee: 2025, avecPersonnes: false }, token);
    const files = unzipSync(Buffer.from(plain.base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['dossier-audit.pdf', 'grille-auto-evaluation.csv', 'indicateurs-qualite.csv', 'plan-amelioration.csv']);
    expect(Buffer.from(files['dossier-audit.pdf']!).subarray(0, 5).toString()).toBe('%PDF-');
    const grid = Buffer.from(files['grille-auto-evaluation.csv']!).toString('utf8');
    expect(grid.split('\r\n')[0]).toBe('\uFEFFcode;mission;engagement;exigence;preuve;valeur;numerateur;denominateur;cible;cible_atteinte;auto_evaluation;commentaire');
    const names = app.runtime.openOrNull()!.sqlite.prepare('select nom from personnes limit 20').pluck().all() as string[];
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('.csv')) for (const n of names) expect(Buffer.from(bytes).toString('utf8').includes(n), `${name} ${n}`).toBe(false);
    }
    const withLists = unzipSync(Buffer.from((await app.call('qualite.dossierAudit', { annee: 2025, avecPersonnes: true }, token)).base64, 'base64'));
    const lists = Object.keys(withLists).filter((n) => n.startsWith('listes/'));
    expect(lists).toContain('listes/accompagnement.salaries_avec_bilan.csv');
    const listed = Buffer.from(withLists['listes/accompagnement.salaries_avec_bilan.csv']!).toString('utf8').split('\r\n').filter(Boolean);
    expect(listed.length - 1).toBe(app.runtime.openOrNull()!.indicators.compute(2025).indicateurs['accompagnement.salaries_avec_bilan']);
    expect(app.runtime.openOrNull()!.sqlite.prepare("select count(*) from audit_log where entity = 'dossier_audit'").pluck().get()).toBe(2);

    // Followed by the screen: its steps in order; cancelled once the PDF is laid out, it returns the cancellation and is not
    // recorded as exported (issue 18 §4).
    const steps: string[] = [];
    const followed = jobControl({ publish: (p) => steps.push(`${p.step} ${p.done}/${p.total}`), cancelRequested: () => false });
    expect((await app.router.dispatch('qualite.dossierAudit', { annee: 2025, avecPersonnes: true }, { sessionToken: token, job: followed })).ok).toBe(true);
    expect(steps).toEqual(['Rassemblement des preuves 0/4', 'Mise en page du dossier PDF 1/4', 'Listes des personnes 2/4', 'Création de l’archive 3/4']);
    let stepsSeen = 0;
    const cancelledDuringPdf = jobControl({ publish: () => stepsSeen++, cancelRequested: () => stepsSeen >= 2 });
    expect(await app.router.dispatch('qualite.dossierAudit', { annee: 2025, avecPersonnes: false }, { sessionToken: token, job: cancelledDuringPdf })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: JOB_CANCELLED_MESSAGE },
    });
    expect(app.runtime.openOrNull()!.sqlite.prepare("select count(*) from audit_log where entity = 'dossier_audit'").pluck().get()).toBe(3);
  }, 60_000);
});
