/**
 * The network's benchmarks (issue 17 §4). The federation signs them from its consolidation (quartiles per indicator
 * and dispositif, at least 5 members each); a member imports the file into its observatoire after checking the
 * signature against the federation key it trusts, and sees its own figures against the network's.
 */
import type Database from 'better-sqlite3';
import { FlattenedSign } from 'jose';
import { AppError } from '../../../src-shared/errors';
import {
  REPERES_FORMAT,
  REPERES_MIN_CONTRIBUTEURS,
  REPERES_VERSION,
  type RepereLigne,
  type ReperesPayload,
  type ReperesView,
} from '../../../src-shared/observatoire/reperes-format';
import { verifyFlattenedEd25519 } from '../../lib/flattened-jws';
import { readJsonSetting, writeJsonSetting } from '../settings/json-setting';
import type { SigningKeyService } from '../observatoire/signing-keys';
import { columnLabel } from '../observatoire/consolidation';

const FILE_NAME = 'reperes-reseau.json';
const SETTING = 'reperes_reseau';
/** A benchmarks file is a few hundred lines: anything much bigger is not one. */
const MAX_BYTES = 2 * 1024 * 1024;

/** The signed file the federation sends to its members. */
export async function signReperes(keys: SigningKeyService, payload: Omit<ReperesPayload, 'format' | 'version' | 'min_contributeurs'>, now: Date, userId: string | null): Promise<{ fileName: string; base64: string }> {
  const key = keys.ensure(now, userId);
  const full: ReperesPayload = { format: REPERES_FORMAT, version: REPERES_VERSION, min_contributeurs: REPERES_MIN_CONTRIBUTEURS, ...payload, reperes: payload.reperes.filter((r) => r.n >= REPERES_MIN_CONTRIBUTEURS) };
  const jws = await new FlattenedSign(Buffer.from(JSON.stringify(full), 'utf8')).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, jwk: key.publicJwk }).sign(keys.privateKey(key.kid));
  return { fileName: `reperes-reseau-${payload.annee}.json`, base64: Buffer.from(JSON.stringify(jws), 'utf8').toString('base64') };
}

interface StoredReperes {
  kid: string;
  importeLe: string;
  payload: ReperesPayload;
}

/** Checks a benchmarks file: signature, the trusted key, the format, no line behind fewer than 5 members. */
export function readReperes(bytes: Uint8Array, trustedKid: string): ReperesPayload {
  if (bytes.byteLength > MAX_BYTES) throw new AppError('VALIDATION', 'Ce fichier est trop volumineux pour un fichier de repères du réseau.');
  const checked = verifyFlattenedEd25519(bytes, FILE_NAME);
  if (!checked.ok) throw new AppError('VALIDATION', `Fichier de repères refusé. ${checked.message}`);
  if (checked.kid !== trustedKid) {
    throw new AppError('VALIDATION', `Fichier de repères refusé : il est signé par la clé ${checked.kid}, pas par celle de votre fédération (${trustedKid}). Vérifiez l’empreinte sur la fiche de clé de la fédération.`, { empreinte: 'Empreinte différente de la clé qui a signé le fichier.' });
  }
  let payload: ReperesPayload;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(checked.payloadBytes)) as ReperesPayload;
  } catch {
    throw new AppError('VALIDATION', 'Fichier de repères refusé : le contenu signé n’est pas un JSON lisible.');
  }
  if (payload.format !== REPERES_FORMAT || payload.version !== REPERES_VERSION) {
    throw new AppError('VALIDATION', `Fichier de repères refusé : format « ${String(payload.format)} » version ${String(payload.version)} non pris en charge.`);
  }
  const lines = Array.isArray(payload.reperes) ? payload.reperes : [];
  const valid = (r: RepereLigne) => typeof r.id === 'string' && [r.n, r.q1, r.mediane, r.q3].every((v) => typeof v === 'number' && Number.isFinite(v)) && r.q1 <= r.mediane && r.mediane <= r.q3;
  if (!Number.isInteger(payload.annee) || !lines.every(valid)) throw new AppError('VALIDATION', 'Fichier de repères refusé : des lignes sont incomplètes ou incohérentes.');
  if (lines.some((r) => r.n < REPERES_MIN_CONTRIBUTEURS)) throw new AppError('VALIDATION', `Fichier de repères refusé : des repères reposent sur moins de ${REPERES_MIN_CONTRIBUTEURS} structures (une structure pourrait être reconnue).`);
  return payload;
}

export class ReperesService {
  constructor(private readonly sqlite: Database.Database) {}

  current(): ReperesView | null {
    const stored = readJsonSetting<StoredReperes | { kid: null }>(this.sqlite, SETTING, { kid: null });
    if (!stored.kid) return null;
    const s = stored as StoredReperes;
    return {
      annee: s.payload.annee,
      reseau: s.payload.reseau,
      genereLe: s.payload.genere_le,
      importeLe: s.importeLe,
      kid: s.kid,
      lignes: s.payload.reperes.map((r) => ({ ...r, libelle: columnLabel(r.id) })),
    };
  }

  /**
   * Imports a file. The first import names the federation's key (its thumbprint, from its key sheet); later imports
   * are checked against it, unless a new thumbprint is given (the federation changed its key).
   */
  import(bytes: Uint8Array, empreinte: string | null, now: Date): ReperesView {
    const trusted = empreinte?.trim() || this.current()?.kid;
    if (!trusted) throw new AppError('VALIDATION', 'Indiquez l’empreinte de la clé de votre fédération (sur sa fiche de clé) : elle dit que le fichier vient bien d’elle.', { empreinte: 'Empreinte obligatoire au premier import.' });
    const payload = readReperes(bytes, trusted);
    writeJsonSetting(this.sqlite, SETTING, { kid: trusted, importeLe: now.toISOString(), payload } satisfies StoredReperes, now);
    return this.current()!;
  }
}
