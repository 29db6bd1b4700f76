/**
 * A federation's key list as a file, for the command line (`--cles liste.csv`): one `siret;kid` per line, as exported
 * from the app's register or typed by hand; several lines for a SIRET that changed keys. Lines that are not a SIRET
 * and a thumbprint (a header, a blank line) are skipped.
 */
import { readFileSync } from 'node:fs';
import type { KeyRegister } from './authenticate';
import type { KeyCheck } from './member-registry';

export class KeyListFile implements KeyRegister {
  private readonly kids = new Map<string, string[]>();

  constructor(text: string) {
    for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      const [siret, kid] = line.split(/[;,\t]/).map((s) => s.trim().replace(/\s+/g, ''));
      if (siret && kid && /^\d{14}$/.test(siret) && /^[A-Za-z0-9_-]{43}$/.test(kid)) this.kids.set(siret, [...(this.kids.get(siret) ?? []), kid]);
    }
  }

  static read(path: string): KeyListFile {
    return new KeyListFile(readFileSync(path, 'utf8'));
  }

  isEmpty(): boolean {
    return this.kids.size === 0;
  }

  check(siret: string, kid: string): KeyCheck {
    const kids = this.kids.get(siret);
    if (!kids) return { kind: 'unknown_siret' };
    return kids.includes(kid) ? { kind: 'registered', nom: siret } : { kind: 'other_key', kids };
  }
}
