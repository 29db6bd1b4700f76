/**
 * The running application around one database file: opens it (or records why it cannot), builds the services,
 * and knows its state: `setup` (no structure yet), `ready`, or `damaged` (the file cannot be opened; the only way
 * forward is restoring a backup). Both transports and the CLI start from here.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { DatabaseDamagedError, openDatabase, type Db, type OpenedDatabase } from '../db/client';
import { createBackup, listBackups, pruneBackups, restoreBackupFile, RESTORE_SUFFIX, type BackupFile } from '../db/backup';
import type { BackupSummary, SystemStatus } from '../src-shared/views';
import { AppError } from '../src-shared/errors';
import type { AppPaths } from './app-paths';
import { systemClock, type Clock } from './lib/clock';
import { AuditLog } from './services/audit/audit-log';
import { SessionStore } from './services/auth/sessions';
import { UsersService } from './services/auth/users-service';
import { SecuritySettingsService } from './services/settings/security-settings';
import { getStructure, hasStructure } from './services/structure/structure-service';
import { PersonnesService } from './services/personnes/personnes-service';
import { AccueilService } from './services/accueil/accueil-service';
import { DiagnosticService } from './services/accueil/diagnostic-service';
import { PassService } from './services/pass/pass-service';
import { HeuresService } from './services/insertion/heures-service';
import { ParametresService } from './services/insertion/parametres-service';
import { ParcoursService } from './services/insertion/parcours-service';
import { ClientsService } from './services/insertion/clients-service';
import { AccompagnementService } from './services/insertion/accompagnement-service';
import { DueWorkService } from './services/insertion/due-work-service';
import { ActionsService } from './services/insertion/actions-service';
import { ImportService } from './services/import/import-service';
import { IndicatorsService } from './services/observatoire/indicators-service';
import { AnnualReportService } from './services/observatoire/annual-report';
import { FileKeyProtector } from './services/observatoire/key-protector';
import { SigningKeyService } from './services/observatoire/signing-keys';
import { DrillDownService } from './services/observatoire/drill-down';
import { ExternalCopyService } from './services/system/external-copy';
import { AuditJournalService } from './services/audit/audit-journal';
import { RetentionService } from './services/rgpd/retention-service';
import { QualityRegistersService } from './services/qualite/quality-registers';
import type { AppStateKind } from './router';
import { APP_VERSION } from './version';

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
  readonly signingKeys: SigningKeyService;
  readonly reports: AnnualReportService;
  readonly drillDown: DrillDownService;
  readonly externalCopy: ExternalCopyService;
  readonly auditJournal: AuditJournalService;
  readonly retention: RetentionService;
  readonly quality: QualityRegistersService;
  private setUp: boolean;

  constructor(
    readonly opened: OpenedDatabase,
    clock: Clock,
    dataDir: string,
  ) {
    this.db = opened.db;
    this.sessions = new SessionStore(clock);
    this.audit = new AuditLog(opened.sqlite);
    this.users = new UsersService(opened.db);
    this.security = new SecuritySettingsService(opened.db);
    this.personnes = new PersonnesService(opened.db, opened.sqlite);
    this.accueils = new AccueilService(opened.db, opened.sqlite);
    this.diagnostic = new DiagnosticService(opened.db);
    this.pass = new PassService(opened.db, opened.sqlite);
    this.parametres = new ParametresService(opened.sqlite);
    this.accompagnement = new AccompagnementService(opened.db, this.parametres);
    this.dueWork = new DueWorkService(opened.sqlite, this.parametres);
    this.actions = new ActionsService(opened.db);
    this.parcours = new ParcoursService(opened.db, opened.sqlite, this.personnes, this.parametres, this.accompagnement, this.actions);
    this.heures = new HeuresService(opened.db, opened.sqlite, this.parametres);
    this.clients = new ClientsService(opened.db);
    this.imports = new ImportService(opened.sqlite, this.audit);
    this.indicators = new IndicatorsService(opened.sqlite, this.parametres);
    this.signingKeys = new SigningKeyService(opened.sqlite, new FileKeyProtector(dataDir));
    this.reports = new AnnualReportService(opened.db, opened.sqlite, this.indicators, this.signingKeys);
    this.drillDown = new DrillDownService(opened.sqlite, this.indicators);
    this.externalCopy = new ExternalCopyService(opened.sqlite);
    this.auditJournal = new AuditJournalService(opened.sqlite, this.audit);
    this.retention = new RetentionService(opened.sqlite, this.audit);
    this.quality = new QualityRegistersService(opened.sqlite);
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
    try {
      return this.opened.sqlite.transaction(work)();
    } catch (err) {
      this.setUp = wasSetUp;
      this.security.invalidate();
      throw err;
    }
  }

  close(): void {
    if (this.opened.sqlite.open) this.opened.sqlite.close();
  }
}

function summary(b: BackupFile | undefined): BackupSummary | null {
  return b ? { file: b.file, createdAt: b.createdAt, sizeBytes: b.sizeBytes } : null;
}

export class AppRuntime {
  private open: OpenRuntime | null = null;
  private damage: DatabaseDamagedError | null = null;

  private constructor(
    readonly paths: AppPaths,
    readonly clock: Clock,
  ) {}

  static async start(paths: AppPaths, clock: Clock = systemClock): Promise<AppRuntime> {
    const runtime = new AppRuntime(paths, clock);
    await runtime.openDatabase();
    return runtime;
  }

  private async openDatabase(): Promise<void> {
    mkdirSync(this.paths.dataDir, { recursive: true });
    // What a restore killed before its final rename left beside the database (db/backup.ts).
    rmSync(this.paths.dbFile + RESTORE_SUFFIX, { force: true });
    try {
      const opened = await openDatabase({
        file: this.paths.dbFile,
        migrationsFolder: this.paths.migrationsFolder,
        backupDir: this.paths.backupDir,
      });
      this.open = new OpenRuntime(opened, this.clock, this.paths.dataDir);
      this.damage = null;
    } catch (err) {
      if (!(err instanceof DatabaseDamagedError)) throw err;
      this.open = null;
      this.damage = err;
    }
  }

  stateKind(): AppStateKind {
    if (!this.open) return 'damaged';
    return this.open.isSetUp() ? 'ready' : 'setup';
  }

  openOrNull(): OpenRuntime | null {
    return this.open;
  }

  status(): SystemStatus {
    const state = this.stateKind();
    if (state === 'damaged') {
      return {
        state,
        appVersion: APP_VERSION,
        message: this.damage?.message ?? 'La base de données ne peut pas être ouverte.',
        latestBackup: summary(listBackups(this.paths.backupDir)[0]),
      };
    }
    if (state === 'setup') return { state, appVersion: APP_VERSION, structure: hasStructure(this.open!.db) ? getStructure(this.open!.db) : null };
    const demonstration = this.open!.sqlite.prepare("select 1 from settings where key = 'demonstration' and value = 'true'").get() !== undefined;
    return { state, appVersion: APP_VERSION, structureName: getStructure(this.open!.db).nom, demonstration };
  }

  /** The backups of this database, newest first. */
  backups(): BackupFile[] {
    return listBackups(this.paths.backupDir);
  }

  /**
   * Puts a chosen backup in place of the current database: a backup of the current state first, then the restore,
   * then the same opening checks as at start-up. Every session ends (the users log in again).
   */
  async restoreBackup(file: string): Promise<{ restored: BackupFile; safety: BackupFile | null }> {
    const chosen = listBackups(this.paths.backupDir).find((b) => b.file === file);
    if (!chosen) throw new AppError('NOT_FOUND', 'Cette sauvegarde n’existe plus dans le dossier des sauvegardes.');
    const safety = this.open ? await createBackup(this.open.sqlite, this.paths.backupDir, 'avant-restauration', this.clock.now()) : null;
    this.open?.close();
    this.open = null;
    restoreBackupFile(this.paths.dbFile, chosen.path, this.clock.now());
    await this.openDatabase();
    if (!this.open) throw new AppError('UNAVAILABLE', `La sauvegarde du ${chosen.createdAt} ne s'ouvre pas : restaurez-en une autre.`);
    return { restored: chosen, safety };
  }

  /**
   * Puts the latest backup in place of the current file. The current file is kept beside it, renamed; nothing is
   * deleted. Then the database is reopened and checked like at start-up.
   */
  async restoreLatestBackup(): Promise<{ restored: BackupFile; keptAs: string | null }> {
    const latest = listBackups(this.paths.backupDir)[0];
    if (!latest) throw new AppError('NOT_FOUND', "Aucune sauvegarde n'a été trouvée dans le dossier des sauvegardes.");
    this.open?.close();
    this.open = null;
    const keptAs = restoreBackupFile(this.paths.dbFile, latest.path, this.clock.now());
    await this.openDatabase();
    if (!this.open) {
      throw new AppError('UNAVAILABLE', `La sauvegarde du ${latest.createdAt} ne s'ouvre pas non plus : contactez votre support.`);
    }
    return { restored: latest, keptAs };
  }

  /**
   * Takes a backup when the latest is more than a day old (or there is none yet), then applies the retention policy.
   * Called after start-up without being awaited, so it never delays the first screen.
   */
  async backupIfDue(): Promise<BackupFile | null> {
    if (!this.open?.isSetUp()) return null;
    const latest = listBackups(this.paths.backupDir)[0];
    const now = this.clock.now();
    if (latest && now.getTime() - new Date(latest.createdAt).getTime() < 24 * 3_600_000) return null;
    return this.backup('quotidienne');
  }

  /** A fresh verified backup copied to the chosen folder (a USB key); the attempt is recorded either way. */
  async copyToExternal(folder: string | null = null): Promise<string> {
    if (!this.open) throw new AppError('UNAVAILABLE', 'La base de données n’est pas ouverte.');
    const made = await this.backup('copie');
    return this.open.externalCopy.copy(made!, this.clock.now(), folder);
  }

  /** The audit log keeps its retention period: the oldest entries go at start-up, in one audited transaction. */
  purgeAuditLog(): number {
    const open = this.open;
    if (!open?.isSetUp()) return 0;
    return open.transaction(() => open.auditJournal.purge(this.clock.now()));
  }

  /** The scheduled copy, when one is due; an absent key is recorded for the backups screen, never thrown. */
  async externalCopyIfDue(): Promise<string | null> {
    if (!this.open?.isSetUp() || !this.open.externalCopy.isDue(this.clock.now())) return null;
    try {
      return await this.copyToExternal();
    } catch {
      return null;
    }
  }

  /** A verified backup now (reasons: quotidienne, fermeture, manuelle…), then the retention policy. */
  async backup(reason: string): Promise<BackupFile | null> {
    if (!this.open) return null;
    const now = this.clock.now();
    const made = await createBackup(this.open.sqlite, this.paths.backupDir, reason, now);
    pruneBackups(this.paths.backupDir, now);
    return made;
  }

  close(): void {
    this.open?.close();
    this.open = null;
  }
}
