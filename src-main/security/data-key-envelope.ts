/**
 * The data key wrapped by the recovery key: scrypt turns the recovery key into a wrapping key (slow on purpose,
 * ~0.1 s, so guessing is expensive), AES-256-GCM wraps the data key and detects a wrong key.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { parseRecoveryKey } from './recovery-key';
import { scryptCost, scryptMemory } from './scrypt-cost';

export interface RecoveryEnvelope {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

function wrappingKey(recoveryKey: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(recoveryKey, salt, 32, { ...params, maxmem: scryptMemory(params) });
}

export function wrapWithRecoveryKey(dataKey: Buffer, recoveryKey: string): RecoveryEnvelope {
  const parsed = parseRecoveryKey(recoveryKey);
  if (!parsed.ok) throw new Error(parsed.message);
  const cost = scryptCost();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(parsed.key, salt, cost), iv);
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { kdf: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The data key, or null when this recovery key is not the one that wrapped it. The key must be parsed first. */
export function unwrapWithRecoveryKey(envelope: RecoveryEnvelope, parsedRecoveryKey: string): Buffer | null {
  if (envelope.kdf !== 'scrypt' || envelope.N > 2 ** 20 || envelope.r > 16 || envelope.p > 4) return null;
  try {
    const key = wrappingKey(parsedRecoveryKey, Buffer.from(envelope.salt, 'base64'), envelope);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
