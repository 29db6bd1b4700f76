import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accueils } from './accueil';
import { diagnosticsEligibilite } from './eligibilite';
import { personnes } from './personnes';
import { users } from './users';

/**
 * One insertion pathway of one person in one dispositif (REPORT-SPEC §1). It starts on its first contract's start
 * (kept in `date_debut` by ParcoursService) and ends on its exit.
 */
export const parcours = sqliteTable(
  'parcours',
  {
    id: text('id').primaryKey(),
    personneId: text('personne_id').notNull().references(() => personnes.id),
    dispositif: text('dispositif').notNull(),
    /** The intake whose entry decision opened it, if any (imports have none). */
    accueilId: text('accueil_id').references(() => accueils.id),
    /** The eligibility diagnosis of the entry: the profile the observatoire counts. */
    diagnosticId: text('diagnostic_id').references(() => diagnosticsEligibilite.id),
    referentId: text('referent_id').references(() => users.id),
    /** Start of its first contract; null until a contract is signed. */
    dateDebut: text('date_debut'),
    dateSortie: text('date_sortie'),
    /** ASP exit motif code (domain-reference §3.3). */
    motifSortie: text('motif_sortie'),
    /** Age at the start, kept when the person is anonymised (their birth date is then reduced to its year). */
    ageDebut: integer('age_debut'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // With its dates, a person's parcours facts (last exit, open or not: RGPD review) are read from the index alone.
    index('parcours_personne_idx').on(t.personneId, t.dateDebut, t.dateSortie),
    // The person file asks when a diagnosis was first used by a hire.
    index('parcours_diagnostic_idx').on(t.diagnosticId),
    index('parcours_dispositif_debut_idx').on(t.dispositif, t.dateDebut),
    index('parcours_sortie_idx').on(t.dateSortie),
    index('parcours_debut_idx').on(t.dateDebut),
    index('parcours_referent_idx').on(t.referentId),
  ],
);

export const contrats = sqliteTable(
  'contrats',
  {
    id: text('id').primaryKey(),
    parcoursId: text('parcours_id').notNull().references(() => parcours.id),
    type: text('type').notNull(),
    dateDebut: text('date_debut').notNull(),
    dateFinPrevue: text('date_fin_prevue'),
    /** Set when the contract ends before its planned end. */
    dateFinReelle: text('date_fin_reelle'),
    /** Weekly hours in hundredths. */
    heuresHebdo: integer('heures_hebdo'),
    /** JSON array of derogation keys (src-shared/domain/insertion.ts). */
    derogations: text('derogations').notNull().default('[]'),
    /** JSON array of the warnings shown when it was saved, kept as evidence. */
    avertissements: text('avertissements').notNull().default('[]'),
    /** The contract this one renews. */
    renouvelleId: text('renouvelle_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('contrats_parcours_idx').on(t.parcoursId, t.dateDebut)],
);

/** Clients of AI and ETTI (users of the mises à disposition). */
export const clients = sqliteTable('clients', {
  id: text('id').primaryKey(),
  nom: text('nom').notNull(),
  type: text('type').notNull(),
  siret: text('siret').notNull().default(''),
  /** AI: whether placements with this client count towards the 480-hour cap (src-shared/rules/plafond-480.ts). */
  soumisPlafond480: integer('soumis_plafond_480', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * ACI: the hours paid in a month on a contract, beside the hours worked (paid leave, paid absences…): the ASP's
 * monthly statement asks for both (issue 15 §3). Hundredths of an hour; one row per contract and month.
 */
export const heuresPayees = sqliteTable(
  'heures_payees',
  {
    id: text('id').primaryKey(),
    contratId: text('contrat_id')
      .notNull()
      .references(() => contrats.id, { onDelete: 'cascade' }),
    mois: text('mois').notNull(),
    centiemes: integer('centiemes').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('heures_payees_contrat_mois_idx').on(t.contratId, t.mois)],
);

/**
 * Hours worked, in hundredths, dated on a day or on the first day of a month for a monthly total, on a contract and,
 * for AI and ETTI, a client.
 */
export const heures = sqliteTable(
  'heures',
  {
    id: text('id').primaryKey(),
    contratId: text('contrat_id').notNull().references(() => contrats.id),
    date: text('date').notNull(),
    centiemes: integer('centiemes').notNull(),
    clientId: text('client_id').references(() => clients.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // Covering, as the two below: a parcours' hours (each exit's threshold, the 480-hour windows) and a year's hours
    // (indicators, export) and a period's subject placements (480 h) are read from the indexes alone, without a
    // lookup in the table per line (issue 19: a year's exits 20–22 → 16–18 ms at ×10).
    index('heures_contrat_date_idx').on(t.contratId, t.date, t.clientId, t.centiemes),
    index('heures_date_idx').on(t.date, t.contratId, t.clientId, t.centiemes),
    index('heures_client_idx').on(t.clientId, t.date, t.contratId, t.centiemes),
  ],
);

/** Months whose hours are closed (declared): no hour dated in them can change any more. */
export const moisClotures = sqliteTable('mois_clotures', {
  mois: text('mois').primaryKey(),
  clotureLe: text('cloture_le').notNull(),
  cloturePar: text('cloture_par').references(() => users.id),
});

/**
 * The contrat d'engagement réciproque, one row per version: the person's own goals and the means the structure
 * commits; a revision at a bilan is a new version.
 */
export const cer = sqliteTable(
  'cer',
  {
    id: text('id').primaryKey(),
    parcoursId: text('parcours_id').notNull().references(() => parcours.id),
    version: integer('version').notNull(),
    /** The person's goals (axes de progrès), in their words. */
    objectifs: text('objectifs').notNull(),
    moyensFormation: text('moyens_formation').notNull().default(''),
    moyensEncadrement: text('moyens_encadrement').notNull().default(''),
    moyensAccompagnement: text('moyens_accompagnement').notNull().default(''),
    /** Weekly hours of paid work committed, in hundredths. */
    heuresHebdo: integer('heures_hebdo'),
    dateSignature: text('date_signature'),
    signePersonne: integer('signe_personne', { mode: 'boolean' }).notNull().default(false),
    signeStructure: integer('signe_structure', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('cer_parcours_version_idx').on(t.parcoursId, t.version), index('cer_signature_idx').on(t.dateSignature)],
);

export const bilans = sqliteTable(
  'bilans',
  {
    id: text('id').primaryKey(),
    parcoursId: text('parcours_id').notNull().references(() => parcours.id),
    type: text('type').notNull(),
    date: text('date').notNull(),
    revueObjectifs: text('revue_objectifs').notNull().default(''),
    revueFreins: text('revue_freins').notNull().default(''),
    revueCompetences: text('revue_competences').notNull().default(''),
    /** What the person says, in their own words. */
    parolesPersonne: text('paroles_personne').notNull().default(''),
    prochainesEtapes: text('prochaines_etapes').notNull().default(''),
    signePersonne: integer('signe_personne', { mode: 'boolean' }).notNull().default(false),
    signeStructure: integer('signe_structure', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('bilans_parcours_idx').on(t.parcoursId, t.date), index('bilans_date_idx').on(t.date)],
);

/** Partners of the territory: prescribers, training bodies, social services, employers. */
export const partenaires = sqliteTable('partenaires', {
  id: text('id').primaryKey(),
  nom: text('nom').notNull(),
  type: text('type').notNull(),
  contact: text('contact').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const formations = sqliteTable(
  'formations',
  {
    id: text('id').primaryKey(),
    parcoursId: text('parcours_id').notNull().references(() => parcours.id),
    intitule: text('intitule').notNull(),
    organismeId: text('organisme_id').references(() => partenaires.id),
    dateDebut: text('date_debut').notNull(),
    dateFin: text('date_fin'),
    /** Hours in hundredths. */
    heures: integer('heures'),
    qualifiante: integer('qualifiante', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('formations_parcours_idx').on(t.parcoursId), index('formations_debut_idx').on(t.dateDebut), index('formations_fin_idx').on(t.dateFin, t.dateDebut)],
);

/** Immersions in a company (périodes de mise en situation en milieu professionnel). */
export const pmsmp = sqliteTable(
  'pmsmp',
  {
    id: text('id').primaryKey(),
    parcoursId: text('parcours_id').notNull().references(() => parcours.id),
    dateDebut: text('date_debut').notNull(),
    dateFin: text('date_fin'),
    entreprise: text('entreprise').notNull().default(''),
    partenaireId: text('partenaire_id').references(() => partenaires.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('pmsmp_parcours_idx').on(t.parcoursId), index('pmsmp_debut_idx').on(t.dateDebut)],
);

/** A support action on a frein, by the structure (interne) or a partner (externe). */
export const actionsFreins = sqliteTable(
  'actions_freins',
  {
    id: text('id').primaryKey(),
    parcoursId: text('parcours_id').notNull().references(() => parcours.id),
    typeFrein: text('type_frein').notNull(),
    date: text('date').notNull(),
    prestataire: text('prestataire').notNull(),
    partenaireId: text('partenaire_id').references(() => partenaires.id),
    description: text('description').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('actions_freins_parcours_idx').on(t.parcoursId), index('actions_freins_date_idx').on(t.date, t.typeFrein)],
);

/** The person's situation 1, 3 and 6 months after the exit. */
export const suivisSortie = sqliteTable(
  'suivis_sortie',
  {
    id: text('id').primaryKey(),
    parcoursId: text('parcours_id').notNull().references(() => parcours.id),
    echeanceMois: integer('echeance_mois').notNull(),
    date: text('date').notNull(),
    situation: text('situation').notNull(),
    commentaire: text('commentaire').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('suivis_parcours_echeance_idx').on(t.parcoursId, t.echeanceMois)],
);

/**
 * Parameters that change with the law or the structure's choices (src-shared/domain/parametres.ts), as dated rows:
 * the row in force on a date is the latest whose `valide_du` is on or before it.
 */
export const parametres = sqliteTable(
  'parametres',
  {
    id: text('id').primaryKey(),
    cle: text('cle').notNull(),
    valeur: text('valeur').notNull(),
    valideDu: text('valide_du').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('parametres_cle_date_idx').on(t.cle, t.valideDu)],
);
