/**
 * What the parcours mobilises besides work: trainings, immersions (PMSMP), support actions on freins (by the structure
 * or a partner), the partners directory, and the follow-up after the exit.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
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
import { uuidv7 } from '../../lib/uuid';
import { notFound } from '../access';

export class ActionsService {
  constructor(private readonly db: Db) {}

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

  saveFormation(input: z.output<typeof formationInputSchema>, now: Date): void {
    this.assertPartner(input.organismeId, 'organismeId');
    this.db
      .insert(formations)
      .values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, intitule: input.intitule, organismeId: input.organismeId, dateDebut: input.dateDebut, dateFin: input.dateFin, heures: input.heures === null ? null : toCentiemes(input.heures), qualifiante: input.qualifiante, createdAt: now.toISOString() })
      .run();
  }

  savePmsmp(input: z.output<typeof pmsmpInputSchema>, now: Date): void {
    this.db.insert(pmsmp).values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, dateDebut: input.dateDebut, dateFin: input.dateFin, entreprise: input.entreprise, createdAt: now.toISOString() }).run();
  }

  /** Health and justice actions reveal the frein itself: they need the same right as the frein. */
  saveActionFrein(input: z.output<typeof actionFreinInputSchema>, sensibles: boolean, now: Date): void {
    if (!sensibles && FREINS_SENSIBLES.includes(input.typeFrein)) throw new AppError('FORBIDDEN', 'Les actions sur la santé et la justice ne peuvent être saisies que par la direction ou un·e CIP.');
    this.assertPartner(input.partenaireId, 'partenaireId');
    this.db
      .insert(actionsFreins)
      .values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, typeFrein: input.typeFrein, date: input.date, prestataire: input.prestataire, partenaireId: input.prestataire === 'externe' ? input.partenaireId : null, description: input.description, createdAt: now.toISOString() })
      .run();
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
        .map((f) => ({ id: f.id, intitule: f.intitule, organisme: f.organismeId ? (names.get(f.organismeId) ?? null) : null, dateDebut: f.dateDebut, dateFin: f.dateFin, heures: f.heures === null ? null : fromCentiemes(f.heures), qualifiante: f.qualifiante })),
      pmsmp: this.db.select().from(pmsmp).where(eq(pmsmp.parcoursId, parcoursId)).orderBy(asc(pmsmp.dateDebut)).all().map((p) => ({ id: p.id, dateDebut: p.dateDebut, dateFin: p.dateFin, entreprise: p.entreprise })),
      actionsFreins: this.db
        .select()
        .from(actionsFreins)
        .where(eq(actionsFreins.parcoursId, parcoursId))
        .orderBy(asc(actionsFreins.date))
        .all()
        .filter((a) => sensibles || !FREINS_SENSIBLES.includes(a.typeFrein as FreinType))
        .map((a) => ({ id: a.id, typeFrein: a.typeFrein as FreinType, date: a.date, prestataire: a.prestataire as Prestataire, partenaire: a.partenaireId ? (names.get(a.partenaireId) ?? null) : null, description: a.description })),
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
