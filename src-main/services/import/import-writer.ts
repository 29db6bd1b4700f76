/**
 * Second pass of an import, inside the caller's transaction: each sheet's records written in dependency order,
 * matched to existing rows by `ref` (import_refs) or by their natural key (a person's intake on a date, an hour line
 * on a contract and day…), so that importing the same workbook twice changes nothing. Problems that need the
 * database (an unknown reference, an exit with no parcours open, hours outside their contract) are collected here;
 * the caller rolls everything back if there is any.
 */
import type Database from 'better-sqlite3';
import { PARAMETRES_DEFAUT } from '../../../src-shared/domain/parametres';
import { CONTRATS_PAR_DISPOSITIF, type ClientType } from '../../../src-shared/domain/insertion';
import { subjectTo480 } from '../../../src-shared/rules/plafond-480';
import { kindOfMesure, versionProblems, type MesureAsp } from '../../../src-shared/domain/annexes-financieres';
import type { Decision } from '../../../src-shared/domain/accueil';
import { decisionMissingMotif, intakeProblems, MOTIF_REQUIRED } from '../../../src-shared/rules/accueil';
import { IMPORT_SHEETS, PERSONNE_COLUMNS, SHEET_COLUMNS, type ColumnOf, type CoreSheet, type ImportSheet, type ImportSheetCount } from '../../../src-shared/import-format';
import { personneFieldsSchema, type PersonneFields } from '../../../src-shared/schemas/personne';
import { dayHoursPlausibility, monthHoursPlausibility } from '../../../src-shared/rules/plausibility';
import { PersonnesService } from '../personnes/personnes-service';
import type { ParcoursService } from '../insertion/parcours-service';
import type { HeuresService } from '../insertion/heures-service';
import type { PassService } from '../pass/pass-service';
import type { AccueilService, IntakeFields } from '../accueil/accueil-service';
import type { DiagnosticService } from '../accueil/diagnostic-service';
import { saveFreinInputSchema, savePassInputSchema } from '../../../src-shared/schemas/diagnostic';
import { isValidDepartement } from '../../../src-shared/departements';
import { isValidSiret, normalizeSiret } from '../../../src-shared/siret';
import { shortFrenchDate, toIsoDate } from '../../../src-shared/rules/dates';
import { fromCentiemes, hoursWithinContract, periodOfEntry, toDixMilliemes } from '../../../src-shared/rules/heures';
import { AppError } from '../../../src-shared/errors';
import { groupIntoParcours, parcoursForDate, type ParcoursSpan } from '../../../src-shared/rules/import-parcours';
import type { SiaeKind } from '../../../src-shared/siae';
import { uuidv7 } from '../../lib/uuid';
import { REFRESH_LATEST_INTAKE_SQL } from '../accueil/accueil-service';
import { FicheSalarieService } from '../insertion/fiche-salarie-service';
import { searchText } from '../personnes/search-text';
import { REGISTER_SHEETS } from '../../../src-shared/import-format-registers';
import { REGISTER_TABLES } from './register-tables';
import { REGISTERS_BEFORE_PARCOURS, writeRegisters, type RegisterContext } from './register-writer';
import { bool, num, reqStr, str, type ParsedWorkbook, type ProblemList, type SheetRecord } from './sheet-records';
import { appendTo } from '../../lib/append-to';
import { UNFOLLOWED_JOB, type JobControl } from '../../jobs/job-control';
import type { ContratCheck } from '../../../src-shared/rules/contrats';
import type { ContratType, Derogation, MotifSortie } from '../../../src-shared/domain/insertion';
import { contratInputSchema } from '../../../src-shared/schemas/insertion';
import type { z } from 'zod';

/** The contract form's checks (ParcoursService.check), which the import applies to every contract it writes. */
export interface ContractRules {
  check(input: z.output<typeof contratInputSchema>, today: string): ContratCheck;
}

/**
 * The domain commands an import writes through, the same the routes call (issue 18 §1): a rule changed there is
 * changed for imports and for the demo, which is made by an import.
 */
export interface ImportCommands {
  contracts: ContractRules;
  personnes: Pick<PersonnesService, 'create' | 'update' | 'fieldsOf'>;
  parcours: Pick<ParcoursService, 'refreshStart' | 'recordExit' | 'recordContract' | 'recordContractWarnings'>;
  heures: Pick<HeuresService, 'lineWriter'>;
  pass: Pick<PassService, 'save'>;
  accueils: Pick<AccueilService, 'recordIntake'>;
  diagnostic: Pick<DiagnosticService, 'saveFrein'>;
}

function fieldOfColumn(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function columnOfField(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A cell as the form would send it: an empty cell is a field left empty (the schema's default). */
function personneCell(r: SheetRecord, column: string): unknown {
  const kind = SHEET_COLUMNS.personnes.find((c) => c.name === column)!.kind;
  if (kind.type === 'bool') return bool(r, column) ?? undefined;
  const value = str(r, column);
  // Excel shows a postal code typed in a number cell without its leading zero (01000 → 1000).
  if (column === 'code_postal' && value !== null && /^\d{4}$/.test(value)) return `0${value}`;
  return value ?? undefined;
}

/** A schema's refusal as the first message of each field. */
function fieldProblems(error: z.ZodError): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of error.issues) byField[String(issue.path[0] ?? 'ref')] ??= issue.message;
  return byField;
}

/** Before a finding the rules would block today, on a contract the import accepts as history. */
export const HISTORICAL_PREFIX = 'Accepté comme historique, règle non respectée : ';

type Row = Record<string, unknown>;

/** Sheets whose `ref` names a row of a table (an exported workbook uses the app's id as the ref of its rows). */
const REF_TABLES: Record<string, string> = {
  personnes: 'personnes',
  clients: 'clients',
  contrats: 'contrats',
  accueils: 'accueils',
  cer: 'cer',
  bilans: 'bilans',
  freins: 'freins',
  actions_freins: 'actions_freins',
  formations: 'formations',
  pmsmp: 'pmsmp',
  annexes_financieres: 'annexes_financieres',
  ...Object.fromEntries(REGISTER_SHEETS.filter((s) => REGISTER_TABLES[s].identity === 'ref').map((s) => [s, REGISTER_TABLES[s].table])),
};

function frDate(iso: string | null): string {
  return iso ? shortFrenchDate(iso) : '…';
}

function centiemes(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 100);
}

export class ImportWriter {
  private readonly counts = new Map<ImportSheet, ImportSheetCount>();
  private readonly at: string;
  private readonly refCache = new Map<string, string | null>();
  private readonly touchedPersons = new Set<string>();
  private readonly personsWithIntakes = new Set<string>();
  structureCreated = false;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly book: ParsedWorkbook,
    private readonly problems: ProblemList,
    private readonly now: Date,
    private readonly commands: ImportCommands,
    private readonly attachment?: (path: string) => Uint8Array | undefined,
    private readonly job: JobControl = UNFOLLOWED_JOB,
  ) {
    this.at = now.toISOString();
  }

  /** Rows handled so far, for the progress bar. */
  private rowsWritten = 0;

  private id(): string {
    return uuidv7(this.now.getTime());
  }

  private count(sheet: ImportSheet, created: boolean): void {
    // Every written row is a safe point: a cancellation throws, and the import's one transaction rolls back.
    this.job.throwIfCancelled();
    this.job.advance(++this.rowsWritten);
    const c = this.counts.get(sheet) ?? { feuille: sheet, lignes: 0, creees: 0, misesAJour: 0 };
    c.lignes++;
    if (created) c.creees++;
    else c.misesAJour++;
    this.counts.set(sheet, c);
  }

  /** A core sheet's records typed by its columns: `str(r, 'colonne')` on a column the sheet lacks does not compile. */
  private records<S extends CoreSheet>(sheet: S): Array<SheetRecord<ColumnOf<S>>>;
  private records(sheet: ImportSheet): SheetRecord[];
  private records(sheet: ImportSheet): SheetRecord[] {
    return this.book[sheet]?.records ?? [];
  }

  private has(sheet: ImportSheet, column: string): boolean {
    return this.book[sheet]?.columns.has(column) ?? false;
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Statements are prepared once per import: a 10 000-row workbook runs each of them thousands of times. */
  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private get<T = Row>(sql: string, ...params: unknown[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  private run(sql: string, ...params: unknown[]): void {
    this.statement(sql).run(...params);
  }

  // ---- references -------------------------------------------------------------------------------------------

  private refOf(feuille: string, ref: string): string | null {
    const key = `${feuille}\u0000${ref}`;
    if (!this.refCache.has(key)) {
      const row = this.get<{ entity_id: string }>('select entity_id from import_refs where feuille = ? and ref = ?', feuille, ref);
      // An exported workbook uses the app's own id as the ref of rows created in the app.
      const table = REF_TABLES[feuille];
      const own = !row && table ? this.get<{ id: string }>(`select id from ${table} where id = ?`, ref) : undefined;
      this.refCache.set(key, row?.entity_id ?? own?.id ?? null);
    }
    return this.refCache.get(key)!;
  }

  private setRef(feuille: string, ref: string, id: string): void {
    this.run('insert into import_refs (feuille, ref, entity_id) values (?, ?, ?) on conflict (feuille, ref) do update set entity_id = excluded.entity_id', feuille, ref, id);
    this.refCache.set(`${feuille}\u0000${ref}`, id);
  }

  /**
   * A row refused by a rule of the app (not by its cells): other rows pointing at it get no second, misleading
   * « inconnu » error, as for rows refused while reading.
   */
  private reject(sheet: ImportSheet, ref: string): void {
    this.book[sheet]?.rejectedRefs.add(ref);
  }

  /** Persons with a contract refused: their rows placed on a parcours get no « aucun parcours » error on top. */
  private readonly personsWithRejectedContracts = new Set<string>();

  private person(sheet: ImportSheet, r: SheetRecord): string | null {
    const ref = reqStr(r, 'ref_personne');
    const id = this.refOf('personnes', ref);
    if (!id && !this.book.personnes?.rejectedRefs.has(ref)) this.problems.error(sheet, r.line, 'ref_personne', `Personne inconnue : aucune ligne de la feuille personnes n’a la référence « ${ref} ».`);
    return id;
  }

  // ---- the whole workbook -----------------------------------------------------------------------------------

  writeAll(): ImportSheetCount[] {
    const total = IMPORT_SHEETS.reduce((sum, sheet) => sum + this.records(sheet).length, 0);
    this.job.report({ step: 'Écriture des lignes', done: 0, total, unit: 'lignes', cancellable: true });
    this.checkDuplicateRefs();
    this.writeStructure();
    this.writeDispositifs();
    this.writeAnnexes();
    const kinds = new Set(this.sqlite.prepare('select kind from dispositifs').pluck().all() as string[]);
    this.writeClients();
    this.writePersonnes();
    this.writeAccueils();
    this.writePass();
    this.writeFreins();
    this.writeContratsAndSorties(kinds);
    this.writeCriteres();
    // Each new parcours gets its fiche salarié from the person's situation; the fiches_salarie sheet then corrects it.
    new FicheSalarieService(this.sqlite).fillMissing(this.at);
    this.writeHeures();
    writeRegisters(this.registerContext(), REGISTERS_BEFORE_PARCOURS);
    this.writeDatedRows();
    writeRegisters(this.registerContext());
    this.checkContracts();
    this.refreshPersons();
    return [...this.counts.values()];
  }

  /**
   * Every contract of the file goes through the legal checks the contract form uses (issue 18 §1: one rule, applied
   * everywhere), once the PASS, the other contracts and the bilans it depends on are written. An imported contract
   * happened: what the rules would block today is accepted as history, and every finding is recorded, in the report
   * and on the contract (its `avertissements`, shown on the parcours like those confirmed on screen).
   */
  private checkContracts(): void {
    if (this.problems.errorCount > 0 || this.writtenContracts.length === 0) return;
    this.job.report({ step: 'Contrôle des contrats', done: 0, total: this.writtenContracts.length, unit: 'contrats', cancellable: true });
    const today = toIsoDate(this.now);
    const read = this.statement('select parcours_id, type, date_debut, date_fin_prevue, date_fin_reelle, heures_hebdo, derogations from contrats where id = ?');
    let done = 0;
    for (const { id, line } of this.writtenContracts) {
      this.job.throwIfCancelled();
      this.job.advance(++done);
      const c = read.get(id) as { parcours_id: string; type: ContratType; date_debut: string; date_fin_prevue: string | null; date_fin_reelle: string | null; heures_hebdo: number | null; derogations: string };
      const found = this.commands.contracts.check(
        {
          id,
          parcoursId: c.parcours_id,
          type: c.type,
          dateDebut: c.date_debut,
          dateFinPrevue: c.date_fin_prevue,
          dateFinReelle: c.date_fin_reelle,
          heuresHebdo: c.heures_hebdo === null ? null : fromCentiemes(c.heures_hebdo),
          derogations: JSON.parse(c.derogations) as Derogation[],
        },
        today,
      );
      const notes = [...found.bloquants.map((m) => `${HISTORICAL_PREFIX}${m}`), ...found.avertissements];
      this.commands.parcours.recordContractWarnings(id, notes, this.now);
      for (const note of notes) this.problems.warn('contrats', line, null, note);
    }
  }

  private registerContext(): RegisterContext {
    return {
      sqlite: this.sqlite,
      problems: this.problems,
      at: this.at,
      newId: () => this.id(),
      records: (sheet) => this.records(sheet),
      has: (sheet, column) => this.has(sheet, column),
      rejectedRefs: (sheet) => this.book[sheet]?.rejectedRefs ?? new Set(),
      contractsRejected: (personneId) => this.personsWithRejectedContracts.has(personneId),
      refOf: (sheet, ref) => this.refOf(sheet, ref),
      setRef: (sheet, ref, id) => this.setRef(sheet, ref, id),
      count: (sheet, created) => this.count(sheet, created),
      attachment: (path) => this.attachment?.(path),
    };
  }

  /** An optional reference to a partner (partenaires sheet); undefined after an error. */
  private partner(sheet: ImportSheet, r: SheetRecord, column: string): string | null | undefined {
    const ref = str(r, column);
    if (ref === null) return null;
    const id = this.refOf('partenaires', ref);
    if (!id) {
      if (!this.book.partenaires?.rejectedRefs.has(ref)) this.problems.error(sheet, r.line, column, `Partenaire inconnu : aucune ligne de la feuille partenaires n’a la référence « ${ref} ».`);
      return undefined;
    }
    return id;
  }

  /** The row a sheet's optional `ref` names, if it was imported before or is the app's own id. */
  private byRef(sheet: ImportSheet, r: SheetRecord): string | null {
    const ref = str(r, 'ref');
    return ref === null ? null : this.refOf(sheet, ref);
  }

  private rememberRef(sheet: ImportSheet, r: SheetRecord, id: string): void {
    const ref = str(r, 'ref');
    if (ref !== null && ref !== id) this.setRef(sheet, ref, id);
  }

  private checkDuplicateRefs(): void {
    for (const sheet of ['clients', 'personnes', 'contrats'] as const) {
      const seen = new Map<string, number>();
      for (const r of this.records(sheet)) {
        const ref = reqStr(r, 'ref');
        const first = seen.get(ref);
        if (first !== undefined) this.problems.error(sheet, r.line, 'ref', `La référence « ${ref} » est déjà utilisée ligne ${first}.`);
        else seen.set(ref, r.line);
      }
    }
  }

  private writeStructure(): void {
    const existing = this.get<{ id: string; siret: string }>('select id, siret from structure limit 1');
    const rows = this.records('structure');
    if (rows.length > 1) this.problems.error('structure', rows[1]!.line, null, 'La feuille structure ne doit avoir qu’une ligne.');
    const r = rows[0];
    if (!r) {
      if (!existing && !this.book.structure?.rejectedRows) this.problems.error('structure', 0, null, 'La base est vide : le classeur doit contenir la feuille « structure » (nom, SIRET, département).');
      return;
    }
    const siret = normalizeSiret(reqStr(r, 'siret'));
    if (!isValidSiret(siret)) return this.problems.error('structure', r.line, 'siret', `SIRET invalide : « ${siret} » (14 chiffres, clé de contrôle).`);
    const departement = reqStr(r, 'departement').toUpperCase().padStart(2, '0');
    if (!isValidDepartement(departement)) return this.problems.error('structure', r.line, 'departement', `Département inconnu : « ${departement} ».`);
    if (existing && existing.siret !== siret) {
      return this.problems.error('structure', r.line, 'siret', `Ce classeur est celui d’une autre structure (SIRET ${siret}, la base est celle du SIRET ${existing.siret}).`);
    }
    const fields = { nom: reqStr(r, 'nom'), siret, departement, adresse: str(r, 'adresse') ?? '', code_postal: str(r, 'code_postal') ?? '', commune: str(r, 'commune') ?? '' };
    if (existing) {
      this.run('update structure set nom = ?, departement = ?, adresse = ?, code_postal = ?, commune = ?, updated_at = ? where id = ?', fields.nom, departement, fields.adresse, fields.code_postal, fields.commune, this.at, existing.id);
    } else {
      this.run(
        'insert into structure (id, nom, siret, departement, adresse, code_postal, commune, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        this.id(), fields.nom, siret, departement, fields.adresse, fields.code_postal, fields.commune, this.at, this.at,
      );
      this.structureCreated = true;
    }
    this.count('structure', !existing);
  }

  /** Returns the kinds the structure runs after this sheet. */
  private writeDispositifs(): void {
    for (const r of this.records('dispositifs')) {
      const kind = reqStr(r, 'kind');
      const annee = Number(reqStr(r, 'annee'));
      if (!Number.isInteger(annee) || annee < 1990 || annee > 2100) {
        this.problems.error('dispositifs', r.line, 'annee', `Année invalide : « ${reqStr(r, 'annee')} ».`);
        continue;
      }
      const known = !!this.get('select 1 from dispositifs where kind = ?', kind);
      if (!known) this.run('insert into dispositifs (id, kind, created_at) values (?, ?, ?)', this.id(), kind, this.at);
      const etp = num(r, 'etp_conventionnes');
      if (etp !== null && (etp < 0 || etp > 10_000)) this.problems.error('dispositifs', r.line, 'etp_conventionnes', 'ETP conventionnés hors limites.');
      const annexe = str(r, 'annexe_financiere');
      if (annexe !== null || etp !== null) this.upsertFullYearAnnexe(kind as SiaeKind, annee, annexe ?? '', etp);
      const hRef = num(r, 'h_ref');
      if (hRef !== null) {
        if (hRef < 100 || hRef > 2500) this.problems.error('dispositifs', r.line, 'h_ref', 'H_ref hors limites (entre 100 et 2 500 heures par an).');
        else this.setHref(kind as SiaeKind, annee, hRef);
      }
      this.count('dispositifs', !known);
    }
  }

  /**
   * Older files (format v1) give an annexe financière per dispositif and year: it becomes an annexe covering that
   * calendar year, found again on a second import by its kind, year and initial version.
   */
  private upsertFullYearAnnexe(kind: SiaeKind, annee: number, numero: string, etp: number | null): void {
    const [debut, fin] = [`${annee}-01-01`, `${annee}-12-31`];
    const etpStored = etp === null ? null : toDixMilliemes(etp);
    const current = this.get<{ annexe_id: string; id: string }>(
      `select v.annexe_id, v.id from annexes_financieres_versions v join annexes_financieres a on a.id = v.annexe_id
        where a.mesure = ? and v.avenant = 0 and v.modification = 0 and v.date_debut = ? and v.date_fin = ?`,
      `${kind}_DC`,
      debut,
      fin,
    );
    if (current) {
      this.run('update annexes_financieres set numero = ?, updated_at = ? where id = ?', numero, this.at, current.annexe_id);
      this.run('update annexes_financieres_versions set etp_conventionnes_dix_milliemes = ?, updated_at = ? where id = ?', etpStored, this.at, current.id);
      return;
    }
    const annexeId = this.id();
    this.run('insert into annexes_financieres (id, numero, mesure, created_at, updated_at) values (?, ?, ?, ?, ?)', annexeId, numero, `${kind}_DC`, this.at, this.at);
    this.run(
      'insert into annexes_financieres_versions (id, annexe_id, avenant, modification, date_debut, date_fin, etp_conventionnes_dix_milliemes, created_at, updated_at) values (?, ?, 0, 0, ?, ?, ?, ?, ?)',
      this.id(),
      annexeId,
      debut,
      fin,
      etpStored,
      this.at,
      this.at,
    );
  }

  /**
   * The annexes financières, one row per version (issue 15 §1). Rows sharing a ref are one annexe; a version is
   * found again by its avenant and modification numbers, so importing the same file twice changes nothing.
   */
  private writeAnnexes(): void {
    for (const r of this.records('annexes_financieres')) {
      const ref = reqStr(r, 'ref');
      const mesure = reqStr(r, 'mesure') as MesureAsp;
      const kind = kindOfMesure(mesure);
      const [debut, fin] = [reqStr(r, 'date_debut'), reqStr(r, 'date_fin')];
      const counter = (column: 'avenant' | 'modification') => {
        const n = num(r, column) ?? 0;
        const what = column === 'avenant' ? 'Numéro d’avenant' : 'Numéro de modification';
        if (!Number.isInteger(n) || n < 0 || n > 9) this.problems.error('annexes_financieres', r.line, column, `${what} invalide : un chiffre de 0 à 9.`);
        return n;
      };
      const [avenant, modification] = [counter('avenant'), counter('modification')];
      const problems = versionProblems({ dateDebut: debut, dateFin: fin });
      for (const [column, message] of Object.entries(problems)) this.problems.error('annexes_financieres', r.line, column === 'dateFin' ? 'date_fin' : column, message);
      const etp = num(r, 'etp_conventionnes');
      if (etp !== null && (etp < 0 || etp > 10_000)) this.problems.error('annexes_financieres', r.line, 'etp_conventionnes', 'ETP conventionnés hors limites.');
      const hRef = num(r, 'h_ref');
      if (hRef !== null && (hRef < 100 || hRef > 2500)) this.problems.error('annexes_financieres', r.line, 'h_ref', 'H_ref hors limites (entre 100 et 2 500 heures par an).');
      const amount = (column: 'aide_socle' | 'aide_modulee') => {
        const v = num(r, column);
        if (v !== null && (v < 0 || v > 100_000_000)) this.problems.error('annexes_financieres', r.line, column, 'Montant hors limites.');
        return v === null ? null : Math.round(v * 100);
      };
      const [socle, modulee] = [amount('aide_socle'), amount('aide_modulee')];
      if (!this.get('select 1 from dispositifs where kind = ?', kind)) this.run('insert into dispositifs (id, kind, created_at) values (?, ?, ?)', this.id(), kind, this.at);
      let annexeId = this.refOf('annexes_financieres', ref);
      const numero = str(r, 'numero') ?? '';
      if (annexeId) this.run('update annexes_financieres set numero = ?, mesure = ?, updated_at = ? where id = ?', numero, mesure, this.at, annexeId);
      else {
        annexeId = this.id();
        this.run('insert into annexes_financieres (id, numero, mesure, created_at, updated_at) values (?, ?, ?, ?, ?)', annexeId, numero, mesure, this.at, this.at);
        this.setRef('annexes_financieres', ref, annexeId);
      }
      const values = [debut, fin, etp === null ? null : toDixMilliemes(etp), hRef === null ? null : Math.round(hRef * 100), socle, modulee, this.at];
      const version = this.get<{ id: string }>('select id from annexes_financieres_versions where annexe_id = ? and avenant = ? and modification = ?', annexeId, avenant, modification);
      if (version) {
        this.run('update annexes_financieres_versions set date_debut = ?, date_fin = ?, etp_conventionnes_dix_milliemes = ?, h_ref_centiemes = ?, aide_socle_centimes = ?, aide_modulee_centimes = ?, updated_at = ? where id = ?', ...values, version.id);
      } else {
        this.run(
          'insert into annexes_financieres_versions (date_debut, date_fin, etp_conventionnes_dix_milliemes, h_ref_centiemes, aide_socle_centimes, aide_modulee_centimes, updated_at, id, annexe_id, avenant, modification, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          ...values,
          this.id(),
          annexeId,
          avenant,
          modification,
          this.at,
        );
      }
      this.count('annexes_financieres', !version);
    }
  }

  /** H_ref of a year is a dated parameter from 1 January of that year, the other kinds keeping their value. */
  private setHref(kind: SiaeKind, annee: number, value: number): void {
    const from = `${annee}-01-01`;
    const row = this.get<{ valeur: string; valide_du: string }>("select valeur, valide_du from parametres where cle = 'h_ref' and valide_du <= ? order by valide_du desc limit 1", from);
    const values = { ...(row ? (JSON.parse(row.valeur) as Record<SiaeKind, number>) : PARAMETRES_DEFAUT.h_ref), [kind]: value };
    if (row?.valide_du === from) this.run("update parametres set valeur = ? where cle = 'h_ref' and valide_du = ?", JSON.stringify(values), from);
    else this.run("insert into parametres (id, cle, valeur, valide_du, created_at) values (?, 'h_ref', ?, ?, ?)", this.id(), JSON.stringify(values), from, this.at);
  }

  private writeClients(): void {
    for (const r of this.records('clients')) {
      const ref = reqStr(r, 'ref');
      const existing = this.refOf('clients', ref);
      const siret = normalizeSiret(str(r, 'siret') ?? '');
      if (siret && !isValidSiret(siret)) this.problems.error('clients', r.line, 'siret', `SIRET invalide : « ${siret} ».`);
      const capped = Number(subjectTo480(reqStr(r, 'type') as ClientType, bool(r, 'soumis_plafond_480')));
      if (existing) this.run('update clients set nom = ?, type = ?, siret = ?, soumis_plafond_480 = ?, updated_at = ? where id = ?', reqStr(r, 'nom'), reqStr(r, 'type'), siret, capped, this.at, existing);
      else {
        const id = this.id();
        this.run('insert into clients (id, nom, type, siret, soumis_plafond_480, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)', id, reqStr(r, 'nom'), reqStr(r, 'type'), siret, capped, this.at, this.at);
        this.setRef('clients', ref, id);
      }
      this.count('clients', !existing);
    }
  }

  /**
   * Persons go through the form's schema, the person rules and the service's create and update (issue 18 §1): what
   * the form refuses, the import refuses with the same words, on the column it comes from. A person already in the
   * base keeps the fields the file has no column for.
   */
  private writePersonnes(): void {
    const today = toIsoDate(this.now);
    const present = PERSONNE_COLUMNS.filter((column) => this.has('personnes', column));
    for (const r of this.records('personnes')) {
      const ref = reqStr(r, 'ref');
      const existing = this.refOf('personnes', ref);
      const stored = existing ? this.commands.personnes.fieldsOf(existing) : null;
      const input: Record<string, unknown> = { ...stored };
      for (const column of present) input[fieldOfColumn(column)] = personneCell(r, column);
      const parsed = this.parsePersonne(input, stored, present);
      const problems = parsed.success ? PersonnesService.ruleProblems(parsed.data, today) : fieldProblems(parsed.error);
      const wrong = Object.entries(problems);
      if (!parsed.success || wrong.length > 0) {
        for (const [field, message] of wrong) this.problems.error('personnes', r.line, columnOfField(field), message);
        this.reject('personnes', ref);
        continue;
      }
      // The import is run by a role that manages the whole file: it writes the NIR and the orienteur it carries.
      let id = existing;
      if (id) this.commands.personnes.update(id, parsed.data, { nir: true, sensibles: true }, this.now);
      else {
        id = this.commands.personnes.create(parsed.data, true, this.now);
        this.setRef('personnes', ref, id);
      }
      this.touchedPersons.add(id);
      this.count('personnes', !existing);
    }
  }

  /**
   * The form's schema on a person row. A stored value the file has no column for is not the file's doing: if only
   * such values fail (saved before a rule existed), they are kept as stored, as the form keeps what a role cannot see.
   */
  private parsePersonne(input: Record<string, unknown>, stored: PersonneFields | null, present: readonly string[]): ReturnType<typeof personneFieldsSchema.safeParse> {
    const parsed = personneFieldsSchema.safeParse(input);
    if (parsed.success || !stored) return parsed;
    const fromFile = new Set(present.map(fieldOfColumn));
    const stale = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    if (stale.some((field) => fromFile.has(field) || !(field in stored))) return parsed;
    const again = personneFieldsSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([field]) => !stale.includes(field))));
    if (!again.success) return again;
    return { ...again, data: { ...again.data, ...Object.fromEntries(stale.map((field) => [field, stored[field as keyof PersonneFields]])) } };
  }

  private writeAccueils(): void {
    for (const r of this.records('accueils')) {
      const personneId = this.person('accueils', r);
      if (!personneId) continue;
      const contact = reqStr(r, 'date_premier_contact');
      const decision = str(r, 'decision');
      const dateDecision = str(r, 'date_decision');
      const motif = str(r, 'motif_decision');
      // The intake forms' rules (rules/accueil.ts), said on the file's column.
      const facts = {
        datePremierContact: contact,
        dateOffrePresentee: str(r, 'date_offre_presentee'),
        dateNoticeRgpd: str(r, 'date_notice_rgpd'),
        dateDiagnostic: str(r, 'date_diagnostic'),
        decision: decision as Decision | null,
        dateDecision,
        motifDecision: motif,
      };
      for (const [field, message] of Object.entries(intakeProblems(facts))) this.problems.error('accueils', r.line, columnOfField(field), message);
      if (decisionMissingMotif(facts.decision, motif)) this.problems.warn('accueils', r.line, 'motif_decision', `${HISTORICAL_PREFIX}${MOTIF_REQUIRED}`);
      const existing =
        this.byRef('accueils', r) ?? this.get<{ id: string }>('select id from accueils where personne_id = ? and date_premier_contact = ? order by id limit 1', personneId, contact)?.id ?? null;
      const fields: IntakeFields = {
        datePremierContact: contact,
        dateOffrePresentee: str(r, 'date_offre_presentee'),
        dateDiagnostic: str(r, 'date_diagnostic'),
        decision,
        dateDecision,
        motifDecision: motif,
      };
      // Columns of format v2: absent from a v1 file, they keep what the app holds (and a new intake's channel is « autre »).
      if (this.has('accueils', 'canal')) fields.canal = str(r, 'canal') ?? undefined;
      if (this.has('accueils', 'date_notice_rgpd')) fields.dateNoticeRgpd = str(r, 'date_notice_rgpd');
      if (this.has('accueils', 'dispositif')) fields.dispositif = str(r, 'dispositif');
      if (this.has('accueils', 'souhaits')) fields.souhaits = str(r, 'souhaits') ?? '';
      if (this.has('accueils', 'reorientation_vers')) fields.reorientationVers = str(r, 'reorientation_vers') ?? '';
      // Written by the intake service's one write, as the intake forms do (issue 18 §1).
      const id = this.commands.accueils.recordIntake(existing, personneId, fields, this.now);
      if (!existing) this.rememberRef('accueils', r, id);
      this.personsWithIntakes.add(personneId);
      this.count('accueils', !existing);
    }
  }

  /**
   * PASS IAE rows go through the PASS form's schema and the PASS service's save (issue 18 §1): its number rule
   * (12 letters or digits), end after start, one person per number, one PASS at a time; refused with its words.
   */
  private writePass(): void {
    const byNumber = this.statement('select id, personne_id from pass_iae where numero = ?');
    for (const r of this.records('pass_iae')) {
      const personneId = this.person('pass_iae', r);
      if (!personneId) continue;
      const parsed = savePassInputSchema.safeParse({ personneId, numero: reqStr(r, 'numero'), dateDebut: reqStr(r, 'date_debut'), dateFin: reqStr(r, 'date_fin') });
      if (!parsed.success) {
        for (const [field, message] of Object.entries(fieldProblems(parsed.error))) this.problems.error('pass_iae', r.line, columnOfField(field), message);
        continue;
      }
      const existing = byNumber.get(parsed.data.numero) as { id: string; personne_id: string } | undefined;
      try {
        this.commands.pass.save({ ...parsed.data, id: existing?.personne_id === personneId ? existing.id : null }, this.now);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const [field, message] = Object.entries(err.fields ?? {})[0] ?? ['numero', err.message];
        this.problems.error('pass_iae', r.line, columnOfField(field), message);
        continue;
      }
      this.touchedPersons.add(personneId);
      this.count('pass_iae', !existing);
    }
  }

  /**
   * Freins go through the frein form's schema and the diagnostic service's save (issue 18 §1): its level, comment
   * length, dates. A frein of the base keeps the level and comment the file does not give; a new one without a level
   * is « modéré » until the CIP assesses it.
   */
  private writeFreins(): void {
    const stored = this.statement('select niveau, commentaire from freins where id = ?');
    for (const r of this.records('freins')) {
      const personneId = this.person('freins', r);
      if (!personneId) continue;
      const identification = reqStr(r, 'date_identification');
      const existing =
        this.byRef('freins', r) ?? this.get<{ id: string }>('select id from freins where personne_id = ? and type = ? and date_identification = ?', personneId, reqStr(r, 'type'), identification)?.id ?? null;
      const before = existing ? (stored.get(existing) as { niveau: number; commentaire: string } | undefined) : undefined;
      const niveau = str(r, 'niveau');
      const parsed = saveFreinInputSchema.safeParse({
        id: existing,
        personneId,
        type: reqStr(r, 'type'),
        niveau: niveau === null ? (before?.niveau ?? 2) : Number(niveau),
        commentaire: this.has('freins', 'commentaire') ? (str(r, 'commentaire') ?? '') : (before?.commentaire ?? ''),
        dateIdentification: identification,
        dateLevee: str(r, 'date_levee'),
      });
      if (!parsed.success) {
        for (const [field, message] of Object.entries(fieldProblems(parsed.error))) this.problems.error('freins', r.line, columnOfField(field), message);
        continue;
      }
      // The import is run by a role that manages the whole file: it writes health and justice freins.
      let id: string;
      try {
        id = this.commands.diagnostic.saveFrein(parsed.data, true, this.now);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.problems.error('freins', r.line, 'ref', err.message);
        continue;
      }
      if (!existing) this.rememberRef('freins', r, id);
      this.count('freins', !existing);
    }
  }

  // ---- parcours ---------------------------------------------------------------------------------------------

  private writeContratsAndSorties(kinds: Set<string>): void {
    type Contract = { r: SheetRecord; personneId: string };
    const contractsByPerson = new Map<string, Contract[]>();
    for (const r of this.records('contrats')) {
      const personneId = this.person('contrats', r);
      const kind = reqStr(r, 'kind') as SiaeKind;
      const type = reqStr(r, 'type');
      if (!kinds.has(kind)) this.problems.error('contrats', r.line, 'kind', `La structure ne déclare pas le dispositif ${kind} : ajoutez-le à la feuille dispositifs.`);
      if (!CONTRATS_PAR_DISPOSITIF[kind].includes(type as never)) this.problems.error('contrats', r.line, 'type', `Un contrat ${type} ne se signe pas en ${kind}.`);
      // The contract form's schema, with its words on the file's column (issue 18 §1).
      const parsed = contratInputSchema.safeParse({
        parcoursId: 'parcours rattaché plus bas',
        type,
        dateDebut: reqStr(r, 'date_debut'),
        dateFinPrevue: str(r, 'date_fin_prevue'),
        dateFinReelle: this.has('contrats', 'date_fin_reelle') ? str(r, 'date_fin_reelle') : null,
        heuresHebdo: num(r, 'heures_hebdo'),
        derogations: (str(r, 'derogations') ?? '').split(',').filter(Boolean),
      });
      if (!parsed.success) {
        for (const [field, message] of Object.entries(fieldProblems(parsed.error))) this.problems.error('contrats', r.line, columnOfField(field), message);
        this.reject('contrats', reqStr(r, 'ref'));
        if (personneId) this.personsWithRejectedContracts.add(personneId);
        continue;
      }
      if (!personneId) {
        // Its person was refused: the contract is not written, and its hours get no « contrat inconnu » on top.
        this.reject('contrats', reqStr(r, 'ref'));
        continue;
      }
      this.parsedContracts.set(r, parsed.data);
      appendTo(contractsByPerson, personneId, { r, personneId });
    }
    const exitsByPerson = new Map<string, SheetRecord[]>();
    for (const r of this.records('sorties')) {
      const personneId = this.person('sorties', r);
      if (personneId) appendTo(exitsByPerson, personneId, r);
    }
    for (const personneId of new Set([...contractsByPerson.keys(), ...exitsByPerson.keys()])) {
      const contracts = contractsByPerson.get(personneId) ?? [];
      const exits = exitsByPerson.get(personneId) ?? [];
      const byKey = new Map(contracts.map((c) => [reqStr(c.r, 'ref'), c]));
      const exitByKey = new Map(exits.map((e) => [String(e.line), e]));
      const { groups, unplacedExits } = groupIntoParcours(
        contracts.map((c) => ({ key: reqStr(c.r, 'ref'), kind: reqStr(c.r, 'kind'), dateDebut: reqStr(c.r, 'date_debut') })),
        exits.map((e) => ({ key: String(e.line), date: reqStr(e, 'date') })),
      );
      for (const g of groups) {
        const existingParcours = g.contracts
          .map((ref) => this.refOf('contrats', ref))
          .map((cid) => (cid ? this.get<{ parcours_id: string }>('select parcours_id from contrats where id = ?', cid)?.parcours_id : undefined))
          .find((p) => p !== undefined);
        const exit = g.exitKey ? exitByKey.get(g.exitKey)! : null;
        const parcoursId = existingParcours ?? this.id();
        if (existingParcours) {
          this.run('update parcours set dispositif = ?, date_sortie = ?, motif_sortie = ?, updated_at = ? where id = ?', g.kind, g.exit, exit ? reqStr(exit, 'motif') : null, this.at, parcoursId);
        } else {
          this.run(
            'insert into parcours (id, personne_id, dispositif, date_sortie, motif_sortie, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
            parcoursId, personneId, g.kind, g.exit, exit ? reqStr(exit, 'motif') : null, this.at, this.at,
          );
        }
        for (const ref of g.contracts) this.writeContract(byKey.get(ref)!.r, parcoursId);
        this.commands.parcours.refreshStart(parcoursId, this.now);
        if (exit) {
          this.commands.parcours.recordExit(parcoursId, g.exit!, reqStr(exit, 'motif') as MotifSortie, this.now);
          this.count('sorties', existingParcours === undefined);
        }
      }
      for (const key of unplacedExits) this.placeExitOnStoredParcours(personneId, exitByKey.get(key)!);
    }
    this.linkRenewals();
  }

  /**
   * A contract as the file gives it, written by the contract command of the form (ParcoursService.recordContract);
   * checked once everything it depends on is written (checkContracts). The exit of its parcours then ends it if it
   * still runs (recordExit). A column the file lacks keeps what the base holds.
   */
  private writeContract(r: SheetRecord, parcoursId: string): void {
    const ref = reqStr(r, 'ref');
    const existing = this.refOf('contrats', ref);
    const input = this.parsedContracts.get(r)!;
    const id = this.commands.parcours.recordContract(
      {
        id: existing,
        parcoursId,
        type: input.type,
        dateDebut: input.dateDebut,
        dateFinPrevue: input.dateFinPrevue,
        heuresHebdo: input.heuresHebdo,
        ...(this.has('contrats', 'date_fin_reelle') ? { dateFinReelle: input.dateFinReelle } : {}),
        ...(this.has('contrats', 'derogations') ? { derogations: input.derogations } : {}),
      },
      this.now,
    );
    if (!existing) this.setRef('contrats', ref, id);
    const renews = str(r, 'ref_renouvelle');
    if (this.has('contrats', 'ref_renouvelle')) this.renewals.push({ line: r.line, id, ref: renews });
    this.writtenContracts.push({ id, line: r.line });
    this.count('contrats', !existing);
  }

  private readonly parsedContracts = new Map<SheetRecord, z.output<typeof contratInputSchema>>();

  private readonly writtenContracts: Array<{ id: string; line: number }> = [];

  private readonly renewals: Array<{ line: number; id: string; ref: string | null }> = [];

  /** A renewal names the contract it renews, which may come later in the sheet: linked once all are written. */
  private linkRenewals(): void {
    for (const { line, id, ref } of this.renewals) {
      const renewed = ref === null ? null : this.refOf('contrats', ref);
      if (ref !== null && !renewed) {
        if (!this.book.contrats?.rejectedRefs.has(ref)) this.problems.error('contrats', line, 'ref_renouvelle', `Contrat inconnu : aucune ligne de la feuille contrats n’a la référence « ${ref} ».`);
        continue;
      }
      if (renewed === id) {
        this.problems.error('contrats', line, 'ref_renouvelle', 'Un contrat ne peut pas se renouveler lui-même.');
        continue;
      }
      this.run('update contrats set renouvelle_id = ? where id = ?', renewed, id);
    }
  }

  /** An exit for a person whose contracts are already in the database (entered in the app or imported before). */
  private placeExitOnStoredParcours(personneId: string, r: SheetRecord): void {
    const date = reqStr(r, 'date');
    const open = this.get<{ id: string; date_sortie: string | null }>(
      `select id, date_sortie from parcours where personne_id = ? and date_debut is not null and date_debut <= ?
         and (date_sortie is null or date_sortie = ?) order by date_debut desc limit 1`,
      personneId, date, date,
    );
    if (!open) {
      if (!this.personsWithRejectedContracts.has(personneId)) {
        this.problems.error('sorties', r.line, 'date', `Aucun parcours de cette personne n’est ouvert le ${frDate(date)} : la sortie ne peut pas être rattachée.`);
      }
      return;
    }
    this.commands.parcours.recordExit(open.id, date, reqStr(r, 'motif') as MotifSortie, this.now);
    this.count('sorties', open.date_sortie === null);
  }

  // ---- person-level profile -----------------------------------------------------------------------------------

  /**
   * The format lists criteria per person and, since v2, per eligibility diagnosis (`date_diagnostic`): the app keeps
   * them on diagnoses, the profile at entry the observatoire counts. A person's rows without a diagnosis date form one
   * diagnosis (format v1). Each parcours is then linked to the latest diagnosis made on or before its start (as the
   * app does when it opens one), or else to the person's first.
   */
  private writeCriteres(): void {
    const byPerson = new Map<string, Map<string, SheetRecord[]>>();
    for (const r of this.records('criteres')) {
      const personneId = this.person('criteres', r);
      if (!personneId) continue;
      // A line without criterion only means « a diagnosis that found none », which needs the diagnosis's date.
      if (str(r, 'critere') === null && str(r, 'date_diagnostic') === null) {
        this.problems.error('criteres', r.line, 'critere', 'Valeur obligatoire manquante (ou indiquez la date du diagnostic qui n’a retenu aucun critère).');
        continue;
      }
      const groups = byPerson.get(personneId) ?? new Map<string, SheetRecord[]>();
      const key = str(r, 'date_diagnostic') ?? '';
      appendTo(groups, key, r);
      byPerson.set(personneId, groups);
    }
    for (const [personneId, groups] of byPerson) {
      const written = new Set<string>();
      for (const [dateKey, rows] of groups) written.add(this.writeDiagnostic(personneId, dateKey || null, rows));
      const diagnoses = this.sqlite.prepare('select id, date from diagnostics_eligibilite where personne_id = ? order by date, id').all(personneId) as Array<{ id: string; date: string }>;
      const parcoursRows = this.sqlite.prepare('select id, date_debut, diagnostic_id from parcours where personne_id = ?').all(personneId) as Array<{ id: string; date_debut: string | null; diagnostic_id: string | null }>;
      for (const p of parcoursRows) {
        if (p.diagnostic_id !== null && !written.has(p.diagnostic_id)) continue;
        const before = diagnoses.filter((d) => p.date_debut === null || d.date <= p.date_debut);
        const chosen = (before.length ? before[before.length - 1] : diagnoses[0])!;
        this.run('update parcours set diagnostic_id = ? where id = ?', chosen.id, p.id);
      }
    }
  }

  private writeDiagnostic(personneId: string, dateGiven: string | null, rows: SheetRecord[]): string {
    const first = this.get<{ dispositif: string; date_debut: string }>('select dispositif, date_debut from parcours where personne_id = ? and date_debut is not null order by date_debut limit 1', personneId);
    const head = rows[0]!;
    let diagnosticId: string | null;
    let date: string;
    if (dateGiven) {
      date = dateGiven;
      diagnosticId = this.get<{ id: string }>('select id from diagnostics_eligibilite where personne_id = ? and date = ? order by id limit 1', personneId, date)?.id ?? null;
    } else {
      const ref = `diagnostic:${personneId}`;
      diagnosticId = this.refOf('criteres', ref);
      const intake = this.get<{ date_diagnostic: string | null; date_premier_contact: string }>(
        'select date_diagnostic, date_premier_contact from accueils where personne_id = ? order by date_premier_contact limit 1',
        personneId,
      );
      const proofs = rows.map((r) => str(r, 'date_justificatif')).filter((d): d is string => d !== null).sort();
      date = intake?.date_diagnostic ?? first?.date_debut ?? proofs[0] ?? intake?.date_premier_contact ?? toIsoDate(this.now);
    }
    const dispositif = str(head, 'dispositif') ?? first?.dispositif ?? this.get<{ kind: string }>('select kind from dispositifs order by kind limit 1')?.kind ?? 'ACI';
    const auteur = str(head, 'auteur') ?? 'structure';
    const prescripteur = str(head, 'prescripteur') ?? '';
    const created = diagnosticId === null;
    if (diagnosticId) {
      this.run('update diagnostics_eligibilite set date = ?, dispositif = ?, auteur = ?, prescripteur = ? where id = ?', date, dispositif, auteur, prescripteur, diagnosticId);
      this.run('delete from criteres_eligibilite where diagnostic_id = ?', diagnosticId);
    } else {
      diagnosticId = this.id();
      this.run('insert into diagnostics_eligibilite (id, personne_id, date, auteur, prescripteur, dispositif, created_at) values (?, ?, ?, ?, ?, ?, ?)', diagnosticId, personneId, date, auteur, prescripteur, dispositif, this.at);
      if (!dateGiven) this.setRef('criteres', `diagnostic:${personneId}`, diagnosticId);
    }
    const seen = new Set<string>();
    for (const r of rows) {
      const critere = str(r, 'critere');
      if (critere === null) continue; // a diagnosis that found no criterion
      if (seen.has(critere)) {
        this.problems.error('criteres', r.line, 'critere', `Le critère ${critere} est déjà indiqué pour ${dateGiven ? `le diagnostic du ${frDate(dateGiven)}` : 'cette personne'}.`);
        continue;
      }
      seen.add(critere);
      this.run(
        'insert into criteres_eligibilite (id, diagnostic_id, critere, type_justificatif, date_justificatif, date_fin_validite) values (?, ?, ?, ?, ?, ?)',
        this.id(), diagnosticId, critere, str(r, 'type_justificatif') ?? '', str(r, 'date_justificatif'), str(r, 'date_fin_validite'),
      );
      this.count('criteres', created);
    }
    return diagnosticId;
  }

  // ---- hours --------------------------------------------------------------------------------------------------

  private writeHeures(): void {
    const lines = this.commands.heures.lineWriter(this.now);
    type StoredContract = { id: string; date_debut: string; fin: string | null; heures_hebdo: number | null; dispositif: string };
    const contractCache = new Map<string, StoredContract | null>();
    // The months each contract got hours in, checked once all are written (the grid's monthly rule), with their last line.
    const touchedMonths = new Map<string, { contract: StoredContract; mois: string; line: number }>();
    for (const r of this.records('heures')) {
      const ref = reqStr(r, 'ref_contrat');
      if (!contractCache.has(ref)) {
        const id = this.refOf('contrats', ref);
        contractCache.set(
          ref,
          id
            ? (this.get<StoredContract>(
                'select c.id, c.date_debut, coalesce(c.date_fin_reelle, c.date_fin_prevue) as fin, c.heures_hebdo, p.dispositif from contrats c join parcours p on p.id = c.parcours_id where c.id = ?',
                id,
              ) ?? null)
            : null,
        );
      }
      const contract = contractCache.get(ref);
      if (!contract) {
        if (this.book.contrats?.rejectedRefs.has(ref)) continue;
        this.problems.error('heures', r.line, 'ref_contrat', `Contrat inconnu : aucune ligne de la feuille contrats n’a la référence « ${ref} ».`);
        continue;
      }
      const mois = str(r, 'mois');
      const jour = str(r, 'date');
      if ((mois === null) === (jour === null)) {
        this.problems.error('heures', r.line, 'mois', 'Indiquez soit le mois (AAAA-MM), soit le jour, pas les deux.');
        continue;
      }
      const hours = num(r, 'heures')!;
      if (hours < 0) {
        this.problems.error('heures', r.line, 'heures', `Nombre d’heures impossible : ${hours} (négatif).`);
        continue;
      }
      // The grid's rules for a day (src-shared/rules/plausibility.ts): over 24 h is refused, over 10 h said.
      const day = jour ? dayHoursPlausibility(hours) : null;
      if (day?.level === 'limit') {
        this.problems.error('heures', r.line, 'heures', day.message);
        continue;
      }
      if (day) this.problems.warn('heures', r.line, 'heures', day.message);
      const { from } = periodOfEntry(mois ? `${mois}-01` : jour!, mois !== null);
      if (!hoursWithinContract(periodOfEntry(from, mois !== null), { dateDebut: contract.date_debut, end: contract.fin })) {
        const period = mois ?? frDate(jour);
        this.problems.error('heures', r.line, mois ? 'mois' : 'date', `Ces heures (${period}) tombent hors de la période du contrat ${ref} (du ${frDate(contract.date_debut)} au ${frDate(contract.fin)}).`);
        continue;
      }
      const clientRef = str(r, 'ref_client');
      let clientId: string | null = null;
      if (clientRef) {
        clientId = this.refOf('clients', clientRef);
        if (!clientId) {
          if (this.book.clients?.rejectedRefs.has(clientRef)) continue;
          this.problems.error('heures', r.line, 'ref_client', `Client inconnu : aucune ligne de la feuille clients n’a la référence « ${clientRef} ».`);
          continue;
        }
      }
      // Written by the hours service's line command, which holds the closed-month rule (issue 18 §1).
      let written: 'created' | 'updated' | 'unchanged';
      try {
        written = lines.record({ contratId: contract.id, date: from, centiemes: Math.round(hours * 100), clientId });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.problems.error('heures', r.line, 'heures', err.message);
        continue;
      }
      touchedMonths.set(`${contract.id}\u0000${from.slice(0, 7)}`, { contract, mois: from.slice(0, 7), line: r.line });
      this.count('heures', written === 'created');
    }
    this.checkMonthTotals([...touchedMonths.values()]);
  }

  /**
   * A contract's month, as stored once the file is written, through the grid's monthly rule (plausibility.ts): more
   * hours than the contract's days in the month hold (refused on the grid) is accepted as history and said so, more
   * than its weekly hours allow is said. The message goes on the month's last line of the file.
   */
  private checkMonthTotals(months: ReadonlyArray<{ contract: { id: string; date_debut: string; fin: string | null; heures_hebdo: number | null }; mois: string; line: number }>): void {
    const total = this.statement("select coalesce(sum(centiemes), 0) from heures where contrat_id = ? and date between ? and ? || '-31'").pluck();
    for (const { contract, mois, line } of months) {
      const heures = fromCentiemes(total.get(contract.id, `${mois}-01`, mois) as number);
      const check = monthHoursPlausibility(heures, mois, { dateDebut: contract.date_debut, dateFin: contract.fin, heuresHebdo: contract.heures_hebdo === null ? null : fromCentiemes(contract.heures_hebdo) });
      // Past months were often recorded with approximate contract dates: what the grid refuses today is kept as
      // history, with its reason (issue 18 §1), like the contracts; a day over 24 h stays an error (it cannot be).
      if (check) this.problems.warn('heures', line, 'heures', check.level === 'limit' ? `${HISTORICAL_PREFIX}${check.message}` : check.message);
    }
  }

  // ---- rows placed on a parcours by date ----------------------------------------------------------------------

  private writeDatedRows(): void {
    const spansCache = new Map<string, ParcoursSpan[]>();
    const place = (sheet: ImportSheet, r: SheetRecord, date: string | null): string | null => {
      const personneId = this.person(sheet, r);
      if (!personneId) return null;
      const start = str(r, 'debut_parcours');
      if (start !== null) {
        // The file names the parcours by its start (format v2): a follow-up after a re-entry stays on its parcours.
        const id = this.get<{ id: string }>('select id from parcours where personne_id = ? and date_debut = ? order by dispositif, id limit 1', personneId, start)?.id ?? null;
        if (!id && !this.personsWithRejectedContracts.has(personneId)) {
          this.problems.error(sheet, r.line, 'debut_parcours', `Cette personne n’a aucun parcours commencé le ${frDate(start)} (début de son premier contrat).`);
        }
        return id;
      }
      if (!spansCache.has(personneId)) {
        spansCache.set(
          personneId,
          this.sqlite.prepare('select id, date_debut as dateDebut, date_sortie as dateSortie from parcours where personne_id = ?').all(personneId) as ParcoursSpan[],
        );
      }
      if (date === null) {
        this.problems.error(sheet, r.line, 'debut_parcours', 'Sans date, indiquez le début du parcours auquel la ligne appartient.');
        return null;
      }
      const parcoursId = parcoursForDate(spansCache.get(personneId)!, date);
      if (!parcoursId && !this.personsWithRejectedContracts.has(personneId)) {
        this.problems.error(sheet, r.line, 'ref_personne', 'Cette personne n’a aucun parcours (aucun contrat) : la ligne ne peut pas être rattachée.');
      }
      return parcoursId;
    };
    const yesNo = (r: SheetRecord, col: string, fallback: boolean) => ((bool(r, col) ?? fallback) ? 1 : 0);
    const texts = (sheet: ImportSheet, r: SheetRecord, cols: readonly string[]) => Object.fromEntries(cols.filter((c) => this.has(sheet, c)).map((c) => [c, str(r, c) ?? '']));
    const flags = (sheet: ImportSheet, r: SheetRecord, cols: readonly string[]) => Object.fromEntries(cols.filter((c) => this.has(sheet, c)).map((c) => [c, yesNo(r, c, true)]));

    for (const r of this.records('cer')) {
      const date = str(r, 'date_signature');
      const parcoursId = place('cer', r, date);
      if (!parcoursId) continue;
      const version = num(r, 'version');
      if (version !== null && (!Number.isInteger(version) || version < 1)) {
        this.problems.error('cer', r.line, 'version', 'La version d’un CER est un nombre entier (1, 2, 3…).');
        continue;
      }
      const heures = num(r, 'heures_hebdo');
      if (heures !== null && (heures <= 0 || heures > 48)) this.problems.error('cer', r.line, 'heures_hebdo', 'Durée hebdomadaire hors limites (au plus 48 heures).');
      const existing =
        this.byRef('cer', r) ??
        (version !== null
          ? this.get<{ id: string }>('select id from cer where parcours_id = ? and version = ?', parcoursId, version)?.id
          : date !== null
            ? this.get<{ id: string }>('select id from cer where parcours_id = ? and date_signature = ?', parcoursId, date)?.id
            : undefined) ??
        null;
      const fields: Record<string, unknown> = {
        parcours_id: parcoursId,
        date_signature: date,
        ...texts('cer', r, ['objectifs', 'moyens_formation', 'moyens_encadrement', 'moyens_accompagnement']),
        ...flags('cer', r, ['signe_personne', 'signe_structure']),
      };
      if (this.has('cer', 'heures_hebdo')) fields.heures_hebdo = centiemes(heures);
      if (existing) {
        if (version !== null) fields.version = version;
        const cols = Object.keys(fields);
        this.run(`update cer set ${cols.map((c) => `${c} = ?`).join(', ')} where id = ?`, ...Object.values(fields), existing);
      } else {
        const id = this.id();
        // A signed CER of a v1 file was signed by both.
        const row = {
          objectifs: '',
          signe_personne: date ? 1 : 0,
          signe_structure: date ? 1 : 0,
          ...fields,
          version: version ?? this.get<{ v: number }>('select coalesce(max(version), 0) + 1 as v from cer where parcours_id = ?', parcoursId)?.v ?? 1,
        };
        const cols = Object.keys(row);
        this.run(`insert into cer (id, ${cols.join(', ')}, created_at) values (?, ${cols.map(() => '?').join(', ')}, ?)`, id, ...Object.values(row), this.at);
        this.rememberRef('cer', r, id);
      }
      this.count('cer', !existing);
    }
    for (const r of this.records('bilans')) {
      const date = reqStr(r, 'date');
      const parcoursId = place('bilans', r, date);
      if (!parcoursId) continue;
      const existing = this.byRef('bilans', r) ?? this.get<{ id: string }>('select id from bilans where parcours_id = ? and date = ? and type = ?', parcoursId, date, reqStr(r, 'type'))?.id ?? null;
      const fields: Record<string, unknown> = {
        parcours_id: parcoursId,
        type: reqStr(r, 'type'),
        date,
        ...texts('bilans', r, ['revue_objectifs', 'revue_freins', 'revue_competences', 'paroles_personne', 'prochaines_etapes']),
        ...flags('bilans', r, ['signe_personne', 'signe_structure']),
      };
      // A bilan of a v1 file was signed by both.
      this.saveDated('bilans', r, existing, fields, { signe_personne: 1, signe_structure: 1 });
    }
    for (const r of this.records('actions_freins')) {
      const date = reqStr(r, 'date');
      const parcoursId = place('actions_freins', r, date);
      const partenaireId = this.partner('actions_freins', r, 'ref_partenaire');
      if (!parcoursId || partenaireId === undefined) continue;
      const key = [parcoursId, reqStr(r, 'type_frein'), date, reqStr(r, 'prestataire')];
      const existing =
        this.byRef('actions_freins', r) ??
        this.get<{ id: string }>('select id from actions_freins where parcours_id = ? and type_frein = ? and date = ? and prestataire = ?', ...key)?.id ??
        null;
      let id = existing;
      if (id) this.run('update actions_freins set parcours_id = ?, type_frein = ?, date = ?, prestataire = ? where id = ?', ...key, id);
      else {
        id = this.id();
        this.run('insert into actions_freins (id, parcours_id, type_frein, date, prestataire, created_at) values (?, ?, ?, ?, ?, ?)', id, ...key, this.at);
        this.rememberRef('actions_freins', r, id);
      }
      if (this.has('actions_freins', 'ref_partenaire')) this.run('update actions_freins set partenaire_id = ? where id = ?', partenaireId, id);
      if (this.has('actions_freins', 'description')) this.run('update actions_freins set description = ? where id = ?', str(r, 'description') ?? '', id);
      this.count('actions_freins', !existing);
    }
    for (const r of this.records('formations')) {
      const debut = reqStr(r, 'date_debut');
      const fin = str(r, 'date_fin');
      if (fin && fin < debut) {
        this.problems.error('formations', r.line, 'date_fin', 'La fin de la formation précède son début.');
        continue;
      }
      const hours = num(r, 'heures');
      if (hours !== null && (hours < 0 || hours > 5000)) this.problems.error('formations', r.line, 'heures', 'Nombre d’heures de formation hors limites.');
      const parcoursId = place('formations', r, debut);
      const organismeId = this.partner('formations', r, 'ref_organisme');
      if (!parcoursId || organismeId === undefined) continue;
      const existing =
        this.byRef('formations', r) ?? this.get<{ id: string }>('select id from formations where parcours_id = ? and intitule = ? and date_debut = ?', parcoursId, reqStr(r, 'intitule'), debut)?.id ?? null;
      const fields: Record<string, unknown> = { parcours_id: parcoursId, intitule: reqStr(r, 'intitule'), date_debut: debut, date_fin: fin, heures: centiemes(hours), qualifiante: bool(r, 'qualifiante') ? 1 : 0 };
      if (this.has('formations', 'ref_organisme')) fields.organisme_id = organismeId;
      this.saveDated('formations', r, existing, fields);
    }
    for (const r of this.records('pmsmp')) {
      const debut = reqStr(r, 'date_debut');
      const fin = str(r, 'date_fin');
      if (fin && fin < debut) {
        this.problems.error('pmsmp', r.line, 'date_fin', 'La fin de l’immersion précède son début.');
        continue;
      }
      const parcoursId = place('pmsmp', r, debut);
      const partenaireId = this.partner('pmsmp', r, 'ref_partenaire');
      if (!parcoursId || partenaireId === undefined) continue;
      const existing = this.byRef('pmsmp', r) ?? this.get<{ id: string }>('select id from pmsmp where parcours_id = ? and date_debut = ?', parcoursId, debut)?.id ?? null;
      const fields: Record<string, unknown> = { parcours_id: parcoursId, date_debut: debut, date_fin: fin, entreprise: str(r, 'entreprise') ?? '' };
      if (this.has('pmsmp', 'ref_partenaire')) fields.partenaire_id = partenaireId;
      this.saveDated('pmsmp', r, existing, fields);
    }
  }

  /** Updates the row a dated sheet's line names, or inserts it (with defaults for what the file leaves out). */
  private saveDated(sheet: 'bilans' | 'formations' | 'pmsmp', r: SheetRecord, existing: string | null, fields: Record<string, unknown>, defaults: Record<string, unknown> = {}): void {
    if (existing) {
      const cols = Object.keys(fields);
      this.run(`update ${sheet} set ${cols.map((c) => `${c} = ?`).join(', ')} where id = ?`, ...Object.values(fields), existing);
    } else {
      const id = this.id();
      const row = { ...defaults, ...fields };
      const cols = Object.keys(row);
      this.run(`insert into ${sheet} (id, ${cols.join(', ')}, created_at) values (?, ${cols.map(() => '?').join(', ')}, ?)`, id, ...Object.values(row), this.at);
      this.rememberRef(sheet, r, id);
    }
    this.count(sheet, !existing);
  }

  /**
   * Summaries the app keeps on the person row: latest intake (lists), search text with PASS numbers; and the
   * dispositif an entry decision led to, read from the parcours that followed it.
   */
  private refreshPersons(): void {
    const latest = this.sqlite.prepare(REFRESH_LATEST_INTAKE_SQL);
    for (const id of this.personsWithIntakes) {
      // `+decision`: the person index, not the decision one (which would scan every entry of the structure per person).
      this.run(
        `update accueils set dispositif = (select p.dispositif from parcours p where p.personne_id = accueils.personne_id and p.date_debut >= accueils.date_decision order by p.date_debut limit 1)
          where personne_id = ? and +decision = 'entree' and dispositif is null`,
        id,
      );
      latest.run(id, id);
    }
    const passNumbers = this.sqlite.prepare('select numero from pass_iae where personne_id = ?');
    for (const id of this.touchedPersons) {
      const p = this.get<{ nom: string; prenom: string; identifiant_ft: string | null }>('select nom, prenom, identifiant_ft from personnes where id = ?', id)!;
      const numbers = passNumbers.all(id).map((n) => (n as { numero: string }).numero);
      this.run('update personnes set recherche = ? where id = ?', searchText({ nom: p.nom, prenom: p.prenom, identifiantFt: p.identifiant_ft }, numbers), id);
    }
  }
}
