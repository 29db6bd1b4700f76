import { createHash } from 'node:crypto';

/** SHA-256 in lowercase hex: the documents' digests in a signed report (REPORT-SPEC §4). */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
