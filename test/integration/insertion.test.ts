/** Mission insertion through the routes, on a real database, with fixture persons E1 and E2 (ACI, 2024). */
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { personneInput, team, type Team } from '../helpers/accueil';

let app: TestApp;
afterEach(() => app?.close());

/** A person with a PASS IAE, an ACI entry decision, and the parcours it opened. */
async function enteredInAci(t: Team, nom: string, passStart: string, passEnd: string) {
  const created = await app.call('personnes.create', personneInput({ nom, accueil: { datePremierContact: '2024-01-03', canal: 'physique' } }), t.cip);
  const personneId = created.personne.id;
  await app.call('pass.save', { personneId, numero: `99999${String(nom.length).padStart(7, '0')}`, dateDebut: passStart, dateFin: passEnd }, t.cip);
  await app.call('accueils.decide', { id: created.accueils![0]!.id, decision: 'entree', dateDecision: '2024-01-10', dispositif: 'ACI', referentId: t.ids.cip, motifDecision: null, reorientationVers: '' }, t.cip);
  const [parcours] = await app.call('parcours.ofPersonne', { personneId }, t.cip);
  return { personneId, parcoursId: parcours!.id };
}

const contract = (parcoursId: string, over: object = {}) => ({ parcoursId, type: 'CDDI', dateDebut: '2024-01-15', dateFinPrevue: '2024-07-14', heuresHebdo: 24, derogations: [], ...over });
// Confirmed: these tests are about saving; the plausibility checks have their own test below.
const month = (contratId: string, mois: string, heures: number) => ({ mois, contratIds: [contratId], entrees: [{ contratId, date: `${mois}-01`, heures }], confirme: true });

describe('parcours and contracts', () => {
  it('an entry decision opens the parcours; it starts with its first contract', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const { personneId, parcoursId } = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    let all = await app.call('parcours.ofPersonne', { personneId }, t.encadrant);
    expect(all).toEqual([expect.objectContaining({ id: parcoursId, dispositif: 'ACI', dateDebut: null, referent: { id: t.ids.cip, displayName: 'cip Test' }, contrats: [], sortie: null })]);
    all = await app.call('contrats.save', contract(parcoursId), t.cip);
    expect(all[0]).toMatchObject({ dateDebut: '2024-01-15', contrats: [{ type: 'CDDI', heuresHebdo: 24, avertissements: [] }] });
    expect(app.count('parcours')).toBe(1);
  });

  it('refuses a contract the law forbids, with the reason, and writes nothing', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const { parcoursId } = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    expect(await app.call('contrats.check', contract(parcoursId, { type: 'CDD_USAGE' }), t.cip)).toEqual({ bloquants: ["Un contrat « CDD d’usage » n'est pas possible en ACI."], avertissements: [] });
    const tooLong = await app.fail('contrats.save', contract(parcoursId, { dateDebut: '2025-06-01', dateFinPrevue: '2026-03-31' }), t.cip);
    expect(tooLong).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/dépasse la fin du PASS IAE \(14\/01\/2026\)/) });
    const noPass = await app.fail('contrats.save', contract(parcoursId, { dateDebut: '2023-06-01', dateFinPrevue: '2023-12-31' }), t.cip);
    expect(noPass.message).toMatch(/Aucun PASS IAE valide le 01\/06\/2023/);
    expect((await app.fail('contrats.save', contract(parcoursId), t.encadrant)).code).toBe('FORBIDDEN');
    expect(app.count('contrats')).toBe(0);
  });
});

describe('hours', () => {
  it('saves a month in one transaction, refuses any bad line with its number, and never changes a closed month', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const { personneId, parcoursId } = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    const contratId = (await app.call('contrats.save', contract(parcoursId), t.cip))[0]!.contrats[0]!.id;
    expect(await app.call('heures.saveMonth', month(contratId, '2024-01', 100), t.encadrant)).toEqual({ mois: '2024-01', entrees: 1, heures: 100, alertes480: [] });
    // Saving the month again replaces it, it does not add to it.
    expect((await app.call('heures.saveMonth', month(contratId, '2024-01', 98.5), t.encadrant)).heures).toBe(98.5);
    const bad = await app.fail(
      'heures.saveMonth',
      {
        mois: '2024-02',
        contratIds: [contratId],
        entrees: [
          { contratId, date: '2024-02-05', heures: 7 },
          { contratId, date: '2024-03-01', heures: 7 },
        ],
      },
      t.encadrant,
    );
    expect(bad).toMatchObject({ code: 'VALIDATION', message: '1\u00a0ligne à corriger : rien n’a été enregistré.', fields: { 'entrees.1': 'Date hors du mois 02/2024.' } });
    const afterContract = await app.fail('heures.saveMonth', month(contratId, '2024-08', 10), t.encadrant);
    expect(afterContract.fields).toEqual({ 'entrees.0': 'Date en dehors de la période du contrat.' });
    expect((await app.call('parcours.ofPersonne', { personneId }, t.cip))[0]!.heuresTotales).toBe(98.5);

    const grid = await app.call('heures.month', { mois: '2024-01' }, t.encadrant);
    expect(grid).toMatchObject({ cloture: false, hRef: { ACI: 1820 }, lignes: [{ contratId, nom: 'Arnaud', clientId: null, heures: 98.5, saisieJournaliere: false }] });
    const csv = await app.call('heures.exportMonth', { mois: '2024-01' }, t.cip);
    expect(csv.fileName).toBe('etat-mensuel-2024-01.csv');
    expect(csv.content.startsWith('\uFEFFannexe_financiere;dispositif;numero_pass_iae;nom;prenom;date_naissance;type_contrat;debut_contrat;fin_prevue;mois;heures_travaillees;toujours_accompagne;fin_reelle_dans_le_mois;date_sortie;motif_sortie;heures_payees\r\n')).toBe(true);
    expect(csv.content).toContain(';ACI;99999000000' + '6;Arnaud;Julie;1996-05-02;CDDI;2024-01-15;2024-07-14;2024-01;98,50;oui;;;;\r\n');
    // ACI: the paid hours beside the hours worked (issue 15 §3), saved for the month, then in the statement.
    const statement = await app.call('etatMensuel.savePayees', { mois: '2024-01', lignes: [{ contratId, heures: 104.33 }] }, t.encadrant);
    expect(statement.groupes).toEqual([{ dispositif: 'ACI', annexeFinanciere: '', lignes: [expect.objectContaining({ contratId, heuresTravaillees: 98.5, heuresPayees: 104.33, toujoursAccompagne: true })] }]);
    expect((await app.call('heures.exportMonth', { mois: '2024-01' }, t.cip)).content).toContain(';2024-01;98,50;oui;;;;104,33\r\n');
    // More hours than January holds, or a contract outside the month: refused in French, nothing saved.
    expect((await app.fail('etatMensuel.savePayees', { mois: '2024-01', lignes: [{ contratId, heures: 750 }] }, t.encadrant)).fields).toEqual({ 'lignes.0.heures': 'Au plus 744 heures dans un mois.' });
    expect((await app.fail('etatMensuel.savePayees', { mois: '2024-09', lignes: [{ contratId, heures: 10 }] }, t.encadrant)).fields).toEqual({ 'lignes.0': 'Ce contrat ne court pas pendant ce mois.' });
    expect((await app.call('etatMensuel.get', { mois: '2024-01' }, t.encadrant)).groupes[0]!.lignes[0]!.heuresPayees).toBe(104.33);
    // A month without any hour still has the contract's line (the ASP's état mensuel lists every running contract).
    const empty = await app.call('heures.exportMonth', { mois: '2024-05' }, t.cip);
    expect(empty.content).toContain(';ACI;99999000000' + '6;Arnaud;Julie;1996-05-02;CDDI;2024-01-15;2024-07-14;2024-05;0,00;oui;;;;\r\n');

    expect((await app.fail('heures.closeMonth', { mois: '2024-01' }, t.cip)).code).toBe('FORBIDDEN');
    await app.call('heures.closeMonth', { mois: '2024-01' }, t.direction);
    expect(await app.fail('heures.saveMonth', month(contratId, '2024-01', 120), t.encadrant)).toMatchObject({ code: 'CONFLICT', message: 'Le mois 01/2024 est clôturé : ses heures ne peuvent plus être modifiées.' });
    expect(await app.fail('etatMensuel.savePayees', { mois: '2024-01', lignes: [{ contratId, heures: 1 }] }, t.encadrant)).toMatchObject({ code: 'CONFLICT', message: 'Le mois janvier 2024 est validé : ses heures ne peuvent plus être modifiées.' });
    expect((await app.call('etatMensuel.get', { mois: '2024-01' }, t.encadrant)).valide).toBe(true);
    expect((await app.call('parcours.ofPersonne', { personneId }, t.cip))[0]!.heuresTotales).toBe(98.5);
  });
});

describe('exits', () => {
  it('E1 (6 months, hours in 2024) counts as sustainable employment; E2 (exit before 3 months) does not count', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const e1 = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    const c1 = (await app.call('contrats.save', contract(e1.parcoursId), t.cip))[0]!.contrats[0]!.id;
    for (const m of ['01', '02', '03', '04', '05', '06']) await app.call('heures.saveMonth', month(c1, `2024-${m}`, 100), t.cip);
    const [p1] = await app.call('sorties.save', { parcoursId: e1.parcoursId, dateSortie: '2024-06-28', motif: '9', confirme: true }, t.cip);
    expect(p1).toMatchObject({ heuresTotales: 600, sortie: { date: '2024-06-28', motif: '9', categorie: 'EMPLOI_DURABLE', comptee: true } });
    // The exit ends the contract that was still running.
    expect(p1!.contrats[0]).toMatchObject({ dateFinPrevue: '2024-07-14', dateFinReelle: '2024-06-28' });

    const e2 = await enteredInAci(t, 'Barre', '2024-02-19', '2026-02-18');
    const c2 = (await app.call('contrats.save', contract(e2.parcoursId, { dateDebut: '2024-02-19', dateFinPrevue: '2024-08-18' }), t.cip))[0]!.contrats[0]!.id;
    for (const [m, h] of [['02', 90], ['03', 90], ['04', 40]] as const) await app.call('heures.saveMonth', month(c2, `2024-${m}`, h), t.cip);
    const [p2] = await app.call('sorties.save', { parcoursId: e2.parcoursId, dateSortie: '2024-04-30', motif: '10', confirme: true }, t.cip);
    expect(p2!.sortie).toEqual({ date: '2024-04-30', motif: '10', categorie: 'EMPLOI_TRANSITION', comptee: false });

    // The état mensuel of an exit month has the exit, even when the month had no hours (E1's June is not typed yet).
    app.runtime.openOrNull()!.sqlite.prepare("delete from heures where contrat_id = ? and date >= '2024-06-01'").run(c1);
    const june = await app.call('heures.exportMonth', { mois: '2024-06' }, t.cip);
    expect(june.content).toContain(';Arnaud;Julie;1996-05-02;CDDI;2024-01-15;2024-07-14;2024-06;0,00;non;2024-06-28;2024-06-28;9;\r\n');

    expect((await app.fail('sorties.save', { parcoursId: e2.parcoursId, dateSortie: '2024-01-01', motif: '10', confirme: true }, t.cip)).fields).toEqual({ dateSortie: 'Avant le début du parcours.' });
    expect((await app.fail('sorties.save', { parcoursId: e2.parcoursId, dateSortie: '2024-04-30', motif: '42' }, t.cip)).fields).toEqual({ motif: 'Choisissez le motif de sortie (code ASP).' });
  });

  it('take their category from the mapping in force on the exit date', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const e1 = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    await app.call('contrats.save', contract(e1.parcoursId), t.cip);
    const { MAPPING_SORTIES_DEFAUT } = await import('../../src-shared/domain/insertion');
    app.runtime
      .openOrNull()!
      .sqlite.prepare("insert into parametres (id, cle, valeur, valide_du, created_at) values ('m1', 'mapping_sorties', ?, '2024-06-01', 'now')")
      .run(JSON.stringify({ ...MAPPING_SORTIES_DEFAUT, '9': 'EMPLOI_TRANSITION' }));
    expect((await app.call('sorties.save', { parcoursId: e1.parcoursId, dateSortie: '2024-05-31', motif: '9', confirme: true }, t.cip))[0]!.sortie!.categorie).toBe('EMPLOI_DURABLE');
    expect((await app.call('sorties.save', { parcoursId: e1.parcoursId, dateSortie: '2024-06-01', motif: '9', confirme: true }, t.cip))[0]!.sortie!.categorie).toBe('EMPLOI_TRANSITION');
  });
});

describe('CER and bilans', () => {
  it('keeps every CER version, knows whether the first was signed in time, and flags an overdue bilan', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const e1 = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    let [p] = await app.call('contrats.save', contract(e1.parcoursId), t.cip);
    expect(p!.echeances).toEqual({ cerAttenduLe: '2024-02-14', cerSigneDansDelai: null, prochainBilan: '2024-04-15', bilanEnRetard: true });

    const cer = { parcoursId: e1.parcoursId, objectifs: 'Passer le permis B, travailler en espaces verts.', moyensFormation: 'Code de la route', moyensEncadrement: '', moyensAccompagnement: 'Un entretien par semaine', heuresHebdo: 24 };
    const unsigned = await app.fail('cer.save', { ...cer, signePersonne: true }, t.cip);
    expect(unsigned.fields).toEqual({ dateSignature: 'Indiquez la date de signature.' });
    await app.call('cer.save', { ...cer, dateSignature: '2024-01-31', signePersonne: true, signeStructure: true }, t.cip);
    [p] = await app.call('cer.save', { ...cer, objectifs: 'Passer le permis B, puis un CQP agent de propreté.', dateSignature: '2024-04-10', signePersonne: true, signeStructure: true }, t.cip);
    expect(p!.cer.map((v) => [v.version, v.dateSignature])).toEqual([
      [2, '2024-04-10'],
      [1, '2024-01-31'],
    ]);
    expect(p!.echeances.cerSigneDansDelai).toBe(true);

    [p] = await app.call('bilans.save', { parcoursId: e1.parcoursId, type: 'etape', date: '2024-04-10', parolesPersonne: 'Je me sens mieux, je veux continuer.' }, t.cip);
    expect(p!.bilans).toEqual([expect.objectContaining({ type: 'etape', date: '2024-04-10', parolesPersonne: 'Je me sens mieux, je veux continuer.' })]);
    expect(p!.echeances).toMatchObject({ prochainBilan: '2024-07-10', bilanEnRetard: true });
    const cerPdf = await app.call('documents.cer', { parcoursId: e1.parcoursId }, t.cip);
    const bilanPdf = await app.call('documents.bilan', { parcoursId: e1.parcoursId, bilanId: p!.bilans[0]!.id }, t.cip);
    expect(cerPdf.fileName).toBe('cer-arnaud-julie-v2.pdf');
    expect(bilanPdf.fileName).toBe('bilan-arnaud-julie-2024-04-10.pdf');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync('out/pdf-check', { recursive: true });
    for (const doc of [cerPdf, bilanPdf]) {
      expect(Buffer.from(doc.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(`out/pdf-check/${doc.fileName}`, Buffer.from(doc.base64, 'base64'));
    }
    // An exit ends the schedule of bilans.
    [p] = await app.call('sorties.save', { parcoursId: e1.parcoursId, dateSortie: '2024-06-28', motif: '9', confirme: true }, t.cip);
    expect(p!.echeances).toMatchObject({ prochainBilan: null, bilanEnRetard: false });
    expect((await app.fail('bilans.save', { parcoursId: e1.parcoursId, type: 'fin', date: '2024-04-10' }, t.cip)).fields).toEqual({ type: 'Choisissez le type de bilan.' });
    expect((await app.fail('cer.save', cer, t.encadrant)).code).toBe('FORBIDDEN');
  });
});

describe('what needs doing now', () => {
  it('lists overdue CER, contracts ending within 30 days, AI persons near 480 hours and months not closed', async () => {
    // Test clock: 2026-03-02.
    app = await TestApp.start();
    const t = await team(app);
    const e1 = await enteredInAci(t, 'Arnaud', '2025-12-01', '2027-11-30');
    await app.call('contrats.save', contract(e1.parcoursId, { dateDebut: '2025-12-01', dateFinPrevue: '2026-01-04', derogations: ['AMENAGEMENT_PEINE'] }), t.cip);
    const [p] = await app.call('contrats.save', contract(e1.parcoursId, { dateDebut: '2026-01-05', dateFinPrevue: '2026-03-20' }), t.cip);
    await app.call('heures.saveMonth', month(p!.contrats[1]!.id, '2026-01', 80), t.cip);

    // An AI person placed with a company for 450 hours.
    const created = await app.call('personnes.create', personneInput({ nom: 'Denis', prenom: 'Omar', dateNaissance: '2002-07-07', accueil: { datePremierContact: '2025-06-01', canal: 'physique' } }), t.cip);
    await app.call('pass.save', { personneId: created.personne.id, numero: '999992810003', dateDebut: '2025-06-02', dateFin: '2027-06-01' }, t.cip);
    await app.call('accueils.decide', { id: created.accueils![0]!.id, decision: 'entree', dateDecision: '2025-06-01', dispositif: 'AI', referentId: t.ids.direction, motifDecision: null, reorientationVers: '' }, t.cip);
    const [ai] = await app.call('parcours.ofPersonne', { personneId: created.personne.id }, t.cip);
    const [aiWithContract] = await app.call('contrats.save', { parcoursId: ai!.id, type: 'CDD_USAGE', dateDebut: '2025-06-02', dateFinPrevue: '2026-12-31', heuresHebdo: null, derogations: [] }, t.cip);
    const [client] = await app.call('clients.save', { nom: 'Transports Giraud', type: 'entreprise' }, t.cip);
    const aiContract = aiWithContract!.contrats[0]!.id;
    // A client's type can be corrected; the 480-hour rule follows it.
    expect((await app.call('clients.save', { id: client!.id, nom: 'Transports Giraud SARL', type: 'entreprise', siret: '520 000 015 00013' }, t.cip))[0]).toMatchObject({ nom: 'Transports Giraud SARL', siret: '52000001500013' });
    const saves = [];
    for (const [mois, heures] of [['2025-07', 150], ['2025-09', 150], ['2025-11', 150]] as const) {
      saves.push(await app.call('heures.saveMonth', { mois, contratIds: [aiContract], entrees: [{ contratId: aiContract, clientId: client!.id, date: `${mois}-01`, heures }] }, t.cip));
    }
    // The warning comes with the save that reaches 90 % of the cap.
    expect(saves.map((x) => x.alertes480)).toEqual([[], [], ["Omar DENIS : 450 h de mise à disposition soumise au plafond sur 480 h autorisées sur 24 mois (jusqu'au 30/06/2027)."]]);
    const over = await app.call('heures.saveMonth', { mois: '2025-12', contratIds: [aiContract], entrees: [{ contratId: aiContract, clientId: client!.id, date: '2025-12-01', heures: 40 }] }, t.cip);
    expect(over.alertes480[0]).toMatch(/^Omar DENIS : 490 h de mise à disposition soumise au plafond \(entreprises, collectivités, besoins professionnels\), au-delà de 480 h/);
    await app.call('heures.saveMonth', { mois: '2025-12', contratIds: [aiContract], entrees: [] }, t.cip);

    const all = await app.call('insertion.dueWork', {}, t.direction);
    expect(all.perimetre).toBe('structure');
    expect(all.cerManquants.map((i) => [i.nom, i.date])).toEqual([['Arnaud', '2025-12-31'], ['Denis', '2025-07-02']]);
    expect(all.contratsFinProche.map((i) => [i.nom, i.date])).toEqual([['Arnaud', '2026-03-20']]);
    expect(all.alertes480).toEqual([expect.objectContaining({ nom: 'Denis', detail: '450 h soumises au plafond sur 480 h autorisées', date: '2027-06-30' })]);
    expect(all.moisNonClotures).toEqual(['2026-01', '2025-11', '2025-09', '2025-07']);
    expect(all.bilansEnRetard.map((i) => i.nom)).toEqual(['Arnaud', 'Denis']);

    // A CIP sees the parcours they follow.
    const mine = await app.call('insertion.dueWork', {}, t.cip);
    expect(mine.perimetre).toBe('mes_parcours');
    expect(mine.cerManquants.map((i) => i.nom)).toEqual(['Arnaud']);
  });
});

describe('support actions, partners and follow-up', () => {
  it('records trainings, immersions and support actions with partners, hides health ones from other roles, and follows up after the exit', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const e1 = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    await app.call('contrats.save', contract(e1.parcoursId), t.cip);
    const partners = await app.call('partenaires.save', { nom: 'Auto-école solidaire', type: 'organisme_formation', contact: '04 75 00 00 00' }, t.cip);
    const partner = partners[0]!.id;
    await app.call('formations.save', { parcoursId: e1.parcoursId, intitule: 'Permis B', organismeId: partner, dateDebut: '2024-03-01', dateFin: '2024-05-31', heures: 30, qualifiante: false }, t.cip);
    await app.call('pmsmp.save', { parcoursId: e1.parcoursId, dateDebut: '2024-03-11', dateFin: '2024-03-22', entreprise: 'Espaces verts Martin' }, t.cip);
    await app.call('actionsFreins.save', { parcoursId: e1.parcoursId, typeFrein: 'mobilite', date: '2024-02-01', prestataire: 'externe', partenaireId: partner, description: 'Inscription au code' }, t.cip);
    const [p] = await app.call('actionsFreins.save', { parcoursId: e1.parcoursId, typeFrein: 'sante', date: '2024-02-05', prestataire: 'interne' }, t.cip);
    expect(p!.formations).toEqual([expect.objectContaining({ intitule: 'Permis B', organisme: 'Auto-école solidaire', heures: 30 })]);
    expect(p!.pmsmp).toHaveLength(1);
    expect(p!.actionsFreins.map((a) => [a.typeFrein, a.prestataire, a.partenaire])).toEqual([
      ['mobilite', 'externe', 'Auto-école solidaire'],
      ['sante', 'interne', null],
    ]);
    expect((await app.call('partenaires.list', {}, t.encadrant))[0]).toMatchObject({ nom: 'Auto-école solidaire', interventions: 1 });
    expect(await app.call('partenaires.interventions', { id: partner }, t.encadrant)).toEqual([
      { date: '2024-03-01', personneId: e1.personneId, nom: 'Arnaud', prenom: 'Julie', dispositif: 'ACI', quoi: 'Formation : Permis B' },
      { date: '2024-02-01', personneId: e1.personneId, nom: 'Arnaud', prenom: 'Julie', dispositif: 'ACI', quoi: 'Action sur le frein « Manque de mobilité »' },
    ]);
    // The health action is not sent to roles without the right.
    expect((await app.call('parcours.ofPersonne', { personneId: e1.personneId }, t.encadrant))[0]!.actionsFreins.map((a) => a.typeFrein)).toEqual(['mobilite']);
    expect((await app.fail('actionsFreins.save', { parcoursId: e1.parcoursId, typeFrein: 'mobilite', date: '2024-02-01', prestataire: 'externe' }, t.cip)).fields).toEqual({ partenaireId: 'Choisissez le partenaire qui a mené l’action.' });

    expect((await app.fail('suivis.save', { parcoursId: e1.parcoursId, echeanceMois: 1, date: '2024-07-28', situation: 'emploi_durable' }, t.cip)).message).toMatch(/une fois la sortie enregistrée/);
    await app.call('sorties.save', { parcoursId: e1.parcoursId, dateSortie: '2024-06-28', motif: '9', confirme: true }, t.cip);
    await app.call('suivis.save', { parcoursId: e1.parcoursId, echeanceMois: 1, date: '2024-07-28', situation: 'emploi_durable' }, t.cip);
    const [after] = await app.call('suivis.save', { parcoursId: e1.parcoursId, echeanceMois: 1, date: '2024-07-30', situation: 'emploi_durable', commentaire: 'Toujours en poste' }, t.cip);
    expect(after!.suivis).toEqual([{ echeanceMois: 1, date: '2024-07-30', situation: 'emploi_durable', commentaire: 'Toujours en poste' }]);
  });
});

describe('dated parameters', () => {
  it('a prefectoral derogation raises the 480-hour cap from its date on; history stays; bad values are refused', async () => {
    app = await TestApp.start();
    const t = await team(app);
    let list = await app.call('parametres.list', {}, t.cip);
    expect(list.find((p) => p.cle === 'plafond_ai_entreprises_heures')).toMatchObject({ actuel: 480, defaut: 480, historique: [] });
    expect((await app.fail('parametres.add', { cle: 'plafond_ai_entreprises_heures', valideDu: '2026-01-01', valeur: 960 }, t.cip)).code).toBe('FORBIDDEN');
    list = await app.call('parametres.add', { cle: 'plafond_ai_entreprises_heures', valideDu: '2026-01-01', valeur: 960 }, t.direction);
    expect(list.find((p) => p.cle === 'plafond_ai_entreprises_heures')).toMatchObject({ actuel: 960, historique: [{ valideDu: '2026-01-01', valeur: 960, creePar: 'direction Test' }] });
    expect(app.runtime.openOrNull()!.parametres.valueAt('plafond_ai_entreprises_heures', '2025-12-31')).toBe(480);
    // Lists read a parameter once and apply it to each row's date: the same value as one query per date, every day.
    const parametres = app.runtime.openOrNull()!.parametres;
    await app.call('parametres.add', { cle: 'plafond_ai_entreprises_heures', valideDu: '2025-03-01', valeur: 600 }, t.direction);
    const capOn = parametres.valuesOnDates('plafond_ai_entreprises_heures');
    for (let day = new Date('2025-01-01T00:00:00Z'); day < new Date('2026-03-01T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1)) {
      const iso = day.toISOString().slice(0, 10);
      expect(capOn(iso)).toBe(parametres.valueAt('plafond_ai_entreprises_heures', iso));
    }
    expect([capOn('2025-02-28'), capOn('2025-03-01'), capOn('2026-01-01')]).toEqual([480, 600, 960]);
    expect((await app.fail('parametres.add', { cle: 'plafond_ai_entreprises_heures', valideDu: '2026-01-01', valeur: 1000 }, t.direction)).fields).toEqual({ valideDu: 'Date déjà utilisée pour ce paramètre.' });
    expect((await app.fail('parametres.add', { cle: 'h_ref', valideDu: '2027-01-01', valeur: { ACI: 1820 } }, t.direction)).code).toBe('VALIDATION');
    expect((await app.fail('parametres.add', { cle: 'mapping_sorties', valideDu: '2027-01-01', valeur: { '9': 'EMPLOI_DURABLE' } }, t.direction)).fields).toEqual({
      valeur: 'Chaque motif de sortie doit avoir une catégorie, et seulement les motifs connus.',
    });
  });
});

describe('plausibility (issue 14 §4): unusual values are confirmed, impossible ones refused, nothing capped', () => {
  it('hours beyond the contract need confirmation; more than the month holds are refused; each day at most 24 h, over 10 h confirmed', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const { parcoursId } = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    const contratId = (await app.call('contrats.save', contract(parcoursId, { heuresHebdo: 26 }), t.cip))[0]!.contrats[0]!.id;
    const entry = (heures: number, date = '2024-03-01', confirme = false) => ({ mois: '2024-03', contratIds: [contratId], entrees: [{ contratId, date, heures }], confirme });
    // 26 h a week over March's 31 days allow 115,14 h.
    expect((await app.call('heures.saveMonth', entry(115), t.cip)).heures).toBe(115);
    const unusual = await app.fail('heures.saveMonth', entry(600), t.cip);
    expect(unusual).toMatchObject({ code: 'CONFIRMATION_REQUIRED', fields: { 'entrees.0': expect.stringMatching(/^600,00 h : au-delà de ce que permet un contrat de 26 h par semaine sur 31 jours \(115,14 h\)/) } });
    expect(app.runtime.openOrNull()!.sqlite.prepare('select sum(centiemes) from heures').pluck().get()).toBe(11_500);
    expect((await app.call('heures.saveMonth', entry(600, '2024-03-01', true), t.cip)).heures).toBe(600);
    // 744 h is every hour of March: 800 is refused by the schema, 744,01 by the month's days; never capped.
    expect((await app.fail('heures.saveMonth', entry(800, '2024-03-01', true), t.cip)).fields).toEqual({ 'entrees.0.heures': 'Plus d’heures que le mois n’en compte.' });
    const february = await app.fail('heures.saveMonth', { mois: '2024-02', contratIds: [contratId], entrees: [{ contratId, date: '2024-02-01', heures: 700 }], confirme: true }, t.cip);
    expect(february).toMatchObject({ code: 'VALIDATION', fields: { 'entrees.0': '700,00 h : plus d’heures que les 29 jours du contrat dans le mois n’en comptent (696 h).' } });
    expect(app.runtime.openOrNull()!.sqlite.prepare('select sum(centiemes) from heures').pluck().get()).toBe(60_000);
    // A day: over 10 h is unusual (Code du travail L3121-18), over 24 h impossible.
    expect((await app.fail('heures.saveMonth', entry(11, '2024-03-04'), t.cip)).code).toBe('CONFIRMATION_REQUIRED');
    expect((await app.fail('heures.saveMonth', entry(25, '2024-03-04', true), t.cip)).fields).toEqual({ 'entrees.0': '25,00 h : une journée compte 24 heures.' });
  });

  it('a bilan, a CER signed or an exit dated after today needs confirmation; an exit ending a contract early says so', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const { parcoursId } = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    await app.call('contrats.save', contract(parcoursId), t.cip);
    const today = app.clock.now().toISOString().slice(0, 10);
    const future = '2030-01-15';
    const bilan = { parcoursId, type: 'etape' as const, date: future };
    expect(await app.fail('bilans.save', bilan, t.cip)).toMatchObject({ code: 'CONFIRMATION_REQUIRED', fields: { date: 'Le bilan est daté du 15/01/2030, après aujourd’hui. Confirmez si c’est bien la date.' } });
    expect(app.count('bilans')).toBe(0);
    await app.call('bilans.save', { ...bilan, confirme: true }, t.cip);
    expect(app.count('bilans')).toBe(1);
    const cer = { parcoursId, objectifs: 'Passer le permis.', dateSignature: future, signePersonne: true };
    expect((await app.fail('cer.save', cer, t.cip)).code).toBe('CONFIRMATION_REQUIRED');
    expect(app.count('cer')).toBe(0);
    expect(today < future).toBe(true);
    const early = await app.fail('sorties.save', { parcoursId, dateSortie: '2024-05-31', motif: '9' }, t.cip);
    expect(early).toMatchObject({ code: 'CONFIRMATION_REQUIRED', fields: { dateSortie: 'Le CDD d’insertion (CDDI) prévu jusqu’au 14/07/2024 s’arrêtera le 31/05/2024.' } });
    expect(app.runtime.openOrNull()!.sqlite.prepare('select date_sortie from parcours').pluck().get()).toBeNull();
    // On the contract's own end day, nothing to confirm.
    expect((await app.call('sorties.save', { parcoursId, dateSortie: '2024-07-14', motif: '9' }, t.cip))[0]!.sortie!.date).toBe('2024-07-14');
  });
});

describe('mistakes can be undone (issue 14 §5)', () => {
  it('bilans, trainings, immersions and support actions are corrected and deleted, audited; a signed year is confirmed first', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const { personneId, parcoursId } = await enteredInAci(t, 'Arnaud', '2024-01-15', '2026-01-14');
    await app.call('contrats.save', contract(parcoursId), t.cip);
    const sqlite = app.runtime.openOrNull()!.sqlite;
    await app.call('bilans.save', { parcoursId, type: 'etape', date: '2024-04-10', parolesPersonne: 'Je progresse.' }, t.cip);
    await app.call('formations.save', { parcoursId, intitule: 'Permis B', dateDebut: '2024-03-01', heures: 30 }, t.cip);
    await app.call('pmsmp.save', { parcoursId, dateDebut: '2024-05-02', entreprise: 'Jardins du Pic' }, t.cip);
    let [p] = await app.call('actionsFreins.save', { parcoursId, typeFrein: 'mobilite', date: '2024-02-01', prestataire: 'interne' }, t.cip);
    // Corrected in place, with the same checks as when created.
    [p] = await app.call('formations.save', { id: p!.formations[0]!.id, parcoursId, intitule: 'Permis B (code)', dateDebut: '2024-03-01', heures: 35.5 }, t.cip);
    expect(p!.formations).toEqual([expect.objectContaining({ intitule: 'Permis B (code)', heures: 35.5 })]);
    expect((await app.fail('formations.save', { id: p!.formations[0]!.id, parcoursId, intitule: 'Permis B', dateDebut: '2024-03-01', dateFin: '2024-02-01' }, t.cip)).fields).toEqual({ dateFin: 'La fin doit suivre le début.' });
    [p] = await app.call('pmsmp.save', { id: p!.pmsmp[0]!.id, parcoursId, dateDebut: '2024-05-03', entreprise: 'Jardins du Pic' }, t.cip);
    [p] = await app.call('actionsFreins.save', { id: p!.actionsFreins[0]!.id, parcoursId, typeFrein: 'mobilite', date: '2024-02-02', prestataire: 'interne', description: 'Carte de bus' }, t.cip);
    expect([p!.pmsmp[0]!.dateDebut, p!.actionsFreins[0]!.description]).toEqual(['2024-05-03', 'Carte de bus']);
    expect(sqlite.prepare('select count(*) from formations').pluck().get()).toBe(1);

    // The 2024 report is signed: deleting what counted in 2024 is confirmed, and the signed report does not change.
    await app.call('rapports.produce', { annee: 2024 }, t.direction);
    const signed = sqlite.prepare('select hash from rapports_annuels').pluck().get();
    const asked = await app.fail('parcours.deleteEntry', { parcoursId, type: 'bilan', id: p!.bilans[0]!.id }, t.cip);
    expect(asked).toMatchObject({ code: 'CONFIRMATION_REQUIRED', fields: { id: 'Le rapport annuel 2024 est déjà signé : il restera tel qu’il a été signé, mais les indicateurs 2024 affichés changeront.' } });
    expect(sqlite.prepare('select count(*) from bilans').pluck().get()).toBe(1);
    for (const [type, id] of [['bilan', p!.bilans[0]!.id], ['formation', p!.formations[0]!.id], ['pmsmp', p!.pmsmp[0]!.id], ['actionFrein', p!.actionsFreins[0]!.id]] as const) {
      [p] = await app.call('parcours.deleteEntry', { parcoursId, type, id, confirme: true }, t.cip);
    }
    expect([p!.bilans, p!.formations, p!.pmsmp, p!.actionsFreins]).toEqual([[], [], [], []]);
    expect(sqlite.prepare('select hash from rapports_annuels').pluck().get()).toBe(signed);
    expect(sqlite.prepare("select count(*) from audit_log where route = 'parcours.deleteEntry' and action = 'delete' and entity_id = ?").pluck().get(personneId)).toBe(4);
    // Nothing to delete twice, nothing of another parcours, and not for a role that cannot write a parcours.
    expect((await app.fail('parcours.deleteEntry', { parcoursId, type: 'bilan', id: 'inconnu', confirme: true }, t.cip)).code).toBe('NOT_FOUND');
    expect((await app.fail('parcours.deleteEntry', { parcoursId, type: 'bilan', id: 'inconnu' }, t.encadrant)).code).toBe('FORBIDDEN');
  });

  it('an eligibility diagnostic is corrected; deleted only when no parcours rests on it', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const created = await app.call('personnes.create', personneInput({ nom: 'Benali' }), t.cip);
    const personneId = created.personne.id;
    const diag = { personneId, date: '2026-02-02', auteur: 'structure' as const, dispositif: 'ACI' as const, criteres: [{ critere: 'RSA' as const, dateJustificatif: '2026-01-15' }] };
    let file = await app.call('eligibilite.save', diag, t.cip);
    const id = file.diagnostics![0]!.id;
    file = await app.call('eligibilite.save', { ...diag, id, criteres: [{ critere: 'DELD' as const, dateJustificatif: '2026-01-20' }] }, t.cip);
    expect(file.diagnostics!.map((d) => [d.id, d.criteres.map((c) => c.critere)])).toEqual([[id, ['DELD']]]);
    const other = await app.call('personnes.create', personneInput({ nom: 'Caron', nir: '', identifiantFt: '' }), t.cip);
    expect((await app.fail('eligibilite.save', { ...diag, id, personneId: other.personne.id }, t.cip)).code).toBe('NOT_FOUND');
    // Once it founded an entry, it is corrected, not deleted.
    await app.call('accueils.decide', { id: created.accueils![0]!.id, decision: 'entree', dateDecision: '2026-02-10', dispositif: 'ACI', referentId: t.ids.cip, motifDecision: null, reorientationVers: '' }, t.cip);
    expect(await app.fail('eligibilite.delete', { id }, t.cip)).toMatchObject({ code: 'CONFLICT', message: 'Ce diagnostic fonde l’entrée en parcours ACI : corrigez-le plutôt que de le supprimer.' });
    const spare = (await app.call('eligibilite.save', { ...diag, date: '2026-02-03' }, t.cip)).diagnostics!.find((d) => d.id !== id)!;
    expect((await app.call('eligibilite.delete', { id: spare.id }, t.cip)).diagnostics!.map((d) => d.id)).toEqual([id]);
  });
});

describe('eligibility proofs before a control (issue 15 §6)', () => {
  it('measures proofs at the hire, lists the files to complete on the dashboard, and a corrected proof leaves the list', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const created = await app.call('personnes.create', personneInput({ nom: 'Roux', accueil: { datePremierContact: '2024-12-02', canal: 'physique' } }), t.cip);
    const personneId = created.personne.id;
    // An RSA attestation of 1 September: valid for a hire until 30 November, stale for the hire of 15 January.
    const diagnostic = { personneId, date: '2024-11-20', auteur: 'structure', prescripteur: '', dispositif: 'ACI', criteres: [{ critere: 'RSA', dateJustificatif: '2024-09-01' }] };
    let file = await app.call('eligibilite.save', diagnostic, t.cip);
    expect(file.diagnostics![0]).toMatchObject({ eligible: true, avertissements: [], dateEmbauche: null });
    await app.call('pass.save', { personneId, numero: '999992500077', dateDebut: '2025-01-15', dateFin: '2027-01-14' }, t.cip);
    await app.call('accueils.decide', { id: created.accueils![0]!.id, decision: 'entree', dateDecision: '2024-12-10', dispositif: 'ACI', referentId: t.ids.cip, motifDecision: null, reorientationVers: '' }, t.cip);
    const [parcours] = await app.call('parcours.ofPersonne', { personneId }, t.cip);
    await app.call('contrats.save', contract(parcours!.id, { dateDebut: '2025-01-15', dateFinPrevue: '2025-07-14' }), t.cip);

    file = await app.call('personnes.get', { id: personneId }, t.cip);
    // Declared, so eligible: the stale proof is a file to complete, measured at the hire.
    expect(file.diagnostics![0]).toMatchObject({ eligible: true, dateEmbauche: '2025-01-15', avertissements: ['Bénéficiaire du RSA : justificatif plus valable à la date de l’embauche.'] });
    const alerts = await app.call('accueils.alerts', {}, t.cip);
    expect(alerts.justificatifsACompleter).toEqual([{ personneId, nom: 'Roux', prenom: 'Julie', dateEmbauche: '2025-01-15', problemes: ['Bénéficiaire du RSA : justificatif plus valable à la date de l’embauche.'] }]);

    // A fresh attestation, dated before the hire, completes the file.
    await app.call('eligibilite.save', { ...diagnostic, id: file.diagnostics![0]!.id, criteres: [{ critere: 'RSA', dateJustificatif: '2025-01-06' }] }, t.cip);
    expect((await app.call('accueils.alerts', {}, t.cip)).justificatifsACompleter).toEqual([]);
  });

  it('reads the validity months in force on the hire from a dated parameter: a new arrêté is a value, not a release (issue 15 §8)', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const created = await app.call('personnes.create', personneInput({ nom: 'Roux', accueil: { datePremierContact: '2024-12-02', canal: 'physique' } }), t.cip);
    const personneId = created.personne.id;
    await app.call('eligibilite.save', { personneId, date: '2024-11-20', auteur: 'structure', prescripteur: '', dispositif: 'ACI', criteres: [{ critere: 'RSA', dateJustificatif: '2024-09-01' }] }, t.cip);
    await app.call('pass.save', { personneId, numero: '999992500077', dateDebut: '2025-01-15', dateFin: '2027-01-14' }, t.cip);
    await app.call('accueils.decide', { id: created.accueils![0]!.id, decision: 'entree', dateDecision: '2024-12-10', dispositif: 'ACI', referentId: t.ids.cip, motifDecision: null, reorientationVers: '' }, t.cip);
    const [parcours] = await app.call('parcours.ofPersonne', { personneId }, t.cip);
    await app.call('contrats.save', contract(parcours!.id, { dateDebut: '2025-01-15', dateFinPrevue: '2025-07-14' }), t.cip);
    expect((await app.call('accueils.alerts', {}, t.cip)).justificatifsACompleter).toHaveLength(1);

    const law = (await app.call('parametres.list', {}, t.direction)).find((p) => p.cle === 'validite_justificatifs_mois')!;
    expect(law).toMatchObject({ defaut: { RSA: 3, ASE: 12, SENIOR: null }, historique: [] });
    // Refused in French and nothing written: a criterion missing, a negative duration.
    const { RSA: _rsa, ...withoutRsa } = law.defaut as Record<string, number | null>;
    expect((await app.fail('parametres.add', { cle: 'validite_justificatifs_mois', valideDu: '2025-01-01', valeur: withoutRsa }, t.direction)).code).toBe('VALIDATION');
    expect((await app.fail('parametres.add', { cle: 'validite_justificatifs_mois', valideDu: '2025-01-01', valeur: { ...(law.defaut as object), RSA: -1 } }, t.direction)).fields).toEqual({ valeur: 'Bénéficiaire du RSA : au moins 1 mois.' });
    // An arrêté giving the RSA attestation 6 months from 1 January 2025: the hire of 15 January is measured by it.
    await app.call('parametres.add', { cle: 'validite_justificatifs_mois', valideDu: '2025-01-01', valeur: { ...(law.defaut as object), RSA: 6 } }, t.direction);
    const file = await app.call('personnes.get', { id: personneId }, t.cip);
    expect(file.diagnostics![0]).toMatchObject({ eligible: true, avertissements: [] });
    expect(file.validitesJustificatifs).toMatchObject({ defaut: { RSA: 3 }, valeurs: [{ valideDu: '2025-01-01', valeur: { RSA: 6 } }] });
    expect((await app.call('accueils.alerts', {}, t.cip)).justificatifsACompleter).toEqual([]);
    // From 1 February: back to 3 months; the hire of 15 January keeps the rule of its day.
    await app.call('parametres.add', { cle: 'validite_justificatifs_mois', valideDu: '2025-02-01', valeur: law.defaut }, t.direction);
    expect((await app.call('accueils.alerts', {}, t.cip)).justificatifsACompleter).toEqual([]);
  });
});
