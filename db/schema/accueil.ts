import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { personnes } from './personnes';
import { users } from './users';

/** One intake (mission accueil): first contact, offer presented, diagnostic, decision. */
export const accueils = sqliteTable(
  'accueils',
  {
    id: text('id').primaryKey(),
    personneId: text('personne_id').notNull().references(() => personnes.id),
    datePremierContact: text('date_premier_contact').notNull(),
    canal: text('canal').notNull(),
    dateOffrePresentee: text('date_offre_presentee'),
    offrePresenteePar: text('offre_presentee_par').references(() => users.id),
    dateNoticeRgpd: text('date_notice_rgpd'),
    dateDiagnostic: text('date_diagnostic'),
    /** What the person wants to do, in their own words. */
    souhaits: text('souhaits').notNull().default(''),
    /** null while waiting (liste d'attente). */
    decision: text('decision'),
    dateDecision: text('date_decision'),
    motifDecision: text('motif_decision'),
    reorientationVers: text('reorientation_vers').notNull().default(''),
    /** For an entry: the dispositif the parcours opens in. */
    dispositif: text('dispositif'),
    referentId: text('referent_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // With the date, each person's last intake (RGPD review) is read from the index alone.
    index('accueils_personne_idx').on(t.personneId, t.datePremierContact),
    index('accueils_date_idx').on(t.datePremierContact),
    index('accueils_decision_idx').on(t.decision, t.dateDecision),
    // The intakes decided in a year, whatever the decision (indicators: each was a scan of every intake, 5 ms at ×10).
    index('accueils_date_decision_idx').on(t.dateDecision),
    index('accueils_referent_idx').on(t.referentId),
  ],
);

/** Obstacles to employment, attached to the person and re-assessed over time. */
export const freins = sqliteTable(
  'freins',
  {
    id: text('id').primaryKey(),
    personneId: text('personne_id').notNull().references(() => personnes.id),
    type: text('type').notNull(),
    niveau: integer('niveau').notNull(),
    /** Short and factual (CNIL guidance for social files). */
    commentaire: text('commentaire').notNull().default(''),
    dateIdentification: text('date_identification').notNull(),
    dateLevee: text('date_levee'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('freins_personne_idx').on(t.personneId), index('freins_type_idx').on(t.type, t.dateIdentification)],
);

/** Skills or ROME job families evaluated with the person. */
export const competences = sqliteTable(
  'competences',
  {
    id: text('id').primaryKey(),
    personneId: text('personne_id').notNull().references(() => personnes.id),
    libelle: text('libelle').notNull(),
    codeRome: text('code_rome').notNull().default(''),
    niveau: integer('niveau').notNull(),
    dateEvaluation: text('date_evaluation').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('competences_personne_idx').on(t.personneId)],
);
