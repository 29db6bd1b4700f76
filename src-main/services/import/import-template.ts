/**
 * The template workbook offered on the import screen: every sheet with its header row and a few example rows of a
 * fictitious person, and a "Lisez-moi" sheet with the rules. Generated from the format table, never kept as a binary.
 */
import { workbookBuffer, type SheetTable } from './workbook-writer';

const EXAMPLE: SheetTable = {
  structure: [['Chantier des Coteaux', '52000001500013', '07', '12 chemin des Vignes', '07000', 'Privas']],
  dispositifs: [['ACI', '2024', 'ACI 007 24 0100', '4,5', ''], ['AI', '2024', 'AI 007 24 0101', '3', '']],
  clients: [['CL-1', 'Mairie de Privas', 'collectivite', '']],
  personnes: [['P-1', 'MME', 'Exemple', 'Camille', '02/05/1990', '07000', 'Privas', '', '', '50', '', '03']],
  accueils: [['P-1', '03/01/2024', '03/01/2024', '04/01/2024', 'entree', '10/01/2024', '']],
  criteres: [['P-1', 'RSA', '02/01/2024']],
  pass_iae: [['P-1', '999990000001', '15/01/2024', '14/01/2026']],
  contrats: [['C-1', 'P-1', 'ACI', 'CDDI', '15/01/2024', '14/07/2024', '26']],
  heures: [['C-1', '2024-01', '', '70', ''], ['C-1', '2024-02', '', '104', '']],
  cer: [['P-1', '31/01/2024', 'Obtenir le permis B ; découvrir les métiers des espaces verts']],
  bilans: [['P-1', '10/04/2024', 'etape']],
  freins: [['P-1', 'mobilite', '04/01/2024', '']],
  actions_freins: [['P-1', 'mobilite', '01/02/2024', 'interne']],
  formations: [['P-1', 'Permis B', '01/03/2024', '31/05/2024', '30', 'non']],
  pmsmp: [['P-1', '11/03/2024', '22/03/2024', 'Espaces verts Martin']],
  sorties: [['P-1', '28/06/2024', '9']],
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
  return workbookBuffer(EXAMPLE, README);
}
