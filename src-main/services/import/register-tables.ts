/**
 * Where each register sheet of the import format (src-shared/import-format-registers.ts) lives in the database: its
 * table, how a row is recognised on a second import, and how its parent is named in the sheet. The import and the
 * export both read this one table, so that a column added to a sheet travels both ways.
 */
import type { z } from 'zod';
import { CLES_PARAMETRES, type CleParametre } from '../../../src-shared/domain/parametres';
import type { RegisterSheet } from '../../../src-shared/import-format-registers';
import { offreInsertionSchema } from '../../../src-shared/schemas/diagnostic';
import { retentionSettingsInputSchema } from '../../../src-shared/schemas/observatoire';
import { PARAMETRE_VALEUR_SCHEMAS } from '../../../src-shared/schemas/parametres';

/** A parent row named in the sheet by its own sheet's `ref`. */
export interface RefParent {
  kind: 'ref';
  /** The sheet's column (`ref_personne`). */
  column: string;
  /** The table's column (`personne_id`). */
  dbColumn: string;
  /** The sheet whose refs name the parent, and its table. */
  sheet: string;
  table: string;
  /** Optional parents may be empty (an RGPD request from someone the structure never followed). */
  optional?: boolean;
}

export type Parent =
  | RefParent
  /** A PASS IAE named by its number. */
  | { kind: 'pass'; column: 'numero_pass'; dbColumn: 'pass_id' }
  /** A parcours named by its person, dispositif and start (the first contract's start). */
  | { kind: 'parcours'; dbColumn: 'parcours_id' };

export interface RegisterTable {
  table: string;
  /** The table's primary key: generated ids, or a natural key the sheet carries (`mois`, `key`). */
  primaryKey: string;
  generatedId: boolean;
  /**
   * How a row is found again on a second import: its `ref`, the sheet columns of a natural key, or its parent when
   * there is one row per parent (`parent`: the fiche salarié of a parcours).
   */
  identity: 'ref' | 'parent' | readonly string[];
  parents: Parent[];
  /** Sheet column → table column, where they differ. */
  renamed?: Record<string, string>;
  /** Sheet columns written in units while the table keeps integers: hours as hundredths (factor 100). */
  scaled?: Record<string, number>;
  /** Columns holding JSON, checked as such on import. */
  json?: readonly string[];
  stamps: { created: boolean; updated: boolean };
  /** Only these rows are exported (settings that are the structure's own data). */
  exportWhere?: string;
  /** The sheet column naming a file beside the workbook, whose bytes fill `contenu`, `taille` and `type_mime`. */
  attachment?: string;
  /** A check of the whole row with the app's own rules: the French message of the first problem, or null. */
  check?: (values: Record<string, unknown>) => { column: string; message: string } | null;
}

/** JSON checked by the schema the screen uses: what an import writes, the screen could have written. */
function jsonChecked(column: string, schemaOf: (values: Record<string, unknown>) => z.ZodType | null, unknown: string) {
  return (values: Record<string, unknown>) => {
    const schema = schemaOf(values);
    if (!schema) return { column: 'cle', message: unknown };
    const parsed = schema.safeParse(JSON.parse(String(values[column])));
    return parsed.success ? null : { column: 'valeur', message: `Valeur refusée : ${parsed.error.issues[0]?.message ?? 'valeur invalide.'}` };
  };
}

const personne: RefParent = { kind: 'ref', column: 'ref_personne', dbColumn: 'personne_id', sheet: 'personnes', table: 'personnes' };
const both = { created: true, updated: true };
const createdOnly = { created: true, updated: false };

export const REGISTER_TABLES: Record<RegisterSheet, RegisterTable> = {
  partenaires: { table: 'partenaires', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  competences: { table: 'competences', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [personne], stamps: createdOnly },
  suivis_sortie: { table: 'suivis_sortie', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [{ kind: 'parcours', dbColumn: 'parcours_id' }], stamps: createdOnly },
  pass_suspensions: { table: 'pass_suspensions', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [{ kind: 'pass', column: 'numero_pass', dbColumn: 'pass_id' }], stamps: createdOnly },
  pass_prolongations: { table: 'pass_prolongations', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [{ kind: 'pass', column: 'numero_pass', dbColumn: 'pass_id' }], stamps: createdOnly },
  demandes_rgpd: { table: 'demandes_rgpd', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [{ ...personne, optional: true }], stamps: both },
  mois_clotures: { table: 'mois_clotures', primaryKey: 'mois', generatedId: false, identity: ['mois'], parents: [], stamps: { created: false, updated: false } },
  parametres: {
    table: 'parametres',
    primaryKey: 'id',
    generatedId: true,
    identity: ['cle', 'valide_du'],
    parents: [],
    json: ['valeur'],
    stamps: createdOnly,
    check: jsonChecked('valeur', (v) => (CLES_PARAMETRES.includes(v.cle as CleParametre) ? PARAMETRE_VALEUR_SCHEMAS[v.cle as CleParametre] : null), `Paramètre inconnu (connus : ${CLES_PARAMETRES.join(', ')}).`),
  },
  reglages: {
    table: 'settings',
    primaryKey: 'key',
    generatedId: false,
    identity: ['cle'],
    parents: [],
    renamed: { cle: 'key', valeur: 'value' },
    json: ['valeur'],
    stamps: { created: false, updated: true },
    exportWhere: "key in ('offre_insertion', 'conservation_rgpd')",
    check: jsonChecked('value', (v) => (v.key === 'offre_insertion' ? offreInsertionSchema : v.key === 'conservation_rgpd' ? retentionSettingsInputSchema : null), 'Réglage inconnu.'),
  },
  personnel: { table: 'personnel', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  formations_personnel: {
    table: 'formations_personnel',
    primaryKey: 'id',
    generatedId: true,
    identity: 'ref',
    parents: [{ kind: 'ref', column: 'ref_personnel', dbColumn: 'personnel_id', sheet: 'personnel', table: 'personnel' }],
    stamps: both,
  },
  controles_environnement: { table: 'controles_environnement', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  temps_collectifs: { table: 'temps_collectifs', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  propositions_salaries: {
    table: 'propositions_salaries',
    primaryKey: 'id',
    generatedId: true,
    identity: 'ref',
    parents: [{ kind: 'ref', column: 'ref_temps_collectif', dbColumn: 'temps_id', sheet: 'temps_collectifs', table: 'temps_collectifs' }],
    stamps: both,
  },
  documents_qualite: { table: 'documents_qualite', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  documents_fichiers: {
    table: 'documents_qualite_fichiers',
    primaryKey: 'id',
    generatedId: true,
    identity: 'ref',
    parents: [{ kind: 'ref', column: 'ref_document', dbColumn: 'document_id', sheet: 'documents_qualite', table: 'documents_qualite' }],
    attachment: 'fichier',
    stamps: createdOnly,
  },
  audits_certification: { table: 'audits_certification', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  grille_exigences: { table: 'grille_exigences', primaryKey: 'id', generatedId: true, identity: ['code'], parents: [], stamps: both },
  auto_evaluations: { table: 'auto_evaluations', primaryKey: 'id', generatedId: true, identity: ['exigence_code', 'annee'], parents: [], stamps: both },
  questionnaires: { table: 'questionnaires', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], json: ['questions'], stamps: both },
  reponses_questionnaires: {
    table: 'reponses_questionnaires',
    primaryKey: 'id',
    generatedId: true,
    identity: 'ref',
    parents: [{ kind: 'ref', column: 'ref_questionnaire', dbColumn: 'questionnaire_id', sheet: 'questionnaires', table: 'questionnaires' }],
    json: ['reponses'],
    stamps: createdOnly,
  },
  actions_amelioration: { table: 'actions_amelioration', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  reclamations: { table: 'reclamations', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: both },
  besoins_non_satisfaits: { table: 'besoins_non_satisfaits', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: createdOnly },
  heures_payees: {
    table: 'heures_payees',
    primaryKey: 'id',
    generatedId: true,
    identity: 'ref',
    parents: [{ kind: 'ref', column: 'ref_contrat', dbColumn: 'contrat_id', sheet: 'contrats', table: 'contrats' }],
    renamed: { heures: 'centiemes' },
    scaled: { heures: 100 },
    stamps: both,
  },
  fiches_salarie: { table: 'fiches_salarie', primaryKey: 'id', generatedId: true, identity: 'parent', parents: [{ kind: 'parcours', dbColumn: 'parcours_id' }], stamps: both },
  reponses_satisfaction: { table: 'reponses_satisfaction', primaryKey: 'id', generatedId: true, identity: 'ref', parents: [], stamps: createdOnly },
};

/** Sheet columns that name parents rather than hold a value of the row. */
export function parentColumns(spec: RegisterTable): Set<string> {
  const columns = new Set<string>();
  for (const p of spec.parents) {
    if (p.kind === 'parcours') ['ref_personne', 'dispositif', 'debut_parcours'].forEach((c) => columns.add(c));
    else columns.add(p.column);
  }
  return columns;
}
