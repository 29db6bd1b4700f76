/** Parcours: opened by an entry decision, carrying contracts (checked against the law) and closed by an exit. */
import { withholdUnlessSensitive } from '../need-to-know';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { contrats, diagnosticsEligibilite, parcours, users } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import { CONTRAT_TYPES, type ContratType, type Derogation, type MotifSortie } from '../../../src-shared/domain/insertion';
import { toIsoDate } from '../../../src-shared/rules/dates';
import { checkContrat, type ContratCheck, type ContratContext, type ContratDates } from '../../../src-shared/rules/contrats';
import { fromCentiemes, toCentiemes } from '../../../src-shared/rules/heures';
import { exitCategory, isExitCounted } from '../../../src-shared/rules/sorties';
import type { contratInputSchema, sortieInputSchema } from '../../../src-shared/schemas/insertion';
import type { SiaeKind } from '../../../src-shared/siae';
import type { ParcoursView } from '../../../src-shared/views-insertion';
import { uuidv7 } from '../../lib/uuid';
import type { FieldsAreColumns } from '../../lib/fields-are-columns';
import { PreparedWrite } from '../../lib/prepared-write';
import { notFound } from '../access';
import type { PersonnesService } from '../personnes/personnes-service';
import type { AnnexesFinancieresService } from '../structure/annexes-service';
import type { FicheSalarieService } from './fiche-salarie-service';
import type { ParametresService } from './parametres-service';
import type { AccompagnementService } from './accompagnement-service';
import type { ActionsService } from './actions-service';
import { assertPlausible, exitWarnings } from '../../../src-shared/rules/plausibility';

type ParcoursRow = typeof parcours.$inferSelect;
type ContratInput = z.output<typeof contratInputSchema>;

/**
 * The contract form's fields are columns of `contrats` (issue 18 §3; lib/fields-are-columns.ts); hours per week are
 * stored in hundredths and the derogations as JSON, hence left out.
 */
export const CONTRACT_FIELDS_ARE_COLUMNS: FieldsAreColumns<Omit<ContratInput, 'id' | 'parcoursId' | 'derogations'>, typeof contrats.$inferSelect> = true;

/** A contract as written (recordContract): the form's fields, hours per week as a decimal; `undefined` keeps the stored value. */
export type RecordedContract = Omit<ContratInput, 'dateFinReelle' | 'derogations'> & {
  dateFinReelle?: string | null;
  derogations?: readonly Derogation[];
  avertissements?: readonly string[];
};

function contractEnd(c: { dateFinReelle: string | null; dateFinPrevue: string | null }): string | null {
  return c.dateFinReelle ?? c.dateFinPrevue;
}

/** What the contract checks read, prepared once (the form checks as it is typed; an import checks every contract). */
function checkQueries(db: Db, sqlite: Database.Database) {
  return {
    parcours: db.select().from(parcours).where(eq(parcours.id, sql.placeholder('id'))).prepare(),
    contractsOfParcours: db.select().from(contrats).where(eq(contrats.parcoursId, sql.placeholder('parcoursId'))).prepare(),
    bilanDates: sqlite.prepare('select date from bilans where parcours_id = ?').pluck(),
  };
}

export class ParcoursService {
  private readonly hoursOfContract: Database.Statement<[string], { total: number | null }>;
  private readonly hoursOfParcours: Database.Statement<[string, string, string], { total: number | null; annee: number | null }>;

  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
    private readonly personnes: PersonnesService,
    private readonly parametres: ParametresService,
    private readonly accompagnement: AccompagnementService,
    private readonly actions: ActionsService,
    private readonly annexes: AnnexesFinancieresService,
    private readonly fiches: FicheSalarieService,
  ) {
    this.checkQueries = checkQueries(db, sqlite);
    this.contractWrites = new PreparedWrite(sqlite, contrats);
    this.contractParcours = sqlite.prepare<[string], string>('select parcours_id from contrats where id = ?').pluck();
    this.hoursOfContract = sqlite.prepare('select sum(centiemes) as total from heures where contrat_id = ?');
    this.hoursOfParcours = sqlite.prepare(
      `select sum(h.centiemes) as total, sum(case when h.date between ? and ? then h.centiemes else 0 end) as annee
         from heures h join contrats c on c.id = h.contrat_id where c.parcours_id = ?`,
    );
  }

  private readonly checkQueries: ReturnType<typeof checkQueries>;

  row(id: string): ParcoursRow {
    const row = this.checkQueries.parcours.get({ id });
    if (!row) throw notFound('Parcours');
    return row;
  }

  /**
   * Opens a parcours in a dispositif, unless one is already open there (an entry decision taken twice opens one).
   * The latest eligibility diagnosis becomes the parcours' profile at entry.
   */
  open(input: { personneId: string; dispositif: SiaeKind; referentId: string | null; accueilId: string | null }, now: Date): string {
    const existing = this.db
      .select()
      .from(parcours)
      .where(and(eq(parcours.personneId, input.personneId), eq(parcours.dispositif, input.dispositif), isNull(parcours.dateSortie)))
      .get();
    if (existing) {
      if (input.referentId && existing.referentId !== input.referentId) {
        this.db.update(parcours).set({ referentId: input.referentId, updatedAt: now.toISOString() }).where(eq(parcours.id, existing.id)).run();
      }
      return existing.id;
    }
    const diagnostic = this.db
      .select({ id: diagnosticsEligibilite.id })
      .from(diagnosticsEligibilite)
      .where(eq(diagnosticsEligibilite.personneId, input.personneId))
      .orderBy(desc(diagnosticsEligibilite.date))
      .limit(1)
      .get();
    const id = uuidv7(now.getTime());
    const at = now.toISOString();
    this.db
      .insert(parcours)
      .values({ id, personneId: input.personneId, dispositif: input.dispositif, accueilId: input.accueilId, referentId: input.referentId, diagnosticId: diagnostic?.id ?? null, createdAt: at, updatedAt: at })
      .run();
    // Its fiche salarié, filled from the person's situation at hire (issue 15 §2).
    this.fiches.fillMissing(at, id);
    return id;
  }

  /** Legal checks of a contract in its parcours, before saving (the form shows them as the user types). */
  check(input: ContratInput, today: string): ContratCheck {
    const p = this.row(input.parcoursId);
    const others = this.checkQueries.contractsOfParcours.all({ parcoursId: p.id }).filter((c) => c.id !== input.id);
    const autres: ContratDates[] = others.map((c) => ({ type: c.type as ContratType, dateDebut: c.dateDebut, dateFin: contractEnd(c) }));
    const pass = this.personnes.passOf(p.personneId, today, true).find((x) => x.dateDebut <= input.dateDebut && input.dateDebut <= x.finCalculee) ?? null;
    return checkContrat(
      { type: input.type, dateDebut: input.dateDebut, dateFin: contractEnd(input), dateFinPrevue: input.dateFinPrevue, heuresHebdo: input.heuresHebdo, derogations: input.derogations },
      {
        dispositif: p.dispositif as SiaeKind,
        autres,
        pass: pass && { dateDebut: pass.dateDebut, finCalculee: pass.finCalculee },
        finExperimentationEiti: this.parametres.valueAt('fin_experimentation_eiti', input.dateDebut),
        derogationsAutres: others.map((c) => ({ dateDebut: c.dateDebut, derogations: JSON.parse(c.derogations) as Derogation[] })),
        bilans: this.checkQueries.bilanDates.all(p.id) as string[],
        ...(input.type === 'CDI_INCLUSION' ? this.cdiInclusionContext(p, input) : {}),
      },
    );
  }

  /** What the CDI inclusion conditions need: age, parcours start, and in ACI the share of such contracts. */
  private cdiInclusionContext(p: { personneId: string; dateDebut: string | null; dispositif: string }, input: ContratInput): Partial<Pick<ContratContext, 'dateNaissance' | 'debutParcours' | 'cdiInclusionAci'>> {
    const dateNaissance = this.sqlite.prepare('select date_naissance from personnes where id = ?').pluck().get(p.personneId) as string;
    if (p.dispositif !== 'ACI') return { dateNaissance, debutParcours: p.dateDebut, cdiInclusionAci: undefined };
    const enCours = this.sqlite
      .prepare(
        `select count(*) from contrats c join parcours pa on pa.id = c.parcours_id
          where pa.dispositif = 'ACI' and c.type = 'CDI_INCLUSION' and c.date_debut <= ? and coalesce(c.date_fin_reelle, c.date_fin_prevue, '9999-12-31') >= ? and c.id is not ?`,
      )
      .pluck()
      .get(input.dateDebut, input.dateDebut, input.id ?? null) as number;
    // The cap is a share of the ETP conventionnés of the annexe financière in force on the contract's start.
    const etp = this.annexes.inForce('ACI', input.dateDebut)?.version.etpDixMilliemes ?? null;
    return { dateNaissance, debutParcours: p.dateDebut, cdiInclusionAci: { enCours, etpConventionnes: etp === null ? null : etp / 10_000 } };
  }

  saveContrat(input: ContratInput, today: string, now: Date): string {
    const p = this.row(input.parcoursId);
    if (p.dateSortie && input.dateDebut > p.dateSortie) {
      throw new AppError('VALIDATION', 'Ce parcours est terminé : un contrat qui commence après la sortie ouvre un nouveau parcours.', { dateDebut: 'Après la sortie du parcours.' });
    }
    const result = this.check(input, today);
    if (result.bloquants.length) throw new AppError('VALIDATION', result.bloquants.join(' '), { dateDebut: result.bloquants[0]! });
    if (input.id && this.contractParcours.get(input.id) !== p.id) throw notFound('Contrat');
    const id = this.recordContract({ ...input, avertissements: result.avertissements }, now);
    this.refreshStart(p.id, now);
    return id;
  }

  /**
   * The contract row itself, once checked: the form (saveContrat) and the import both write it here (issue 18 §1).
   * A field left `undefined` keeps what is stored (an import file without that column).
   */
  recordContract(c: RecordedContract, now: Date): string {
    const at = now.toISOString();
    const values = {
      parcoursId: c.parcoursId,
      type: c.type,
      dateDebut: c.dateDebut,
      dateFinPrevue: c.dateFinPrevue,
      heuresHebdo: c.heuresHebdo === null ? null : toCentiemes(c.heuresHebdo),
      dateFinReelle: c.dateFinReelle,
      derogations: c.derogations && JSON.stringify(c.derogations),
      avertissements: c.avertissements && JSON.stringify(c.avertissements),
      updatedAt: at,
    };
    if (c.id) {
      if (!this.contractWrites.updateById(c.id, values)) throw notFound('Contrat');
      return c.id;
    }
    const id = uuidv7(now.getTime());
    this.contractWrites.insert({ ...values, id, createdAt: at });
    return id;
  }

  /** The findings recorded on a contract (an imported one is checked once everything it depends on is written). */
  recordContractWarnings(id: string, avertissements: readonly string[], now: Date): void {
    this.contractWrites.updateById(id, { avertissements: JSON.stringify(avertissements), updatedAt: now.toISOString() });
  }

  /** Prepared once per set of columns (lib/prepared-write.ts): an import records thousands of contracts. */
  private readonly contractWrites: PreparedWrite<typeof contrats>;
  private readonly contractParcours: Database.Statement<[string], string>;

  /** The parcours starts on its first contract's start (after a contract is saved here or imported). */
  refreshStart(parcoursId: string, now: Date): void {
    this.exitStatements.start.run({ parcoursId, at: now.toISOString() });
  }

  /** Prepared once: the import and the demo record thousands of starts and exits (drizzle prepares at each call). */
  private get exitStatements() {
    this.preparedExit ??= {
      start: this.sqlite.prepare('update parcours set date_debut = (select min(date_debut) from contrats where parcours_id = @parcoursId), updated_at = @at where id = @parcoursId'),
      exit: this.sqlite.prepare('update parcours set date_sortie = ?, motif_sortie = ?, updated_at = ? where id = ?'),
      contracts: this.sqlite.prepare('select id, date_fin_prevue as dateFinPrevue, date_fin_reelle as dateFinReelle from contrats where parcours_id = ?'),
      endContract: this.sqlite.prepare('update contrats set date_fin_reelle = ?, updated_at = ? where id = ?'),
    };
    return this.preparedExit;
  }

  private preparedExit?: Record<'start' | 'exit' | 'contracts' | 'endContract', Database.Statement>;

  saveSortie(input: z.output<typeof sortieInputSchema>, now: Date): string {
    const p = this.row(input.parcoursId);
    if (!p.dateDebut) throw new AppError('VALIDATION', 'Ce parcours n’a pas encore de contrat : il ne peut pas avoir de sortie.');
    if (input.dateSortie < p.dateDebut) {
      throw new AppError('VALIDATION', 'La sortie ne peut pas précéder le début du parcours.', { dateSortie: 'Avant le début du parcours.' });
    }
    const later = this.db.select().from(contrats).where(eq(contrats.parcoursId, p.id)).all().filter((c) => c.dateDebut > input.dateSortie);
    if (later.length) throw new AppError('VALIDATION', 'Un contrat de ce parcours commence après cette date de sortie.', { dateSortie: 'Un contrat commence après.' });
    const running = this.db.select().from(contrats).where(eq(contrats.parcoursId, p.id)).all().map((c) => ({ dateDebut: c.dateDebut, dateFin: contractEnd(c), label: `Le ${CONTRAT_TYPES[c.type as ContratType]}` }));
    // A future exit, or one that ends a contract early, is said and confirmed (issue 14 §4).
    assertPlausible(exitWarnings(input.dateSortie, toIsoDate(now), running).map((w) => ['dateSortie', w] as const), input.confirme, 'la sortie');
    this.recordExit(p.id, input.dateSortie, input.motif, now);
    return p.personneId;
  }

  /**
   * The exit itself and what it does, once checked: the form above and the import both record it here (issue 18 §1).
   * Leaving the parcours ends the contracts still running that day.
   */
  recordExit(parcoursId: string, dateSortie: string, motif: MotifSortie, now: Date): void {
    const at = now.toISOString();
    const { exit, contracts, endContract } = this.exitStatements;
    exit.run(dateSortie, motif, at, parcoursId);
    for (const c of contracts.all(parcoursId) as Array<{ id: string; dateFinPrevue: string | null; dateFinReelle: string | null }>) {
      const end = contractEnd(c);
      if (end === null || end > dateSortie) endContract.run(dateSortie, at, c.id);
    }
  }

  /** `sensibles`: whether the user may see health and justice support actions. */
  ofPersonne(personneId: string, today: string, sensibles: boolean): ParcoursView[] {
    const names = new Map(this.db.select({ id: users.id, displayName: users.displayName }).from(users).all().map((u) => [u.id, u.displayName]));
    return this.db
      .select()
      .from(parcours)
      .where(eq(parcours.personneId, personneId))
      .orderBy(desc(parcours.createdAt))
      .all()
      .map((p) => this.view(p, names, today, sensibles));
  }

  private view(p: ParcoursRow, names: Map<string, string>, today: string, sensibles: boolean): ParcoursView {
    const versions = this.accompagnement.cerOf(p.id);
    const bilanList = this.accompagnement.bilansOf(p.id, sensibles);
    const contracts = this.db.select().from(contrats).where(eq(contrats.parcoursId, p.id)).orderBy(asc(contrats.dateDebut)).all();
    const year = p.dateSortie?.slice(0, 4) ?? '0000';
    const hours = this.hoursOfParcours.get(`${year}-01-01`, `${year}-12-31`, p.id);
    const total = fromCentiemes(hours?.total ?? 0);
    const dispositif = p.dispositif as SiaeKind;
    const motif = p.motifSortie as MotifSortie | null;
    return {
      id: p.id,
      personneId: p.personneId,
      dispositif,
      dateDebut: p.dateDebut,
      referent: p.referentId ? { id: p.referentId, displayName: names.get(p.referentId) ?? 'Compte supprimé' } : null,
      contrats: contracts.map((c) => ({
        id: c.id,
        type: c.type as ContratType,
        dateDebut: c.dateDebut,
        dateFinPrevue: c.dateFinPrevue,
        dateFinReelle: c.dateFinReelle,
        heuresHebdo: c.heuresHebdo === null ? null : fromCentiemes(c.heuresHebdo),
        derogations: withholdUnlessSensitive(JSON.parse(c.derogations) as Derogation[], sensibles),
        avertissements: JSON.parse(c.avertissements) as string[],
        heures: fromCentiemes(this.hoursOfContract.get(c.id)?.total ?? 0),
      })),
      heuresTotales: total,
      sortie:
        p.dateSortie && motif && p.dateDebut
          ? {
              date: p.dateSortie,
              motif: withholdUnlessSensitive(motif, sensibles),
              categorie: exitCategory(motif, this.parametres.valueAt('mapping_sorties', p.dateSortie)),
              comptee: isExitCounted(
                { dispositif, parcoursDebut: p.dateDebut, dateSortie: p.dateSortie, heuresAnneeSortie: fromCentiemes(hours?.annee ?? 0), heuresTotales: total },
                { moisAciEi: this.parametres.valueAt('seuil_sortie_aci_ei_mois', p.dateSortie), heuresAiEtti: this.parametres.valueAt('seuil_sortie_ai_etti_heures', p.dateSortie) },
              ),
            }
          : null,
      cer: versions,
      bilans: bilanList,
      echeances: this.accompagnement.echeances(p, versions, bilanList.map((b) => b.date), today),
      ...this.actions.ofParcours(p.id, sensibles),
    };
  }
}
