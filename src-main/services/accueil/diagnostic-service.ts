/** The socio-professional diagnostic: freins, skills, and eligibility diagnoses (kept as history, never overwritten). */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { competences, criteresEligibilite, diagnosticsEligibilite, freins } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import { CRITERES } from '../../../src-shared/domain/criteres';
import { FREINS_SENSIBLES } from '../../../src-shared/domain/freins';
import type { saveCompetenceInputSchema, saveEligibiliteInputSchema, saveFreinInputSchema } from '../../../src-shared/schemas/diagnostic';
import { uuidv7 } from '../../lib/uuid';
import { notFound } from '../access';

export class DiagnosticService {
  constructor(private readonly db: Db) {}

  /** Creates or updates a frein. Health and justice freins need the `sensibles.read` right, even to be written. */
  saveFrein(input: z.output<typeof saveFreinInputSchema>, sensibles: boolean, now: Date): string {
    if (!sensibles && FREINS_SENSIBLES.includes(input.type)) {
      throw new AppError('FORBIDDEN', 'Les freins de santé et de justice ne peuvent être saisis que par la direction ou un·e CIP.');
    }
    const at = now.toISOString();
    const values = { type: input.type, niveau: input.niveau, commentaire: input.commentaire, dateIdentification: input.dateIdentification, dateLevee: input.dateLevee, updatedAt: at };
    if (input.id) {
      const current = this.db.select().from(freins).where(and(eq(freins.id, input.id), eq(freins.personneId, input.personneId))).get();
      if (!current) throw notFound('Frein');
      if (!sensibles && FREINS_SENSIBLES.includes(current.type as (typeof FREINS_SENSIBLES)[number])) throw notFound('Frein');
      this.db.update(freins).set(values).where(eq(freins.id, input.id)).run();
      return input.id;
    }
    const id = uuidv7(now.getTime());
    this.db.insert(freins).values({ id, personneId: input.personneId, ...values, createdAt: at }).run();
    return id;
  }

  deleteFrein(id: string, sensibles: boolean): string {
    const current = this.db.select().from(freins).where(eq(freins.id, id)).get();
    if (!current || (!sensibles && FREINS_SENSIBLES.includes(current.type as (typeof FREINS_SENSIBLES)[number]))) throw notFound('Frein');
    this.db.delete(freins).where(eq(freins.id, id)).run();
    return current.personneId;
  }

  saveCompetence(input: z.output<typeof saveCompetenceInputSchema>, now: Date): string {
    const values = { libelle: input.libelle, codeRome: input.codeRome, niveau: input.niveau, dateEvaluation: input.dateEvaluation };
    if (input.id) {
      const updated = this.db
        .update(competences)
        .set(values)
        .where(and(eq(competences.id, input.id), eq(competences.personneId, input.personneId)))
        .returning({ id: competences.id })
        .get();
      if (!updated) throw notFound('Compétence');
      return input.id;
    }
    const id = uuidv7(now.getTime());
    this.db.insert(competences).values({ id, personneId: input.personneId, ...values, createdAt: now.toISOString() }).run();
    return id;
  }

  deleteCompetence(id: string): string {
    const deleted = this.db.delete(competences).where(eq(competences.id, id)).returning({ personneId: competences.personneId }).get();
    if (!deleted) throw notFound('Compétence');
    return deleted.personneId;
  }

  /** Records a new eligibility diagnosis with its criteria; the proof type defaults to the criterion's usual proof. */
  saveEligibilite(input: z.output<typeof saveEligibiliteInputSchema>, userId: string, now: Date): string {
    const id = uuidv7(now.getTime());
    this.db
      .insert(diagnosticsEligibilite)
      .values({ id, personneId: input.personneId, date: input.date, auteur: input.auteur, prescripteur: input.prescripteur, dispositif: input.dispositif, createdBy: userId, createdAt: now.toISOString() })
      .run();
    for (const c of input.criteres) {
      this.db
        .insert(criteresEligibilite)
        .values({ id: uuidv7(now.getTime()), diagnosticId: id, critere: c.critere, typeJustificatif: c.typeJustificatif || CRITERES[c.critere].justificatif, dateJustificatif: c.dateJustificatif })
        .run();
    }
    return id;
  }
}
