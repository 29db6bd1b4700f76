/**
 * Encryption at rest (issue 7 §1): the database and every backup encrypted with the installation's data key, kept
 * by this PC's guard and by the recovery key; clear databases migrated in place with a backup first; a wrong key
 * gets a clear message and changes nothing; a backup plus the recovery key reopen everything on a new PC.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../db/backup';
import { openDatabase } from '../../db/client';
import { databaseFileState } from '../../db/encryption';
import { appPaths } from '../../src-main/app-paths';
import { AppRuntime } from '../../src-main/app-runtime';
import { FakeClock } from '../../src-main/lib/clock';
import { Router } from '../../src-main/router';
import { routes } from '../../src-main/routes';
import { DataKeyManager } from '../../src-main/security/data-key-manager';
import { KEYRING_FILE, readBackupKeyFile, readKeyring } from '../../src-main/security/keyring';
import { DEV_KEY_FILE } from '../../src-main/security/os-key-guard';
import { generateRecoveryKey } from '../../src-main/security/recovery-key';
import { SafeStorageGuard } from '../../src-main/platform/electron/safe-storage-guard';
import { FileKeyProtector, PROTECTION_KEY_FILE } from '../../src-main/services/observatoire/key-protector';
import { SigningKeyService } from '../../src-main/services/observatoire/signing-keys';
import { runCli } from '../../src-main/cli';
import { TestApp, VALID_SETUP } from '../helpers/app';
import { fakeSafeStorage } from '../helpers/fake-safe-storage';
import { openWithKey, sealWithKey } from '../../src-main/security/aes-gcm-wrap';
import { MIGRATIONS, tempDir } from '../helpers/temp';
import { DataWorkerClient } from '../../src-main/worker/data-worker-client';
import { startupStepPrinter } from '../../src-main/jobs/terminal-progress';

const STRUCTURE_NAME = VALID_SETUP.structure.nom;
let app: TestApp | null = null;
const runtimes: AppRuntime[] = [];
afterEach(() => {
  app?.close();
  app = null;
  for (const r of runtimes.splice(0)) r.close();
});

async function startRuntime(dataDir: string, options: Parameters<typeof AppRuntime.start>[2] = {}) {
  const runtime = await AppRuntime.start(appPaths(dataDir, MIGRATIONS), new FakeClock(new Date('2026-03-02T09:00:00Z')), options);
  runtimes.push(runtime);
  return { runtime, router: new Router(routes, runtime) };
}

async function call(router: Router, route: string, input: unknown, token: string | null = null) {
  return router.dispatch(route, input, { sessionToken: token });
}

/** Sets up a structure, prints and confirms the recovery sheet, makes a backup; returns what a new PC would need. */
async function installationWithBackup() {
  const dataDir = tempDir();
  app = await TestApp.start(dataDir);
  const token = await app.setUp();
  const sheet = await app.call('securite.recoverySheet', {}, token);
  await app.call('securite.confirmRecoverySheet', { cle: sheet.cle }, token);
  const backup = await app.runtime.backup('manuelle');
  app.close();
  app = null;
  return { dataDir, recoveryKey: sheet.cle, backup: backup!, token };
}

function contains(file: string, text: string): boolean {
  return readFileSync(file).includes(Buffer.from(text, 'utf8'));
}

describe('a new installation', () => {
  it('encrypts the database and its backups, keeps the key wrapped, and offers the recovery sheet until it is confirmed', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    const token = await app.setUp();
    const dbFile = join(dataDir, 'cedre.sqlite');
    expect(databaseFileState(dbFile)).toBe('encrypted');
    app.runtime.openOrNull()!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(contains(dbFile, STRUCTURE_NAME)).toBe(false);
    expect(contains(dbFile, 'SQLite format 3')).toBe(false);

    const keyring = readKeyring(dataDir)!;
    expect(keyring.cipher).toBe('aegis');
    expect(keyring.os?.kind).toBe('fichier-developpement');
    expect(statSync(join(dataDir, KEYRING_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, DEV_KEY_FILE)).mode & 0o777).toBe(0o600);

    const backup = (await app.runtime.backup('manuelle'))!;
    expect(databaseFileState(backup.path)).toBe('encrypted');
    expect(contains(backup.path, STRUCTURE_NAME)).toBe(false);
    expect(readBackupKeyFile(backup.path + '.cle')?.keyId).toBe(keyring.keyId);
    // Without the key, SQLite sees no database at all.
    const raw = new Database(backup.path, { readonly: true });
    expect(() => raw.prepare('select count(*) from personnes').get()).toThrow(/file is not a database/);
    raw.close();

    expect(await app.call('securite.status', {}, token)).toMatchObject({ chiffrement: 'aegis', protection: 'fichier-developpement', feuilleAImprimer: true, feuilleConfirmeeLe: null });
    const sheet = await app.call('securite.recoverySheet', {}, token);
    expect(sheet.cle).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(Buffer.from(sheet.pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The key never reaches a file: not the keyring, not the database, not the backup's key file.
    for (const f of [join(dataDir, KEYRING_FILE), backup.path + '.cle']) expect(contains(f, sheet.cle.replace(/-/g, ''))).toBe(false);

    // A miscopied character, a key of another installation, then the right one (lower case, spaces: accepted).
    const typo = sheet.cle.slice(0, 3) + (sheet.cle[3] === 'A' ? 'B' : 'A') + sheet.cle.slice(4);
    expect(await app.fail('securite.confirmRecoverySheet', { cle: typo }, token)).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/mal recopiée/) });
    expect(await app.fail('securite.confirmRecoverySheet', { cle: generateRecoveryKey() }, token)).toMatchObject({ message: expect.stringMatching(/ne correspond pas/) });
    expect(await app.fail('securite.confirmRecoverySheet', { cle: 'ABC' }, token)).toMatchObject({ message: expect.stringMatching(/30 caractères/) });
    const confirmed = await app.call('securite.confirmRecoverySheet', { cle: sheet.cle.toLowerCase().replace(/-/g, ' ') }, token);
    expect(confirmed).toMatchObject({ feuilleAImprimer: false, feuilleConfirmeeLe: expect.any(String) });
    expect((await app.fail('securite.recoverySheet', {}, token)).code).toBe('CONFLICT');

    // Restarted: opens without anything typed, and no new sheet is offered.
    app.close();
    app = await TestApp.start(dataDir);
    expect((await app.call('system.status', {})).state).toBe('ready');
    expect(app.runtime.recoveryKeyToPrint()).toBeNull();
  }, 60_000);

  it('keeps an unconfirmed key across restarts: a sheet printed before one is confirmed after it; a new sheet replaces the key, in the backups’ key files too', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    const token = await app.setUp();
    const printed = (await app.call('securite.recoverySheet', {}, token)).cle;
    const backup = (await app.runtime.backup('manuelle'))!;
    app.close();

    // Restarted before typing the key back: nothing new is made, the printed sheet still opens the data and its backups.
    app = await TestApp.start(dataDir);
    const logIn = async () => (await app!.call('auth.login', { login: 'm.durand', password: 'un chêne solide' })).token;
    let admin = await logIn();
    expect(app.runtime.recoveryKeyToPrint()).toBeNull();
    expect(await app.call('securite.status', {}, admin)).toMatchObject({ feuilleAImprimer: true, feuilleDUnDemarragePrecedent: true });
    expect(DataKeyManager.unlockEnvelope(readBackupKeyFile(backup.path + '.cle')!, printed)).toHaveLength(32);
    expect(await app.call('securite.confirmRecoverySheet', { cle: printed }, admin)).toMatchObject({ feuilleAImprimer: false, feuilleDUnDemarragePrecedent: false });
    expect((await app.fail('securite.confirmRecoverySheet', { cle: printed }, admin)).code).toBe('CONFLICT');

    // Another installation restarted before confirming, where the administrator asks for a new sheet instead.
    const other = tempDir();
    app.close();
    app = await TestApp.start(other);
    const lost = (await app.call('securite.recoverySheet', {}, await app.setUp())).cle;
    const otherBackup = (await app.runtime.backup('manuelle'))!;
    app.close();
    app = await TestApp.start(other);
    admin = await logIn();
    const fresh = (await app.call('securite.recoverySheet', {}, admin)).cle;
    expect(fresh).not.toBe(lost);
    // Asked twice in the same run: the same key, not a third one.
    expect((await app.call('securite.recoverySheet', {}, admin)).cle).toBe(fresh);
    const keyFile = readBackupKeyFile(otherBackup.path + '.cle')!;
    expect(() => DataKeyManager.unlockEnvelope(keyFile, lost)).toThrow(/ne correspond pas/);
    expect(DataKeyManager.unlockEnvelope(keyFile, fresh)).toHaveLength(32);
    expect(await app.call('securite.status', {}, admin)).toMatchObject({ feuilleAImprimer: true, feuilleDUnDemarragePrecedent: false });
  }, 60_000);
});

describe('unlocking', () => {
  it('without this PC’s guard: locked, refuses a wrong recovery key with a clear message and changes nothing, opens with the right one', async () => {
    const { dataDir, recoveryKey } = await installationWithBackup();
    const keyringBefore = readFileSync(join(dataDir, KEYRING_FILE), 'utf8');
    const { runtime, router } = await startRuntime(dataDir, { guard: null });
    const status = await call(router, 'system.status', {});
    expect(status).toMatchObject({ ok: true, data: { state: 'locked', canUnlock: true } });
    expect(await call(router, 'auth.login', { login: 'm.durand', password: 'un chêne solide' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    for (const [typed, message] of [
      ['', /Saisissez la clé/],
      [generateRecoveryKey(), /ne correspond pas/],
      [recoveryKey.replace(/.$/, (c) => (c === '0' ? '1' : '0')), /mal recopiée/],
      [recoveryKey + 'X', /30 caractères/],
      ['%%%%%', /ne contient pas le caractère « % »/],
    ] as const) {
      const refused = await call(router, 'system.unlockData', { cle: typed });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
      expect(runtime.stateKind()).toBe('locked');
    }
    expect(readFileSync(join(dataDir, KEYRING_FILE), 'utf8')).toBe(keyringBefore);

    expect(await call(router, 'system.unlockData', { cle: recoveryKey })).toMatchObject({ ok: true, data: { state: 'ready' } });
    expect(await call(router, 'auth.login', { login: 'm.durand', password: 'un chêne solide' })).toMatchObject({ ok: true });
    expect((await call(router, 'system.unlockData', { cle: recoveryKey })).ok).toBe(false);
  }, 60_000);

  it('with CEDRE_RECOVERY_KEY: opens, or says the given key is refused', async () => {
    const { dataDir, recoveryKey } = await installationWithBackup();
    const wrong = await startRuntime(dataDir, { guard: null, recoveryKey: generateRecoveryKey() });
    expect(wrong.runtime.status()).toMatchObject({ state: 'locked', message: expect.stringMatching(/CEDRE_RECOVERY_KEY.*ne correspond pas/) });
    wrong.runtime.close();
    const slot = readKeyring(dataDir)!.os;
    const right = await startRuntime(dataDir, { guard: null, recoveryKey });
    expect(right.runtime.stateKind()).toBe('ready');
    // The PC's own slot is kept: the next start without the variable still opens alone.
    expect(readKeyring(dataDir)!.os).toEqual(slot);
    right.runtime.close();
    expect((await startRuntime(dataDir)).runtime.stateKind()).toBe('ready');
  }, 60_000);

  it('the command line: CEDRE_RECOVERY_KEY opens the base; a wrong one exits 1 with the reason', async () => {
    const { dataDir, recoveryKey } = await installationWithBackup();
    const db = join(dataDir, 'cedre.sqlite');
    const errors: string[] = [];
    const logs: string[] = [];
    const restoreConsole = [console.error, console.log];
    console.error = (...a: unknown[]) => void errors.push(a.join(' '));
    console.log = (...a: unknown[]) => void logs.push(a.join(' '));
    try {
      process.env.CEDRE_RECOVERY_KEY = generateRecoveryKey();
      expect(await runCli(['check', '--db', db])).toBe(1);
      expect(errors.join('\n')).toMatch(/ne correspond pas/);
      process.env.CEDRE_RECOVERY_KEY = recoveryKey;
      expect(await runCli(['check', '--db', db])).toBe(0);
      expect(logs.join('\n')).toMatch(/Chiffrement : aegis/);
    } finally {
      delete process.env.CEDRE_RECOVERY_KEY;
      [console.error, console.log] = restoreConsole as [typeof console.error, typeof console.log];
    }
  }, 60_000);

  it('the keyring lost: rebuilt from a backup’s key file with the recovery key', async () => {
    const { dataDir, recoveryKey } = await installationWithBackup();
    const { rmSync } = await import('node:fs');
    rmSync(join(dataDir, KEYRING_FILE));
    const { runtime, router } = await startRuntime(dataDir);
    expect(runtime.status()).toMatchObject({ state: 'locked', canUnlock: true });
    expect(await call(router, 'system.unlockData', { cle: recoveryKey })).toMatchObject({ ok: true, data: { state: 'ready' } });
    expect(existsSync(join(dataDir, KEYRING_FILE))).toBe(true);
  }, 60_000);

  it('a damaged keyring: locked with the reason, never reset', async () => {
    const { dataDir } = await installationWithBackup();
    writeFileSync(join(dataDir, KEYRING_FILE), '{ pas du json');
    const { runtime } = await startRuntime(dataDir);
    expect(runtime.status()).toMatchObject({ state: 'locked', canUnlock: false, message: expect.stringMatching(/illisible ou endommagé/) });
    expect(readFileSync(join(dataDir, KEYRING_FILE), 'utf8')).toBe('{ pas du json');
  }, 60_000);

  it('safeStorage: this Windows account opens alone; another account needs the recovery key; no secret store means no guard', async () => {
    const dataDir = tempDir();
    const accountA = await SafeStorageGuard.create(fakeSafeStorage('compte-a'), 'win32');
    const first = await startRuntime(dataDir, { guard: accountA });
    await call(first.router, 'setup.complete', VALID_SETUP);
    // The key made at set-up (its sheet not confirmed yet) stays the one in force across restarts.
    const recoveryKey = first.runtime.recoveryKeyToPrint()!;
    first.runtime.close();
    expect(readKeyring(dataDir)!.os?.kind).toBe('safeStorage');
    const again = await startRuntime(dataDir, { guard: await SafeStorageGuard.create(fakeSafeStorage('compte-a'), 'win32') });
    expect(again.runtime.stateKind()).toBe('ready');
    again.runtime.close();
    const other = await startRuntime(dataDir, { guard: await SafeStorageGuard.create(fakeSafeStorage('compte-b'), 'win32') });
    expect(other.runtime.stateKind()).toBe('locked');
    expect(await call(other.router, 'system.unlockData', { cle: recoveryKey })).toMatchObject({ ok: true });
    other.runtime.close();
    // Account B adopted the key: it now opens alone.
    expect((await startRuntime(dataDir, { guard: await SafeStorageGuard.create(fakeSafeStorage('compte-b'), 'win32') })).runtime.stateKind()).toBe('ready');

    expect(await SafeStorageGuard.create(fakeSafeStorage('x', false), 'win32')).toBeNull();
    // An Electron without the asynchronous API: the synchronous one protects the same way.
    const syncOnly = {
      isEncryptionAvailable: () => true,
      encryptString: (t: string) => Buffer.from(sealWithKey(Buffer.alloc(32, 7), Buffer.from(t)), 'utf8'),
      decryptString: (b: Buffer) => openWithKey(Buffer.alloc(32, 7), b.toString('utf8')).toString('utf8'),
    };
    const syncGuard = (await SafeStorageGuard.create(syncOnly, 'win32'))!;
    const key = Buffer.alloc(32, 3);
    expect(await syncGuard.unprotect(await syncGuard.protect(key))).toEqual(key);
    expect(await SafeStorageGuard.create({}, 'win32')).toBeNull();
    expect(await SafeStorageGuard.create({ ...fakeSafeStorage('x'), getSelectedStorageBackend: () => 'basic_text' }, 'linux')).toBeNull();
  }, 60_000);
});

describe('a database from before encryption', () => {
  it('is encrypted in place with a backup first, with its clear backups, and its signing key moves under the data key', async () => {
    const dataDir = tempDir();
    const dbFile = join(dataDir, 'cedre.sqlite');
    // An installation of the previous version: clear file, clear backups, a signing key under the protection file.
    const old = await openDatabase({ file: dbFile, migrationsFolder: MIGRATIONS, backupDir: join(dataDir, 'sauvegardes') });
    old.sqlite.prepare("insert into settings (key, value, updated_at) values ('marqueur', 'Valeur témoin très reconnaissable', '2026-01-01')").run();
    const legacyKeys = new SigningKeyService(old.sqlite, new FileKeyProtector(dataDir));
    const legacyKid = legacyKeys.ensure(new Date(), null).kid;
    const clearBackup = await createBackup(old.sqlite, join(dataDir, 'sauvegardes'), 'quotidienne', new Date('2026-02-01T10:00:00Z'));
    old.sqlite.close();
    writeFileSync(join(dataDir, 'cedre.sqlite.remplacee-2026-01-05T10-00-00-000Z'), readFileSync(clearBackup.path));
    // Kept outside the app's naming, so the start-up does not touch it: an old clear backup put back later.
    writeFileSync(join(dataDir, 'cedre.sqlite.remplacee-2026-01-05T10-00-00-000Z.avant'), readFileSync(clearBackup.path));
    expect(contains(clearBackup.path, 'Valeur témoin très reconnaissable')).toBe(true);

    const { runtime } = await startRuntime(dataDir);
    expect(runtime.stateKind()).toBe('setup');
    const migration = runtime.lastEncryptionMigration!;
    expect(migration.safetyBackup!.reason).toBe('avant-chiffrement');
    expect(migration.damagedCopies).toEqual([]);
    expect(migration.encryptedCopies).toHaveLength(3);
    for (const f of [dbFile, ...listBackups(join(dataDir, 'sauvegardes')).map((b) => b.path), join(dataDir, 'cedre.sqlite.remplacee-2026-01-05T10-00-00-000Z')]) {
      expect(databaseFileState(f), f).toBe('encrypted');
      expect(contains(f, 'Valeur témoin très reconnaissable'), f).toBe(false);
    }
    for (const b of listBackups(join(dataDir, 'sauvegardes'))) expect(existsSync(b.path + '.cle'), b.file).toBe(true);
    const open = runtime.openOrNull()!;
    expect(open.sqlite.prepare("select value from settings where key = 'marqueur'").pluck().get()).toBe('Valeur témoin très reconnaissable');
    // The signing key was wrapped again under the data key, and the protection file is gone.
    expect(existsSync(join(dataDir, PROTECTION_KEY_FILE))).toBe(false);
    expect(open.signingKeys.privateKey(legacyKid).asymmetricKeyType).toBe('ed25519');
    expect(runtime.recoveryKeyToPrint()).toMatch(/-/);
    runtime.close();
    // The usual start has nothing to encrypt; a clear copy found later (an old backup put back) is encrypted then.
    const again = await startRuntime(dataDir);
    expect(again.runtime.lastEncryptionMigration).toBeNull();
    again.runtime.close();
    const late = join(dataDir, 'sauvegardes', 'cedre-2025-12-01T10-00-00-000Z-manuelle.sqlite');
    writeFileSync(late, readFileSync(join(dataDir, 'cedre.sqlite.remplacee-2026-01-05T10-00-00-000Z.avant')));
    const third = await startRuntime(dataDir);
    expect(third.runtime.lastEncryptionMigration).toMatchObject({ safetyBackup: null, encryptedCopies: [late] });
    expect(databaseFileState(late)).toBe('encrypted');
  }, 60_000);
});

describe('the encryption of an old base, told as it happens (issue 18 §4)', () => {
  it('the data worker tells the launcher each step, in order; the command line prints them', async () => {
    const dataDir = tempDir();
    const old = await openDatabase({ file: join(dataDir, 'cedre.sqlite'), migrationsFolder: MIGRATIONS, backupDir: join(dataDir, 'sauvegardes') });
    await createBackup(old.sqlite, join(dataDir, 'sauvegardes'), 'quotidienne', new Date('2026-02-01T10:00:00Z'));
    await createBackup(old.sqlite, join(dataDir, 'sauvegardes'), 'manuelle', new Date('2026-02-02T10:00:00Z'));
    old.sqlite.close();
    const steps: string[] = [];
    const data = await DataWorkerClient.start({ dataDir, migrationsFolder: MIGRATIONS, guard: 'development-file', recoveryKey: null, onStartupStep: (label, done, total) => steps.push(`${label} ${done}/${total}`) });
    await data.close();
    expect(steps).toEqual([
      'Chiffrement des données : sauvegarde de sécurité 0/3',
      'Chiffrement des données : la base 1/3',
      'Chiffrement des données : vérification 2/3',
      'Chiffrement des données : base chiffrée 3/3',
      // The two clear backups, and the safety backup taken just before (a copy of the clear base, encrypted in turn).
      'Chiffrement des données : les copies en clair 0/3',
      'Chiffrement des données : les copies en clair 1/3',
      'Chiffrement des données : les copies en clair 2/3',
    ]);
    expect(databaseFileState(join(dataDir, 'cedre.sqlite'))).toBe('encrypted');
    // The usual start says nothing.
    const quiet: string[] = [];
    const again = await DataWorkerClient.start({ dataDir, migrationsFolder: MIGRATIONS, guard: 'development-file', recoveryKey: null, onStartupStep: (label) => quiet.push(label) });
    await again.close();
    expect(quiet).toEqual([]);
    const printed: string[] = [];
    startupStepPrinter({ write: (text: string) => printed.push(text) })('Chiffrement des données : les copies en clair', 1, 2);
    expect(printed).toEqual(['Chiffrement des données : les copies en clair (2 sur 2)…\n']);
  }, 60_000);
});

describe('the encryption of an old base, on the first screen (issue 18 §4)', () => {
  it('a call made while the worker starts follows the start\'s steps as its progress, then gets its answer', async () => {
    const dataDir = tempDir();
    const old = await openDatabase({ file: join(dataDir, 'cedre.sqlite'), migrationsFolder: MIGRATIONS, backupDir: join(dataDir, 'sauvegardes') });
    await createBackup(old.sqlite, join(dataDir, 'sauvegardes'), 'quotidienne', new Date('2026-02-01T10:00:00Z'));
    old.sqlite.close();
    const seen: Array<string | null> = [];
    const jobId = 'job-premier-ecran';
    // The window's first call, made before the worker has opened anything: what the screen would read at each step.
    const data: DataWorkerClient = DataWorkerClient.launch({
      dataDir,
      migrationsFolder: MIGRATIONS,
      guard: 'development-file',
      recoveryKey: null,
      onStartupStep: () => {
        const progress = data.jobProgress(jobId, null);
        seen.push(progress && `${progress.step} ${progress.done}/${progress.total} ${progress.unit}`);
      },
    });
    const firstCall = data.dispatch('system.status', {}, { sessionToken: null, jobId });
    expect(data.jobProgress(jobId, null)).toMatchObject({ step: 'En attente' });
    // Another session learns nothing of it.
    expect(data.jobProgress(jobId, 'une-autre-session')).toBeNull();
    await expect(firstCall).resolves.toMatchObject({ ok: true, data: { state: 'setup' } });
    expect(seen).toEqual([
      'Chiffrement des données : sauvegarde de sécurité 0/3 étapes',
      'Chiffrement des données : la base 1/3 étapes',
      'Chiffrement des données : vérification 2/3 étapes',
      'Chiffrement des données : base chiffrée 3/3 étapes',
      'Chiffrement des données : les copies en clair 0/2 étapes',
      'Chiffrement des données : les copies en clair 1/2 étapes',
    ]);
    // Once started, the job is over and later calls are ordinary.
    expect(data.jobProgress(jobId, null)).toBeNull();
    await data.close();
  }, 60_000);

  it('a start that fails answers the waiting calls with its reason', async () => {
    const dataDir = tempDir();
    const data = DataWorkerClient.launch({ dataDir, migrationsFolder: join(dataDir, 'pas-de-migrations'), guard: 'development-file', recoveryKey: null });
    const waiting = data.dispatch('system.status', {}, { sessionToken: null });
    await expect(data.ready).rejects.toThrow();
    const answer = await waiting;
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/^Démarrage impossible : /) } });
    await data.close();
  }, 60_000);
});

describe('a backup on a new PC', () => {
  it('restores everything with its key file and the recovery key; refuses a wrong key, a missing key file or a damaged backup and changes nothing', async () => {
    const { dataDir: oldPc, recoveryKey, backup } = await installationWithBackup();
    const newPc = tempDir();
    const { runtime, router } = await startRuntime(newPc);
    expect(runtime.stateKind()).toBe('setup');
    const newKeyring = readFileSync(join(newPc, KEYRING_FILE), 'utf8');
    const sqliteFile = { name: 'cedre-copie.sqlite', base64: readFileSync(backup.path).toString('base64') };
    const keyFile = { name: 'cedre-copie.sqlite.cle', base64: readFileSync(backup.path + '.cle').toString('base64') };

    const refusals: Array<[unknown, RegExp]> = [
      [{ files: [sqliteFile], cle: recoveryKey }, /joignez aussi son fichier de clé/],
      [{ files: [sqliteFile, keyFile], cle: '' }, /saisissez sa clé de secours/],
      [{ files: [sqliteFile, keyFile], cle: generateRecoveryKey() }, /ne correspond pas/],
      [{ files: [keyFile], cle: recoveryKey }, /la sauvegarde elle-même/],
      [{ files: [{ ...sqliteFile, base64: Buffer.from('pas une sauvegarde du tout, du texte').toString('base64') }, keyFile], cle: recoveryKey }, /pas une sauvegarde lisible/],
      [{ files: [sqliteFile, { ...keyFile, base64: Buffer.from('{}').toString('base64') }], cle: recoveryKey }, /pas un fichier de clé/],
    ];
    for (const [input, message] of refusals) {
      const result = await call(router, 'system.restoreFromFile', input);
      expect(result, String(message)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
      expect(runtime.stateKind()).toBe('setup');
      expect(readFileSync(join(newPc, KEYRING_FILE), 'utf8')).toBe(newKeyring);
    }
    expect(readdirSync(newPc).filter((f) => f.startsWith('.sauvegarde-recue-'))).toEqual([]);

    expect(await call(router, 'system.restoreFromFile', { files: [sqliteFile, keyFile], cle: recoveryKey })).toMatchObject({ ok: true, data: { state: 'ready', structureName: STRUCTURE_NAME } });
    expect(await call(router, 'auth.login', { login: 'm.durand', password: 'un chêne solide' })).toMatchObject({ ok: true });
    expect(readKeyring(newPc)!.keyId).toBe(readKeyring(oldPc)!.keyId);
    runtime.close();
    // The new PC's guard adopted the key: the next start opens alone, and the old PC's sheet stays valid.
    const again = await startRuntime(newPc);
    expect(again.runtime.stateKind()).toBe('ready');
    expect(again.runtime.recoveryKeyToPrint()).toBeNull();
    // Restoring is refused once the app is set up.
    expect(await call(again.router, 'system.restoreFromFile', { files: [sqliteFile, keyFile], cle: recoveryKey })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  }, 60_000);

  it('a backup of another installation dropped into the backup folder: refused before anything closes', async () => {
    const other = await installationWithBackup();
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    const token = await app.setUp();
    mkdirSync(join(dataDir, 'sauvegardes'), { recursive: true });
    copyFileSync(other.backup.path, join(dataDir, 'sauvegardes', other.backup.file));
    const refused = await app.fail('backups.restore', { file: other.backup.file }, token);
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/ne s'ouvre pas avec la clé de cette installation.*Rien n’a été modifié/) });
    expect(app.runtime.stateKind()).toBe('ready');
    expect((await app.call('structure.get', {}, token)).nom).toBe(STRUCTURE_NAME);
  }, 60_000);

  it('a new recovery key: the old one no longer opens the backups of this PC; the new one does; the password is required', async () => {
    const { dataDir, recoveryKey, backup } = await installationWithBackup();
    app = await TestApp.start(dataDir);
    const token = (await app.call('auth.login', { login: 'm.durand', password: 'un chêne solide' })).token;
    expect((await app.fail('securite.replaceRecoveryKey', { motDePasse: 'pas le bon' }, token)).code).toBe('UNAUTHENTICATED');
    expect(await app.call('securite.replaceRecoveryKey', { motDePasse: 'un chêne solide' }, token)).toMatchObject({ feuilleAImprimer: true, feuilleConfirmeeLe: null });
    const fresh = (await app.call('securite.recoverySheet', {}, token)).cle;
    const keyFile = readBackupKeyFile(backup.path + '.cle')!;
    expect(() => DataKeyManager.unlockEnvelope(keyFile, recoveryKey)).toThrow(/ne correspond pas/);
    expect(DataKeyManager.unlockEnvelope(keyFile, fresh)).toHaveLength(32);
    // Backups made from now on carry the new envelope too.
    const later = (await app.runtime.backup('manuelle'))!;
    expect(DataKeyManager.unlockEnvelope(readBackupKeyFile(later.path + '.cle')!, fresh)).toHaveLength(32);
  }, 60_000);
});
