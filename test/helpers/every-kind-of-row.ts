/**
 * Adds to a demo database a few rows of every table and field the demo leaves empty (drafts, follow-ups, PASS
 * periods, RGPD requests, quality registers…), the way the app's screens write them, so that a round trip through
 * the export covers everything a user can enter (issue 16 §3).
 */
import type Database from 'better-sqlite3';

const AT = '2026-02-10T10:00:00.000Z';

export function nirWithKey(body13: string): string {
  return `${body13}${String(97 - Number(BigInt(body13) % 97n)).padStart(2, '0')}`;
}

export function addEveryKindOfRow(sqlite: Database.Database): void {
  let seq = 0;
  const id = () => `0190aaaa-0000-7000-8000-${String(++seq).padStart(12, '0')}`;
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;

  // A person with every identity field, and an intake with its channel, notice and wishes.
  const person = one<{ id: string }>('select id from personnes order by nom_tri, id limit 1');
  run("update personnes set nir = ?, adresse = '3 impasse des Lilas', qpv = 1, zrr = 0, rsa = 'OUI-M', duree_inscription_ft = '04', sans_ressources = 1 where id = ?", nirWithKey('1850578006084'), person.id);
  const intake = one<{ id: string }>('select id from accueils order by id limit 1');
  run("update accueils set canal = 'prescription', date_notice_rgpd = date_premier_contact, souhaits = 'Travailler dehors ; passer le permis', reorientation_vers = '' where id = ?", intake.id);

  // An annexe financière in milieu pénitentiaire with a free-text number, an avenant stating its H_ref and aid amounts.
  const annexe = id();
  run("insert into annexes_financieres (id, numero, mesure, created_at, updated_at) values (?, 'Convention SPIP 2025', 'ACI_MP', ?, ?)", annexe, AT, AT);
  run("insert into annexes_financieres_versions (id, annexe_id, avenant, modification, date_debut, date_fin, etp_conventionnes_dix_milliemes, h_ref_centiemes, aide_socle_centimes, aide_modulee_centimes, created_at, updated_at) values (?, ?, 0, 0, '2025-03-01', '2026-02-28', 12500, null, null, null, ?, ?)", id(), annexe, AT, AT);
  run("insert into annexes_financieres_versions (id, annexe_id, avenant, modification, date_debut, date_fin, etp_conventionnes_dix_milliemes, h_ref_centiemes, aide_socle_centimes, aide_modulee_centimes, created_at, updated_at) values (?, ?, 1, 2, '2025-09-01', '2026-02-28', 15000, 160750, 2345678, 12345, ?, ?)", id(), annexe, AT, AT);

  // ACI paid hours of a month, with hundredths (the état mensuel's second column).
  const aciContract = one<{ id: string; mois: string }>("select c.id, substr(c.date_debut, 1, 7) as mois from contrats c join parcours p on p.id = c.parcours_id where p.dispositif = 'ACI' order by c.id limit 1");
  run('insert into heures_payees (id, contrat_id, mois, centiemes, created_at, updated_at) values (?, ?, ?, 15167, ?, ?)', id(), aciContract.id, aciContract.mois, AT, AT);

  // A parcours that ended: a contract renewed, ended early, with derogations; a draft CER; reviewed bilans.
  const ended = one<{ id: string; personne_id: string; date_debut: string; date_sortie: string }>(
    "select id, personne_id, date_debut, date_sortie from parcours where date_sortie is not null and dispositif = 'ACI' and (select count(*) from contrats c where c.parcours_id = parcours.id) >= 2 order by id limit 1",
  );
  const [firstContract, secondContract] = sqlite.prepare('select id, date_fin_prevue from contrats where parcours_id = ? order by date_debut').all(ended.id) as Array<{ id: string; date_fin_prevue: string | null }>;
  run('update contrats set renouvelle_id = ?, derogations = ? where id = ?', firstContract!.id, JSON.stringify(['RQTH', 'TRAINING_IN_PROGRESS']), secondContract!.id);
  // Ended early, at the end of the month of its last hours (monthly lines are dated on the 1st: ending that day would
  // leave a whole month's hours on one day of contract, which the hours grid and the import refuse).
  run(
    `update contrats set date_fin_reelle = min(date((select max(date) from heures where contrat_id = contrats.id), 'start of month', '+1 month', '-1 day'), coalesce(date_fin_prevue, '9999-12-31'))
      where id = ? and date_fin_reelle is null`,
    firstContract!.id,
  );
  run(
    "insert into cer (id, parcours_id, version, objectifs, moyens_formation, moyens_encadrement, moyens_accompagnement, heures_hebdo, date_signature, signe_personne, signe_structure, created_at) values (?, ?, 9, 'Passer le CACES', 'CACES R489', 'Tutorat', 'Point mensuel', 2600, null, 0, 0, ?)",
    id(), ended.id, AT,
  );
  run("update bilans set revue_objectifs = 'Objectif atteint', revue_freins = 'Logement trouvé', revue_competences = 'Autonome', prochaines_etapes = 'Recherche active', signe_personne = 0 where id = (select id from bilans where parcours_id = ? order by date limit 1)", ended.id);
  run("update freins set niveau = 3, commentaire = 'Sans véhicule, à 20 km' where id = (select id from freins order by id limit 1)");

  // Follow-ups 1 and 3 months after the exit.
  for (const [months, situation] of [[1, 'recherche'], [3, 'emploi_durable']] as const) {
    run("insert into suivis_sortie (id, parcours_id, echeance_mois, date, situation, commentaire, created_at) values (?, ?, ?, date(?, '+' || ? || ' months'), ?, 'Appel téléphonique', ?)", id(), ended.id, months, ended.date_sortie, months, situation, AT);
  }
  // Skills, a second eligibility diagnosis by a prescriber, one without any criterion.
  run("insert into competences (id, personne_id, libelle, code_rome, niveau, date_evaluation, created_at) values (?, ?, 'Taille de haies', 'A1203', 3, '2025-04-02', ?)", id(), ended.personne_id, AT);
  run("insert into competences (id, personne_id, libelle, code_rome, niveau, date_evaluation, created_at) values (?, ?, 'Conduite d’engins', '', 1, '2025-05-12', ?)", id(), ended.personne_id, AT);
  const diagnostic = id();
  run("insert into diagnostics_eligibilite (id, personne_id, date, auteur, prescripteur, dispositif, created_at) values (?, ?, '2026-01-20', 'prescripteur', 'France Travail Privas', 'ACI', ?)", diagnostic, ended.personne_id, AT);
  run("insert into criteres_eligibilite (id, diagnostic_id, critere, type_justificatif, date_justificatif) values (?, ?, 'RSA', 'Attestation CAF', '2026-01-15')", id(), diagnostic);
  run("insert into criteres_eligibilite (id, diagnostic_id, critere, type_justificatif, date_justificatif, date_fin_validite) values (?, ?, 'TH', 'Décision MDPH', '2022-03-01', '2027-02-28')", id(), diagnostic);
  run("insert into diagnostics_eligibilite (id, personne_id, date, auteur, prescripteur, dispositif, created_at) values (?, ?, '2026-02-01', 'structure', '', 'AI', ?)", id(), person.id, AT);

  // PASS IAE periods.
  const pass = one<{ id: string; date_debut: string }>('select id, date_debut from pass_iae order by numero limit 1');
  run("insert into pass_suspensions (id, pass_id, date_debut, date_fin, motif, created_at) values (?, ?, date(?, '+30 days'), date(?, '+60 days'), 'CONTRACT_SUSPENDED', ?)", id(), pass.id, pass.date_debut, pass.date_debut, AT);
  run("insert into pass_prolongations (id, pass_id, date_debut, date_fin, motif, created_at) values (?, ?, date(?, '+730 days'), date(?, '+1095 days'), 'SENIOR', ?)", id(), pass.id, pass.date_debut, pass.date_debut, AT);

  // RGPD register, closed month, a dated parameter, the retention choices.
  run("insert into demandes_rgpd (id, personne_id, type, recue_le, demandeur, objet, echeance, statut, reponse_le, reponse, created_at, updated_at) values (?, ?, 'acces', '2026-01-05', 'La personne', 'Copie du dossier', '2026-02-05', 'acceptee', '2026-01-20', 'Dossier remis en main propre', ?, ?)", id(), person.id, AT, AT);
  run("insert into demandes_rgpd (id, personne_id, type, recue_le, demandeur, objet, echeance, statut, reponse_le, reponse, created_at, updated_at) values (?, null, 'opposition', '2026-02-01', 'Un ancien client', '', '2026-03-01', 'en_cours', null, '', ?, ?)", id(), AT, AT);
  run("insert into mois_clotures (mois, cloture_le, cloture_par) values ('2025-12', '2026-01-08T09:00:00.000Z', null)");
  run("insert into parametres (id, cle, valeur, valide_du, created_at) values (?, 'delai_cer_jours', '45', '2025-01-01', ?)", id(), AT);
  run("insert into settings (key, value, updated_at) values ('conservation_rgpd', ?, ?)", JSON.stringify({ nonEmbaucheMois: 24, accompagnementMois: 36, preavisJours: 30 }), AT);

  // Quality registers the demo leaves empty.
  run("insert into actions_amelioration (id, intitule, origine, responsable, indicateur, date_ouverture, echeance, date_cloture, resultat, created_at, updated_at) values (?, 'Réduire le délai avant le premier bilan', 'auto_evaluation', 'M. Durand', 'Délai moyen', '2025-09-01', '2026-03-31', null, '', ?, ?)", id(), AT, AT);
  run("insert into reclamations (id, date, origine, objet, traitement, date_cloture, created_at, updated_at) values (?, '2025-11-03', 'client', 'Retard d’une équipe', 'Appel et geste commercial', '2025-11-10', ?, ?)", id(), AT, AT);
  run("insert into besoins_non_satisfaits (id, date, nature, description, created_at) values (?, '2025-10-14', 'client', 'Débroussaillage en urgence', ?)", id(), AT);
  run("insert into reponses_satisfaction (id, date, public, note, commentaire, created_at) values (?, '2025-12-01', 'salarie', 4, 'Bonne ambiance', ?)", id(), AT);
  const questionnaire = id();
  run(
    "insert into questionnaires (id, titre, public, moment, questions, actif, created_at, updated_at) values (?, 'Satisfaction à la sortie', 'salarie', 'sortie', ?, 1, ?, ?)",
    questionnaire, JSON.stringify([{ id: 'q1', libelle: 'Êtes-vous satisfait ?', type: 'note' }]), AT, AT,
  );
  run("insert into reponses_questionnaires (id, questionnaire_id, date, reponses, note_moyenne, created_at) values (?, ?, '2026-01-10', ?, 4.5, ?)", id(), questionnaire, JSON.stringify({ q1: 4.5 }), AT);
  run("insert into grille_exigences (id, code, mission, engagement, libelle, preuve, cible, ordre, created_at, updated_at) values (?, 'A1', 'accueil', 'acteur', 'La personne choisit son parcours', 'CER signés', 0.9, 1, ?, ?)", id(), AT, AT);
  // Files attached to a procedure of the quality manual (two with the same name on two versions).
  const documents = sqlite.prepare('select id from documents_qualite order by titre, version limit 2').pluck().all() as string[];
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  for (const documentId of documents) {
    run("insert into documents_qualite_fichiers (id, document_id, nom, type_mime, taille, contenu, created_at) values (?, ?, 'Procédure accueil.pdf', 'application/pdf', ?, ?, ?)", id(), documentId, pdf.length, pdf, AT);
  }
  const note = Buffer.from('Compte rendu : « accueil » revu le 3 février.\n', 'utf8');
  run("insert into documents_qualite_fichiers (id, document_id, nom, type_mime, taille, contenu, created_at) values (?, ?, 'note.txt', 'text/plain; charset=utf-8', ?, ?, ?)", id(), documents[0], note.length, note, AT);
  run("insert into auto_evaluations (id, exigence_code, annee, niveau, commentaire, created_at, updated_at) values (?, 'A1', 2025, 'partiel', 'À consolider', ?, ?)", id(), AT, AT);
}
