/** The socio-professional diagnostic: freins, skills, and eligibility diagnoses (kept as history, never overwritten). */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { competences, criteresEligibilite, diagnosticsEligibilite, freins, parcours } from '../../../db/schema';
import { shortFrenchDate } from '../../../src-shared/rules/dates';
import { AppError } from '../../../src-shared/errors';
import { CRITERES } from '../../../src-shared/domain/criteres';
import { FREINS_SENSIBLES } from '../../../src-shared/domain/freins';
import type { saveCompetenceInputSchema, saveEligibiliteInputSchema, saveFreinInputSchema } from '../../../src-shared/schemas/diagnostic';
import type Database from 'better-sqlite3';
import { uuidv7 } from '../../lib/uuid';
import { PreparedWrite } from '../../lib/prepared-write';
import type { FieldsAreColumns } from '../../lib/fields-are-columns';
import { notFound } from '../access';

/** The frein and skill forms' fields are columns of their tables (issue 18 §3; lib/fields-are-columns.ts). */
export const FREIN_FIELDS_ARE_COLUMNS: FieldsAreColumns<Omit<z.output<typeof saveFreinInputSchema>, 'id'>, typeof freins.$inferSelect> = true;
export const COMPETENCE_FIELDS_ARE_COLUMNS: FieldsAreColumns<Omit<z.output<typeof saveCompetenceInputSchema>, 'id'>, typeof competences.$inferSelect> = true;

export class DiagnosticService {
  private readonly freinWrites: PreparedWrite<typeof freins>;

  constructor(
    private readonly db: Db,
    sqlite: Database.Database,
  ) {
    this.freinWrites = new PreparedWrite(sqlite, freins);
  }

  /**
   * Creates or updates a frein: the form and the import write freins here (issue 18 §1). Health and justice freins
   * need the `sensibles.read` right, even to be written.
   */
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
      this.freinWrites.updateById(input.id, values);
      return input.id;
    }
    const id = uuidv7(now.getTime());
    this.freinWrites.insert({ id, personneId: input.personneId, ...values, createdAt: at });
    return id;
  }

  /**
   * A diagnostic entered by mistake. One that founded an entry in parcours (the parcours' profile at entry, and the
   * observatoire's criteria counts, rest on it) is corrected rather than deleted.
   */
  deleteEligibilite(id: string): string {
    const current = this.db.select().from(diagnosticsEligibilite).where(eq(diagnosticsEligibilite.id, id)).get();
    if (!current) throw notFound('Diagnostic d’éligibilité');
    const used = this.db.select({ debut: parcours.dateDebut, dispositif: parcours.dispositif }).from(parcours).where(eq(parcours.diagnosticId, id)).get();
    if (used) {
      throw new AppError('CONFLICT', `Ce diagnostic fonde l’entrée en parcours ${used.dispositif}${used.debut ? ` du ${shortFrenchDate(used.debut)}` : ''} : corrigez-le plutôt que de le supprimer.`);
    }
    this.db.delete(criteresEligibilite).where(eq(criteresEligibilite.diagnosticId, id)).run();
    this.db.delete(diagnosticsEligibilite).where(eq(diagnosticsEligibilite.id, id)).run();
    return current.personneId;
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
  /** A new eligibility diagnostic, or a correction of one of the person's (`id`): its criteria are replaced. */
  saveEligibilite(input: z.output<typeof saveEligibiliteInputSchema>, userId: string, now: Date): string {
    const values = { date: input.date, auteur: input.auteur, prescripteur: input.prescripteur, dispositif: input.dispositif };
    const id = input.id ?? uuidv7(now.getTime());
    if (input.id) {
      const current = this.db.select({ id: diagnosticsEligibilite.id }).from(diagnosticsEligibilite).where(and(eq(diagnosticsEligibilite.id, input.id), eq(diagnosticsEligibilite.personneId, input.personneId))).get();
      if (!current) throw notFound('Diagnostic d’éligibilité');
      this.db.update(diagnosticsEligibilite).set(values).where(eq(diagnosticsEligibilite.id, id)).run();
      this.db.delete(criteresEligibilite).where(eq(criteresEligibilite.diagnosticId, id)).run();
    } else {
      this.db.insert(diagnosticsEligibilite).values({ id, personneId: input.personneId, ...values, createdBy: userId, createdAt: now.toISOString() }).run();
    }
    for (const c of input.criteres) {
      this.db
        .insert(criteresEligibilite)
        .values({
          id: uuidv7(now.getTime()),
          diagnosticId: id,
          critere: c.critere,
          typeJustificatif: c.typeJustificatif || CRITERES[c.critere].justificatif,
          dateJustificatif: c.dateJustificatif,
          dateFinValidite: c.dateFinValidite ?? null,
        })
        .run();
    }
    return id;
  }
}
