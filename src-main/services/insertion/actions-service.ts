/**
 * What the parcours mobilises besides work: trainings, immersions (PMSMP), support actions on freins (by the structure
 * or a partner), the partners directory, and the follow-up after the exit.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type Database from 'better-sqlite3';
import type { Db } from '../../../db/client';
import { actionsFreins, formations, partenaires, pmsmp, suivisSortie } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import type { FreinType } from '../../../src-shared/domain/freins';
import { FREIN_TYPES, FREINS_SENSIBLES } from '../../../src-shared/domain/freins';
import type { SiaeKind } from '../../../src-shared/siae';
import type { PartenaireType, Prestataire, SituationSuivi } from '../../../src-shared/domain/insertion';
import { fromCentiemes, toCentiemes } from '../../../src-shared/rules/heures';
import type { actionFreinInputSchema, formationInputSchema, partenaireInputSchema, pmsmpInputSchema, suiviInputSchema } from '../../../src-shared/schemas/insertion';
import type { ActionFreinView, FormationView, PartenaireIntervention, PartenaireView, PmsmpView, SuiviView } from '../../../src-shared/views-insertion';
import { assertPlausible } from '../../../src-shared/rules/plausibility';
import { uuidv7 } from '../../lib/uuid';
import { signedYearWarnings, yearsOf } from './signed-years';
import { notFound } from '../access';

export class ActionsService {
  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
  ) {}

  partenaires(): PartenaireView[] {
    // Correlated on the outer row: written out, since drizzle renders a bare column name inside the subquery.
    const interventions = sql<number>`(select count(distinct parcours_id) from (
        select parcours_id from formations where organisme_id = "partenaires"."id"
        union all select parcours_id from actions_freins where partenaire_id = "partenaires"."id"
        union all select parcours_id from pmsmp where partenaire_id = "partenaires"."id"))`;
    return this.db
      .select({ id: partenaires.id, nom: partenaires.nom, type: partenaires.type, contact: partenaires.contact, interventions })
      .from(partenaires)
      .orderBy(asc(partenaires.nom))
      .all()
      .map((p) => ({ ...p, type: p.type as PartenaireType }));
  }

  /** What a partner did, in which parcours; health and justice actions only for roles that may see them. */
  interventionsOf(partenaireId: string, sensibles: boolean): PartenaireIntervention[] {
    const rows = this.db.all<{ date: string; personneId: string; nom: string; prenom: string; dispositif: SiaeKind; kind: string; detail: string }>(sql`
      select f.date_debut as date, pe.id as personneId, pe.nom, pe.prenom, p.dispositif, 'formation' as kind, f.intitule as detail
        from formations f join parcours p on p.id = f.parcours_id join personnes pe on pe.id = p.personne_id where f.organisme_id = ${partenaireId}
      union all
      select a.date, pe.id, pe.nom, pe.prenom, p.dispositif, 'action', a.type_frein
        from actions_freins a join parcours p on p.id = a.parcours_id join personnes pe on pe.id = p.personne_id where a.partenaire_id = ${partenaireId}
      order by 1 desc`);
    return rows
      .filter((r) => r.kind !== 'action' || sensibles || !FREINS_SENSIBLES.includes(r.detail as FreinType))
      .map((r) => ({
        date: r.date,
        personneId: r.personneId,
        nom: r.nom,
        prenom: r.prenom,
        dispositif: r.dispositif,
        quoi: r.kind === 'formation' ? `Formation : ${r.detail}` : `Action sur le frein « ${FREIN_TYPES[r.detail as FreinType]} »`,
      }));
  }

  savePartenaire(input: z.output<typeof partenaireInputSchema>, now: Date): void {
    const at = now.toISOString();
    if (input.id) {
      const updated = this.db.update(partenaires).set({ nom: input.nom, type: input.type, contact: input.contact, updatedAt: at }).where(eq(partenaires.id, input.id)).returning({ id: partenaires.id }).get();
      if (!updated) throw notFound('Partenaire');
      return;
    }
    this.db.insert(partenaires).values({ id: uuidv7(now.getTime()), nom: input.nom, type: input.type, contact: input.contact, createdAt: at, updatedAt: at }).run();
  }

  private assertPartner(id: string | null, field: string): void {
    if (id && !this.db.select({ id: partenaires.id }).from(partenaires).where(eq(partenaires.id, id)).get()) {
      throw new AppError('VALIDATION', 'Ce partenaire n’existe pas (ou plus).', { [field]: 'Partenaire inconnu.' });
    }
  }

  /** Creates a training, or corrects one of the parcours (`id`); a change in a signed year is confirmed first. */
  saveFormation(input: z.output<typeof formationInputSchema>, now: Date): void {
    this.assertPartner(input.organismeId, 'organismeId');
    const values = { intitule: input.intitule, organismeId: input.organismeId, dateDebut: input.dateDebut, dateFin: input.dateFin, heures: input.heures === null ? null : toCentiemes(input.heures), qualifiante: input.qualifiante };
    if (!input.id) {
      this.db.insert(formations).values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, ...values, createdAt: now.toISOString() }).run();
      return;
    }
    const current = this.db.select().from(formations).where(and(eq(formations.id, input.id), eq(formations.parcoursId, input.parcoursId))).get();
    if (!current) throw notFound('Formation');
    this.confirmSignedYears([...yearsOf(current.dateDebut, current.dateFin), ...yearsOf(input.dateDebut, input.dateFin)], input.confirme);
    this.db.update(formations).set(values).where(eq(formations.id, input.id)).run();
  }

  savePmsmp(input: z.output<typeof pmsmpInputSchema>, now: Date): void {
    const values = { dateDebut: input.dateDebut, dateFin: input.dateFin, entreprise: input.entreprise };
    if (!input.id) {
      this.db.insert(pmsmp).values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, ...values, createdAt: now.toISOString() }).run();
      return;
    }
    const current = this.db.select().from(pmsmp).where(and(eq(pmsmp.id, input.id), eq(pmsmp.parcoursId, input.parcoursId))).get();
    if (!current) throw notFound('Immersion');
    this.confirmSignedYears([current.dateDebut, input.dateDebut], input.confirme);
    this.db.update(pmsmp).set(values).where(eq(pmsmp.id, input.id)).run();
  }

  /**
   * Deletes a training, an immersion or a support action of the parcours (with the same rights as writing it);
   * one that counted in a signed year is confirmed first (the signed report stays as it was signed).
   */
  deleteEntry(type: 'formation' | 'pmsmp' | 'actionFrein', parcoursId: string, id: string, sensibles: boolean, confirmed: boolean): void {
    if (type === 'formation') {
      const f = this.db.select().from(formations).where(and(eq(formations.id, id), eq(formations.parcoursId, parcoursId))).get();
      if (!f) throw notFound('Formation');
      this.confirmSignedYears(yearsOf(f.dateDebut, f.dateFin), confirmed);
      this.db.delete(formations).where(eq(formations.id, id)).run();
    } else if (type === 'pmsmp') {
      const m = this.db.select().from(pmsmp).where(and(eq(pmsmp.id, id), eq(pmsmp.parcoursId, parcoursId))).get();
      if (!m) throw notFound('Immersion');
      this.confirmSignedYears([m.dateDebut], confirmed);
      this.db.delete(pmsmp).where(eq(pmsmp.id, id)).run();
    } else {
      const a = this.db.select().from(actionsFreins).where(and(eq(actionsFreins.id, id), eq(actionsFreins.parcoursId, parcoursId))).get();
      // A health or justice action the user may not see does not exist for them.
      if (!a || (!sensibles && FREINS_SENSIBLES.includes(a.typeFrein as FreinType))) throw notFound('Action');
      this.confirmSignedYears([a.date], confirmed);
      this.db.delete(actionsFreins).where(eq(actionsFreins.id, id)).run();
    }
  }

  private confirmSignedYears(dates: string[], confirmed: boolean): void {
    assertPlausible(signedYearWarnings(this.sqlite, dates).map((w) => ['id', w] as const), confirmed, 'ce changement');
  }

  /** Health and justice actions reveal the frein itself: they need the same right as the frein. */
  saveActionFrein(input: z.output<typeof actionFreinInputSchema>, sensibles: boolean, now: Date): void {
    if (!sensibles && FREINS_SENSIBLES.includes(input.typeFrein)) throw new AppError('FORBIDDEN', 'Les actions sur la santé et la justice ne peuvent être saisies que par la direction ou un·e CIP.');
    this.assertPartner(input.partenaireId, 'partenaireId');
    const values = { typeFrein: input.typeFrein, date: input.date, prestataire: input.prestataire, partenaireId: input.prestataire === 'externe' ? input.partenaireId : null, description: input.description };
    if (!input.id) {
      this.db.insert(actionsFreins).values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, ...values, createdAt: now.toISOString() }).run();
      return;
    }
    const current = this.db.select().from(actionsFreins).where(and(eq(actionsFreins.id, input.id), eq(actionsFreins.parcoursId, input.parcoursId))).get();
    if (!current || (!sensibles && FREINS_SENSIBLES.includes(current.typeFrein as FreinType))) throw notFound('Action');
    this.confirmSignedYears([current.date, input.date], input.confirme);
    this.db.update(actionsFreins).set(values).where(eq(actionsFreins.id, input.id)).run();
  }

  saveSuivi(input: z.output<typeof suiviInputSchema>, dateSortie: string | null, now: Date): void {
    if (!dateSortie) throw new AppError('VALIDATION', 'Le suivi après la sortie se note une fois la sortie enregistrée.');
    if (input.date < dateSortie) throw new AppError('VALIDATION', 'Le suivi ne peut pas précéder la sortie.', { date: 'Avant la sortie.' });
    const existing = this.db.select({ id: suivisSortie.id }).from(suivisSortie).where(and(eq(suivisSortie.parcoursId, input.parcoursId), eq(suivisSortie.echeanceMois, input.echeanceMois))).get();
    const values = { date: input.date, situation: input.situation, commentaire: input.commentaire };
    if (existing) this.db.update(suivisSortie).set(values).where(eq(suivisSortie.id, existing.id)).run();
    else this.db.insert(suivisSortie).values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, echeanceMois: input.echeanceMois, ...values, createdAt: now.toISOString() }).run();
  }

  ofParcours(parcoursId: string, sensibles: boolean): { formations: FormationView[]; pmsmp: PmsmpView[]; actionsFreins: ActionFreinView[]; suivis: SuiviView[] } {
    const names = new Map(this.db.select({ id: partenaires.id, nom: partenaires.nom }).from(partenaires).all().map((p) => [p.id, p.nom]));
    return {
      formations: this.db
        .select()
        .from(formations)
        .where(eq(formations.parcoursId, parcoursId))
        .orderBy(asc(formations.dateDebut))
        .all()
        .map((f) => ({ id: f.id, intitule: f.intitule, organismeId: f.organismeId, organisme: f.organismeId ? (names.get(f.organismeId) ?? null) : null, dateDebut: f.dateDebut, dateFin: f.dateFin, heures: f.heures === null ? null : fromCentiemes(f.heures), qualifiante: f.qualifiante })),
      pmsmp: this.db.select().from(pmsmp).where(eq(pmsmp.parcoursId, parcoursId)).orderBy(asc(pmsmp.dateDebut)).all().map((p) => ({ id: p.id, dateDebut: p.dateDebut, dateFin: p.dateFin, entreprise: p.entreprise })),
      actionsFreins: this.db
        .select()
        .from(actionsFreins)
        .where(eq(actionsFreins.parcoursId, parcoursId))
        .orderBy(asc(actionsFreins.date))
        .all()
        .filter((a) => sensibles || !FREINS_SENSIBLES.includes(a.typeFrein as FreinType))
        .map((a) => ({ id: a.id, typeFrein: a.typeFrein as FreinType, date: a.date, prestataire: a.prestataire as Prestataire, partenaireId: a.partenaireId, partenaire: a.partenaireId ? (names.get(a.partenaireId) ?? null) : null, description: a.description })),
      suivis: this.db
        .select()
        .from(suivisSortie)
        .where(eq(suivisSortie.parcoursId, parcoursId))
        .orderBy(asc(suivisSortie.echeanceMois))
        .all()
        .map((s) => ({ echeanceMois: s.echeanceMois as 1 | 3 | 6, date: s.date, situation: s.situation as SituationSuivi, commentaire: s.commentaire })),
    };
  }
}
