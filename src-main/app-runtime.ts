/**
 * The running application around one database file: unlocks its data key, opens it (or records why it cannot),
 * builds the services (open-runtime.ts), and knows its state: `locked` (the key needs the recovery key), `setup` (no
 * structure yet), `ready`, or `damaged` (the file cannot be opened; the way forward is restoring a backup). Both
 * transports and the CLI start from here.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { anchorFilesIn, checkAnchors, signAnchor, writeAnchorBeside } from './services/audit/audit-anchors';
import { DatabaseDamagedError, openDatabase } from '../db/client';
import { createBackup, listBackups, pruneBackups, removePartialBackups, removeRestoreLeftovers, restoreBackupFile, verifyBackup, type BackupFile } from '../db/backup';
import type { BackupSummary, SystemStatus } from '../src-shared/views';
import { AppError } from '../src-shared/errors';
import type { AppPaths } from './app-paths';
import { systemClock, type Clock } from './lib/clock';
import type { AppStateKind } from './router';
import { DataKeyProtector, rewrapLegacySigningKeys } from './services/observatoire/key-protector';
import { getStructure, hasStructure } from './services/structure/structure-service';
import { APP_VERSION } from './version';
import { databaseFileState, ENCRYPTING_SUFFIX, setBackupKeyFile } from '../db/encryption';
import { DataKeyManager, RecoveryKeyError, type UnlockedKey } from './security/data-key-manager';
import { backupKeyFileFor, KeyringUnreadableError, type BackupKeyFile, type Keyring } from './security/keyring';
import { DevKeyFileGuard, type OsKeyGuard } from './security/os-key-guard';
import { encryptExistingData, type EncryptionMigration } from './security/encrypt-existing-data';
import { OpenRuntime } from './open-runtime';

export { OpenRuntime };

function summary(b: BackupFile | undefined): BackupSummary | null {
  return b ? { file: b.file, createdAt: b.createdAt, sizeBytes: b.sizeBytes } : null;
}

/** Where a multi-step operation stands (label, steps done, steps in all), for the screen's progress bar. */
export type StepReporter = (label: string, done: number, total: number) => void;

const RESTORE_STEPS = 4;

/** Name of a backup file received for a restore (system.restoreFromFile), written in the data folder meanwhile. */
export const RECEIVED_BACKUP_PREFIX = '.sauvegarde-recue-';

/** Where the anchors of a journal abandoned by a restore are kept, beside the backups (not checked any more). */
export const ABANDONED_ANCHORS_DIR = 'ancres-avant-restauration';

export interface RuntimeOptions {
  /**
   * What keeps the data key on this PC. Default: the development key file (browser mode, command line, tests); the
   * desktop app passes safeStorage; null: nothing is kept, the recovery key is needed at each start.
   */
  guard?: OsKeyGuard | null;
  /** CEDRE_RECOVERY_KEY, or a key typed on a new PC: unlocks without the guard. */
  recoveryKey?: string | null;
  /** The long steps of a start (encrypting a base made before encryption existed), as they happen. */
  onStartupStep?: StepReporter;
}

/** The browser mode's and command line's guard: none when CEDRE_RECOVERY_KEY is given, else the development key file. */
export function guardFromEnvironment(dataDir: string, env: Record<string, string | undefined> = process.env): OsKeyGuard | null {
  return env.CEDRE_RECOVERY_KEY ? null : new DevKeyFileGuard(dataDir);
}

/**
 * Where the runtime stands, one state at a time (issue 18 §5): `closed` (before opening, during a restore, after
 * closing), `locked` (the data key needs the recovery key; the keyring, when readable, waits for it), `damaged` (the
 * file cannot be opened; restoring a backup is the way forward), `open` (its services; the screens' `setup` or
 * `ready` depending on whether a structure exists).
 */
type RuntimeState =
  | { kind: 'closed' }
  | { kind: 'locked'; message: string; keyring: Keyring | null }
  | { kind: 'damaged'; error: DatabaseDamagedError }
  | { kind: 'open'; runtime: OpenRuntime };

const CLOSED: RuntimeState = { kind: 'closed' };

export class AppRuntime {
  private state: RuntimeState = CLOSED;
  private unlocked: UnlockedKey | null = null;
  /**
   * The recovery key made during this run (a new installation, a sheet asked for, a replaced key): in memory only,
   * shown to the administrator until confirmed. After a restart it is gone, but the key it made still opens the data:
   * a sheet printed before the restart can still be confirmed by typing it back.
   */
  private pendingRecoveryKey: string | null = null;
  /** What the last start-up encrypted, when it found clear data (shown once in the logs and the notes). */
  lastEncryptionMigration: EncryptionMigration | null = null;
  readonly keys: DataKeyManager;

  /** Told the long steps of opening (RuntimeOptions.onStartupStep); also when the recovery key unlocks later. */
  private onStartupStep: StepReporter = () => {};

  private constructor(
    readonly paths: AppPaths,
    readonly clock: Clock,
    guard: OsKeyGuard | null,
  ) {
    this.keys = new DataKeyManager(paths.dataDir, guard, () => clock.now());
  }

  static async start(paths: AppPaths, clock: Clock = systemClock, options: RuntimeOptions = {}): Promise<AppRuntime> {
    const runtime = new AppRuntime(paths, clock, options.guard === undefined ? new DevKeyFileGuard(paths.dataDir) : options.guard);
    runtime.onStartupStep = options.onStartupStep ?? (() => {});
    await runtime.openDatabase(options.recoveryKey ?? null);
    return runtime;
  }

  private async openDatabase(recoveryKey: string | null = null): Promise<void> {
    mkdirSync(this.paths.dataDir, { recursive: true });
    // What a restore or an encryption killed before its final rename left beside the database (db/backup.ts,
    // db/encryption.ts); the database itself is whole either way.
    removeRestoreLeftovers(this.paths.dbFile);
    for (const suffix of ['', '-journal']) rmSync(this.paths.dbFile + ENCRYPTING_SUFFIX + suffix, { force: true });
    removePartialBackups(this.paths.backupDir);
    // A backup received from the browser for a restore, left by a process killed during it (routes/system.ts).
    for (const f of readdirSync(this.paths.dataDir)) if (f.startsWith(RECEIVED_BACKUP_PREFIX)) rmSync(join(this.paths.dataDir, f), { force: true });
    this.closeDatabase();
    const unlocked = this.unlocked ?? (await this.obtainDataKey(recoveryKey));
    if (!unlocked) return;
    await this.openWithKey(unlocked);
  }

  /** The data key from the keyring (guard or recovery key), or a new one for a new installation; null when locked. */
  private async obtainDataKey(recoveryKey: string | null): Promise<UnlockedKey | null> {
    let keyring: Keyring | null;
    try {
      keyring = this.keys.keyring();
    } catch (err) {
      if (!(err instanceof KeyringUnreadableError)) throw err;
      this.state = { kind: 'locked', message: err.message, keyring: null };
      return null;
    }
    if (!keyring) {
      if (databaseFileState(this.paths.dbFile) !== 'encrypted') {
        const created = await this.keys.create();
        this.pendingRecoveryKey = created.recoveryKey;
        return (this.unlocked = created);
      }
      // The keyring is gone but the database is encrypted: the backups' key files hold the same envelope.
      const fromBackup = DataKeyManager.newestBackupKeyFile(this.paths.backupDir);
      if (!fromBackup) {
        // Unreadable and no key anywhere: damaged (or encrypted with a key that is lost). Kept as it is; a backup may replace it.
        this.state = { kind: 'damaged', error: new DatabaseDamagedError(this.paths.dbFile, 'fichier illisible, et aucun fichier de clé (cle-donnees.json) à côté') };
        return null;
      }
      keyring = DataKeyManager.keyringFromBackupKeyFile(fromBackup, this.clock.now());
    }
    if (recoveryKey) {
      try {
        return await this.adoptRecoveryKey(keyring, recoveryKey);
      } catch (err) {
        if (!(err instanceof RecoveryKeyError)) throw err;
        this.state = { kind: 'locked', message: `Clé de secours (CEDRE_RECOVERY_KEY) refusée : ${err.message}`, keyring };
        return null;
      }
    }
    const key = await this.keys.unlockWithGuard(keyring);
    if (!key) {
      this.state = {
        kind: 'locked',
        message: this.keys.guardKind
          ? 'Ce poste (ou ce compte) ne peut pas ouvrir les données tout seul : c’est le cas sur un nouvel ordinateur ou après une réinstallation. Saisissez la clé de secours de la structure.'
          : 'Les données sont chiffrées : saisissez la clé de secours de la structure (ou lancez avec la variable CEDRE_RECOVERY_KEY).',
        keyring,
      };
      return null;
    }
    // An unconfirmed sheet keeps its key across restarts: it may be printed already (recoveryKeyForSheet).
    return (this.unlocked = { key, keyring });
  }

  private async adoptRecoveryKey(keyring: Keyring, typed: string): Promise<UnlockedKey> {
    const key = DataKeyManager.unlockEnvelope(keyring, typed);
    const adopted = await this.keys.adopt(keyring, key, true);
    if (this.state.kind === 'locked') this.state = CLOSED;
    return (this.unlocked = { key, keyring: adopted });
  }

  private async openWithKey(unlocked: UnlockedKey): Promise<void> {
    try {
      this.lastEncryptionMigration = await encryptExistingData(this.paths, unlocked.key, unlocked.keyring, this.clock.now(), this.onStartupStep);
      const opened = await openDatabase({
        file: this.paths.dbFile,
        migrationsFolder: this.paths.migrationsFolder,
        backupDir: this.paths.backupDir,
        encryption: { key: unlocked.key, backupKeyFile: backupKeyFileFor(unlocked.keyring) },
      });
      rewrapLegacySigningKeys(opened.sqlite, this.paths.dataDir, new DataKeyProtector(unlocked.key));
      this.state = { kind: 'open', runtime: new OpenRuntime(opened, this.clock, unlocked.key) };
    } catch (err) {
      if (!(err instanceof DatabaseDamagedError)) throw err;
      this.state = { kind: 'damaged', error: err };
    }
  }

  /** The unlock screen: a typed recovery key opens the data and is adopted by this PC's guard. */
  async unlockWithRecoveryKey(typed: string): Promise<void> {
    const keyring = this.state.kind === 'locked' ? this.state.keyring : null;
    if (!keyring) throw new AppError('CONFLICT', 'Les données ne sont pas verrouillées par une clé de secours.');
    try {
      await this.openWithKey(await this.adoptRecoveryKey(keyring, typed));
    } catch (err) {
      if (err instanceof RecoveryKeyError) throw new AppError('VALIDATION', err.message, { cle: err.message });
      throw err;
    }
  }

  /** The state and the key guard's warning, as start-up prints them (browser mode) and the data worker reports them. */
  startupStatus(): { state: AppStateKind; guardWarning: string | null } {
    return { state: this.stateKind(), guardWarning: this.openOrNull() ? this.encryptionStatus().guardWarning : null };
  }

  stateKind(): AppStateKind {
    switch (this.state.kind) {
      case 'locked':
        return 'locked';
      case 'open':
        return this.state.runtime.isSetUp() ? 'ready' : 'setup';
      // Closed between a failed restore and the next opening: nothing can be read, as when damaged.
      case 'closed':
      case 'damaged':
        return 'damaged';
    }
  }

  openOrNull(): OpenRuntime | null {
    return this.open;
  }

  /** The open database's services, in the `open` state only. */
  private get open(): OpenRuntime | null {
    return this.state.kind === 'open' ? this.state.runtime : null;
  }

  /** Closes the database if it is open; a locked or damaged state stays as it is. */
  private closeDatabase(): void {
    if (this.state.kind !== 'open') return;
    this.state.runtime.close();
    this.state = CLOSED;
  }

  status(): SystemStatus {
    const state = this.state;
    if (state.kind === 'locked') return { state: 'locked', appVersion: APP_VERSION, message: state.message, canUnlock: state.keyring !== null };
    if (state.kind !== 'open') {
      return {
        state: 'damaged',
        appVersion: APP_VERSION,
        message: state.kind === 'damaged' ? state.error.message : 'La base de données ne peut pas être ouverte.',
        latestBackup: summary(listBackups(this.paths.backupDir)[0]),
      };
    }
    const { db, sqlite } = state.runtime;
    if (!state.runtime.isSetUp()) return { state: 'setup', appVersion: APP_VERSION, structure: hasStructure(db) ? getStructure(db) : null };
    const demonstration = sqlite.prepare("select 1 from settings where key = 'demonstration' and value = 'true'").get() !== undefined;
    return { state: 'ready', appVersion: APP_VERSION, structureName: getStructure(db).nom, demonstration };
  }

  /** The recovery key made during this run and not yet confirmed, if any. */
  recoveryKeyToPrint(): string | null {
    return this.pendingRecoveryKey;
  }

  /** Whether the recovery sheet still has to be printed and confirmed. */
  recoverySheetPending(): boolean {
    return this.unlocked !== null && !this.unlocked.keyring.recoverySheetConfirmedAt;
  }

  /**
   * The key to print on the sheet (administrators only, routes/securite.ts): the one made during this run, else a new
   * one — the key made before a restart is not kept anywhere, so it cannot be shown again; the new one replaces it
   * (a sheet printed with it then stops opening the data, which the screen says before).
   */
  recoveryKeyForSheet(): string | null {
    if (!this.recoverySheetPending()) return null;
    if (!this.pendingRecoveryKey) this.replaceRecoveryKey();
    return this.pendingRecoveryKey;
  }

  encryptionStatus(): { keyId: string; cipher: string; guard: OsKeyGuard['kind'] | null; guardWarning: string | null; sheetConfirmedAt: string | null; sheetPending: boolean; sheetKeyInMemory: boolean } {
    const keyring = this.unlocked!.keyring;
    return {
      keyId: keyring.keyId,
      cipher: keyring.cipher,
      guard: keyring.os?.kind ?? null,
      guardWarning: keyring.os ? this.keys.guardWarning : null,
      sheetConfirmedAt: keyring.recoverySheetConfirmedAt,
      sheetPending: !keyring.recoverySheetConfirmedAt,
      sheetKeyInMemory: this.pendingRecoveryKey !== null,
    };
  }

  /**
   * The administrator retyped the key from the printed sheet (printed during this run or before a restart): it is
   * the one that opens the data, so the sheet is confirmed and the in-memory copy dropped.
   */
  confirmRecoverySheet(typed: string): void {
    if (!this.recoverySheetPending()) throw new AppError('CONFLICT', 'Aucune feuille de clé de secours n’attend de confirmation.');
    try {
      this.unlocked = { ...this.unlocked!, keyring: this.keys.confirmRecoverySheet(this.unlocked!.keyring, typed) };
    } catch (err) {
      if (err instanceof RecoveryKeyError) throw new AppError('VALIDATION', err.message, { cle: err.message });
      throw err;
    }
    this.pendingRecoveryKey = null;
  }

  /** A lost or compromised sheet: a new recovery key (the old one stops opening this installation and its backups here). */
  replaceRecoveryKey(): void {
    const replaced = this.keys.replaceRecoveryKey(this.unlocked!, this.paths.backupDir);
    this.unlocked = { ...this.unlocked!, keyring: replaced.keyring };
    this.pendingRecoveryKey = replaced.recoveryKey;
    if (this.open) setBackupKeyFile(this.open.sqlite, backupKeyFileFor(replaced.keyring));
  }

  /** The backups of this database, newest first. */
  backups(): BackupFile[] {
    return listBackups(this.paths.backupDir);
  }

  /**
   * Puts a chosen backup in place of the current database: a backup of the current state first, then the restore,
   * then the same opening checks as at start-up. Every session ends (the users log in again).
   */
  async restoreBackup(file: string, onStep: StepReporter = () => {}): Promise<{ restored: BackupFile; safety: BackupFile | null }> {
    const chosen = listBackups(this.paths.backupDir).find((b) => b.file === file);
    if (!chosen) throw new AppError('NOT_FOUND', 'Cette sauvegarde n’existe plus dans le dossier des sauvegardes.');
    // Checked before anything is closed: a backup this installation's key does not open leaves the base as it was.
    onStep('Vérification de la sauvegarde', 0, RESTORE_STEPS);
    try {
      verifyBackup(chosen.path, this.unlocked?.key ?? null);
    } catch (err) {
      throw new AppError('VALIDATION', `${(err as Error).message} Rien n’a été modifié.`);
    }
    onStep('Sauvegarde de l’état actuel', 1, RESTORE_STEPS);
    const safety = this.open ? await createBackup(this.open.sqlite, this.paths.backupDir, 'avant-restauration', this.clock.now()) : null;
    onStep('Remplacement de la base', 2, RESTORE_STEPS);
    this.closeDatabase();
    restoreBackupFile(this.paths.dbFile, chosen.path, this.clock.now(), this.unlocked?.key ?? null);
    onStep('Réouverture et contrôles', 3, RESTORE_STEPS);
    await this.openDatabase();
    if (!this.open) throw new AppError('UNAVAILABLE', `La sauvegarde du ${chosen.createdAt} ne s'ouvre pas : restaurez-en une autre.`);
    await this.setAsideAnchorsOfAbandonedJournal();
    onStep('Terminé', RESTORE_STEPS, RESTORE_STEPS);
    return { restored: chosen, safety };
  }

  /**
   * Puts the latest backup in place of the current file. The current file is kept beside it, renamed; nothing is
   * deleted. Then the database is reopened and checked like at start-up.
   */
  async restoreLatestBackup(): Promise<{ restored: BackupFile; keptAs: string | null }> {
    const latest = listBackups(this.paths.backupDir)[0];
    if (!latest) throw new AppError('NOT_FOUND', "Aucune sauvegarde n'a été trouvée dans le dossier des sauvegardes.");
    this.closeDatabase();
    const keptAs = restoreBackupFile(this.paths.dbFile, latest.path, this.clock.now(), this.unlocked?.key ?? null);
    await this.openDatabase();
    if (!this.open) {
      throw new AppError('UNAVAILABLE', `La sauvegarde du ${latest.createdAt} ne s'ouvre pas non plus : contactez votre support.`);
    }
    await this.setAsideAnchorsOfAbandonedJournal();
    return { restored: latest, keptAs };
  }

  /**
   * A backup file from anywhere (a USB key, another PC), with its key file when it is encrypted. From this
   * installation, its key opens it; from another one, the recovery key typed opens it and its data key becomes this
   * installation's (the keyring is rebuilt and adopted by this PC). A clear backup (before encryption) needs no key
   * and is encrypted when reopened. Checked before anything is replaced; the current database is backed up first
   * when it can be read, and kept aside in any case.
   */
  async restoreFromFile(backupPath: string, keyFile: BackupKeyFile | null, typedRecoveryKey: string | null): Promise<{ keptAs: string | null }> {
    let key: Buffer | null = null;
    let keyring: Keyring | null = null;
    if (databaseFileState(backupPath) === 'encrypted') {
      if (!keyFile) {
        throw new AppError('VALIDATION', 'Cette sauvegarde est chiffrée : joignez aussi son fichier de clé, qui porte le même nom suivi de « .cle ».', { fichiers: 'Fichier .cle manquant.' });
      }
      if (this.unlocked && keyFile.keyId === this.unlocked.keyring.keyId) {
        key = this.unlocked.key;
      } else {
        if (!typedRecoveryKey) throw new AppError('VALIDATION', 'Cette sauvegarde vient d’une autre installation : saisissez sa clé de secours.', { cle: 'Clé de secours à saisir.' });
        try {
          key = DataKeyManager.unlockEnvelope(keyFile, typedRecoveryKey);
        } catch (err) {
          if (err instanceof RecoveryKeyError) throw new AppError('VALIDATION', err.message, { cle: err.message });
          throw err;
        }
        keyring = DataKeyManager.keyringFromBackupKeyFile(keyFile, this.clock.now());
      }
    }
    try {
      verifyBackup(backupPath, key);
    } catch {
      throw new AppError('VALIDATION', 'Ce fichier n’est pas une sauvegarde lisible de Cèdre Parcours (ou il est endommagé) : rien n’a été modifié.', { fichiers: 'Sauvegarde illisible.' });
    }
    if (this.open) await createBackup(this.open.sqlite, this.paths.backupDir, 'avant-restauration', this.clock.now());
    this.closeDatabase();
    const keptAs = restoreBackupFile(this.paths.dbFile, backupPath, this.clock.now(), key);
    if (keyring && key) {
      this.unlocked = { key, keyring: await this.keys.adopt(keyring, key, true) };
      this.pendingRecoveryKey = null;
      if (this.state.kind === 'locked') this.state = CLOSED;
    }
    if (this.unlocked) await this.openWithKey(this.unlocked);
    else await this.openDatabase();
    if (!this.open) throw new AppError('UNAVAILABLE', 'La sauvegarde a été mise en place mais ne s’ouvre pas : restaurez-en une autre.');
    await this.setAsideAnchorsOfAbandonedJournal();
    return { keptAs };
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
  async backup(reason: string, onStep: StepReporter = () => {}): Promise<BackupFile | null> {
    if (!this.open) return null;
    const now = this.clock.now();
    onStep('Copie et vérification de la base', 0, 2);
    const made = await createBackup(this.open.sqlite, this.paths.backupDir, reason, now);
    onStep('Signature du journal d’audit', 1, 2);
    await this.anchorBeside(made.path, now);
    pruneBackups(this.paths.backupDir, now);
    return made;
  }

  /**
   * The audit chain's head, signed, beside a backup (services/audit/audit-anchors.ts). A failure to sign (no key can
   * be unwrapped on this PC) never fails the backup: it is said in the log and the backup stands.
   */
  private async anchorBeside(path: string, now: Date): Promise<void> {
    if (!this.open) return;
    try {
      const structure = getStructure(this.open.db);
      const text = await signAnchor(this.open.sqlite, this.open.signingKeys, structure?.siret ?? '', now);
      if (text) writeAnchorBeside(path, text);
    } catch (err) {
      console.warn('[cedre] ancre du journal non écrite :', (err as Error).message);
    }
  }

  /**
   * After a restore, the anchors signed after the restored backup attest a journal that no longer exists (that
   * timeline was abandoned, on purpose and audited): they are moved aside, kept, and no longer checked.
   */
  private async setAsideAnchorsOfAbandonedJournal(): Promise<void> {
    if (!this.open) return;
    const aside = join(this.paths.backupDir, ABANDONED_ANCHORS_DIR);
    for (const file of anchorFilesIn([{ dir: this.paths.backupDir, label: 'Sauvegardes' }])) {
      const [check] = (await checkAnchors(this.open.sqlite, [file])).verifiees;
      if (check?.statut !== 'modifiee' && check?.statut !== 'supprimee') continue;
      mkdirSync(aside, { recursive: true });
      renameSync(file.path, join(aside, basename(file.path)));
    }
  }

  close(): void {
    this.closeDatabase();
  }
}
