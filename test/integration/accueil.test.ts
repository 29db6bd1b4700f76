/** Mission accueil through the routes, on a real database: from first contact to the entry decision. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { personneInput, team } from '../helpers/accueil';

let app: TestApp;
afterEach(() => app?.close());

async function start() {
  app = await TestApp.start(undefined, undefined);
  return team(app);
}

describe('person file', () => {
  it('creates a person with a first intake, normalising identifiers, and finds them by name, FT id or PASS', async () => {
    const t = await start();
    const file = await app.call('personnes.create', personneInput(), t.accueil);
    // The accueil records the orienteur but does not read any back (need-to-know.ts): it is kept as entered.
    expect(file.personne).toMatchObject({ nom: 'Arnaud', identifiantFt: '1234567A', nir: null, orienteur: 'reserve' });
    expect((await app.call('personnes.get', { id: file.personne.id }, t.cip)).personne.orienteur).toBe('03');
    expect(file.accueils).toHaveLength(1);
    expect(file.accueils![0]).toMatchObject({ datePremierContact: '2026-02-02', canal: 'physique', decision: null });
    // The accueil role may not write the NIR: it was dropped, not stored.
    expect((await app.call('personnes.get', { id: file.personne.id }, t.cip)).personne.nir).toBeNull();

    await app.call('pass.save', { personneId: file.personne.id, numero: '99999 25 10000', dateDebut: '2026-02-16', dateFin: '2028-02-15' }, t.cip);
    for (const q of ['arn', 'JULIE', 'julie arn', 'Arnàud', '1234567a', '99999251']) {
      expect((await app.call('personnes.search', { q }, t.encadrant)).map((h) => h.id), q).toEqual([file.personne.id]);
    }
    expect(await app.call('personnes.search', { q: 'zzz' }, t.cip)).toEqual([]);
    expect(await app.call('personnes.search', { q: ' - ' }, t.cip)).toEqual([]);
  });

  it('warns about a likely duplicate (accents and case ignored) and creates it only when confirmed', async () => {
    const t = await start();
    await app.call('personnes.create', personneInput(), t.cip);
    expect(await app.call('personnes.duplicates', { nom: 'ARNAUD', prenom: 'julié', dateNaissance: '1996-05-02' }, t.cip)).toHaveLength(1);
    expect(await app.call('personnes.duplicates', { nom: 'Arnaud', prenom: 'Julie', dateNaissance: '1996-05-03' }, t.cip)).toHaveLength(0);
    const refused = await app.fail('personnes.create', personneInput({ nom: 'ARNAUD', prenom: 'Julié' }), t.cip);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/même nom et même date de naissance/) });
    expect(app.count('personnes')).toBe(1);
    await app.call('personnes.create', personneInput({ nom: 'ARNAUD', prenom: 'Julié', ignorerDoublons: true }), t.cip);
    expect(app.count('personnes')).toBe(2);
  });

  it('refuses bad identity fields with one French message per field, writing nothing', async () => {
    const t = await start();
    const error = await app.fail(
      'personnes.create',
      personneInput({ civilite: 'X' as 'M', nom: '', dateNaissance: '31/02/1990', identifiantFt: '123', nir: '1234', email: 'pas-un-mail', codePostal: '7', orienteur: '42' as '01' }),
      t.cip,
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toMatchObject({
      civilite: 'Choisissez la civilité.',
      nom: 'Indiquez le nom.',
      dateNaissance: 'Date de naissance : date incomplète ou qui n’existe pas (JJ/MM/AAAA).',
      identifiantFt: expect.stringMatching(/Identifiant France Travail invalide/),
      nir: expect.stringMatching(/Numéro de sécurité sociale invalide/),
      email: 'Adresse de courriel invalide.',
      codePostal: 'Le code postal doit comporter 5 chiffres.',
      orienteur: 'Orienteur inconnu.',
    });
    expect(app.count('personnes') + app.count('accueils')).toBe(0);
  });
});

describe('intake and decision', () => {
  it('records offer, notice, diagnostic, freins, skills, eligibility, and an entry with its referent', async () => {
    const t = await start();
    const created = await app.call('personnes.create', personneInput(), t.accueil);
    const personneId = created.personne.id;
    const accueilId = created.accueils![0]!.id;
    await app.call(
      'accueils.update',
      { id: accueilId, datePremierContact: '2026-02-02', canal: 'physique', dateOffrePresentee: '2026-02-02', offrePresenteePar: t.ids.accueil, dateNoticeRgpd: '2026-02-02', dateDiagnostic: '2026-02-04', souhaits: 'Travailler dehors, passer le permis.' },
      t.accueil,
    );
    await app.call('freins.save', { personneId, type: 'mobilite', niveau: 3, commentaire: 'Pas de permis', dateIdentification: '2026-02-04' }, t.cip);
    await app.call('freins.save', { personneId, type: 'sante', niveau: 2, commentaire: 'Suivi en cours', dateIdentification: '2026-02-04' }, t.cip);
    await app.call('competences.save', { personneId, libelle: 'Entretien des espaces verts', codeRome: 'a1203', niveau: 2, dateEvaluation: '2026-02-04' }, t.accueil);
    await app.call(
      'eligibilite.save',
      { personneId, date: '2026-02-04', auteur: 'structure', prescripteur: '', dispositif: 'ACI', criteres: [{ critere: 'RSA', dateJustificatif: '2026-01-20' }, { critere: 'TH', dateJustificatif: '2024-01-01' }] },
      t.cip,
    );
    const decided = await app.call(
      'accueils.decide',
      { id: accueilId, decision: 'entree', dateDecision: '2026-02-10', dispositif: 'ACI', referentId: t.ids.cip, motifDecision: null, reorientationVers: '' },
      t.cip,
    );
    expect(decided.accueils![0]).toMatchObject({ decision: 'entree', dispositif: 'ACI', referent: { id: t.ids.cip }, offrePresenteePar: { id: t.ids.accueil } });
    expect(decided.diagnostics![0]).toMatchObject({ eligible: true, valableJusquau: '2026-05-07' });
    expect(decided.competences[0]).toMatchObject({ codeRome: 'A1203' });
    expect(decided.freins!.map((f) => f.type).sort()).toEqual(['mobilite', 'sante']);
    const list = await app.call('personnes.list', { decision: 'entree', dispositif: 'ACI', referentId: t.ids.cip }, t.cip);
    expect(list).toMatchObject({ total: 1, rows: [{ id: personneId, decision: 'entree', referent: 'cip Test' }] });
  });

  it('checks each decision has what it needs, and dates that contradict each other', async () => {
    const t = await start();
    const created = await app.call('personnes.create', personneInput(), t.cip);
    const id = created.accueils![0]!.id;
    const decide = (extra: object) => app.fail('accueils.decide', { id, dateDecision: '2026-02-10', motifDecision: null, reorientationVers: '', dispositif: null, referentId: null, ...extra }, t.cip);
    expect((await decide({ decision: 'entree' })).fields).toEqual({ dispositif: 'Choisissez le dispositif du parcours.', referentId: 'Choisissez le ou la référent·e du parcours.' });
    expect((await decide({ decision: 'reorientation' })).fields).toEqual({ motifDecision: 'Indiquez le motif de la décision.', reorientationVers: 'Indiquez vers qui la personne est réorientée.' });
    expect((await decide({ decision: 'sans_suite', motifDecision: 'no_position', dateDecision: '2026-01-01' })).fields).toEqual({ dateDecision: 'La décision ne peut pas précéder le premier contact.' });
    expect((await decide({ decision: 'entree', dispositif: 'ACI', referentId: t.ids.encadrant })).fields).toEqual({ referentId: 'Choisissez un·e CIP ou un membre de la direction.' });
    const offerBefore = await app.fail('accueils.update', { id, datePremierContact: '2026-02-02', canal: 'physique', dateOffrePresentee: '2026-01-30', souhaits: '' }, t.cip);
    expect(offerBefore.fields).toEqual({ dateOffrePresentee: 'Cette date précède le premier contact.' });
    await app.call('accueils.decide', { id, decision: 'sans_suite', dateDecision: '2026-02-10', motifDecision: 'no_position', reorientationVers: '', dispositif: null, referentId: null }, t.cip);
    expect((await app.call('personnes.list', { decision: 'sans_suite' }, t.cip)).total).toBe(1);
    await app.call('accueils.decide', { id, decision: null, dateDecision: null, motifDecision: null, reorientationVers: '', dispositif: null, referentId: null }, t.cip);
    expect((await app.call('personnes.list', { decision: 'en_attente' }, t.cip)).total).toBe(1);
    expect((await app.call('accueils.alerts', {}, t.cip)).enAttente).toBe(1);
  });
});

describe('persons list', () => {
  it('shows each person with their latest intake, whichever intake changes', async () => {
    const t = await start();
    const created = await app.call('personnes.create', personneInput(), t.cip);
    const personneId = created.personne.id;
    const row = async () => (await app.call('personnes.list', { q: 'arnaud' }, t.cip)).rows[0]!;
    const file = await app.call('accueils.create', { personneId, datePremierContact: '2025-11-10', canal: 'telephone' }, t.cip);
    const older = file.accueils!.find((a) => a.datePremierContact === '2025-11-10')!;
    const newer = file.accueils!.find((a) => a.datePremierContact === '2026-02-02')!;
    expect(await row()).toMatchObject({ datePremierContact: '2026-02-02', decision: null });
    await app.call('accueils.decide', { id: older.id, decision: 'sans_suite', dateDecision: '2025-11-20', motifDecision: 'did_not_come', reorientationVers: '', dispositif: null, referentId: null }, t.cip);
    expect(await row()).toMatchObject({ datePremierContact: '2026-02-02', decision: null });
    // Correcting the newer intake's date to before the older one makes the older one the latest.
    await app.call('accueils.update', { id: newer.id, datePremierContact: '2025-10-01', canal: 'physique', souhaits: '' }, t.cip);
    expect(await row()).toMatchObject({ datePremierContact: '2025-11-10', decision: 'sans_suite' });
    expect((await app.call('personnes.list', { decision: 'sans_suite' }, t.cip)).total).toBe(1);
    expect((await app.call('personnes.list', { decision: 'en_attente' }, t.cip)).total).toBe(0);
    // Sorted by name, accents ignored: Élodie sorts between Arnaud and Fabre.
    await app.call('personnes.create', personneInput({ nom: 'Fabre', prenom: 'Paul', dateNaissance: '1990-03-03' }), t.cip);
    await app.call('personnes.create', personneInput({ nom: 'Écuyer', prenom: 'Élodie', dateNaissance: '1991-03-03' }), t.cip);
    const names = (await app.call('personnes.list', { sort: 'nom', direction: 'asc' }, t.cip)).rows.map((r) => r.nom);
    expect(names).toEqual(['Arnaud', 'Écuyer', 'Fabre']);
  });
});

describe('access rules', () => {
  async function sensitiveFile() {
    const t = await start();
    const created = await app.call('personnes.create', personneInput({ orienteur: '09' }), t.cip);
    const personneId = created.personne.id;
    const { accueil: _firstContact, ...identity } = personneInput({ orienteur: '09' });
    await app.call('personnes.update', { ...identity, id: personneId }, t.cip);
    await app.call('freins.save', { personneId, type: 'justice', niveau: 2, commentaire: 'Obligation de soins', dateIdentification: '2026-02-04' }, t.cip);
    await app.call('freins.save', { personneId, type: 'heberg', niveau: 1, commentaire: 'Hébergée par sa sœur', dateIdentification: '2026-02-04' }, t.cip);
    await app.call('eligibilite.save', { personneId, date: '2026-02-04', auteur: 'structure', prescripteur: '', dispositif: 'AI', criteres: [{ critere: 'DETENTION_MJ', dateJustificatif: '2026-01-10' }, { critere: 'QPV', dateJustificatif: '2026-01-10' }] }, t.cip);
    return { t, personneId };
  }

  it('shows health and justice facts and the NIR to direction and CIP only', async () => {
    const { t, personneId } = await sensitiveFile();
    const cip = await app.call('personnes.get', { id: personneId }, t.cip);
    expect(cip.personne).toMatchObject({ orienteur: '09', nir: '296050700012308' });
    expect(cip.freins!.map((f) => f.type).sort()).toEqual(['heberg', 'justice']);
    expect(cip.diagnostics![0]!.criteres.map((c) => c.critere).sort()).toEqual(['DETENTION_MJ', 'QPV']);
    for (const role of ['accueil', 'lecture'] as const) {
      const file = await app.call('personnes.get', { id: personneId }, t[role]);
      // Withheld for everybody alike, not null for the SPIP referrals only (issue 20 §1).
      expect(file.personne).toMatchObject({ orienteur: 'reserve', nir: null });
      expect(file.freins!.map((f) => f.type)).toEqual(['heberg']);
      expect(file.diagnostics![0]!.criteres.map((c) => c.critere)).toEqual(['QPV']);
      expect(JSON.stringify(file)).not.toMatch(/justice|DETENTION|Obligation de soins|296050700012308|"09"/);
    }
  });

  it('gives the encadrant technique identity and skills only', async () => {
    const { t, personneId } = await sensitiveFile();
    const file = await app.call('personnes.get', { id: personneId }, t.encadrant);
    expect(file).toMatchObject({ accueils: null, freins: null, diagnostics: null, pass: null });
    expect(file.personne.nom).toBe('Arnaud');
    expect((await app.fail('personnes.list', { decision: 'entree' }, t.encadrant)).code).toBe('FORBIDDEN');
    expect((await app.fail('documents.intake', { id: 'x' }, t.encadrant)).code).toBe('FORBIDDEN');
  });

  it('keeps a hidden orienteur and NIR when a restricted role saves the identity', async () => {
    const { t, personneId } = await sensitiveFile();
    const seen = await app.call('personnes.get', { id: personneId }, t.accueil);
    const { id, ...fields } = seen.personne;
    await app.call('personnes.update', { id, civilite: fields.civilite, nom: fields.nom, prenom: fields.prenom, dateNaissance: fields.dateNaissance, telephone: '07 00 00 00 00', orienteur: null, nir: null }, t.accueil);
    const after = await app.call('personnes.get', { id: personneId }, t.cip);
    expect(after.personne).toMatchObject({ telephone: '07 00 00 00 00', orienteur: '09', nir: '296050700012308' });
  });

  it('refuses writes to roles without the right, and audits every read of a file', async () => {
    const { t, personneId } = await sensitiveFile();
    expect((await app.fail('freins.save', { personneId, type: 'heberg', niveau: 1, commentaire: '', dateIdentification: '2026-02-04' }, t.accueil)).code).toBe('FORBIDDEN');
    expect((await app.fail('personnes.create', personneInput({ nom: 'Autre' }), t.lecture)).code).toBe('FORBIDDEN');
    expect((await app.fail('personnes.create', personneInput({ nom: 'Autre' }), t.encadrant)).code).toBe('FORBIDDEN');
    expect((await app.fail('offre.update', { presentation: 'x' }, t.cip)).code).toBe('FORBIDDEN');
    const before = app.count('audit_log');
    await app.call('personnes.get', { id: personneId }, t.lecture);
    const last = app.runtime.openOrNull()!.sqlite.prepare('select action, entity, entity_id, user_login from audit_log order by seq desc limit 1').get();
    expect(app.count('audit_log')).toBe(before + 1);
    expect(last).toEqual({ action: 'read', entity: 'personne', entity_id: personneId, user_login: 'lecture.test' });
  });
});

describe('PASS IAE', () => {
  it('computes the end and status, checks suspensions and prolongations, and refuses a number used twice', async () => {
    const t = await start();
    const created = await app.call('personnes.create', personneInput(), t.cip);
    const personneId = created.personne.id;
    // The test clock says 2026-03-02: a PASS ending 2026-04-30 is in its last 3 months.
    let file = await app.call('pass.save', { personneId, numero: '999992510000', dateDebut: '2024-05-01', dateFin: '2026-04-30' }, t.cip);
    expect(file.pass![0]).toMatchObject({ statut: 'VALID', finCalculee: '2026-04-30', alerte: true });
    expect((await app.call('accueils.alerts', {}, t.cip)).passFinProche).toEqual([{ personneId, nom: 'Arnaud', prenom: 'Julie', numero: '999992510000', finCalculee: '2026-04-30' }]);
    const passId = file.pass![0]!.id;
    file = await app.call('pass.addSuspension', { passId, dateDebut: '2026-02-25', dateFin: '2026-03-06', motif: 'CONTRACT_SUSPENDED' }, t.cip);
    // 25 February to 6 March pushes the end by 9 days (end minus start, as les-emplois' trigger does).
    expect(file.pass![0]).toMatchObject({ statut: 'SUSPENDED', finCalculee: '2026-05-09', alerte: true, carence: null });
    // The dashboard's single SQL query agrees with the shared rule.
    expect((await app.call('accueils.alerts', {}, t.cip)).passFinProche[0]!.finCalculee).toBe('2026-05-09');
    const overlap = await app.fail('pass.addSuspension', { passId, dateDebut: '2026-03-01', dateFin: '2026-03-10', motif: 'CONTRACT_SUSPENDED' }, t.cip);
    expect(overlap).toMatchObject({ code: 'VALIDATION', message: 'Cette suspension chevauche une suspension déjà enregistrée.' });
    file = await app.call('pass.addProlongation', { passId, dateFin: '2027-01-31', motif: 'SENIOR', dispositif: 'ACI' }, t.cip);
    expect(file.pass![0]).toMatchObject({ finCalculee: '2027-01-31', alerte: false, prolongations: [{ dateDebut: '2026-05-10', dateFin: '2027-01-31', motif: 'SENIOR' }] });
    expect((await app.call('accueils.alerts', {}, t.cip)).passFinProche).toEqual([]);
    expect((await app.fail('pass.addProlongation', { passId, dateFin: '2027-06-01', motif: 'PARTICULAR_DIFFICULTIES', dispositif: 'EI' }, t.cip)).message).toMatch(/qu'en AI et ACI/);
    const other = await app.call('personnes.create', personneInput({ nom: 'Barre', prenom: 'Kevin' }), t.cip);
    expect((await app.fail('pass.save', { personneId: other.personne.id, numero: '999992510000', dateDebut: '2026-01-01', dateFin: '2027-12-31' }, t.cip)).fields).toEqual({ numero: 'Ce numéro de PASS IAE est déjà enregistré pour une autre personne.' });
    expect((await app.fail('pass.save', { personneId, numero: '999992510001', dateDebut: '2026-01-01', dateFin: '2027-12-31' }, t.cip)).message).toMatch(/un seul PASS valide à la fois/);
  });
});

describe('documents', () => {
  it('renders the intake summary, the notice and the welcome booklet as PDF', async () => {
    const t = await start();
    const created = await app.call('personnes.create', personneInput({ nom: 'N’Diaye-Œuvray', prenom: 'Aïssatou' }), t.cip);
    await app.call('freins.save', { personneId: created.personne.id, type: 'mobilite', niveau: 3, commentaire: 'Pas de permis', dateIdentification: '2026-02-04' }, t.cip);
    expect((await app.fail('documents.livret', {}, t.cip)).message).toMatch(/offre d'insertion n'est pas encore rédigée/);
    await app.call('offre.update', { presentation: 'Un chantier d’insertion en maraîchage biologique.', activites: 'Maraîchage, espaces verts.', formations: '', accompagnement: 'Un·e CIP vous suit chaque semaine.', regles: 'Horaires : 8 h – 15 h 30.' }, t.direction);
    const docs = [
      await app.call('documents.intake', { id: created.accueils![0]!.id }, t.cip),
      await app.call('documents.notice', {}, t.accueil),
      await app.call('documents.livret', {}, t.accueil),
    ];
    mkdirSync('out/pdf-check', { recursive: true });
    for (const doc of docs) {
      const bytes = Buffer.from(doc.base64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(5000);
      writeFileSync(`out/pdf-check/${doc.fileName}`, bytes);
    }
    expect(docs[0]!.fileName).toBe('synthese-accueil-n-diaye-oeuvray-aissatou-2026-02-02.pdf');
    const exportRow = app.runtime.openOrNull()!.sqlite.prepare("select entity, entity_id from audit_log where action = 'export'").get();
    expect(exportRow).toEqual({ entity: 'accueil', entity_id: created.accueils![0]!.id });
  });
});
