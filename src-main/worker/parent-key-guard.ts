/**
 * The data worker's view of the OS key guard kept by its parent: Electron's safeStorage exists only in the main
 * process, so protecting and unprotecting the data key are asked for over the message port.
 */
import type { OsKeyGuard, OsKeyGuardKind } from '../security/os-key-guard';

export type AskParent = (operation: 'protect' | 'unprotect', argument: string) => Promise<string | null>;

export class ParentKeyGuard implements OsKeyGuard {
  constructor(
    readonly kind: OsKeyGuardKind,
    readonly warning: string | null,
    private readonly ask: AskParent,
  ) {}

  async protect(dataKey: Buffer): Promise<string> {
    const wrapped = await this.ask('protect', dataKey.toString('base64'));
    if (wrapped === null) throw new Error('La protection de la clé par le compte Windows a échoué.');
    return wrapped;
  }

  async unprotect(wrapped: string): Promise<Buffer | null> {
    const key = await this.ask('unprotect', wrapped);
    return key === null ? null : Buffer.from(key, 'base64');
  }
}
