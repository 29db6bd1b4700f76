import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { scryptCost } from '../../security/scrypt-cost';

/**
 * Password hashes with scrypt from node:crypto. Parameters are stored in the hash so they can be raised later
 * without breaking existing accounts: `scrypt$N$r$p$salt$hash` (base64).
 */
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export function hashPassword(password: string): string {
  const { N, r, p } = scryptCost();
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Spent on unknown logins so that response time does not reveal which logins exist. */
export const DUMMY_HASH = hashPassword(randomBytes(12).toString('base64'));
