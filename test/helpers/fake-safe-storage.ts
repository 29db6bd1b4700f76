import { createHash } from 'node:crypto';
import { vi } from 'vitest';
import { openWithKey, sealWithKey } from '../../src-main/security/aes-gcm-wrap';

/**
 * safeStorage as DPAPI behaves: what one Windows account encrypted, another cannot decrypt. Real AES-GCM under a
 * key derived from the account name, so a wrong account fails like the real one rather than by a flag.
 */
export function fakeSafeStorage(account: string, available = true) {
  const key = createHash('sha256').update(account).digest();
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => available),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from(sealWithKey(key, Buffer.from(text, 'utf8')), 'utf8')),
    decryptStringAsync: vi.fn(async (data: Buffer) => ({ shouldReEncrypt: false, result: openWithKey(key, data.toString('utf8')).toString('utf8') })),
    getSelectedStorageBackend: () => 'dpapi',
  };
}

