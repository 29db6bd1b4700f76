/** What the accueil's routes answer: the person file, refreshed after a write, and how they audit it. */
import { toIsoDate } from '../../../src-shared/rules/dates';
import type { PersonneFile } from '../../../src-shared/views-accueil';
import type { RequestContext } from '../../router';

export function today(ctx: RequestContext): string {
  return toIsoDate(ctx.now);
}

export function fileOf(ctx: RequestContext, personneId: string): PersonneFile {
  return ctx.open.personnes.file(personneId, ctx.user!, today(ctx));
}

export const personneOf = (_input: unknown, result: PersonneFile) => result.personne.id;

export const audit = (action: 'read' | 'create' | 'update' | 'delete', entity = 'personne') => ({ action, entity, recordId: personneOf });
