/**
 * The template workbook offered on the import screen: every sheet with its header row and a few example rows of a
 * fictitious person, and a "Lisez-moi" sheet with the rules. Generated from the format table, never kept as a binary.
 */
import { rowsOfRecords, type CoreSheet, type SheetRecordOf } from '../../../src-shared/import-format';
import { workbookBuffer, type SheetTable } from './workbook-writer';

/** Rows named by column (typed by the format): a fictitious person's path, plausible for the hours grid's rules. */
const EXAMPLE: { [S in CoreSheet]?: Array<SheetRecordOf<S>> } = {
  structure: [{ nom: 'Chantier des Coteaux', siret: '52000001500013', departement: '07', adresse: '12 chemin des Vignes', code_postal: '07000', commune: 'Privas' }],
  dispositifs: [
    { kind: 'ACI', annee: '2024', annexe_financiere: 'ACI 007 24 0100', etp_conventionnes: '4,5' },
    { kind: 'AI', annee: '2024', annexe_financiere: 'AI 007 24 0101', etp_conventionnes: '3' },
  ],
  clients: [{ ref: 'CL-1', nom: 'Mairie de Privas', type: 'collectivite' }],
  personnes: [{ ref: 'P-1', civilite: 'MME', nom: 'Exemple', prenom: 'Camille', date_naissance: '02/05/1990', code_postal: '07000', commune: 'Privas', niveau_formation: '50', orienteur: '03' }],
  accueils: [{ ref_personne: 'P-1', date_premier_contact: '03/01/2024', date_offre_presentee: '03/01/2024', date_diagnostic: '04/01/2024', decision: 'entree', date_decision: '10/01/2024' }],
  criteres: [{ ref_personne: 'P-1', critere: 'RSA', date_justificatif: '02/01/2024' }],
  pass_iae: [{ ref_personne: 'P-1', numero: '999990000001', date_debut: '15/01/2024', date_fin: '14/01/2026' }],
  contrats: [{ ref: 'C-1', ref_personne: 'P-1', kind: 'ACI', type: 'CDDI', date_debut: '15/01/2024', date_fin_prevue: '14/07/2024', heures_hebdo: '26' }],
  // January from the 15th: at most 26 h × 17 days ÷ 7 = 63 h, as the hours grid counts it.
  heures: [
    { ref_contrat: 'C-1', mois: '2024-01', heures: '60' },
    { ref_contrat: 'C-1', mois: '2024-02', heures: '104' },
  ],
  cer: [{ ref_personne: 'P-1', date_signature: '31/01/2024', objectifs: 'Obtenir le permis B ; découvrir les métiers des espaces verts' }],
  bilans: [{ ref_personne: 'P-1', date: '10/04/2024', type: 'etape' }],
  freins: [{ ref_personne: 'P-1', type: 'mobilite', date_identification: '04/01/2024' }],
  actions_freins: [{ ref_personne: 'P-1', type_frein: 'mobilite', date: '01/02/2024', prestataire: 'interne' }],
  formations: [{ ref_personne: 'P-1', intitule: 'Permis B', date_debut: '01/03/2024', date_fin: '31/05/2024', heures: '30', qualifiante: 'non' }],
  pmsmp: [{ ref_personne: 'P-1', date_debut: '11/03/2024', date_fin: '22/03/2024', entreprise: 'Espaces verts Martin' }],
  sorties: [{ ref_personne: 'P-1', date: '28/06/2024', motif: '9' }],
};

const README = [
  'Modèle d’import — Cèdre Parcours (format v1)',
  '',
  'Une feuille par table, avec ces noms exacts. Les colonnes en gras sont obligatoires ; une note sur chaque en-tête dit ce qu’elle attend.',
  `Dates : JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ ; une année à deux chiffres va jusqu’à ${(new Date().getFullYear() + 19) % 100} pour les années 2000, au-delà pour les années 1900. Les cellules date d’Excel et de LibreOffice sont lues telles quelles. Mois : AAAA-MM ou MM/AAAA. Nombres : virgule ou point. Oui/non : oui, non, o, n, 1, 0, vrai, faux.`,
  'Les colonnes « ref » sont vos propres identifiants : gardez-les d’un import à l’autre, l’application met alors à jour au lieu de créer des doublons.',
  'Les parcours se déduisent des contrats : un contrat qui commence après la sortie de la personne dans ce dispositif ouvre un nouveau parcours.',
  'Une sortie ferme le parcours ouvert à sa date. Les heures doivent tomber dans la période de leur contrat.',
  'L’import est « tout ou rien » : s’il y a une seule erreur, rien n’est enregistré et chaque erreur est listée avec sa feuille, sa ligne et sa colonne.',
  'Remplacez les lignes d’exemple par vos données, ou supprimez les feuilles dont vous n’avez pas besoin.',
];

export function templateWorkbook(): Promise<Buffer> {
  const sheets: SheetTable = Object.fromEntries(Object.entries(EXAMPLE).map(([sheet, records]) => [sheet, rowsOfRecords(sheet as CoreSheet, records)]));
  return workbookBuffer(sheets, README);
}
