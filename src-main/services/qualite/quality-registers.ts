/**
 * The quality registers of the mission observatoire: the continuous-improvement plan, complaints, unmet needs of the
 * territory and satisfaction answers. The indicators of REPORT-SPEC §2.6 are computed from them.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { actionInputSchema, besoinInputSchema, reclamationInputSchema, satisfactionInputSchema } from '../../../src-shared/schemas/qualite';
import type { QualityRegisters } from '../../../src-shared/views';
import { AppError } from '../../../src-shared/errors';
import { uuidv7 } from '../../lib/uuid';

export class QualityRegistersService {
  constructor(private readonly sqlite: Database.Database) {}

  all(): QualityRegisters {
    const rows = <T>(sql: string) => this.sqlite.prepare(sql).all() as T[];
    return {
      actions: rows(
        `select id, intitule, origine, responsable, indicateur, date_ouverture as dateOuverture, echeance, date_cloture as dateCloture, resultat
           from actions_amelioration order by date_cloture is not null, coalesce(echeance, '9999'), date_ouverture desc`,
      ),
      reclamations: rows('select id, date, origine, objet, traitement, date_cloture as dateCloture from reclamations order by date desc limit 500'),
      besoins: rows('select id, date, nature, description from besoins_non_satisfaits order by date desc limit 500'),
      satisfaction: rows('select id, date, public, note, commentaire from reponses_satisfaction order by date desc limit 500'),
      certifieJusquAu: this.sqlite.prepare('select max(certifie_jusqu_au) from audits_certification').pluck().get() as string | null,
    };
  }

  private exists(table: string, id: string): void {
    if (!this.sqlite.prepare(`select 1 from ${table} where id = ?`).get(id)) throw new AppError('NOT_FOUND', 'Élément introuvable.');
  }

  saveAction(input: z.output<typeof actionInputSchema>, userId: string, now: Date): void {
    const at = now.toISOString();
    const values = [input.intitule, input.origine, input.responsable, input.indicateur, input.dateOuverture, input.echeance, input.dateCloture, input.resultat];
    if (input.id) {
      this.exists('actions_amelioration', input.id);
      this.sqlite
        .prepare('update actions_amelioration set intitule = ?, origine = ?, responsable = ?, indicateur = ?, date_ouverture = ?, echeance = ?, date_cloture = ?, resultat = ?, updated_at = ? where id = ?')
        .run(...values, at, input.id);
    } else {
      this.sqlite
        .prepare(
          'insert into actions_amelioration (id, intitule, origine, responsable, indicateur, date_ouverture, echeance, date_cloture, resultat, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(uuidv7(now.getTime()), ...values, userId, at, at);
    }
  }

  saveReclamation(input: z.output<typeof reclamationInputSchema>, now: Date): void {
    const at = now.toISOString();
    const values = [input.date, input.origine, input.objet, input.traitement, input.dateCloture];
    if (input.id) {
      this.exists('reclamations', input.id);
      this.sqlite.prepare('update reclamations set date = ?, origine = ?, objet = ?, traitement = ?, date_cloture = ?, updated_at = ? where id = ?').run(...values, at, input.id);
    } else {
      this.sqlite.prepare('insert into reclamations (id, date, origine, objet, traitement, date_cloture, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)').run(uuidv7(now.getTime()), ...values, at, at);
    }
  }

  addBesoin(input: z.output<typeof besoinInputSchema>, now: Date): void {
    this.sqlite.prepare('insert into besoins_non_satisfaits (id, date, nature, description, created_at) values (?, ?, ?, ?, ?)').run(uuidv7(now.getTime()), input.date, input.nature, input.description, now.toISOString());
  }

  addSatisfaction(input: z.output<typeof satisfactionInputSchema>, now: Date): void {
    this.sqlite
      .prepare('insert into reponses_satisfaction (id, date, public, note, commentaire, created_at) values (?, ?, ?, ?, ?, ?)')
      .run(uuidv7(now.getTime()), input.date, input.public, input.note, input.commentaire, now.toISOString());
  }
}
