/**
 * The services of an open database, built once per opening: what every route handler reaches through `ctx.open`.
 * The database's lifecycle (keys, opening, restores, backups) is AppRuntime's (app-runtime.ts).
 */
import { MemberRegistry } from './services/federation/member-registry';
import { ReperesService } from './services/federation/reperes';
import type { OpenedDatabase, Db } from '../db/client';
import type { Clock } from './lib/clock';
import { AuditLog } from './services/audit/audit-log';
import { SessionStore } from './services/auth/sessions';
import { UsersService } from './services/auth/users-service';
import { SecuritySettingsService } from './services/settings/security-settings';
import { hasStructure } from './services/structure/structure-service';
import { PersonnesService } from './services/personnes/personnes-service';
import { AccueilService } from './services/accueil/accueil-service';
import { DiagnosticService } from './services/accueil/diagnostic-service';
import { PassService } from './services/pass/pass-service';
import { HeuresService } from './services/insertion/heures-service';
import { ParametresService } from './services/insertion/parametres-service';
import { ParcoursService } from './services/insertion/parcours-service';
import { AccompagnementService } from './services/insertion/accompagnement-service';
import { DueWorkService } from './services/insertion/due-work-service';
import { ActionsService } from './services/insertion/actions-service';
import { ClientsService } from './services/insertion/clients-service';
import { ImportService } from './services/import/import-service';
import { IndicatorsService } from './services/observatoire/indicators-service';
import { AnnexesFinancieresService } from './services/structure/annexes-service';
import { FicheSalarieService } from './services/insertion/fiche-salarie-service';
import { EtatMensuelService } from './services/insertion/etat-mensuel-service';
import { AnnualReportService } from './services/observatoire/annual-report';
import { DataKeyProtector } from './services/observatoire/key-protector';
import { SigningKeyService } from './services/observatoire/signing-keys';
import { DrillDownService } from './services/observatoire/drill-down';
import { ExternalCopyService } from './services/system/external-copy';
import { AuditJournalService } from './services/audit/audit-journal';
import { RetentionService } from './services/rgpd/retention-service';
import { RgpdRequestsService } from './services/rgpd/requests-register';
import { QualityRegistersService } from './services/qualite/quality-registers';
import { RegisterStore } from './services/qualite/register-store';
import { SelfAssessmentService } from './services/qualite/self-assessment';
import { QuestionnairesService } from './services/qualite/questionnaires';
import { ManualFilesService } from './services/qualite/manual-files';

export class OpenRuntime {
  readonly db: Db;
  readonly sessions: SessionStore;
  readonly audit: AuditLog;
  readonly users: UsersService;
  readonly security: SecuritySettingsService;
  readonly personnes: PersonnesService;
  readonly accueils: AccueilService;
  readonly diagnostic: DiagnosticService;
  readonly pass: PassService;
  readonly parametres: ParametresService;
  readonly parcours: ParcoursService;
  readonly heures: HeuresService;
  readonly clients: ClientsService;
  readonly accompagnement: AccompagnementService;
  readonly dueWork: DueWorkService;
  readonly actions: ActionsService;
  readonly imports: ImportService;
  readonly indicators: IndicatorsService;
  readonly annexes: AnnexesFinancieresService;
  readonly fiches: FicheSalarieService;
  readonly etatMensuel: EtatMensuelService;
  readonly signingKeys: SigningKeyService;
  readonly members: MemberRegistry;
  readonly reperes: ReperesService;
  readonly reports: AnnualReportService;
  readonly drillDown: DrillDownService;
  readonly externalCopy: ExternalCopyService;
  readonly auditJournal: AuditJournalService;
  readonly retention: RetentionService;
  readonly rgpdRequests: RgpdRequestsService;
  readonly quality: QualityRegistersService;
  readonly registers: RegisterStore;
  readonly selfAssessment: SelfAssessmentService;
  readonly questionnaires: QuestionnairesService;
  readonly manualFiles: ManualFilesService;
  private setUp: boolean;

  constructor(
    readonly opened: OpenedDatabase,
    clock: Clock,
    dataKey: Buffer,
  ) {
    this.db = opened.db;
    this.sessions = new SessionStore(clock);
    this.audit = new AuditLog(opened.sqlite);
    this.users = new UsersService(opened.db);
    this.security = new SecuritySettingsService(opened.db);
    this.parametres = new ParametresService(opened.sqlite);
    this.personnes = new PersonnesService(opened.db, opened.sqlite, this.parametres);
    this.accueils = new AccueilService(opened.db, opened.sqlite);
    this.diagnostic = new DiagnosticService(opened.db, opened.sqlite);
    this.pass = new PassService(opened.db, opened.sqlite);
    this.accompagnement = new AccompagnementService(opened.db, this.parametres, opened.sqlite);
    this.dueWork = new DueWorkService(opened.sqlite, this.parametres);
    this.actions = new ActionsService(opened.db, opened.sqlite);
    this.annexes = new AnnexesFinancieresService(opened.sqlite, this.parametres);
    this.fiches = new FicheSalarieService(opened.sqlite);
    this.parcours = new ParcoursService(opened.db, opened.sqlite, this.personnes, this.parametres, this.accompagnement, this.actions, this.annexes, this.fiches);
    this.heures = new HeuresService(opened.db, opened.sqlite, this.parametres);
    this.etatMensuel = new EtatMensuelService(opened.sqlite, this.annexes, this.heures);
    this.clients = new ClientsService(opened.db);
    this.imports = new ImportService(opened.sqlite, this.audit, { contracts: this.parcours, personnes: this.personnes, parcours: this.parcours, heures: this.heures, pass: this.pass, accueils: this.accueils, diagnostic: this.diagnostic });
    this.indicators = new IndicatorsService(opened.sqlite, this.parametres, this.annexes);
    this.signingKeys = new SigningKeyService(opened.sqlite, new DataKeyProtector(dataKey));
    this.members = new MemberRegistry(opened.sqlite);
    this.reperes = new ReperesService(opened.sqlite);
    this.reports = new AnnualReportService(opened.db, opened.sqlite, this.indicators, this.signingKeys, this.annexes);
    this.drillDown = new DrillDownService(opened.sqlite, this.indicators);
    this.externalCopy = new ExternalCopyService(opened.sqlite);
    this.auditJournal = new AuditJournalService(opened.sqlite, this.audit);
    this.retention = new RetentionService(opened.sqlite, this.audit);
    this.rgpdRequests = new RgpdRequestsService(opened.sqlite, this.audit);
    this.quality = new QualityRegistersService(opened.sqlite);
    this.registers = new RegisterStore(opened.sqlite);
    this.selfAssessment = new SelfAssessmentService(opened.sqlite, this.indicators);
    this.questionnaires = new QuestionnairesService(opened.sqlite);
    this.manualFiles = new ManualFilesService(opened.sqlite);
    // Set up once the structure exists and has an account: an import into a new file creates only the structure.
    this.setUp = hasStructure(opened.db) && opened.sqlite.prepare('select 1 from users limit 1').get() !== undefined;
  }

  get sqlite() {
    return this.opened.sqlite;
  }

  isSetUp(): boolean {
    return this.setUp;
  }

  markSetUp(): void {
    this.setUp = true;
  }

  /** One transaction; nested calls become savepoints. In-memory caches are dropped if it rolls back. */
  transaction<T>(work: () => T): T {
    const wasSetUp = this.setUp;
    const outermost = !this.opened.sqlite.inTransaction;
    if (outermost) this.indicators.cache.transactionStarted();
    try {
      const result = this.opened.sqlite.transaction(work)();
      if (outermost) this.indicators.cache.transactionEnded(true);
      return result;
    } catch (err) {
      this.setUp = wasSetUp;
      this.security.invalidate();
      if (outermost) this.indicators.cache.transactionEnded(false);
      throw err;
    }
  }

  close(): void {
    if (this.opened.sqlite.open) this.opened.sqlite.close();
  }
}
