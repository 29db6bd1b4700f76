/** What the insertion's routes answer: the person's parcours, refreshed after a write on one of them. */
import { toIsoDate } from '../../../src-shared/rules/dates';
import type { ParcoursView } from '../../../src-shared/views-insertion';
import type { RequestContext } from '../../router';
import { droitsOf } from '../../services/access';

export function parcoursOf(ctx: RequestContext, personneId: string): ParcoursView[] {
  return ctx.open.parcours.ofPersonne(personneId, toIsoDate(ctx.now), droitsOf(ctx.user!).sensibles);
}

/** Runs a write on one parcours and returns its person's parcours, refreshed. */
export function onParcours(ctx: RequestContext, parcoursId: string, write: (dateSortie: string | null) => void): ParcoursView[] {
  const p = ctx.open.parcours.row(parcoursId);
  write(p.dateSortie);
  return parcoursOf(ctx, p.personneId);
}

export const personneOf = (_input: unknown, result: ParcoursView[]) => result[0]?.personneId ?? null;
