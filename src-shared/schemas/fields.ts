/** Field schemas reused across forms: dates, optional text, codes. Messages are French and name the field. */
import { z } from 'zod';
import { isIsoDate } from '../rules/dates';

export function dateField(label: string) {
  return z.string(`${label} : indiquez une date.`).refine(isIsoDate, `${label} : date incomplète ou qui n’existe pas (JJ/MM/AAAA).`);
}

export function optionalDateField(label: string) {
  return z
    .string()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), `${label} : date incomplète ou qui n’existe pas (JJ/MM/AAAA).`);
}

export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .optional()
    .default('');
}

/** A code from a label map, or null when left empty. */
export function optionalCode<K extends string>(labels: Record<K, string>, message: string) {
  return z
    .string(message)
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || Object.hasOwn(labels, v), message)
    .transform((v) => v as K | null);
}
