import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { settings } from '../../../db/schema';
import { offreInsertionSchema, type OffreInsertion } from '../../../src-shared/schemas/diagnostic';

const KEY = 'offre_insertion';
const EMPTY: OffreInsertion = { presentation: '', activites: '', formations: '', accompagnement: '', regles: '' };

/** The structure's insertion offer, presented at every intake and printed as the welcome booklet. */
export function getOffre(db: Db): OffreInsertion {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  const parsed = row ? offreInsertionSchema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : EMPTY;
}

export function saveOffre(db: Db, offre: OffreInsertion, now: Date): OffreInsertion {
  const value = JSON.stringify(offre);
  db.insert(settings)
    .values({ key: KEY, value, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now.toISOString() } })
    .run();
  return offre;
}
