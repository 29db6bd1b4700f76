import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api';

/**
 * Shows a route's error on a react-hook-form form: field messages next to their fields, and returns the message
 * for the top of the form — the general one, followed by any field message the form has no field for.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, knownFields: readonly string[]): string {
  if (!(error instanceof ApiError)) return "Une erreur inattendue est survenue ; rien n'a été enregistré.";
  const elsewhere: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    if (knownFields.includes(field)) setError(field as Path<T>, { type: 'server', message });
    // A problem on a field the form does not show still reaches the person, in the summary at the top.
    else elsewhere.push(message);
  }
  return [error.message, ...elsewhere].join(' ');
}
