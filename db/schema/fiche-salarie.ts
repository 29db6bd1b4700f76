import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { parcours } from './insertion';

/**
 * The fiche salarié of a parcours (issue 15 §2): the person's situation at hire as the ASP records it (les-emplois
 * `itou/users/models.py` JobSeekerProfile, `itou/employee_record/serializers.py` situationSalarie). A snapshot: it
 * does not follow later changes of the person's file. Durations are the ASP's bands (`AllocationDuration`, 01–04).
 */
export const fichesSalarie = sqliteTable('fiches_salarie', {
  id: text('id').primaryKey(),
  parcoursId: text('parcours_id')
    .notNull()
    .unique()
    .references(() => parcours.id, { onDelete: 'cascade' }),
  /** ASP `ref_niveau_formation_v3` code. */
  niveauFormation: text('niveau_formation'),
  sansRessources: integer('sans_ressources', { mode: 'boolean' }).notNull().default(false),
  rqth: integer('rqth', { mode: 'boolean' }).notNull().default(false),
  oeth: integer('oeth', { mode: 'boolean' }).notNull().default(false),
  inscritFt: integer('inscrit_ft', { mode: 'boolean' }).notNull().default(false),
  inscritFtDepuis: text('inscrit_ft_depuis'),
  sansEmploiDepuis: text('sans_emploi_depuis'),
  /** `NON`, `OUI-M` (majoré) or `OUI-NM`; null when not known. */
  rsa: text('rsa'),
  rsaDepuis: text('rsa_depuis'),
  ass: integer('ass', { mode: 'boolean' }).notNull().default(false),
  assDepuis: text('ass_depuis'),
  aah: integer('aah', { mode: 'boolean' }).notNull().default(false),
  aahDepuis: text('aah_depuis'),
  qpv: integer('qpv', { mode: 'boolean' }).notNull().default(false),
  zrr: integer('zrr', { mode: 'boolean' }).notNull().default(false),
  /** INSEE code of the commune of birth (born in France), and of the country (born abroad: 99 and three digits). */
  communeNaissance: text('commune_naissance'),
  paysNaissance: text('pays_naissance'),
  /** Why the NIR is missing (les-emplois `LackOfNIRReason`). */
  motifAbsenceNir: text('motif_absence_nir'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
