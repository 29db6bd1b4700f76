import { afterEach, describe, expect, it } from 'vitest';
import { wrapWithRecoveryKey } from '../../src-main/security/data-key-envelope';
import { generateRecoveryKey } from '../../src-main/security/recovery-key';
import { PRODUCTION_SCRYPT_COST, scryptCost, TEST_SCRYPT_COST } from '../../src-main/security/scrypt-cost';
import { hashPassword, verifyPassword } from '../../src-main/services/auth/passwords';

const testSetting = process.env.CEDRE_SCRYPT_COST;
afterEach(() => {
  process.env.CEDRE_SCRYPT_COST = testSetting;
});

describe('scrypt cost', () => {
  it('is the production cost (N = 2^15, r = 8) for password hashes and recovery envelopes outside the test setting', () => {
    delete process.env.CEDRE_SCRYPT_COST;
    const hash = hashPassword('un chêne solide');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(verifyPassword('un chêne solide', hash)).toBe(true);
    const envelope = wrapWithRecoveryKey(Buffer.alloc(32, 7), generateRecoveryKey());
    expect([envelope.N, envelope.r, envelope.p]).toEqual([2 ** 15, 8, 1]);
  });

  it('ignores the cheap setting outside a test run, so an installed app can never be weakened by a variable', () => {
    expect(scryptCost({ CEDRE_SCRYPT_COST: 'test' })).toEqual(PRODUCTION_SCRYPT_COST);
    expect(scryptCost({ CEDRE_SCRYPT_COST: 'test', NODE_ENV: 'production' })).toEqual(PRODUCTION_SCRYPT_COST);
    expect(scryptCost({ CEDRE_SCRYPT_COST: 'test', VITEST: 'true' })).toEqual(TEST_SCRYPT_COST);
  });

  it('still checks a hash made at the other cost: the parameters travel with the hash', () => {
    delete process.env.CEDRE_SCRYPT_COST;
    const productionHash = hashPassword('mot de passe');
    process.env.CEDRE_SCRYPT_COST = 'test';
    const cheapHash = hashPassword('mot de passe');
    expect(cheapHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(verifyPassword('mot de passe', productionHash)).toBe(true);
    expect(verifyPassword('mot de passe', cheapHash)).toBe(true);
  });
});
