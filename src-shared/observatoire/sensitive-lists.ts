/** Which observatoire lists of persons need `sensibles.read` (src-shared/domain/need-to-know.ts), per dispositif too. */
import { SENSITIVE_PARTITION_PREFIXES } from '../domain/need-to-know';
import { baseId } from './indicateurs';

/** The list behind this count splits persons by a field with health or justice values: need-to-know roles only. */
export function isSensitivePartition(indicatorId: string): boolean {
  const base = baseId(indicatorId);
  return SENSITIVE_PARTITION_PREFIXES.some((prefix) => base.startsWith(prefix));
}
