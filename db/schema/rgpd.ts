import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { personnes } from './personnes';
import { users } from './users';

/**
 * The register of data-protection requests (RGPD art. 12 and 15–21): who asked what and when, the one-month
 * deadline, and the answer with its reason. It outlives an erasure: it then names the person by id only.
 */
export const demandesRgpd = sqliteTable(
  'demandes_rgpd',
  {
    id: text('id').primaryKey(),
    personneId: text('personne_id').references(() => personnes.id),
    type: text('type').notNull(),
    recueLe: text('recue_le').notNull(),
    demandeur: text('demandeur').notNull(),
    objet: text('objet').notNull().default(''),
    echeance: text('echeance').notNull(),
    statut: text('statut').notNull(),
    reponseLe: text('reponse_le'),
    reponse: text('reponse').notNull().default(''),
    traiteePar: text('traitee_par').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('demandes_rgpd_recue_idx').on(t.recueLe), index('demandes_rgpd_personne_idx').on(t.personneId)],
);
