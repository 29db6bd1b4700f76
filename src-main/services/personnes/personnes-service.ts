/** Person files: creation with duplicate warning, update, search, lists, and the full file redacted by role. */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from '../../../db/client';
import { accueils, competences, criteresEligibilite, diagnosticsEligibilite, freins, passIae, passProlongations, passSuspensions, personnes, users } from '../../../db/schema';
import type { Canal, Decision, MotifDecision } from '../../../src-shared/domain/accueil';
import type { Orienteur } from '../../../src-shared/domain/asp-codes';
import { CRITERES, CRITERES_SENSIBLES, type Critere } from '../../../src-shared/domain/criteres';
import { FREINS_SENSIBLES, type FreinType } from '../../../src-shared/domain/freins';
import type { MotifProlongation, MotifSuspension } from '../../../src-shared/domain/pass-iae';
import { diagnosticValidUntil, evaluateEligibility, type AuteurDiagnostic, type ValiditesJustificatifs } from '../../../src-shared/rules/eligibility';
import type { ParametresService } from '../insertion/parametres-service';
import { computedPassEnd, passEndsSoon, passStatus, waitingPeriodWarning } from '../../../src-shared/rules/pass-iae';
import type { SiaeKind } from '../../../src-shared/siae';
import type { SessionUser } from '../../../src-shared/views';
import type {
  AccueilView,
  DiagnosticView,
  DuplicateHit,
  PassView,
  PersonneFile,
  PersonneListPage,
  PersonneSearchHit,
  PersonneView,
  UserRef,
} from '../../../src-shared/views-accueil';
import type { z } from 'zod';
import { PERSONNE_FIELD_NAMES, type listPersonnesInputSchema, type PersonneFields } from '../../../src-shared/schemas/personne';
import { birthDateProblem } from '../../../src-shared/rules/identity';
import { toIsoDate } from '../../../src-shared/rules/dates';
import { AppError } from '../../../src-shared/errors';
import { uuidv7 } from '../../lib/uuid';
import { droitsOf, notFound } from '../access';
import { withholdUnlessSensitive } from '../need-to-know';
import { duplicateKey, ftsQuery, searchText, sortKey } from './search-text';
import { appendTo } from '../../lib/append-to';
import { PreparedWrite } from '../../lib/prepared-write';
import type { FieldsAreColumns } from '../../lib/fields-are-columns';

type PersonneRow = typeof personnes.$inferSelect;

const SEARCH_LIMIT = 20;

/**
 * A person's PASS and their suspensions and prolongations, prepared once: every contract check reads them (the form
 * as it is typed, and each contract of an import, issue 18 §1).
 */
function passQueries(db: Db) {
  return {
    passes: db.select().from(passIae).where(eq(passIae.personneId, sql.placeholder('personneId'))).orderBy(desc(passIae.dateDebut)).prepare(),
    suspensions: db
      .select()
      .from(passSuspensions)
      .where(inArray(passSuspensions.passId, db.select({ id: passIae.id }).from(passIae).where(eq(passIae.personneId, sql.placeholder('personneId')))))
      .orderBy(asc(passSuspensions.dateDebut))
      .prepare(),
    prolongations: db
      .select()
      .from(passProlongations)
      .where(inArray(passProlongations.passId, db.select({ id: passIae.id }).from(passIae).where(eq(passIae.personneId, sql.placeholder('personneId')))))
      .orderBy(asc(passProlongations.dateDebut))
      .prepare(),
  };
}

export class PersonnesService {
  private readonly searchStatement: Database.Statement<[string, number], { id: string; nom: string; prenom: string; date_naissance: string; identifiant_ft: string | null }>;

  /** The hire a diagnostic led to: the first start of the parcours it is the entry diagnostic of. */
  private readonly firstHireOf: Database.Statement;

  /** A person's PASS, suspensions and prolongations, prepared once (see passQueries). */
  private readonly passQueries: ReturnType<typeof passQueries>;

  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
    /** The proofs' validity months, a dated parameter (issue 15 §8). */
    private readonly parametres: ParametresService,
  ) {
    this.passQueries = passQueries(db);
    this.insertPersonne = new PreparedWrite(sqlite, personnes);
    this.firstHireOf = sqlite.prepare('select min(date_debut) from parcours where diagnostic_id = ?').pluck();
    this.searchStatement = sqlite.prepare(
      `select p.id, p.nom, p.prenom, p.date_naissance, p.identifiant_ft
         from personnes_fts f join personnes p on p.rowid = f.rowid
        where personnes_fts match ? order by rank limit ?`,
    );
  }

  row(id: string): PersonneRow {
    const row = this.db.select().from(personnes).where(eq(personnes.id, id)).get();
    if (!row) throw notFound('Personne');
    return row;
  }

  duplicates(nom: string, prenom: string, dateNaissance: string, exceptId?: string): DuplicateHit[] {
    return this.db
      .select({ id: personnes.id, nom: personnes.nom, prenom: personnes.prenom, dateNaissance: personnes.dateNaissance, commune: personnes.commune })
      .from(personnes)
      .where(eq(personnes.cleDoublon, duplicateKey(nom, prenom, dateNaissance)))
      .all()
      .filter((d) => d.id !== exceptId);
  }

  search(q: string): PersonneSearchHit[] {
    const match = ftsQuery(q);
    if (!match) return [];
    const hits = this.searchStatement.all(match, SEARCH_LIMIT);
    const passes = this.passNumbersOf(hits.map((h) => h.id));
    return hits.map((h) => ({ id: h.id, nom: h.nom, prenom: h.prenom, dateNaissance: h.date_naissance, identifiantFt: h.identifiant_ft, passNumeros: passes.get(h.id) ?? [] }));
  }

  private passNumbersOf(ids: string[]): Map<string, string[]> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    for (const p of this.db.select({ personneId: passIae.personneId, numero: passIae.numero }).from(passIae).where(inArray(passIae.personneId, ids)).all()) {
      appendTo(map, p.personneId, p.numero);
    }
    return map;
  }

  /** Rewrites the search text after a change of names, France Travail id or PASS numbers. */
  reindex(id: string): void {
    const row = this.row(id);
    const numbers = this.passNumbersOf([id]).get(id) ?? [];
    this.db.update(personnes).set({ recherche: searchText(row, numbers) }).where(eq(personnes.id, id)).run();
  }

  /**
   * What a person's fields break beyond their shape (the zod schema), by field: the rules that need today's date.
   * The form's route and the import both ask here, so a rule changed here is changed for both (issue 18 §1).
   */
  static ruleProblems(fields: Pick<PersonneFields, 'dateNaissance'>, today: string): Partial<Record<keyof PersonneFields, string>> {
    const naissance = birthDateProblem(fields.dateNaissance, today);
    return naissance ? { dateNaissance: naissance } : {};
  }

  private assertRules(fields: PersonneFields, now: Date): void {
    const problems = PersonnesService.ruleProblems(fields, toIsoDate(now));
    const first = Object.values(problems)[0];
    if (first) throw new AppError('VALIDATION', first, problems);
  }

  /** The stored fields of a person, as the form sends them (an import that names some columns keeps the others). */
  fieldsOf(id: string): PersonneFields {
    return personneFieldsOf(this.row(id));
  }

  /** Prepared once: an import or the demo creates thousands of persons. */
  private readonly insertPersonne: PreparedWrite<typeof personnes>;

  create(fields: PersonneFields, canNir: boolean, now: Date): string {
    this.assertRules(fields, now);
    const at = now.toISOString();
    const id = uuidv7(now.getTime());
    this.insertPersonne.insert({
      id,
      ...fields,
      nir: canNir ? fields.nir : null,
      cleDoublon: duplicateKey(fields.nom, fields.prenom, fields.dateNaissance),
      nomTri: sortKey(fields.nom, fields.prenom),
      recherche: searchText(fields, []),
      createdAt: at,
      updatedAt: at,
    });
    return id;
  }

  /** Fields the user's role cannot see come back empty from the form: they keep their stored value. */
  update(id: string, fields: PersonneFields, droits: { nir: boolean; sensibles: boolean }, now: Date): void {
    this.assertRules(fields, now);
    const current = this.row(id);
    this.db
      .update(personnes)
      .set({
        ...fields,
        nir: droits.nir ? fields.nir : current.nir,
        // A role that does not see the orienteur cannot change it either (its form does not show it).
        orienteur: droits.sensibles ? fields.orienteur : current.orienteur,
        cleDoublon: duplicateKey(fields.nom, fields.prenom, fields.dateNaissance),
        nomTri: sortKey(fields.nom, fields.prenom),
        updatedAt: now.toISOString(),
      })
      .where(eq(personnes.id, id))
      .run();
    this.reindex(id);
  }

  /** One page of the persons list, each with their latest intake (from the summary columns, on indexes). */
  list(filters: z.output<typeof listPersonnesInputSchema>): PersonneListPage {
    const where: string[] = [];
    const params: unknown[] = [];
    const match = ftsQuery(filters.q);
    if (match) {
      where.push('p.rowid in (select rowid from personnes_fts where personnes_fts match ?)');
      params.push(match);
    }
    if (filters.decision === 'en_attente') where.push('p.derniere_decision is null and p.dernier_accueil_id is not null');
    else if (filters.decision) {
      where.push('p.derniere_decision = ?');
      params.push(filters.decision);
    }
    if (filters.referentId) {
      where.push('p.dernier_referent_id = ?');
      params.push(filters.referentId);
    }
    if (filters.dispositif) {
      where.push('p.dernier_dispositif = ?');
      params.push(filters.dispositif);
    }
    const whereSql = where.length ? `where ${where.join(' and ')}` : '';
    const dir = filters.direction === 'asc' ? 'asc' : 'desc';
    const order = {
      nom: `p.nom_tri ${dir}`,
      date_contact: `p.dernier_contact ${dir}, p.nom_tri`,
      decision: `p.derniere_decision ${dir}, p.dernier_contact desc`,
    }[filters.sort];
    const total = (this.sqlite.prepare(`select count(*) as n from personnes p ${whereSql}`).get(...params) as { n: number }).n;
    const rows = this.sqlite
      .prepare(
        `select p.id, p.civilite, p.nom, p.prenom, p.date_naissance as dateNaissance, p.dernier_contact as datePremierContact,
                p.derniere_decision as decision, p.dernier_dispositif as dispositif, u.display_name as referent
           from personnes p left join users u on u.id = p.dernier_referent_id
         ${whereSql} order by ${order} limit ? offset ?`,
      )
      .all(...params, filters.limit, filters.offset) as PersonneListPage['rows'];
    return { rows, total };
  }

  /** The whole file, with what the user's role may not see removed (not just hidden in the UI). */
  file(id: string, user: SessionUser, today: string): PersonneFile {
    const row = this.row(id);
    const droits = droitsOf(user);
    const personne = toPersonneView(row, droits.nir, droits.sensibles);
    const competencesRows = this.db.select().from(competences).where(eq(competences.personneId, id)).orderBy(desc(competences.dateEvaluation)).all();
    const file: PersonneFile = {
      personne,
      competences: competencesRows.map((c) => ({ id: c.id, libelle: c.libelle, codeRome: c.codeRome, niveau: c.niveau as 1 | 2 | 3 | 4, dateEvaluation: c.dateEvaluation })),
      accueils: null,
      freins: null,
      diagnostics: null,
      pass: null,
      validitesJustificatifs: null,
      droits,
    };
    if (!droits.accueilRead) return file;
    // Without need to know, even the law's table does not name the health and justice criteria (need-to-know.ts).
    const visibleLaw = (v: ValiditesJustificatifs): Partial<ValiditesJustificatifs> =>
      droits.sensibles ? v : Object.fromEntries(Object.entries(v).filter(([k]) => !CRITERES_SENSIBLES.includes(k as Critere)));
    const law = this.parametres.datedValues('validite_justificatifs_mois');
    file.validitesJustificatifs = { defaut: visibleLaw(law.defaut), valeurs: law.valeurs.map((v) => ({ valideDu: v.valideDu, valeur: visibleLaw(v.valeur) })) };
    file.accueils = this.accueilsOf(id);
    file.freins = this.db
      .select()
      .from(freins)
      .where(eq(freins.personneId, id))
      .orderBy(desc(freins.dateIdentification))
      .all()
      .filter((f) => droits.sensibles || !FREINS_SENSIBLES.includes(f.type as FreinType))
      .map((f) => ({ id: f.id, type: f.type as FreinType, niveau: f.niveau as 1 | 2 | 3, commentaire: f.commentaire, dateIdentification: f.dateIdentification, dateLevee: f.dateLevee }));
    file.diagnostics = this.diagnosticsOf(id, droits.sensibles);
    file.pass = this.passOf(id, today, droits.sensibles);
    return file;
  }

  private accueilsOf(personneId: string): AccueilView[] {
    const names = new Map(this.db.select({ id: users.id, displayName: users.displayName }).from(users).all().map((u) => [u.id, u.displayName]));
    const ref = (userId: string | null): UserRef | null => (userId ? { id: userId, displayName: names.get(userId) ?? 'Compte supprimé' } : null);
    return this.db
      .select()
      .from(accueils)
      .where(eq(accueils.personneId, personneId))
      .orderBy(desc(accueils.datePremierContact), desc(accueils.id))
      .all()
      .map((a) => ({
        id: a.id,
        datePremierContact: a.datePremierContact,
        canal: a.canal as Canal,
        dateOffrePresentee: a.dateOffrePresentee,
        offrePresenteePar: ref(a.offrePresenteePar),
        dateNoticeRgpd: a.dateNoticeRgpd,
        dateDiagnostic: a.dateDiagnostic,
        souhaits: a.souhaits,
        decision: a.decision as Decision | null,
        dateDecision: a.dateDecision,
        motifDecision: a.motifDecision as MotifDecision | null,
        reorientationVers: a.reorientationVers,
        dispositif: a.dispositif as SiaeKind | null,
        referent: ref(a.referentId),
      }));
  }

  private diagnosticsOf(personneId: string, sensibles: boolean): DiagnosticView[] {
    const diagnostics = this.db.select().from(diagnosticsEligibilite).where(eq(diagnosticsEligibilite.personneId, personneId)).orderBy(desc(diagnosticsEligibilite.date)).all();
    if (diagnostics.length === 0) return [];
    const criteria = this.db.select().from(criteresEligibilite).where(inArray(criteresEligibilite.diagnosticId, diagnostics.map((d) => d.id))).all();
    return diagnostics.map((d) => {
      const own = criteria.filter((c) => c.diagnosticId === d.id);
      // Evaluated on every criterion, then the hidden ones are removed from what is sent.
      const dateEmbauche = (this.firstHireOf.get(d.id) as string | null | undefined) ?? null;
      const result = evaluateEligibility({
        dispositif: d.dispositif as SiaeKind,
        auteur: d.auteur as AuteurDiagnostic,
        dateDiagnostic: d.date,
        dateEmbauche,
        validitesAt: (date) => this.parametres.valueAt('validite_justificatifs_mois', date),
        criteres: own.map((c) => ({ critere: c.critere as Critere, dateJustificatif: c.dateJustificatif, typeJustificatif: c.typeJustificatif, dateFinValidite: c.dateFinValidite })),
      });
      const hidden = (p: string) => !sensibles && CRITERES_SENSIBLES.some((k) => p.startsWith(CRITERES[k].label));
      const visible = (k: Critere) => sensibles || !CRITERES_SENSIBLES.includes(k);
      return {
        id: d.id,
        date: d.date,
        auteur: d.auteur as AuteurDiagnostic,
        prescripteur: d.prescripteur,
        dispositif: d.dispositif as SiaeKind,
        valableJusquau: diagnosticValidUntil(d.date, d.auteur as AuteurDiagnostic),
        eligible: result.eligible,
        problemes: result.problemes.filter((p) => !hidden(p)),
        avertissements: result.avertissements.filter((p) => !hidden(p)),
        dateEmbauche,
        criteres: own
          .filter((c) => visible(c.critere as Critere))
          .map((c) => {
            const evaluated = result.criteres.find((e) => e.critere === c.critere)!;
            return {
              critere: c.critere as Critere,
              typeJustificatif: c.typeJustificatif,
              dateJustificatif: c.dateJustificatif,
              dateFinValidite: c.dateFinValidite,
              statut: evaluated.statut,
              valableJusquau: evaluated.valableJusquau,
            };
          }),
      };
    });
  }

  /** `sensibles`: whether prolongation motifs may be read (RQTH), see need-to-know.ts. */
  passOf(personneId: string, today: string, sensibles: boolean): PassView[] {
    const rows = this.passQueries.passes.all({ personneId });
    if (rows.length === 0) return [];
    const suspensions = this.passQueries.suspensions.all({ personneId });
    const prolongations = this.passQueries.prolongations.all({ personneId });
    const datesOf = (p: (typeof rows)[number]) => ({
      dateDebut: p.dateDebut,
      dateFin: p.dateFin,
      suspensions: suspensions.filter((s) => s.passId === p.id),
      prolongations: prolongations.filter((s) => s.passId === p.id),
    });
    return rows.map((p) => {
      const dates = datesOf(p);
      return {
        id: p.id,
        numero: p.numero,
        dateDebut: p.dateDebut,
        dateFin: p.dateFin,
        finCalculee: computedPassEnd(dates),
        statut: passStatus(dates, today),
        alerte: passEndsSoon(dates, today),
        carence: waitingPeriodWarning(rows.filter((o) => o.id !== p.id && o.dateDebut < p.dateDebut).map(datesOf), p.dateDebut),
        suspensions: dates.suspensions.map((s) => ({ id: s.id, dateDebut: s.dateDebut, dateFin: s.dateFin, motif: s.motif as MotifSuspension })),
        prolongations: dates.prolongations.map((s) => ({ id: s.id, dateDebut: s.dateDebut, dateFin: s.dateFin, motif: withholdUnlessSensitive(s.motif as MotifProlongation, sensibles) })),
      };
    });
  }

}

export function toPersonneView(row: PersonneRow, canNir: boolean, sensibles: boolean): PersonneView {
  return {
    id: row.id,
    ...personneFieldsOf(row),
    nir: canNir ? row.nir : null,
    orienteur: withholdUnlessSensitive(row.orienteur as Orienteur | null, sensibles),
    createdAt: row.createdAt,
  };
}

/** The form's fields of a stored person (the columns carry the fields' names; the codes were checked on the way in). */
function personneFieldsOf(row: PersonneRow): PersonneFields {
  return Object.fromEntries(PERSONNE_FIELD_NAMES.map((name) => [name, row[name]])) as PersonneFields;
}

/** Every field of the person form is a column of `personnes` of the same type (issue 18 §3; lib/fields-are-columns.ts). */
export const FIELDS_ARE_COLUMNS: FieldsAreColumns<PersonneFields, PersonneRow> = true;
