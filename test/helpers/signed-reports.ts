/** Reports of other structures for the federation's tests: the worked example's payload, re-signed with a new key. */
import { generateKeyPairSync } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { calculateJwkThumbprint, exportJWK, FlattenedSign } from 'jose';
import type { ReportPayload } from '../../src-shared/observatoire/report-format';
import { isValidSiret } from '../../src-shared/siret';

export interface MemberReport {
  siret: string;
  kid: string;
  zip: Uint8Array;
}

/** `base`: a real signed report ZIP; each member gets its SIRET, name, département and its own key. */
/** `indicateurs`: values that differ from the base report's, for this member. */
export async function resignedAs(base: Uint8Array, members: Array<{ siret: string; nom: string; departement: string; indicateurs?: Record<string, number> }>): Promise<MemberReport[]> {
  const entries = unzipSync(base);
  const jws = JSON.parse(new TextDecoder().decode(entries['rapport.json'])) as { payload: string };
  const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as ReportPayload;
  const out: MemberReport[] = [];
  for (const m of members) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk, 'sha256');
    const { indicateurs, ...structure } = m;
    const own = { ...payload, structure: { ...payload.structure, ...structure }, indicateurs: { ...payload.indicateurs, ...indicateurs } };
    const signed = await new FlattenedSign(Buffer.from(JSON.stringify(own), 'utf8')).setProtectedHeader({ alg: 'EdDSA', kid, jwk }).sign(privateKey);
    out.push({ siret: m.siret, kid, zip: zipSync({ 'rapport.json': Buffer.from(JSON.stringify(signed)), 'rapport.pdf': entries['rapport.pdf']!, 'indicateurs.csv': entries['indicateurs.csv']! }) });
  }
  return out;
}

/** A SIRET the app accepts (its own Luhn check), different for each `i`. */
export function validSiret(i: number): string {
  const body = `${String(300000000 + i)}0001`;
  for (let d = 0; d < 10; d++) if (isValidSiret(`${body}${d}`)) return `${body}${d}`;
  throw new Error('SIRET impossible');
}
