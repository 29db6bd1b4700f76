/**
 * The audit chain anchored outside the base (issue 20 §5). Someone with the data key can delete the last rows through
 * the purge path, or rewrite a row and recompute every later hash: the chain alone still says « intacte ». The anchors
 * signed at each backup (and copied with it to the USB key) are what those journals no longer match.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ABANDONED_ANCHORS_DIR } from '../../src-main/app-runtime';
import { ANCHOR_SUFFIX } from '../../src-main/services/audit/audit-anchors';
import { hashAuditRow, verifyAuditChain, type AuditAction } from '../../src-main/services/audit/audit-log';
import { TestApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

let app: TestApp;
afterEach(() => app?.close());

/** Some activity that writes audit rows: a user created, then a few reads of the journal. */
async function activity(admin: string, n: number): Promise<void> {
  app.clock.advanceMinutes(1); // a backup per minute at most here: each gets its own file and anchor
  for (let i = 0; i < n; i++) await app.call('audit.search', { du: null, au: null, utilisateur: null, action: null, objet: null, enregistrement: null, offset: 0, limit: 10 }, admin);
}

function sqlite() {
  return app.runtime.openOrNull()!.sqlite;
}
function lastSeq(): number {
  return sqlite().prepare('select max(seq) from audit_log').pluck().get() as number;
}

/** What a holder of the data key can do: remove the journal's last rows the way a purge does. */
function deleteLastRowsThroughPurgePath(fromSeq: number): void {
  sqlite().prepare('insert into audit_purge_autorisee (id) values (1)').run();
  sqlite().prepare('delete from audit_log where seq >= ?').run(fromSeq);
  sqlite().prepare('delete from audit_purge_autorisee').run();
}

/** …or rewrite one row and recompute the hash of every row after it, with the triggers out of the way. */
function rewriteRowAndRehash(seq: number): void {
  const db = sqlite();
  const triggers = db.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as Array<{ name: string; sql: string }>;
  for (const t of triggers) db.exec(`drop trigger ${t.name}`);
  db.prepare("update audit_log set detail = '{\"falsifie\":true}' where seq = ?").run(seq);
  const rows = db.prepare('select * from audit_log where seq >= ? order by seq').all(seq) as Array<Record<string, string | number | null>>;
  let prev = db.prepare('select hash from audit_log where seq < ? order by seq desc limit 1').pluck().get(seq) as string;
  for (const r of rows) {
    const hash = hashAuditRow(prev, {
      at: r.at as string,
      userId: r.user_id as string | null,
      userLogin: r.user_login as string | null,
      action: r.action as AuditAction,
      route: r.route as string,
      entity: r.entity as string | null,
      entityId: r.entity_id as string | null,
      detail: r.detail ? (JSON.parse(r.detail as string) as Record<string, unknown>) : null,
    });
    db.prepare('update audit_log set prev_hash = ?, hash = ? where seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
  for (const t of triggers) db.exec(t.sql);
}

describe('anchors of the audit chain', () => {
  it('each backup writes a signed anchor beside it; the journal matches them all', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    await activity(admin, 3);
    await app.call('backups.create', {}, admin);
    const backups = join(app.dataDir, 'sauvegardes');
    expect(readdirSync(backups).filter((f) => f.endsWith(ANCHOR_SUFFIX))).toHaveLength(1);
    const report = await app.call('audit.ancres', {}, admin);
    expect(report.conclusion).toBeNull();
    expect(report.verifiees).toEqual([expect.objectContaining({ statut: 'conforme', ligne: expect.any(Number) })]);
  });

  it('attack 1: the last rows deleted through the purge path — the chain says intact, the anchor says which rows went', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    await activity(admin, 2);
    await app.call('backups.create', {}, admin);
    const kept = lastSeq();
    await activity(admin, 4);
    await app.call('backups.create', {}, admin);
    const attested = (await app.call('audit.ancres', {}, admin)).verifiees.at(-1)!.ligne!;
    expect(attested).toBeGreaterThan(kept + 3);

    deleteLastRowsThroughPurgePath(kept + 1);
    expect(verifyAuditChain(sqlite())).toBeNull(); // the attack works on the chain alone
    const report = await app.call('audit.ancres', {}, admin);
    expect(report.verifiees.map((c) => c.statut)).toEqual(['conforme', 'supprimee']);
    expect(report.verifiees[1]!.message).toMatch(new RegExp(`atteste la ligne ${attested}, le journal s’arrête à la ligne ${kept}`));
    expect(report.conclusion).toMatch(new RegExp(`tronqué après la ligne ${report.verifiees[0]!.ligne} .*au plus tard à la ligne ${attested}`));
  });

  it('attack 2: a row rewritten and every later hash recomputed — found between the last anchor that matches and the first that does not', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    await app.call('backups.create', {}, admin);
    const before = (await app.call('audit.ancres', {}, admin)).verifiees[0]!.ligne!;
    await activity(admin, 3);
    const target = lastSeq();
    await activity(admin, 2);
    await app.call('backups.create', {}, admin);

    rewriteRowAndRehash(target);
    expect(verifyAuditChain(sqlite())).toBeNull();
    const report = await app.call('audit.ancres', {}, admin);
    expect(report.verifiees.map((c) => c.statut)).toEqual(['conforme', 'modifiee']);
    expect(report.conclusion).toMatch(new RegExp(`modifié après la ligne ${before} `));
    expect(before).toBeLessThan(target);
    expect(report.verifiees[1]!.ligne!).toBeGreaterThanOrEqual(target);
  });

  it('the USB copy carries the anchor, which still tells when the ones beside the backups are deleted; a foreign anchor is rejected', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    const usb = join(tempDir(), 'cle-usb');
    mkdirSync(usb);
    await app.call('backups.configureExternal', { dossier: usb, frequence: 'hebdomadaire' }, admin);
    await app.call('backups.copyExternal', {}, admin);
    expect(readdirSync(usb).filter((f) => f.endsWith(ANCHOR_SUFFIX))).toHaveLength(1);
    const attested = (await app.call('audit.ancres', {}, admin)).verifiees[0]!.ligne!;
    // The attacker removes the anchors on the PC and the rows after an early point.
    for (const f of readdirSync(join(app.dataDir, 'sauvegardes'))) if (f.endsWith(ANCHOR_SUFFIX)) rmSync(join(app.dataDir, 'sauvegardes', f));
    deleteLastRowsThroughPurgePath(attested - 1);
    // …and leaves an anchor made with a key of their own.
    writeFileSync(join(usb, `faux${ANCHOR_SUFFIX}`), JSON.stringify({ format: 'cedre-ancre-journal', jws: { protected: Buffer.from('{"alg":"EdDSA","kid":"inconnu"}').toString('base64url'), payload: 'e30', signature: 'AAAA' } }));
    const report = await app.call('audit.ancres', {}, admin);
    expect(report.verifiees.find((c) => c.source.startsWith('Copie externe') && c.statut === 'supprimee')).toBeDefined();
    expect(report.verifiees.find((c) => c.statut === 'invalide')!.message).toMatch(/clé qui n’est pas celle de la structure/);
    expect(report.conclusion).toMatch(/tronqué/);
  });

  it('after a restore, the anchors of the abandoned journal are set aside: no false alarm', async () => {
    const dataDir = tempDir();
    app = await TestApp.start(dataDir);
    const admin = await app.setUp();
    await app.call('backups.create', {}, admin);
    const first = (await app.call('backups.list', {}, admin))[0]!.file;
    await activity(admin, 5);
    await app.call('backups.create', {}, admin);
    await app.call('backups.restore', { file: first }, admin);
    const direction = (await app.call('auth.login', { login: 'm.durand', password: 'un chêne solide' })).token;
    const report = await app.call('audit.ancres', {}, direction);
    expect(report.conclusion).toBeNull();
    expect(report.verifiees.every((c) => c.statut === 'conforme')).toBe(true);
    expect(readdirSync(join(dataDir, 'sauvegardes', ABANDONED_ANCHORS_DIR)).length).toBeGreaterThan(0);
  });

  it('the signed annual report prints the chain head', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    const made = await app.call('rapports.produce', { annee: 2025 }, admin);
    const dir = tempDir();
    const entries = unzipSync(Buffer.from(made.base64, 'base64'));
    const pdf = Object.keys(entries).find((f) => f.endsWith('.pdf'))!;
    writeFileSync(join(dir, pdf), entries[pdf]!);
    const text = execFileSync('pdftotext', [join(dir, pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Journal d’audit à la signature ligne \d+, empreinte [0-9a-f]{16}/);
  });
});
