/**
 * The structure's Ed25519 signing keys (issue 5 §3): created on first need, the private key wrapped by the key
 * protector, identified by their RFC 7638 thumbprint (the `kid` the federation registers for the SIRET). Rotation
 * retires the current key without deleting it, so older reports stay verifiable against their embedded key.
 */
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { JWK } from 'jose';
import { AppError } from '../../../src-shared/errors';
import { uuidv7 } from '../../lib/uuid';
import type { KeyProtector } from './key-protector';

export interface SigningKeyView {
  kid: string;
  publicJwk: JWK;
  createdAt: string;
  createdByName: string | null;
  retiredAt: string | null;
}

interface KeyRow {
  id: string;
  kid: string;
  public_jwk: string;
  private_key_wrapped: string;
  created_at: string;
  retired_at: string | null;
  display_name: string | null;
}

export class SigningKeyService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly protector: KeyProtector,
  ) {}

  list(): SigningKeyView[] {
    return (
      this.sqlite
        .prepare('select k.*, u.display_name from cles_signature k left join users u on u.id = k.created_by order by k.rowid desc')
        .all() as KeyRow[]
    ).map(toView);
  }

  current(): SigningKeyView | null {
    return this.list().find((k) => k.retiredAt === null) ?? null;
  }

  /** The active key, created if the structure has none yet (databases created before this feature). */
  ensure(now: Date, userId: string | null): SigningKeyView {
    return this.current() ?? this.create(now, userId);
  }

  /** A new key becomes the active one; the previous one is retired, kept for verification. */
  rotate(now: Date, userId: string | null): SigningKeyView {
    const key = this.prepareKey();
    this.sqlite.transaction(() => {
      this.sqlite.prepare('update cles_signature set retired_at = ? where retired_at is null').run(now.toISOString());
      this.insert(key, now, userId);
    })();
    return this.current()!;
  }

  private create(now: Date, userId: string | null): SigningKeyView {
    const key = this.prepareKey();
    this.sqlite.transaction(() => {
      if (!this.current()) this.insert(key, now, userId);
    })();
    return this.current()!;
  }

  /** Synchronous, so that the set-up can create the key in its own transaction. */
  private prepareKey(): { kid: string; jwk: JWK; wrapped: string } {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const { x } = publicKey.export({ format: 'jwk' });
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: x! };
    const wrapped = this.protector.wrap(privateKey.export({ type: 'pkcs8', format: 'der' }));
    return { kid: thumbprint(jwk), jwk, wrapped };
  }

  private insert(key: { kid: string; jwk: JWK; wrapped: string }, now: Date, userId: string | null): void {
    this.sqlite
      .prepare('insert into cles_signature (id, kid, public_jwk, private_key_wrapped, created_at, created_by) values (?, ?, ?, ?, ?, ?)')
      .run(uuidv7(now.getTime()), key.kid, JSON.stringify(key.jwk), key.wrapped, now.toISOString(), userId);
  }

  /** The private key of the active key, unwrapped for one signature. */
  privateKey(kid: string): KeyObject {
    const row = this.sqlite.prepare('select private_key_wrapped from cles_signature where kid = ?').get(kid) as { private_key_wrapped: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Clé de signature introuvable.');
    try {
      return createPrivateKey({ key: this.protector.unwrap(row.private_key_wrapped), format: 'der', type: 'pkcs8' });
    } catch {
      throw new AppError(
        'CONFLICT',
        'La clé de signature ne peut pas être déverrouillée sur ce poste (la clé de protection a changé, par exemple après une restauration sur un autre ordinateur). Créez une nouvelle clé dans Observatoire → Clé de signature et envoyez sa fiche à la fédération.',
      );
    }
  }
}

function toView(row: KeyRow): SigningKeyView {
  return { kid: row.kid, publicJwk: JSON.parse(row.public_jwk) as JWK, createdAt: row.created_at, createdByName: row.display_name, retiredAt: row.retired_at };
}

/** RFC 7638: SHA-256 of the required members in lexicographic order, without spaces, base64url. */
export function thumbprint(jwk: { crv: string; kty: string; x: string }): string {
  return createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest('base64url');
}
