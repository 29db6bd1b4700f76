/** A signing key as the screens show it (routes `cles.*` and `rapports.*`). */
import type { SigningKeyInfo } from '../../../src-shared/views-observatoire';
import type { SigningKeyView } from '../../services/observatoire/signing-keys';

export function keyInfo(k: SigningKeyView): SigningKeyInfo {
  return { kid: k.kid, createdAt: k.createdAt, createdByName: k.createdByName, retiredAt: k.retiredAt };
}
