import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { team } from '../helpers/accueil';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

describe('quality registers feed REPORT-SPEC §2.6', () => {
  it('counts open and closed improvement actions, complaints, mean satisfaction and unmet client requests by year', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const action = (intitule: string, dateOuverture: string, dateCloture: string | null) =>
      app!.call('qualite.saveAction', { id: null, intitule, origine: 'auto_evaluation', responsable: 'Direction', indicateur: 'accompagnement.cer_signes_dans_delai', dateOuverture, echeance: null, dateCloture, resultat: '' }, t.cip);
    await action('Signer les CER dans le mois', '2024-02-01', null); // open on 31/12/2024
    await action('Livret d’accueil revu', '2024-03-01', '2024-12-31'); // closed in 2024
    await action('Bilans à l’heure', '2024-05-01', '2025-01-01'); // open on 31/12/2024, closed in 2025
    await action('Action de 2025', '2025-01-01', null);
    await app.call('qualite.saveReclamation', { id: null, date: '2024-12-31', origine: 'client', objet: 'Retard de la mise à disposition', traitement: '', dateCloture: null }, t.cip);
    await app.call('qualite.saveReclamation', { id: null, date: '2025-01-01', origine: 'salarie', objet: 'Planning', traitement: '', dateCloture: null }, t.cip);
    for (const note of [4, 5, 3]) await app.call('qualite.addSatisfaction', { date: '2024-06-15', public: 'salarie', note, commentaire: '' }, t.cip);
    await app.call('qualite.addBesoin', { date: '2024-09-01', nature: 'client', description: 'Entretien de jardin, secteur non couvert' }, t.cip);
    await app.call('qualite.addBesoin', { date: '2024-09-02', nature: 'personne', description: 'Candidate sans place en ACI' }, t.cip);
    const v2024 = (await app.call('observatoire.year', { annee: 2024 }, t.direction)).indicateurs;
    expect(v2024).toMatchObject({
      'qualite.actions_amelioration_ouvertes_fin_annee': 2,
      'qualite.actions_amelioration_realisees': 1,
      'qualite.reclamations': 1,
      'qualite.satisfaction_moyenne': 4,
      'territoire.demandes_non_satisfaites': 1,
    });
    const v2025 = (await app.call('observatoire.year', { annee: 2025 }, t.direction)).indicateurs;
    expect(v2025).toMatchObject({ 'qualite.actions_amelioration_realisees': 1, 'qualite.reclamations': 1, 'qualite.satisfaction_moyenne': null });
    expect((await app.fail('qualite.addSatisfaction', { date: '2024-06-15', public: 'salarie', note: 6, commentaire: '' }, t.cip)).fields).toEqual({ note: 'Une note de 1 à 5.' });
    expect((await app.fail('qualite.saveAction', { id: null, intitule: 'X y z', origine: 'audit', dateOuverture: '2024-05-01', dateCloture: '2024-04-01' }, t.cip)).fields).toEqual({ dateCloture: 'La clôture précède l’ouverture.' });
    expect((await app.fail('qualite.registres', {}, t.encadrant)).code).toBe('FORBIDDEN');
    expect((await app.call('qualite.registres', {}, t.direction)).actions).toHaveLength(4);
  });
});
