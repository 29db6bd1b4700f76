/**
 * The desktop app keeps the data key with Electron's safeStorage (Windows: DPAPI, the user's account; macOS: the
 * keychain), through the asynchronous API: the synchronous one is removed in Electron 46 (tech-notes §4). On Linux
 * without a secret store, safeStorage falls back to a hard-coded password ("basic_text"): that protects nothing, so
 * the guard is refused and the recovery key is asked at each start instead.
 */
import type { OsKeyGuard } from '../../security/os-key-guard';

/**
 * The part of Electron's `safeStorage` used here, so tests can pass a fake. The asynchronous API is used where the
 * Electron version has it; the synchronous one (same encryption, removed in Electron 46) otherwise.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<string | { result: string }>;
  isEncryptionAvailable?(): boolean;
  encryptString?(plainText: string): Buffer;
  decryptString?(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

async function available(s: SafeStorageLike): Promise<boolean> {
  try {
    if (s.isAsyncEncryptionAvailable && s.encryptStringAsync && s.decryptStringAsync) return await s.isAsyncEncryptionAvailable();
    return !!(s.isEncryptionAvailable && s.encryptString && s.decryptString && s.isEncryptionAvailable());
  } catch {
    return false;
  }
}

export class SafeStorageGuard implements OsKeyGuard {
  readonly kind = 'safeStorage' as const;
  readonly warning = null;

  private constructor(private readonly safeStorage: SafeStorageLike) {}

  /** null when safeStorage cannot protect anything on this system. */
  static async create(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<SafeStorageGuard | null> {
    if (!(await available(safeStorage))) return null;
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
    return new SafeStorageGuard(safeStorage);
  }

  async protect(dataKey: Buffer): Promise<string> {
    const s = this.safeStorage;
    const sealed = s.encryptStringAsync ? await s.encryptStringAsync(dataKey.toString('hex')) : s.encryptString!(dataKey.toString('hex'));
    return sealed.toString('base64');
  }

  async unprotect(wrapped: string): Promise<Buffer | null> {
    try {
      const s = this.safeStorage;
      const sealed = Buffer.from(wrapped, 'base64');
      const decrypted = s.decryptStringAsync ? await s.decryptStringAsync(sealed) : s.decryptString!(sealed);
      const hex = typeof decrypted === 'string' ? decrypted : decrypted.result;
      return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
    } catch {
      // Another Windows account or another PC: DPAPI refuses. The recovery key is asked.
      return null;
    }
  }
}
