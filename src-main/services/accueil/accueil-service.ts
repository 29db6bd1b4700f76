/** Intakes: first contact, offer presented, personal-data notice, diagnostic date, the person's wishes, and the decision. */
import { and, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type Database from 'better-sqlite3';
import type { Db } from '../../../db/client';
import { accueils, personnes, users } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import type { createAccueilInputSchema, decideAccueilInputSchema, updateAccueilInputSchema } from '../../../src-shared/schemas/personne';
import type { ReferentOption } from '../../../src-shared/views-accueil';
import type { Role } from '../../../src-shared/roles';
import { uuidv7 } from '../../lib/uuid';
import { PreparedWrite } from '../../lib/prepared-write';
import type { FieldsAreColumns } from '../../lib/fields-are-columns';
import type { IntakeFormFields } from '../../../src-shared/views-accueil';
import { DECISION_BEFORE_CONTACT, intakeProblems } from '../../../src-shared/rules/accueil';
import type { Decision } from '../../../src-shared/domain/accueil';
import { notFound } from '../access';

type AccueilRow = typeof accueils.$inferSelect;

/** The intake forms' fields are columns of `accueils` (issue 18 §3; lib/fields-are-columns.ts). */
export const INTAKE_FIELDS_ARE_COLUMNS: FieldsAreColumns<IntakeFormFields, AccueilRow> = true;

/** What an intake's writes set: every column but its identity and timestamps; `undefined` keeps what is stored. */
export type IntakeFields = Partial<Omit<typeof accueils.$inferInsert, 'id' | 'personneId' | 'createdAt' | 'updatedAt'>>;

/** Copies a person's latest intake onto the person row; parameters: the person's id, twice. Imports use it too. */
export const REFRESH_LATEST_INTAKE_SQL = `update personnes set (dernier_accueil_id, dernier_contact, derniere_decision, dernier_dispositif, dernier_referent_id) =
   (select id, date_premier_contact, decision, dispositif, referent_id from accueils
     where personne_id = ? order by date_premier_contact desc, id desc limit 1)
 where id = ?`;

/** Roles that may be a person's referent. */
const REFERENT_ROLES: Role[] = ['cip', 'direction'];

export class AccueilService {
  private readonly refreshStatement: Database.Statement<[string, string]>;
  private readonly writes: PreparedWrite<typeof accueils>;

  constructor(
    private readonly db: Db,
    sqlite: Database.Database,
  ) {
    this.refreshStatement = sqlite.prepare(REFRESH_LATEST_INTAKE_SQL);
    this.writes = new PreparedWrite(sqlite, accueils);
  }

  /**
   * The intake row itself, once checked: the forms (create, update, decide) and the import all write it here
   * (issue 18 §1). A new intake needs its first contact; its channel is « autre » when not known. The caller
   * refreshes the person's latest intake (the import does it once per person).
   */
  recordIntake(id: string | null, personneId: string, fields: IntakeFields, now: Date): string {
    const at = now.toISOString();
    if (id) {
      if (!this.writes.updateById(id, { ...fields, updatedAt: at })) throw notFound('Accueil');
      return id;
    }
    const created = uuidv7(now.getTime());
    this.writes.insert({ ...fields, canal: fields.canal ?? 'autre', datePremierContact: fields.datePremierContact!, id: created, personneId, createdAt: at, updatedAt: at });
    return created;
  }

  /** Copies the person's latest intake onto the person row (see db/schema/personnes.ts): called by every write here. */
  private refreshLatestIntake(personneId: string): void {
    this.refreshStatement.run(personneId, personneId);
  }

  row(id: string): AccueilRow {
    const row = this.db.select().from(accueils).where(eq(accueils.id, id)).get();
    if (!row) throw notFound('Accueil');
    return row;
  }

  create(input: Omit<z.output<typeof createAccueilInputSchema>, 'personneId'>, personneId: string, now: Date): string {
    const id = this.recordIntake(null, personneId, { datePremierContact: input.datePremierContact, canal: input.canal }, now);
    this.refreshLatestIntake(personneId);
    return id;
  }

  update(input: z.output<typeof updateAccueilInputSchema>, now: Date): AccueilRow {
    const current = this.row(input.id);
    const { dateDecision: decidedBefore, ...problems }: Record<string, string> = intakeProblems({ ...input, decision: current.decision as Decision | null, dateDecision: current.dateDecision });
    // The form edits the contact, not the decision: a contact moved after the decision is said on the contact.
    if (decidedBefore) problems.datePremierContact = 'Le premier contact ne peut pas suivre la décision.';
    if (input.offrePresenteePar) this.assertActiveUser(input.offrePresenteePar, 'offrePresenteePar');
    if (Object.keys(problems).length) throw new AppError('VALIDATION', 'Certaines dates sont incohérentes : corrigez les champs signalés.', problems);
    this.recordIntake(
      input.id,
      current.personneId,
      {
        datePremierContact: input.datePremierContact,
        canal: input.canal,
        dateOffrePresentee: input.dateOffrePresentee,
        offrePresenteePar: input.dateOffrePresentee ? input.offrePresenteePar : null,
        dateNoticeRgpd: input.dateNoticeRgpd,
        dateDiagnostic: input.dateDiagnostic,
        souhaits: input.souhaits,
      },
      now,
    );
    this.refreshLatestIntake(current.personneId);
    return this.row(input.id);
  }

  decide(input: z.output<typeof decideAccueilInputSchema>, now: Date): AccueilRow {
    const current = this.row(input.id);
    if (input.decision && input.dateDecision && intakeProblems({ datePremierContact: current.datePremierContact, decision: input.decision, dateDecision: input.dateDecision }).dateDecision) {
      throw new AppError('VALIDATION', DECISION_BEFORE_CONTACT, { dateDecision: DECISION_BEFORE_CONTACT });
    }
    if (input.referentId) this.assertReferent(input.referentId);
    const decided = input.decision !== null;
    this.recordIntake(
      input.id,
      current.personneId,
      {
        decision: input.decision,
        dateDecision: decided ? input.dateDecision : null,
        motifDecision: decided ? input.motifDecision : null,
        reorientationVers: input.decision === 'reorientation' ? input.reorientationVers : '',
        dispositif: input.decision === 'entree' ? input.dispositif : null,
        referentId: input.referentId,
      },
      now,
    );
    this.refreshLatestIntake(current.personneId);
    return this.row(input.id);
  }

  referents(): ReferentOption[] {
    return this.db
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, REFERENT_ROLES)))
      .orderBy(users.displayName)
      .all() as ReferentOption[];
  }

  /** Persons whose latest intake has no decision: the same definition as the list's "En attente" filter. */
  countWaiting(): number {
    return this.db.select({ n: count() }).from(personnes).where(and(isNull(personnes.derniereDecision), isNotNull(personnes.dernierAccueilId))).get()?.n ?? 0;
  }

  private assertActiveUser(id: string, field: string): void {
    const user = this.db.select({ active: users.active }).from(users).where(eq(users.id, id)).get();
    if (!user?.active) throw new AppError('VALIDATION', 'Ce compte n’existe pas ou est désactivé.', { [field]: 'Choisissez un compte actif.' });
  }

  private assertReferent(id: string): void {
    if (!this.referents().some((r) => r.id === id)) {
      throw new AppError('VALIDATION', 'Le ou la référent·e doit être un compte actif de CIP ou de direction.', { referentId: 'Choisissez un·e CIP ou un membre de la direction.' });
    }
  }
}
