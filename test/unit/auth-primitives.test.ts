import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src-main/lib/clock';
import { uuidv7 } from '../../src-main/lib/uuid';
import { hashPassword, verifyPassword } from '../../src-main/services/auth/passwords';
import { SessionStore } from '../../src-main/services/auth/sessions';
import { roleHasPermission, ROLES } from '../../src-shared/roles';

describe('password hashes (scrypt)', () => {
  it('verifies the right password only, and salts every hash', () => {
    const hash = hashPassword('un chêne solide');
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(verifyPassword('un chêne solide', hash)).toBe(true);
    expect(verifyPassword('un chene solide', hash)).toBe(false);
    expect(hashPassword('un chêne solide')).not.toBe(hash);
  });
  it('treats the composed and decomposed forms of an accent as the same password', () => {
    const hash = hashPassword('un ch\u00eane solide');
    expect(verifyPassword('un che\u0302ne solide', hash)).toBe(true);
  });
  it('refuses malformed stored hashes instead of throwing', () => {
    expect(verifyPassword('x', 'md5$abc')).toBe(false);
    expect(verifyPassword('x', '')).toBe(false);
  });
});

describe('sessions', () => {
  it('lock exactly when the idle delay is reached, and not a minute before', () => {
    const clock = new FakeClock(new Date('2026-01-05T08:00:00Z'));
    const store = new SessionStore(clock);
    const s = store.create('u1');
    clock.advanceMinutes(9);
    expect(store.touch(s, 10, false).locked).toBe(false);
    clock.advanceMinutes(1);
    expect(store.touch(s, 10, true).locked).toBe(true);
  });
  it('count only real activity: reading the session does not keep it alive', () => {
    const clock = new FakeClock(new Date('2026-01-05T08:00:00Z'));
    const store = new SessionStore(clock);
    const s = store.create('u1');
    clock.advanceMinutes(6);
    store.touch(s, 10, false);
    clock.advanceMinutes(6);
    expect(store.touch(s, 10, true).locked).toBe(true);
  });
  it("end every session of a user but the caller's", () => {
    const store = new SessionStore(new FakeClock(new Date()));
    const a = store.create('u1');
    const b = store.create('u1');
    const c = store.create('u2');
    store.revokeUser('u1', a.token);
    expect(store.get(a.token)).toBeDefined();
    expect(store.get(b.token)).toBeUndefined();
    expect(store.get(c.token)).toBeDefined();
    expect(store.get(null)).toBeUndefined();
  });
});

describe('identifiers (UUID v7)', () => {
  it('have the v7 layout and sort by creation time', () => {
    const first = uuidv7(1_700_000_000_000);
    const second = uuidv7(1_700_000_000_001);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < second).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7())).size).toBe(1000);
    // The first 48 bits are the milliseconds, big-endian, up to the largest the format holds.
    for (const ms of [0, 1, 0xffffffff, 2 ** 32, 1_700_000_000_000, Date.UTC(2026, 11, 2), 2 ** 48 - 1]) {
      expect(uuidv7(ms).replace('-', '').slice(0, 12)).toBe(ms.toString(16).padStart(12, '0'));
    }
  });
});

describe('permissions', () => {
  it('give account administration to the admin flag only, whatever the role', () => {
    for (const role of ROLES) {
      expect(roleHasPermission(role, false, 'admin')).toBe(false);
      expect(roleHasPermission(role, true, 'admin')).toBe(true);
      expect(roleHasPermission(role, false, 'structure.read')).toBe(true);
    }
    expect(roleHasPermission('direction', false, 'audit.read')).toBe(true);
    expect(roleHasPermission('cip', true, 'audit.read')).toBe(false);
  });
});
