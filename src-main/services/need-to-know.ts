/**
 * The main process's side of need-to-know (src-shared/domain/need-to-know.ts): the one way a withheld field is
 * written into an answer. Services build their views through these helpers so that
 * no route decides on its own.
 */
import { WITHHELD, type Withheld } from '../../src-shared/domain/need-to-know';

/**
 * A field some of whose values imply health or justice: its value for a user who may read them, `WITHHELD` for
 * anyone else — for every record, whatever the value (even none), so that nothing can be told from it.
 */
export function withholdUnlessSensitive<T>(value: T, sensibles: boolean): Withheld<T> {
  return sensibles ? value : WITHHELD;
}
