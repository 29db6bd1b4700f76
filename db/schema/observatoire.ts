import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The structure's Ed25519 signing keys (REPORT-SPEC §4). The private key is stored wrapped (AES-256-GCM) by the key
 * protector, never in clear; a rotated key stays, retired, so that reports it signed remain verifiable.
 */
export const clesSignature = sqliteTable('cles_signature', {
  id: text('id').primaryKey(),
  /** RFC 7638 thumbprint of the public key: the `kid` the federation registers. */
  kid: text('kid').notNull().unique(),
  publicJwk: text('public_jwk').notNull(),
  privateKeyWrapped: text('private_key_wrapped').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').references(() => users.id),
  retiredAt: text('retired_at'),
});

/**
 * The annual reports produced: append-only (triggers) and hash-chained like the audit log, so that the history of
 * what was signed and sent cannot be altered silently.
 */
export const rapportsAnnuels = sqliteTable(
  'rapports_annuels',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    annee: integer('annee').notNull(),
    fichier: text('fichier').notNull(),
    genereLe: text('genere_le').notNull(),
    kid: text('kid').notNull(),
    /** SHA-256 of the ZIP archive as written. */
    sha256: text('sha256').notNull(),
    signePar: text('signe_par'),
    signeParNom: text('signe_par_nom').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('rapports_annee_idx').on(t.annee), uniqueIndex('rapports_hash_idx').on(t.hash)],
);
