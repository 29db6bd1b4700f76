import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey, RECOVERY_KEY_LENGTH } from '../../src-main/security/recovery-key';

describe('recovery key', () => {
  it('is six groups of five from an alphabet without I, L, O, U, and different each time', () => {
    const keys = new Set(Array.from({ length: 200 }, generateRecoveryKey));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(parseRecoveryKey(key)).toEqual({ ok: true, key: key.replace(/-/g, '') });
    }
  });

  it('reads what people type: case, spaces, O for 0, I and L for 1', () => {
    const key = generateRecoveryKey().replace(/-/g, '');
    const sloppy = ` ${key.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `.replace(/(.{7})/g, '$1 ');
    expect(parseRecoveryKey(sloppy)).toEqual({ ok: true, key });
    expect(formatRecoveryKey(key)).toHaveLength(RECOVERY_KEY_LENGTH + 5);
  });

  it('detects every single miscopied character', () => {
    const key = generateRecoveryKey().replace(/-/g, '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < key.length; i++) {
      for (const other of alphabet.replace(key[i]!, '')) {
        const typo = key.slice(0, i) + other + key.slice(i + 1);
        expect(parseRecoveryKey(typo)).toMatchObject({ ok: false, message: expect.stringMatching(/mal recopiée/) });
      }
    }
  });
});
