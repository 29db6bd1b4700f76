import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { clients } from '../../../db/schema';
import type { ClientType } from '../../../src-shared/domain/insertion';
import type { clientInputSchema } from '../../../src-shared/schemas/insertion';
import { subjectTo480 } from '../../../src-shared/rules/plafond-480';
import type { ClientView } from '../../../src-shared/views-insertion';
import { uuidv7 } from '../../lib/uuid';
import { notFound } from '../access';

/** Clients of AI and ETTI: who the salariés are placed with, and of which type (for the 480-hour rule and reports). */
export class ClientsService {
  constructor(private readonly db: Db) {}

  list(): ClientView[] {
    return this.db
      .select()
      .from(clients)
      .orderBy(asc(clients.nom))
      .all()
      .map((c) => ({ id: c.id, nom: c.nom, type: c.type as ClientType, siret: c.siret, soumisPlafond480: c.soumisPlafond480 }));
  }

  save(input: z.output<typeof clientInputSchema>, now: Date): string {
    const at = now.toISOString();
    const soumisPlafond480 = subjectTo480(input.type, input.soumisPlafond480);
    if (input.id) {
      const updated = this.db.update(clients).set({ nom: input.nom, type: input.type, siret: input.siret, soumisPlafond480, updatedAt: at }).where(eq(clients.id, input.id)).returning({ id: clients.id }).get();
      if (!updated) throw notFound('Client');
      return input.id;
    }
    const id = uuidv7(now.getTime());
    this.db.insert(clients).values({ id, nom: input.nom, type: input.type, siret: input.siret, soumisPlafond480, createdAt: at, updatedAt: at }).run();
    return id;
  }
}
