import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The structure (one row): identity used on every report and on the signed federation file. */
export const structure = sqliteTable('structure', {
  id: text('id').primaryKey(),
  nom: text('nom').notNull(),
  siret: text('siret').notNull(),
  departement: text('departement').notNull(),
  adresse: text('adresse').notNull().default(''),
  codePostal: text('code_postal').notNull().default(''),
  commune: text('commune').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The SIAE kinds the structure runs (an ensemblier runs several). Yearly figures hang off these later. */
export const dispositifs = sqliteTable('dispositifs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull().unique(),
  createdAt: text('created_at').notNull(),
});

/**
 * An annexe financière (the State's yearly funding document of a dispositif, les-emplois
 * `itou/companies/models.py` SiaeFinancialAnnex): its base number (ACI075240013, without the A0M0 suffix; older
 * bases may hold free text or nothing), and the ASP measure it funds (`itou/asp/models.py` SiaeKind: ACI_DC,
 * ACI_MP…), from which the dispositif follows. Its figures live in dated versions below.
 */
export const annexesFinancieres = sqliteTable('annexes_financieres', {
  id: text('id').primaryKey(),
  numero: text('numero').notNull().default(''),
  mesure: text('mesure').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * One version of an annexe: the initial one (avenant 0) and each amendment (avenant n, modification m, the AnMm
 * suffix of the ASP number). A version states its period, the ETP conventionnés (ten-thousandths, as they are
 * summed unrounded, docs/report-spec.md §5.12), the H_ref when it states one (hundredths of an hour), and the aid
 * amounts (cents). On a given day the version in force is the highest amendment whose period covers it.
 */
export const annexesFinancieresVersions = sqliteTable(
  'annexes_financieres_versions',
  {
    id: text('id').primaryKey(),
    annexeId: text('annexe_id')
      .notNull()
      .references(() => annexesFinancieres.id, { onDelete: 'cascade' }),
    avenant: integer('avenant').notNull().default(0),
    modification: integer('modification').notNull().default(0),
    dateDebut: text('date_debut').notNull(),
    dateFin: text('date_fin').notNull(),
    etpConventionnesDixMilliemes: integer('etp_conventionnes_dix_milliemes'),
    hRefCentiemes: integer('h_ref_centiemes'),
    aideSocleCentimes: integer('aide_socle_centimes'),
    aideModuleeCentimes: integer('aide_modulee_centimes'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('annexes_versions_numero_idx').on(t.annexeId, t.avenant, t.modification)],
);
