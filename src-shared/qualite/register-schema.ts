/** The input schema of a quality register, built from its description (registers.ts): one rule per field kind. */
import { z } from 'zod';
import { isIsoDate } from '../rules/dates';
import type { RegisterField, RegisterSpec } from './registers';
import { uploadedFileSchema } from '../schemas/observatoire';

function fieldSchema(f: RegisterField): z.ZodType {
  const required = `${f.label} : à remplir.`;
  switch (f.kind) {
    case 'date': {
      const d = z.string().refine(isIsoDate, `${f.label} : date invalide.`);
      return f.required ? z.string(required).min(1, required).pipe(d) : z.string().nullish().transform((v) => v || null).pipe(d.nullable());
    }
    case 'number': {
      const n = z.number(`${f.label} : un nombre.`).min(f.min ?? 0, `${f.label} : ${f.min ?? 0} au moins.`).max(f.max ?? 1e9, `${f.label} : ${f.max} au plus.`);
      return f.required ? n : n.nullish().transform((v) => v ?? null);
    }
    case 'select':
      return z.enum(Object.keys(f.options!) as [string, ...string[]], `${f.label} : choisissez dans la liste.`);
    case 'ref':
      return z.string(required).min(1, required).max(64);
    default: {
      const t = z.string().trim().max(f.max ?? 5000, `${f.label} : ${f.max ?? 5000} caractères au plus.`);
      return f.required ? z.string(required).trim().min(1, required).pipe(t) : t.nullish().transform((v) => v || null);
    }
  }
}

export function registerRowSchema(spec: RegisterSpec) {
  return z.object({ id: z.string().max(64).nullable().default(null), ...Object.fromEntries(spec.fields.map((f) => [f.name, fieldSchema(f)])) }).strict();
}

const registerKey = z.enum(['personnel', 'formations', 'environnement', 'temps_collectifs', 'propositions', 'documents', 'audits'], 'Registre inconnu.');
export const registerListInputSchema = z.object({ registre: registerKey }).strict();
/** The row is checked by its register's own schema in the main process (`registerRowSchema`). */
export const registerSaveInputSchema = z.object({ registre: registerKey, ligne: z.record(z.string(), z.unknown()) }).strict();
export const registerToActionInputSchema = z.object({ registre: registerKey, id: z.string().max(64) }).strict();
export const attachFileInputSchema = z.object({ documentId: z.string().max(64), file: uploadedFileSchema }).strict();
