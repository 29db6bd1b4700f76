/** PASS IAE records, with suspensions and prolongations checked against the rules of domain-reference §1.5. */
import { asc, eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { passIae, passProlongations, passSuspensions } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import { prolongationPeriod, prolongationProblems, suspensionProblems, type PassDates } from '../../../src-shared/rules/pass-iae';
import type { addProlongationInputSchema, addSuspensionInputSchema, savePassInputSchema } from '../../../src-shared/schemas/diagnostic';
import type { PassAlert } from '../../../src-shared/views-accueil';
import { addMonths } from 'date-fns';
import { PASS_ALERTE_MOIS } from '../../../src-shared/domain/pass-iae';
import { toIsoDate, parseIsoDate } from '../../../src-shared/rules/dates';
import { uuidv7 } from '../../lib/uuid';
import type { FieldsAreColumns } from '../../lib/fields-are-columns';
import type { SiaeKind } from '../../../src-shared/siae';
import { notFound } from '../access';

/** The PASS form's fields are columns of `pass_iae` (issue 18 §3; lib/fields-are-columns.ts). */
export const PASS_FIELDS_ARE_COLUMNS: FieldsAreColumns<Omit<z.output<typeof savePassInputSchema>, 'id'>, typeof passIae.$inferSelect> = true;

export class PassService {
  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
  ) {}

  private dates(passId: string): PassDates & { personneId: string } {
    const pass = this.db.select().from(passIae).where(eq(passIae.id, passId)).get();
    if (!pass) throw notFound('PASS IAE');
    return {
      personneId: pass.personneId,
      dateDebut: pass.dateDebut,
      dateFin: pass.dateFin,
      suspensions: this.db.select().from(passSuspensions).where(eq(passSuspensions.passId, passId)).orderBy(asc(passSuspensions.dateDebut)).all(),
      prolongations: this.db.select().from(passProlongations).where(eq(passProlongations.passId, passId)).orderBy(asc(passProlongations.dateDebut)).all(),
    };
  }

  /** Creates or corrects a PASS. The number is unique: one PASS belongs to one person. */
  save(input: z.output<typeof savePassInputSchema>, now: Date): string {
    const id = input.id ?? null;
    const { taken, others, update, insert } = this.saveStatements;
    if (taken.get(input.numero, id) !== undefined) {
      throw new AppError('CONFLICT', 'Ce numéro de PASS IAE est déjà enregistré pour une autre personne.', { numero: 'Ce numéro de PASS IAE est déjà enregistré pour une autre personne.' });
    }
    if (others.get(input.personneId, id, input.dateFin, input.dateDebut) !== undefined) {
      throw new AppError('CONFLICT', 'Cette personne a déjà un PASS IAE sur cette période : un seul PASS valide à la fois.', { dateDebut: 'Période déjà couverte par un autre PASS.' });
    }
    const at = now.toISOString();
    if (id) {
      if (update.run(input.numero, input.dateDebut, input.dateFin, at, id, input.personneId).changes === 0) throw notFound('PASS IAE');
      return id;
    }
    const created = uuidv7(now.getTime());
    insert.run(created, input.personneId, input.numero, input.dateDebut, input.dateFin, at, at);
    return created;
  }

  /** Prepared once: the import saves every PASS of its file here (drizzle prepares its SQL again at each call). */
  private get saveStatements() {
    this.preparedSave ??= {
      taken: this.sqlite.prepare('select 1 from pass_iae where numero = ? and id is not ?').pluck(),
      others: this.sqlite.prepare('select 1 from pass_iae where personne_id = ? and id is not ? and date_debut <= ? and ? <= date_fin limit 1').pluck(),
      update: this.sqlite.prepare('update pass_iae set numero = ?, date_debut = ?, date_fin = ?, updated_at = ? where id = ? and personne_id = ?'),
      insert: this.sqlite.prepare('insert into pass_iae (id, personne_id, numero, date_debut, date_fin, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)'),
    };
    return this.preparedSave;
  }

  private preparedSave?: Record<'taken' | 'others' | 'update' | 'insert', Database.Statement>;

  addSuspension(input: z.output<typeof addSuspensionInputSchema>, today: string, now: Date): string {
    const dates = this.dates(input.passId);
    // The dispositif of the parcours the suspension falls in (or the latest): the contrat passerelle is EI and ACI only.
    const dispositif = this.sqlite
      .prepare('select dispositif from parcours where personne_id = ? and (date_debut is null or date_debut <= ?) order by (date_sortie is null or date_sortie >= ?) desc, date_debut desc limit 1')
      .pluck()
      .get(dates.personneId, input.dateDebut, input.dateDebut) as SiaeKind | undefined;
    const problems = suspensionProblems(dates, input, today, dispositif);
    if (problems.length) throw new AppError('VALIDATION', problems.join(' '), { dateDebut: problems[0]! });
    this.db.insert(passSuspensions).values({ id: uuidv7(now.getTime()), passId: input.passId, dateDebut: input.dateDebut, dateFin: input.dateFin, motif: input.motif, createdAt: now.toISOString() }).run();
    return dates.personneId;
  }

  addProlongation(input: z.output<typeof addProlongationInputSchema>, today: string, now: Date): string {
    const dates = this.dates(input.passId);
    const problems = prolongationProblems(dates, input.motif, input.dateFin, today, input.dispositif);
    if (problems.length) throw new AppError('VALIDATION', problems.join(' '), { dateFin: problems[0]! });
    const period = prolongationPeriod(dates, input.dateFin);
    this.db.insert(passProlongations).values({ id: uuidv7(now.getTime()), passId: input.passId, ...period, motif: input.motif, createdAt: now.toISOString() }).run();
    return dates.personneId;
  }

  /**
   * PASS IAE that end within 3 months, for the dashboard: the computed end (issued end plus the days of every
   * suspension and prolongation, as in rules/pass-iae.ts) worked out in one query.
   */
  endingSoon(today: string): PassAlert[] {
    const until = toIsoDate(addMonths(parseIsoDate(today), PASS_ALERTE_MOIS));
    return this.sqlite
      .prepare(
        `with extension as (
           -- A suspension adds its end minus its start (les-emplois' trigger), a prolongation its whole length.
           select pass_id, sum(days) as days
             from (select pass_id, julianday(date_fin) - julianday(date_debut) as days from pass_suspensions
                   union all select pass_id, julianday(date_fin) - julianday(date_debut) + 1 from pass_prolongations)
            group by pass_id),
         -- Extensions only push an end later, by at most the longest one: only PASS whose issued end lies between
         -- today minus that and the horizon can end in the window (pass_fin_idx), not every PASS of ten years.
         longest as (select coalesce(max(days), 0) + 1 as days from extension),
         ends as (
           select p.numero, p.personne_id, date(p.date_fin, '+' || cast(coalesce(e.days, 0) as integer) || ' days') as fin
             from pass_iae p left join extension e on e.pass_id = p.id
            where p.date_fin < @until and p.date_fin >= date(@today, '-' || cast((select days from longest) as integer) || ' days'))
         select pe.id as personneId, pe.nom, pe.prenom, ends.numero, ends.fin as finCalculee
           from ends join personnes pe on pe.id = ends.personne_id
          where ends.fin >= @today and ends.fin < @until
          order by ends.fin, pe.nom`,
      )
      .all({ today, until }) as PassAlert[];
  }
}
