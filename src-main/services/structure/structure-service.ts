import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { dispositifs, structure } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import { SIAE_KINDS, type SiaeKind } from '../../../src-shared/siae';
import type { StructureView } from '../../../src-shared/views';

export function hasStructure(db: Db): boolean {
  return db.select({ id: structure.id }).from(structure).limit(1).get() !== undefined;
}

export function getStructure(db: Db): StructureView {
  const row = db.select().from(structure).limit(1).get();
  if (!row) throw new AppError('NOT_FOUND', "La structure n'est pas encore configurée.");
  const kinds = db
    .select({ kind: dispositifs.kind })
    .from(dispositifs)
    .orderBy(asc(dispositifs.kind))
    .all()
    .map((d) => d.kind as SiaeKind)
    .sort((a, b) => SIAE_KINDS.indexOf(a) - SIAE_KINDS.indexOf(b));
  return {
    nom: row.nom,
    siret: row.siret,
    departement: row.departement,
    adresse: row.adresse,
    codePostal: row.codePostal,
    commune: row.commune,
    dispositifs: kinds,
    createdAt: row.createdAt,
  };
}
