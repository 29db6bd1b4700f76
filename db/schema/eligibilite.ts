import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { personnes } from './personnes';
import { users } from './users';

/** An eligibility diagnosis: who made it (the structure or an authorised prescriber), when, for which dispositif. */
export const diagnosticsEligibilite = sqliteTable(
  'diagnostics_eligibilite',
  {
    id: text('id').primaryKey(),
    personneId: text('personne_id').notNull().references(() => personnes.id),
    date: text('date').notNull(),
    auteur: text('auteur').notNull(),
    prescripteur: text('prescripteur').notNull().default(''),
    dispositif: text('dispositif').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('diagnostics_personne_idx').on(t.personneId, t.date)],
);

/** The criteria a diagnosis retained, each with its proof (kept as type and date, not the document). */
export const criteresEligibilite = sqliteTable(
  'criteres_eligibilite',
  {
    id: text('id').primaryKey(),
    diagnosticId: text('diagnostic_id')
      .notNull()
      .references(() => diagnosticsEligibilite.id, { onDelete: 'cascade' }),
    critere: text('critere').notNull(),
    typeJustificatif: text('type_justificatif').notNull().default(''),
    dateJustificatif: text('date_justificatif'),
    /**
     * End of validity of the decision or title the proof shows (RQTH decision for TH, residence title for REF_DA):
     * those proofs count while valid on the hiring date, however old (arrêté of 1 September 2021, as amended).
     */
    dateFinValidite: text('date_fin_validite'),
  },
  (t) => [index('criteres_diagnostic_idx').on(t.diagnosticId), index('criteres_critere_idx').on(t.critere)],
);
