/**
 * Checks a JWS in flattened JSON serialisation signed with Ed25519 and carrying its public key (the annual report's
 * `rapport.json`, the federation's repères file): EdDSA only, no extension, the `kid` equal to the key's RFC 7638
 * thumbprint, the signature over the exact bytes. Verified with node:crypto (synchronous, ~0.1 ms): a federation
 * checks thousands at once. Whether the key is the *expected* one is the caller's question (a thumbprint it trusts).
 */
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { thumbprint } from '../services/observatoire/signing-keys';

export type FlattenedCheck =
  | { ok: true; kid: string; payloadBytes: Uint8Array }
  /** `tampered`: well formed, but the signed content or the signature was changed (the key id is known). */
  | { ok: false; message: string; tampered: boolean; kid: string | null };

export function verifyFlattenedEd25519(bytes: Uint8Array, fileName: string): FlattenedCheck {
  const fail = (message: string): FlattenedCheck => ({ ok: false, message, tampered: false, kid: null });
  let jws: { protected?: unknown; payload?: unknown; signature?: unknown };
  try {
    jws = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as typeof jws;
  } catch {
    return fail(`Archive malformée : ${fileName} n’est pas un JSON lisible (fichier modifié ou endommagé).`);
  }
  if (typeof jws !== 'object' || jws === null || typeof jws.protected !== 'string' || typeof jws.payload !== 'string' || typeof jws.signature !== 'string') {
    return fail(`Archive malformée : ${fileName} n’est pas une signature JWS en sérialisation JSON aplatie.`);
  }
  const flattened = { protected: jws.protected, payload: jws.payload, signature: jws.signature };
  // A character outside base64url is a changed byte: the header unreadable, or the signed content modified.
  const base64url = /^[A-Za-z0-9_-]+$/;
  if (!base64url.test(flattened.protected)) return fail('Signature : l’en-tête protégé est illisible.');
  const tampered = !base64url.test(flattened.payload) || !base64url.test(flattened.signature);
  let header: { alg?: unknown; kid?: unknown; jwk?: unknown; crit?: unknown; b64?: unknown };
  try {
    header = JSON.parse(Buffer.from(flattened.protected, 'base64url').toString('utf8')) as typeof header;
    if (typeof header !== 'object' || header === null) throw new Error('en-tête');
  } catch {
    return fail('Signature : l’en-tête protégé est illisible.');
  }
  if (header.alg !== 'EdDSA') return fail(`Signature : algorithme « ${String(header.alg)} » refusé (EdDSA attendu).`);
  if (header.crit !== undefined || header.b64 !== undefined) return fail('Signature : en-tête protégé avec des extensions non prises en charge (crit, b64).');
  const jwk = header.jwk as { kty?: unknown; crv?: unknown; x?: unknown } | undefined;
  if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return fail('Signature : la clé publique jointe (jwk) est absente ou n’est pas une clé Ed25519.');
  const kid = typeof header.kid === 'string' ? header.kid : null;
  if (kid === null || kid !== thumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x })) return fail('Signature : l’identifiant de clé (kid) ne correspond pas à l’empreinte de la clé jointe.');
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    if (tampered) throw new Error('base64url');
    const signed = cryptoVerify(null, Buffer.from(`${flattened.protected}.${flattened.payload}`, 'ascii'), key, Buffer.from(flattened.signature, 'base64url'));
    if (!signed) throw new Error('signature');
    return { ok: true, kid, payloadBytes: Buffer.from(flattened.payload, 'base64url') };
  } catch {
    return { ok: false, message: `Signature invalide : le contenu de ${fileName} a été modifié, ou il n’a pas été signé par la clé jointe.`, tampered: true, kid };
  }
}
