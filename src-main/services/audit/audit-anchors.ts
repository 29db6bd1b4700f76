/**
 * Anchors of the audit chain outside the database (issue 20 §5). The hash chain proves the rows agree with each other,
 * not that none were removed at the end or rewritten with every later hash recomputed — someone holding the data key
 * can do both. So the chain head (sequence number and hash) is signed with the structure's Ed25519 key at each backup,
 * written beside the backup and its USB copy, and printed in the signed annual report. The audit screen checks the
 * chain against every anchor it finds and says which rows were removed or changed since which anchor.
 *
 * Limit, said plainly: the signing key is wrapped with the data key, so whoever has the data key can also sign new
 * anchors and delete the ones on this PC. The anchors that hold are the ones out of reach: on a USB key kept apart and
 * in the annual report the federation received.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { flattenedVerify, FlattenedSign, importJWK, type JWK } from 'jose';
import type { AnchorCheckView, AnchorReport } from '../../../src-shared/views';
import { formatShortDate } from '../../../src-shared/format/french-date';
import type { SigningKeyService } from '../observatoire/signing-keys';

export const ANCHOR_FORMAT = 'cedre-ancre-journal';
export const ANCHOR_SUFFIX = '.ancre.json';

/** The chain's last row: what an anchor fixes. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface AnchorPayload extends ChainHead {
  format: typeof ANCHOR_FORMAT;
  version: 1;
  siret: string;
  at: string;
}

interface AnchorFile {
  format: typeof ANCHOR_FORMAT;
  jws: { protected: string; payload: string; signature: string };
}

/** The last row of the chain, or after a purge that emptied it the last purged one; null for an empty log. */
export function chainHead(sqlite: Database.Database): ChainHead | null {
  const last = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as ChainHead | undefined;
  if (last) return last;
  const purged = sqlite.prepare('select dernier_seq as seq, dernier_hash as hash from audit_purges order by seq desc limit 1').get() as ChainHead | undefined;
  return purged ?? null;
}

/** Signs the current chain head with the structure's key (created on first need) and returns the anchor file's text. */
export async function signAnchor(sqlite: Database.Database, keys: SigningKeyService, siret: string, now: Date): Promise<string | null> {
  const head = chainHead(sqlite);
  if (!head) return null;
  const key = keys.ensure(now, null);
  const payload: AnchorPayload = { format: ANCHOR_FORMAT, version: 1, siret, seq: head.seq, hash: head.hash, at: now.toISOString() };
  const jws = await new FlattenedSign(Buffer.from(JSON.stringify(payload), 'utf8')).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, jwk: key.publicJwk }).sign(keys.privateKey(key.kid));
  const file: AnchorFile = { format: ANCHOR_FORMAT, jws: { protected: jws.protected!, payload: jws.payload, signature: jws.signature } };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes the anchor beside a backup (or its copy): `<backup>.ancre.json`. */
export function writeAnchorBeside(path: string, text: string): void {
  writeFileSync(`${path}${ANCHOR_SUFFIX}`, text, { mode: 0o600 });
}

/** The anchors found in these folders, with where each was found; unreadable files are reported, not skipped. */
export function anchorFilesIn(folders: Array<{ dir: string; label: string }>): Array<{ source: string; path: string; text: string }> {
  const found: Array<{ source: string; path: string; text: string }> = [];
  for (const { dir, label } of folders) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (!f.endsWith(ANCHOR_SUFFIX)) continue;
      const path = join(dir, f);
      try {
        found.push({ source: `${label} : ${f}`, path, text: readFileSync(path, 'utf8') });
      } catch {
        found.push({ source: `${label} : ${f}`, path, text: '' });
      }
    }
  }
  return found;
}

/** Checks an anchor's signature against the structure's keys (retired ones too); its payload, or why not. */
async function readAnchor(text: string, knownKeys: Map<string, JWK>): Promise<AnchorPayload | string> {
  let file: AnchorFile;
  try {
    file = JSON.parse(text) as AnchorFile;
  } catch {
    return 'fichier illisible';
  }
  if (file?.format !== ANCHOR_FORMAT || typeof file.jws?.protected !== 'string') return 'ce n’est pas une ancre du journal';
  let header: { kid?: unknown };
  try {
    header = JSON.parse(Buffer.from(file.jws.protected, 'base64url').toString('utf8')) as { kid?: unknown };
  } catch {
    return 'en-tête illisible';
  }
  const jwk = typeof header.kid === 'string' ? knownKeys.get(header.kid) : undefined;
  if (!jwk) return 'signée par une clé qui n’est pas celle de la structure';
  try {
    const { payload } = await flattenedVerify(file.jws, await importJWK(jwk, 'EdDSA'));
    const parsed = JSON.parse(Buffer.from(payload).toString('utf8')) as AnchorPayload;
    if (parsed.format !== ANCHOR_FORMAT || !Number.isInteger(parsed.seq) || typeof parsed.hash !== 'string') return 'contenu inattendu';
    return parsed;
  } catch {
    return 'signature invalide (ancre modifiée)';
  }
}

/**
 * The chain against each anchor: the row at the anchor's sequence must still exist with the anchor's hash (the chain
 * check proves each stored hash follows from its row's content, so an equal hash means nothing before it changed).
 */
export async function checkAnchors(sqlite: Database.Database, files: Array<{ source: string; text: string }>): Promise<AnchorReport> {
  const knownKeys = new Map((sqlite.prepare('select kid, public_jwk from cles_signature').all() as Array<{ kid: string; public_jwk: string }>).map((k) => [k.kid, JSON.parse(k.public_jwk) as JWK]));
  const hashAt = sqlite.prepare('select hash from audit_log where seq = ?').pluck();
  const lastSeq = (sqlite.prepare('select max(seq) from audit_log').pluck().get() as number | null) ?? (chainHead(sqlite)?.seq ?? 0);
  const purge = sqlite.prepare('select dernier_seq as seq, dernier_hash as hash from audit_purges order by seq desc limit 1').get() as ChainHead | undefined;
  const checks: AnchorCheckView[] = [];
  for (const file of files) {
    const anchor = await readAnchor(file.text, knownKeys);
    if (typeof anchor === 'string') {
      checks.push({ source: file.source, date: null, ligne: null, statut: 'invalide', message: `Ancre rejetée : ${anchor}.` });
      continue;
    }
    const date = formatShortDate(anchor.at.slice(0, 10));
    const base = { source: file.source, date: anchor.at, ligne: anchor.seq };
    const stored = hashAt.get(anchor.seq) as string | undefined;
    if (stored === anchor.hash) checks.push({ ...base, statut: 'conforme', message: `Conforme : le journal contient la ligne ${anchor.seq} telle qu’au ${date}.` });
    else if (stored !== undefined) checks.push({ ...base, statut: 'modifiee', message: `La ligne ${anchor.seq} n’est plus celle du ${date} : elle ou une ligne avant elle a été réécrite.` });
    else if (anchor.seq > lastSeq) checks.push({ ...base, statut: 'supprimee', message: `Lignes supprimées : l’ancre du ${date} atteste la ligne ${anchor.seq}, le journal s’arrête à la ligne ${lastSeq}.` });
    else if (purge && anchor.seq < purge.seq) checks.push({ ...base, statut: 'purgee', message: `Ligne ${anchor.seq} effacée par une purge réglementaire (avant la ligne ${purge.seq + 1}) : non vérifiable.` });
    else if (purge && anchor.seq === purge.seq) {
      const same = purge.hash === anchor.hash;
      checks.push({ ...base, statut: same ? 'conforme' : 'modifiee', message: same ? `Conforme : dernière ligne purgée, telle qu’au ${date}.` : `La ligne ${anchor.seq} (dernière purgée) n’est pas celle du ${date}.` });
    } else checks.push({ ...base, statut: 'supprimee', message: `La ligne ${anchor.seq}, attestée le ${date}, n’est plus dans le journal.` });
  }
  checks.sort((a, b) => (a.ligne ?? -1) - (b.ligne ?? -1) || (a.date ?? '').localeCompare(b.date ?? ''));
  return { verifiees: checks, conclusion: conclusion(checks) };
}

/** One sentence: since which anchor the journal is no longer what was attested, and up to which. */
function conclusion(checks: AnchorCheckView[]): string | null {
  const altered = checks.filter((c) => c.statut === 'modifiee' || c.statut === 'supprimee');
  if (altered.length === 0) return null;
  const first = altered[0]!;
  const lastGood = checks.filter((c) => c.statut === 'conforme' && (c.ligne ?? 0) < (first.ligne ?? 0)).at(-1);
  const since = lastGood ? `après la ligne ${lastGood.ligne} (ancre du ${formatShortDate(lastGood.date!.slice(0, 10))}, conforme)` : 'depuis le début des ancres connues';
  const what = altered.some((c) => c.statut === 'modifiee') ? 'modifié' : 'tronqué';
  return `Le journal d’audit a été ${what} ${since}, au plus tard à la ligne ${first.ligne} (ancre du ${formatShortDate(first.date!.slice(0, 10))}).`;
}
