import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api';

/**
 * Shows a route's error on the form: field messages next to their fields, and returns the general message
 * (or null when every problem was attached to a field the form has).
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, knownFields: readonly string[]): string {
  if (!(error instanceof ApiError)) return "Une erreur inattendue est survenue ; rien n'a été enregistré.";
  for (const [field, message] of Object.entries(error.fields)) {
    if (knownFields.includes(field)) setError(field as Path<T>, { type: 'server', message });
  }
  return error.message;
}
