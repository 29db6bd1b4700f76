/**
 * Sheets of the import format v2 that hold everything else a user enters (issue 16 §3: an export that drops data is
 * a lock-in and a data-loss path): partners, skills, post-exit follow-ups, PASS suspensions and prolongations,
 * RGPD requests, closed months, dated parameters, the insertion offer, and the quality registers. Each row carries
 * a `ref` (the app's id when it was created in the app), so that importing the same file twice updates rows.
 */
import { NIVEAUX_COMPETENCE } from './domain/accueil';
import { DUREES_ASP, MOTIFS_ABSENCE_NIR, NIVEAUX_FORMATION, RSA_SITUATIONS } from './domain/asp-codes';
import { ECHEANCES_SUIVI, PARTENAIRE_TYPES, SITUATIONS_SUIVI } from './domain/insertion';
import { TOUS_MOTIFS_PROLONGATION, TOUS_MOTIFS_SUSPENSION } from './domain/pass-iae';
import { NATURES_BESOIN, ORIGINES_ACTION, ORIGINES_RECLAMATION, PUBLICS_SATISFACTION } from './domain/qualite';
import { ENGAGEMENTS, MISSIONS, NIVEAUX } from './qualite/grid';
import { MOMENTS } from './qualite/questionnaires';
import { RGPD_ANSWERS, RGPD_REQUEST_TYPES } from './rgpd-requests';
import { SIAE_KINDS } from './siae';
import type { CellKind, ColumnSpec } from './import-format';

const text = (max = 200): CellKind => ({ type: 'text', max });
const longText: CellKind = { type: 'text', max: 20_000 };
const date: CellKind = { type: 'date' };
const decimal: CellKind = { type: 'decimal' };
const bool: CellKind = { type: 'bool' };
const code = (values: readonly (string | number)[]): CellKind => ({ type: 'code', values: values.map(String) });
const req = (name: string, kind: CellKind): ColumnSpec => ({ name, required: true, kind });
const opt = (name: string, kind: CellKind): ColumnSpec => ({ name, required: false, kind });
const ref = req('ref', text(60));
const refPersonne = req('ref_personne', text(60));

/** Where the export puts attached files, beside the workbook (or inside the ZIP, or the folder of CSV files). */
export const ATTACHMENTS_FOLDER = 'documents';

/** Settings a structure writes itself (the others are this machine's configuration, not the structure's data). */
export const EXPORTED_SETTINGS = ['offre_insertion', 'conservation_rgpd'] as const;

export const REGISTER_SHEETS = [
  'partenaires',
  'competences',
  'suivis_sortie',
  'pass_suspensions',
  'pass_prolongations',
  'demandes_rgpd',
  'mois_clotures',
  'parametres',
  'reglages',
  'personnel',
  'formations_personnel',
  'controles_environnement',
  'temps_collectifs',
  'propositions_salaries',
  'documents_qualite',
  'documents_fichiers',
  'audits_certification',
  'grille_exigences',
  'auto_evaluations',
  'questionnaires',
  'reponses_questionnaires',
  'actions_amelioration',
  'reclamations',
  'besoins_non_satisfaits',
  'reponses_satisfaction',
  'fiches_salarie',
  'heures_payees',
] as const;
export type RegisterSheet = (typeof REGISTER_SHEETS)[number];

export const REGISTER_COLUMNS: Record<RegisterSheet, ColumnSpec[]> = {
  partenaires: [ref, req('nom', text()), req('type', code(Object.keys(PARTENAIRE_TYPES))), opt('contact', text(500))],
  competences: [ref, refPersonne, req('libelle', text()), opt('code_rome', text(10)), req('niveau', code(Object.keys(NIVEAUX_COMPETENCE))), req('date_evaluation', date)],
  suivis_sortie: [
    ref,
    refPersonne,
    req('dispositif', code(SIAE_KINDS)),
    req('debut_parcours', date),
    req('echeance_mois', code(ECHEANCES_SUIVI)),
    req('date', date),
    req('situation', code(Object.keys(SITUATIONS_SUIVI))),
    opt('commentaire', longText),
  ],
  pass_suspensions: [ref, req('numero_pass', text(12)), req('date_debut', date), req('date_fin', date), req('motif', code(Object.keys(TOUS_MOTIFS_SUSPENSION)))],
  pass_prolongations: [ref, req('numero_pass', text(12)), req('date_debut', date), req('date_fin', date), req('motif', code(Object.keys(TOUS_MOTIFS_PROLONGATION)))],
  demandes_rgpd: [
    ref,
    opt('ref_personne', text(60)),
    req('type', code(RGPD_REQUEST_TYPES)),
    req('recue_le', date),
    req('demandeur', text()),
    opt('objet', longText),
    req('echeance', date),
    req('statut', code(['en_cours', ...RGPD_ANSWERS])),
    opt('reponse_le', date),
    opt('reponse', longText),
  ],
  mois_clotures: [req('mois', { type: 'month' }), req('cloture_le', text(40))],
  parametres: [req('cle', text(60)), req('valide_du', date), req('valeur', longText)],
  reglages: [req('cle', code(EXPORTED_SETTINGS)), req('valeur', longText)],
  personnel: [ref, req('nom', text()), req('fonction', text()), req('statut', text(60)), opt('qualification', text()), req('date_entree', date), opt('date_sortie', date)],
  formations_personnel: [ref, req('ref_personnel', text(60)), req('date', date), req('intitule', text()), opt('organisme', text()), opt('heures', decimal)],
  controles_environnement: [ref, req('date', date), req('nature', text(60)), opt('lieu', text()), req('constat', longText), opt('suite', longText), opt('date_cloture', date)],
  temps_collectifs: [ref, req('date', date), req('nature', text(60)), req('objet', text(1000)), req('participants', decimal), opt('compte_rendu', longText)],
  propositions_salaries: [ref, req('ref_temps_collectif', text(60)), req('date', date), req('proposition', text(2000)), req('decision', text(60)), opt('motif', text(2000))],
  documents_qualite: [ref, req('titre', text()), req('version', decimal), req('approuve_le', date), req('approuve_par', text()), opt('contenu', longText)],
  documents_fichiers: [ref, req('ref_document', text(60)), req('nom', text()), req('fichier', text(300))],
  audits_certification: [ref, req('date', date), req('type', text(60)), req('auditeur', text()), req('constats', longText), opt('certifie_jusqu_au', date)],
  grille_exigences: [
    req('code', text(20)),
    req('mission', code(Object.keys(MISSIONS))),
    req('engagement', code(Object.keys(ENGAGEMENTS))),
    req('libelle', text(1000)),
    opt('preuve', text(2000)),
    opt('cible', decimal),
    req('ordre', decimal),
  ],
  auto_evaluations: [req('exigence_code', text(20)), req('annee', text(4)), req('niveau', code(Object.keys(NIVEAUX))), opt('commentaire', longText)],
  questionnaires: [ref, req('titre', text()), req('public', code(Object.keys(PUBLICS_SATISFACTION))), req('moment', code(Object.keys(MOMENTS))), req('questions', longText), opt('actif', { type: 'bool' })],
  reponses_questionnaires: [ref, req('ref_questionnaire', text(60)), req('date', date), req('reponses', longText), opt('note_moyenne', decimal)],
  actions_amelioration: [
    ref,
    req('intitule', text(300)),
    req('origine', code(Object.keys(ORIGINES_ACTION))),
    opt('responsable', text(100)),
    opt('indicateur', text()),
    req('date_ouverture', date),
    opt('echeance', date),
    opt('date_cloture', date),
    opt('resultat', longText),
  ],
  reclamations: [ref, req('date', date), req('origine', code(Object.keys(ORIGINES_RECLAMATION))), req('objet', text(1000)), opt('traitement', longText), opt('date_cloture', date)],
  besoins_non_satisfaits: [ref, req('date', date), req('nature', code(Object.keys(NATURES_BESOIN))), req('description', text(1000))],
  // ACI: hours paid in a month on a contract, beside the hours worked (issue 15 §3).
  heures_payees: [ref, req('ref_contrat', text(60)), req('mois', { type: 'month' }), req('heures', decimal)],
  // One row per parcours: the situation at hire (issue 15 §2). Made from the person's file when absent.
  fiches_salarie: [
    refPersonne,
    req('dispositif', code(SIAE_KINDS)),
    req('debut_parcours', date),
    opt('niveau_formation', code(Object.keys(NIVEAUX_FORMATION))),
    opt('sans_ressources', bool),
    opt('rqth', bool),
    opt('oeth', bool),
    opt('inscrit_ft', bool),
    opt('inscrit_ft_depuis', code(Object.keys(DUREES_ASP))),
    opt('sans_emploi_depuis', code(Object.keys(DUREES_ASP))),
    opt('rsa', code(Object.keys(RSA_SITUATIONS))),
    opt('rsa_depuis', code(Object.keys(DUREES_ASP))),
    opt('ass', bool),
    opt('ass_depuis', code(Object.keys(DUREES_ASP))),
    opt('aah', bool),
    opt('aah_depuis', code(Object.keys(DUREES_ASP))),
    opt('qpv', bool),
    opt('zrr', bool),
    opt('commune_naissance', text(5)),
    opt('pays_naissance', text(5)),
    opt('motif_absence_nir', code(Object.keys(MOTIFS_ABSENCE_NIR))),
  ],
  reponses_satisfaction: [ref, req('date', date), req('public', code(Object.keys(PUBLICS_SATISFACTION))), req('note', code(['1', '2', '3', '4', '5'])), opt('commentaire', longText)],
};

export const REGISTER_LABELS: Record<RegisterSheet, string> = {
  partenaires: 'Les partenaires du territoire (prescripteurs, organismes de formation, employeurs…)',
  competences: 'Les compétences évaluées de chaque personne',
  suivis_sortie: 'Les suivis après la sortie (1, 3 et 6 mois)',
  pass_suspensions: 'Les suspensions de PASS IAE',
  pass_prolongations: 'Les prolongations de PASS IAE',
  demandes_rgpd: 'Le registre des demandes RGPD',
  mois_clotures: 'Les mois dont les heures sont clôturées',
  parametres: 'Les paramètres datés (H_ref, délais, correspondance des sorties)',
  reglages: 'L’offre d’insertion et les durées de conservation de la structure',
  personnel: 'Le personnel permanent (démarche qualité)',
  formations_personnel: 'Les formations du personnel',
  controles_environnement: 'Les contrôles de l’environnement de travail',
  temps_collectifs: 'Les temps collectifs avec les salariés',
  propositions_salaries: 'Les propositions des salariés et leurs suites',
  documents_qualite: 'Les documents qualité approuvés (versions)',
  documents_fichiers: 'Les fichiers joints aux documents qualité (rangés dans le dossier « documents » à côté du classeur)',
  audits_certification: 'Les audits de certification',
  grille_exigences: 'La grille d’exigences de la démarche qualité',
  auto_evaluations: 'Les auto-évaluations de la grille',
  questionnaires: 'Les questionnaires de satisfaction',
  reponses_questionnaires: 'Les réponses aux questionnaires',
  actions_amelioration: 'Le plan d’amélioration continue',
  reclamations: 'Les réclamations',
  besoins_non_satisfaits: 'Les besoins non satisfaits',
  reponses_satisfaction: 'Les réponses de satisfaction',
  heures_payees: 'ACI : les heures payées de chaque contrat par mois (état mensuel de l’ASP)',
  fiches_salarie: 'La fiche salarié de chaque parcours : la situation à l’embauche telle que l’ASP l’enregistre',
};
