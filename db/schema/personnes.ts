import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A person met by the structure: identity, contact and the profile fields of the ASP fiche salarié. */
export const personnes = sqliteTable(
  'personnes',
  {
    id: text('id').primaryKey(),
    civilite: text('civilite').notNull(),
    nom: text('nom').notNull(),
    prenom: text('prenom').notNull(),
    dateNaissance: text('date_naissance').notNull(),
    telephone: text('telephone').notNull().default(''),
    email: text('email').notNull().default(''),
    adresse: text('adresse').notNull().default(''),
    codePostal: text('code_postal').notNull().default(''),
    commune: text('commune').notNull().default(''),
    qpv: integer('qpv', { mode: 'boolean' }).notNull().default(false),
    zrr: integer('zrr', { mode: 'boolean' }).notNull().default(false),
    /** ASP ref_niveau_formation code. */
    niveauFormation: text('niveau_formation'),
    identifiantFt: text('identifiant_ft'),
    /** Restricted: read and written only by roles holding `nir.read` / `nir.write`; never in lists or exports. */
    nir: text('nir'),
    /** ASP orienteur code: who sent the person. */
    orienteur: text('orienteur'),
    rsa: text('rsa'),
    dureeInscriptionFt: text('duree_inscription_ft'),
    sansRessources: integer('sans_ressources', { mode: 'boolean' }).notNull().default(false),
    /** Folded "nom prénom" + birth date, for duplicate detection. */
    cleDoublon: text('cle_doublon').notNull(),
    /** Folded names, France Travail id and PASS numbers: the text the search index holds. */
    recherche: text('recherche').notNull(),
    /** Folded "nom prénom": the alphabetical order of lists, accents ignored (Élodie with the E). */
    nomTri: text('nom_tri').notNull().default(''),
    /**
     * Summary of the person's latest intake, kept by PersonnesService.refreshLatestIntake whenever an intake changes,
     * so that lists of 100 000 persons sort and filter on indexes instead of recomputing it for every row.
     */
    dernierAccueilId: text('dernier_accueil_id'),
    dernierContact: text('dernier_contact'),
    derniereDecision: text('derniere_decision'),
    dernierDispositif: text('dernier_dispositif'),
    dernierReferentId: text('dernier_referent_id'),
    /** Set when the retention period ended and the identifying fields were erased (statistics kept). */
    anonymiseLe: text('anonymise_le'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('personnes_cle_doublon_idx').on(t.cleDoublon),
    index('personnes_nom_idx').on(t.nom, t.prenom),
    index('personnes_nom_tri_idx').on(t.nomTri),
    index('personnes_dernier_contact_idx').on(t.dernierContact),
    index('personnes_derniere_decision_idx').on(t.derniereDecision, t.dernierContact),
    index('personnes_dernier_referent_idx').on(t.dernierReferentId, t.dernierContact),
    index('personnes_dernier_dispositif_idx').on(t.dernierDispositif, t.dernierContact),
  ],
);
