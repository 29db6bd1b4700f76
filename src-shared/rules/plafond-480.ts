/**
 * AI: which mises à disposition count towards the cap of 480 hours over 24 months, and when a prefect's derogation
 * lifts it. Code du travail L5132-9 2°: the cap applies to every mise à disposition of the same salarié, except to
 * « personnes physiques pour des activités ne ressortissant pas à leurs exercices professionnels » and to
 * « personnes morales de droit privé à but non lucratif »; the prefect may allow an AI to exceed it for at most three
 * years, renewable (L5132-9, D5132-18-1).
 */
import type { ClientType } from '../domain/insertion';

/**
 * Companies and public bodies always count; associations (private, non-profit) never. A private individual counts
 * only when the person works for their profession (an artisan, a liberal profession), and an « autre » client
 * unless it is a private non-profit body: the structure says so on the client.
 */
export function clientTypeFixes480(type: ClientType): boolean | null {
  if (type === 'entreprise' || type === 'collectivite') return true;
  if (type === 'association') return false;
  return null;
}

/** The default for a new client of this type: a private individual's own needs are exempt, « autre » counts. */
export function defaultSubjectTo480(type: ClientType): boolean {
  return clientTypeFixes480(type) ?? type === 'autre';
}

/** What is stored for a client: the law where the type decides, the structure's answer otherwise. */
export function subjectTo480(type: ClientType, chosen: boolean | null | undefined): boolean {
  return clientTypeFixes480(type) ?? chosen ?? defaultSubjectTo480(type);
}

/** Longest derogation the prefect may grant at once (L5132-9: « pour une durée maximale de trois ans renouvelable »). */
export const DEROGATION_480_MAX_ANS = 3;

/**
 * Whether a prefect's derogation covers `day`: the dated parameter `derogation_480h_jusquau` in force that day holds
 * the end of the derogation ('' when there is none).
 */
export function derogation480Covers(jusquau: string, day: string): boolean {
  return jusquau !== '' && day <= jusquau;
}
