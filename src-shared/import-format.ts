/**
 * The spreadsheet import format v1 (IMPORT-FORMAT.md): sheets, columns, which are required, and how each cell is
 * read. The reader, the checks, the template and the export all start from this one table.
 */
import { CIVILITES, DUREES_INSCRIPTION, NIVEAU_FORMATION_CODES, ORIENTEUR_CODES, RSA_SITUATIONS } from './domain/asp-codes';
import { CANAUX, DECISION_KEYS, MOTIFS_DECISION } from './domain/accueil';
import { CRITERE_KEYS } from './domain/criteres';
import { FREIN_NIVEAUX, FREIN_TYPE_KEYS } from './domain/freins';
import { BILAN_TYPES, CLIENT_TYPES, CONTRAT_TYPES, DEROGATIONS, MOTIFS_SORTIE, PRESTATAIRES } from './domain/insertion';
import { MESURES_ASP_CODES } from './domain/annexes-financieres';
import { SIAE_KINDS } from './siae';
import { REGISTER_COLUMNS, REGISTER_LABELS, REGISTER_SHEETS, type RegisterSheet } from './import-format-registers';

export type CellKind =
  | { type: 'text'; max?: number }
  | { type: 'date' }
  | { type: 'month' }
  | { type: 'decimal' }
  | { type: 'bool' }
  | { type: 'code'; values: readonly string[] }
  /** Several codes in one cell, separated by commas. */
  | { type: 'codes'; values: readonly string[] };

export interface ColumnSpec {
  name: string;
  required: boolean;
  kind: CellKind;
}

export const IMPORT_SHEETS = [
  'structure',
  'dispositifs',
  'annexes_financieres',
  'clients',
  'personnes',
  'accueils',
  'criteres',
  'pass_iae',
  'contrats',
  'heures',
  'cer',
  'bilans',
  'freins',
  'actions_freins',
  'formations',
  'pmsmp',
  'sorties',
  ...REGISTER_SHEETS,
] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];
/** The sheets of format v1, whose rows build persons and parcours. */
export type CoreSheet = Exclude<ImportSheet, RegisterSheet>;

const text = (max = 200): CellKind => ({ type: 'text', max });
const date: CellKind = { type: 'date' };
const code = (values: readonly string[]): CellKind => ({ type: 'code', values });
/** A column whose name stays a literal type, so that a sheet's records are typed by its columns (ColumnOf). */
type NamedColumn<N extends string> = ColumnSpec & { name: N };
const req = <N extends string>(name: N, kind: CellKind): NamedColumn<N> => ({ name, required: true, kind });
const opt = <N extends string>(name: N, kind: CellKind): NamedColumn<N> => ({ name, required: false, kind });

const longText: CellKind = { type: 'text', max: 20_000 };
const bool: CellKind = { type: 'bool' };
/** Rows attached to a parcours say which one when the date alone is ambiguous (a follow-up after a re-entry). */
const debutParcours = opt('debut_parcours', date);

const CORE_COLUMNS = {
  structure: [req('nom', text()), req('siret', text(20)), req('departement', text(3)), opt('adresse', text()), opt('code_postal', text(10)), opt('commune', text())],
  dispositifs: [req('kind', code(SIAE_KINDS)), req('annee', text(4)), opt('annexe_financiere', text(60)), opt('etp_conventionnes', { type: 'decimal' }), opt('h_ref', { type: 'decimal' })],
  // One row per version of an annexe (the initial one, then each avenant); rows of one annexe share its ref.
  annexes_financieres: [
    req('ref', text(60)),
    opt('numero', text(40)),
    req('mesure', code(MESURES_ASP_CODES)),
    opt('avenant', { type: 'decimal' }),
    opt('modification', { type: 'decimal' }),
    req('date_debut', date),
    req('date_fin', date),
    opt('etp_conventionnes', { type: 'decimal' }),
    opt('h_ref', { type: 'decimal' }),
    opt('aide_socle', { type: 'decimal' }),
    opt('aide_modulee', { type: 'decimal' }),
  ],
  // soumis_plafond_480: AI, whether placements count towards the 480-hour cap; decided by the type except for a
  // private individual (professional need) and « autre » (src-shared/rules/plafond-480.ts).
  clients: [req('ref', text(60)), req('nom', text()), req('type', code(Object.keys(CLIENT_TYPES))), opt('siret', text(20)), opt('soumis_plafond_480', { type: 'bool' })],
  personnes: [
    req('ref', text(60)),
    req('civilite', code(Object.keys(CIVILITES))),
    req('nom', text(100)),
    req('prenom', text(100)),
    req('date_naissance', date),
    opt('code_postal', text(10)),
    opt('commune', text(100)),
    opt('telephone', text(30)),
    opt('email', text(120)),
    opt('niveau_formation', code(NIVEAU_FORMATION_CODES)),
    opt('identifiant_ft', text(20)),
    opt('orienteur', code(ORIENTEUR_CODES)),
    opt('adresse', text()),
    opt('nir', text(15)),
    opt('qpv', bool),
    opt('zrr', bool),
    opt('rsa', code(Object.keys(RSA_SITUATIONS))),
    opt('duree_inscription_ft', code(Object.keys(DUREES_INSCRIPTION))),
    opt('sans_ressources', bool),
  ],
  accueils: [
    req('ref_personne', text(60)),
    req('date_premier_contact', date),
    opt('date_offre_presentee', date),
    opt('date_diagnostic', date),
    opt('decision', code(DECISION_KEYS)),
    opt('date_decision', date),
    opt('motif_decision', code(Object.keys(MOTIFS_DECISION))),
    opt('ref', text(60)),
    opt('canal', code(Object.keys(CANAUX))),
    opt('date_notice_rgpd', date),
    opt('souhaits', longText),
    opt('reorientation_vers', text()),
    opt('dispositif', code(SIAE_KINDS)),
  ],
  criteres: [
    req('ref_personne', text(60)),
    opt('critere', code(CRITERE_KEYS)),
    opt('date_justificatif', date),
    opt('type_justificatif', text()),
    opt('date_diagnostic', date),
    opt('auteur', code(['structure', 'prescripteur'])),
    opt('prescripteur', text()),
    opt('dispositif', code(SIAE_KINDS)),
    opt('date_fin_validite', date),
  ],
  pass_iae: [req('ref_personne', text(60)), req('numero', text(12)), req('date_debut', date), req('date_fin', date)],
  contrats: [
    req('ref', text(60)),
    req('ref_personne', text(60)),
    req('kind', code(SIAE_KINDS)),
    req('type', code(Object.keys(CONTRAT_TYPES))),
    req('date_debut', date),
    opt('date_fin_prevue', date),
    opt('heures_hebdo', { type: 'decimal' }),
    opt('date_fin_reelle', date),
    opt('derogations', { type: 'codes', values: Object.keys(DEROGATIONS) }),
    opt('ref_renouvelle', text(60)),
  ],
  heures: [req('ref_contrat', text(60)), opt('mois', { type: 'month' }), opt('date', date), req('heures', { type: 'decimal' }), opt('ref_client', text(60))],
  cer: [
    req('ref_personne', text(60)),
    opt('date_signature', date),
    opt('objectifs', longText),
    opt('ref', text(60)),
    debutParcours,
    opt('version', { type: 'decimal' }),
    opt('moyens_formation', longText),
    opt('moyens_encadrement', longText),
    opt('moyens_accompagnement', longText),
    opt('heures_hebdo', { type: 'decimal' }),
    opt('signe_personne', bool),
    opt('signe_structure', bool),
  ],
  bilans: [
    req('ref_personne', text(60)),
    req('date', date),
    req('type', code(Object.keys(BILAN_TYPES))),
    debutParcours,
    opt('revue_objectifs', longText),
    opt('revue_freins', longText),
    opt('revue_competences', longText),
    opt('paroles_personne', longText),
    opt('prochaines_etapes', longText),
    opt('signe_personne', bool),
    opt('signe_structure', bool),
    opt('ref', text(60)),
  ],
  freins: [
    req('ref_personne', text(60)),
    req('type', code(FREIN_TYPE_KEYS)),
    req('date_identification', date),
    opt('date_levee', date),
    opt('niveau', code(Object.keys(FREIN_NIVEAUX))),
    opt('commentaire', longText),
    opt('ref', text(60)),
  ],
  actions_freins: [
    req('ref_personne', text(60)),
    req('type_frein', code(FREIN_TYPE_KEYS)),
    req('date', date),
    req('prestataire', code(Object.keys(PRESTATAIRES))),
    debutParcours,
    opt('ref_partenaire', text(60)),
    opt('description', longText),
    opt('ref', text(60)),
  ],
  formations: [
    req('ref_personne', text(60)),
    req('intitule', text()),
    req('date_debut', date),
    opt('date_fin', date),
    opt('heures', { type: 'decimal' }),
    opt('qualifiante', bool),
    debutParcours,
    opt('ref_organisme', text(60)),
    opt('ref', text(60)),
  ],
  pmsmp: [req('ref_personne', text(60)), req('date_debut', date), opt('date_fin', date), opt('entreprise', text()), debutParcours, opt('ref_partenaire', text(60)), opt('ref', text(60))],
  sorties: [req('ref_personne', text(60)), req('date', date), req('motif', code(Object.keys(MOTIFS_SORTIE)))],
} satisfies Record<CoreSheet, ColumnSpec[]>;

export const SHEET_COLUMNS: Record<ImportSheet, ColumnSpec[]> = { ...CORE_COLUMNS, ...REGISTER_COLUMNS };

/** The column names of a core sheet, as a type: a record of the sheet cannot name a column the format lacks. */
export type ColumnOf<S extends CoreSheet> = (typeof CORE_COLUMNS)[S][number]['name'];

/** One row of a core sheet by column name (no positional tuple); a missing column is an empty cell. */
export type SheetRecordOf<S extends CoreSheet> = Partial<Record<ColumnOf<S>, string | number>>;

/** Records of a sheet as the rows the writers take, in the format's column order. */
export function rowsOfRecords<S extends CoreSheet>(sheet: S, records: ReadonlyArray<SheetRecordOf<S>>): Array<Array<string | number>> {
  const names = SHEET_COLUMNS[sheet].map((c) => c.name as ColumnOf<S>);
  return records.map((r) => names.map((name) => r[name] ?? ''));
}

/** The personnes sheet's columns that are a person's fields (all but `ref`), each a column of `personnes` (issue 18 §3). */
export const PERSONNE_COLUMNS = SHEET_COLUMNS.personnes.map((c) => c.name).filter((name) => name !== 'ref');
/** Its yes/no columns (« oui » / « non » in a file, 1 / 0 in the table). */
export const PERSONNE_FLAGS = SHEET_COLUMNS.personnes.filter((c) => c.kind.type === 'bool').map((c) => c.name);

/** What a user reads in the template's first line and in error messages. */
export const SHEET_LABELS: Record<ImportSheet, string> = {
  structure: 'La structure (une ligne)',
  dispositifs: 'Les dispositifs (et, pour les fichiers anciens, l’annexe financière et les ETP conventionnés d’une année entière)',
  annexes_financieres: 'Les annexes financières et leurs avenants : une ligne par version, même ref pour les versions d’une annexe',
  clients: 'Les clients des mises à disposition (AI, ETTI)',
  personnes: 'Les personnes accueillies',
  accueils: 'Les accueils : premier contact, offre présentée, diagnostic, décision',
  criteres: 'Les critères d’éligibilité de chaque personne',
  pass_iae: 'Les PASS IAE',
  contrats: 'Les contrats de travail (ils forment les parcours)',
  heures: 'Les heures travaillées, par mois (AAAA-MM) ou par jour',
  cer: 'Les contrats d’engagement réciproque signés',
  bilans: 'Les bilans',
  freins: 'Les freins identifiés',
  actions_freins: 'Les actions d’accompagnement sur les freins',
  formations: 'Les formations',
  pmsmp: 'Les immersions (PMSMP)',
  sorties: 'Les sorties (motif ASP)',
  ...REGISTER_LABELS,
};

/** Limits that keep a foreign or damaged file from taking the machine down. */
export const IMPORT_LIMITS = {
  maxFileBytes: 40 * 1024 * 1024,
  maxRowsPerSheet: 200_000,
  maxColumns: 60,
  /** Beyond this, errors are counted but not listed one by one. */
  maxListedErrors: 500,
} as const;

export interface ImportProblem {
  feuille: string;
  /** Spreadsheet line (the header is line 1); 0 for the whole sheet or file. */
  ligne: number;
  colonne: string | null;
  message: string;
}

export interface ImportSheetCount {
  feuille: ImportSheet;
  lignes: number;
  creees: number;
  misesAJour: number;
}

export interface ImportReport {
  ok: boolean;
  /** True when nothing was written: a preview, or a file with errors. */
  simulation: boolean;
  erreurs: ImportProblem[];
  /** Total number of errors, including those beyond the listed ones. */
  nombreErreurs: number;
  avertissements: ImportProblem[];
  feuilles: ImportSheetCount[];
  structureCreee: boolean;
  dureeMs: number;
}
