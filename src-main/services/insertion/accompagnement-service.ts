/** The accompaniment of a parcours: the CER (versioned, never overwritten) and the bilans. */
import { withholdUnlessSensitive } from '../need-to-know';
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type Database from 'better-sqlite3';
import type { Db } from '../../../db/client';
import { bilans, cer } from '../../../db/schema';
import type { BilanType } from '../../../src-shared/domain/insertion';
import { toIsoDate } from '../../../src-shared/rules/dates';
import { cerDueDate, cerSignedInTime, isBilanOverdue, nextBilanDue } from '../../../src-shared/rules/echeances';
import { fromCentiemes, toCentiemes } from '../../../src-shared/rules/heures';
import type { bilanInputSchema, cerInputSchema } from '../../../src-shared/schemas/insertion';
import type { BilanView, CerView, EcheancesView } from '../../../src-shared/views-insertion';
import { uuidv7 } from '../../lib/uuid';
import { notFound } from '../access';
import type { ParametresService } from './parametres-service';
import { assertPlausible, futureFactWarning } from '../../../src-shared/rules/plausibility';
import { signedYearWarnings } from './signed-years';

export class AccompagnementService {
  constructor(
    private readonly db: Db,
    private readonly parametres: ParametresService,
    private readonly sqlite: Database.Database,
  ) {}

  saveCer(input: z.output<typeof cerInputSchema>, userId: string, now: Date): void {
    assertPlausible([['dateSignature', input.dateSignature ? futureFactWarning(input.dateSignature, toIsoDate(now), 'Le CER signé') : null]], input.confirme, 'le CER');
    const last = this.db.select({ v: max(cer.version) }).from(cer).where(eq(cer.parcoursId, input.parcoursId)).get();
    this.db
      .insert(cer)
      .values({
        id: uuidv7(now.getTime()),
        parcoursId: input.parcoursId,
        version: (last?.v ?? 0) + 1,
        objectifs: input.objectifs,
        moyensFormation: input.moyensFormation,
        moyensEncadrement: input.moyensEncadrement,
        moyensAccompagnement: input.moyensAccompagnement,
        heuresHebdo: input.heuresHebdo === null ? null : toCentiemes(input.heuresHebdo),
        dateSignature: input.dateSignature,
        signePersonne: input.signePersonne,
        signeStructure: input.signeStructure,
        createdBy: userId,
        createdAt: now.toISOString(),
      })
      .run();
  }

  saveBilan(input: z.output<typeof bilanInputSchema>, userId: string, now: Date): void {
    // A bilan dated in the future would also hide the overdue-bilan alerts until that date.
    assertPlausible([['date', futureFactWarning(input.date, toIsoDate(now), 'Le bilan')]], input.confirme, 'le bilan');
    const values = {
      type: input.type,
      date: input.date,
      revueObjectifs: input.revueObjectifs,
      revueFreins: input.revueFreins,
      revueCompetences: input.revueCompetences,
      parolesPersonne: input.parolesPersonne,
      prochainesEtapes: input.prochainesEtapes,
      signePersonne: input.signePersonne,
      signeStructure: input.signeStructure,
    };
    if (input.id) {
      const current = this.db.select({ date: bilans.date }).from(bilans).where(and(eq(bilans.id, input.id), eq(bilans.parcoursId, input.parcoursId))).get();
      if (!current) throw notFound('Bilan');
      assertPlausible(signedYearWarnings(this.sqlite, [current.date, input.date]).map((w) => ['date', w] as const), input.confirme, 'le bilan');
      this.db.update(bilans).set(values).where(eq(bilans.id, input.id)).run();
      return;
    }
    this.db.insert(bilans).values({ id: uuidv7(now.getTime()), parcoursId: input.parcoursId, ...values, createdBy: userId, createdAt: now.toISOString() }).run();
  }

  /** A bilan entered by mistake; one of a year whose report is signed is confirmed first. */
  deleteBilan(parcoursId: string, id: string, confirmed: boolean): void {
    const current = this.db.select({ date: bilans.date }).from(bilans).where(and(eq(bilans.id, id), eq(bilans.parcoursId, parcoursId))).get();
    if (!current) throw notFound('Bilan');
    assertPlausible(signedYearWarnings(this.sqlite, [current.date]).map((w) => ['id', w] as const), confirmed, 'ce changement');
    this.db.delete(bilans).where(eq(bilans.id, id)).run();
  }

  cerOf(parcoursId: string): CerView[] {
    return this.db
      .select()
      .from(cer)
      .where(eq(cer.parcoursId, parcoursId))
      .orderBy(desc(cer.version))
      .all()
      .map((c) => ({
        id: c.id,
        version: c.version,
        objectifs: c.objectifs,
        moyensFormation: c.moyensFormation,
        moyensEncadrement: c.moyensEncadrement,
        moyensAccompagnement: c.moyensAccompagnement,
        heuresHebdo: c.heuresHebdo === null ? null : fromCentiemes(c.heuresHebdo),
        dateSignature: c.dateSignature,
        signePersonne: c.signePersonne,
        signeStructure: c.signeStructure,
        createdAt: c.createdAt,
      }));
  }

  /** `sensibles`: whether the freins review may be read (need-to-know.ts). */
  bilansOf(parcoursId: string, sensibles: boolean): BilanView[] {
    return this.db
      .select()
      .from(bilans)
      .where(eq(bilans.parcoursId, parcoursId))
      .orderBy(asc(bilans.date))
      .all()
      .map((b) => ({
        id: b.id,
        type: b.type as BilanType,
        date: b.date,
        revueObjectifs: b.revueObjectifs,
        revueFreins: withholdUnlessSensitive(b.revueFreins, sensibles),
        revueCompetences: b.revueCompetences,
        parolesPersonne: b.parolesPersonne,
        prochainesEtapes: b.prochainesEtapes,
        signePersonne: b.signePersonne,
        signeStructure: b.signeStructure,
      }));
  }

  /** The CER delay and the bilan interval in force on the parcours start (dated parameters). */
  echeances(p: { dateDebut: string | null; dateSortie: string | null }, versions: CerView[], bilanDates: string[], today: string): EcheancesView {
    if (!p.dateDebut) return { cerAttenduLe: null, cerSigneDansDelai: null, prochainBilan: null, bilanEnRetard: false };
    const delai = this.parametres.valueAt('delai_cer_jours', p.dateDebut);
    const intervalle = this.parametres.valueAt('intervalle_bilan_mois', p.dateDebut);
    const firstSigned = versions
      .map((v) => v.dateSignature)
      .filter((d): d is string => d !== null)
      .sort()[0];
    const open = p.dateSortie === null;
    return {
      cerAttenduLe: cerDueDate(p.dateDebut, delai),
      cerSigneDansDelai: firstSigned ? cerSignedInTime(p.dateDebut, firstSigned, delai) : null,
      prochainBilan: open ? nextBilanDue(p.dateDebut, bilanDates, intervalle) : null,
      bilanEnRetard: open && isBilanOverdue(p.dateDebut, bilanDates, intervalle, today),
    };
  }
}
