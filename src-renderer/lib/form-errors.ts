import { ApiError } from '../api';

/**
 * A route's refusal as a form shows it (issue 14 §2): the general message for the summary at the top, and every
 * field's message by its path in the route's input (`dateFin`, `entrees.3.heures`), so that each lands next to its
 * field. One mapping for every form, whether it uses react-hook-form or plain state.
 */
export interface FormErrors {
  message: string | null;
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { message: null, fields: {} };

export function formErrorsOf(err: unknown): FormErrors {
  if (err instanceof ApiError) return { message: err.message, fields: err.fields };
  return { message: 'Une erreur inattendue est survenue ; rien n’a été enregistré.', fields: {} };
}

/** The message for a field: its own path, or the first message of a path below it (`entrees.3` holds `entrees.3.heures`). */
export function errorAt(errors: FormErrors, path: string): string | undefined {
  if (errors.fields[path]) return errors.fields[path];
  const below = Object.keys(errors.fields).find((k) => k.startsWith(`${path}.`));
  return below ? errors.fields[below] : undefined;
}

/** The DOM id of a form's field, which the summary's links point to. */
export function fieldId(form: string, path: string): string {
  return `${form}--${path.replace(/[^\w-]/g, '-')}`;
}

/** What a form passes to one of its fields: the id the summary links to, and the field's message. */
export function fieldProps(form: string, errors: FormErrors, path: string): { id: string; error: string | undefined } {
  return { id: fieldId(form, path), error: errorAt(errors, path) };
}
