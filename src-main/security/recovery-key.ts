/**
 * The recovery key a person keeps on paper: 30 characters in six groups of five, from an alphabet without the
 * letters people confuse (Crockford's base 32: no I, L, O, U). 29 random characters (145 bits) and one check
 * character, so a miscopied key gets "mal recopiée" rather than "incorrecte".
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 29;
export const RECOVERY_KEY_LENGTH = RANDOM_CHARS + 1;

/** Odd weights modulo 32: any single wrong character changes the sum (an odd weight times a difference below 32). */
function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (2 * i + 1) * ALPHABET.indexOf(body[i]!);
  return ALPHABET[sum % 32]!;
}

export function generateRecoveryKey(): string {
  let body = '';
  for (let i = 0; i < RANDOM_CHARS; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return formatRecoveryKey(body + checkChar(body));
}

/** "ABCDE-FGHJK-…" for display and printing. */
export function formatRecoveryKey(normalised: string): string {
  return normalised.match(/.{1,5}/g)!.join('-');
}

export type RecoveryKeyParse = { ok: true; key: string } | { ok: false; message: string };

/**
 * What a person types: any case, spaces or dashes anywhere, O for 0 and I or L for 1. Returns the canonical form
 * (without separators), or why it cannot be a recovery key.
 */
export function parseRecoveryKey(typed: string): RecoveryKeyParse {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length === 0) return { ok: false, message: 'Saisissez la clé de secours.' };
  const wrong = [...cleaned].find((c) => !ALPHABET.includes(c));
  if (wrong) return { ok: false, message: `La clé de secours ne contient pas le caractère « ${wrong} » : vérifiez la feuille.` };
  if (cleaned.length !== RECOVERY_KEY_LENGTH) {
    return { ok: false, message: `La clé de secours compte ${RECOVERY_KEY_LENGTH} caractères (6 groupes de 5) ; vous en avez saisi ${cleaned.length}.` };
  }
  const body = cleaned.slice(0, RANDOM_CHARS);
  if (checkChar(body) !== cleaned[RANDOM_CHARS]) {
    return { ok: false, message: 'La clé de secours semble mal recopiée : un caractère au moins ne correspond pas. Vérifiez chaque groupe.' };
  }
  return { ok: true, key: cleaned };
}
