import { notifications } from '@mantine/notifications';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { PersonneFile } from '../../../../src-shared/views-accueil';
import { applyServerErrors } from '../../../lib/forms';

/**
 * Runs a route that returns the updated file: refreshes the page on success with a confirmation, or puts the
 * errors on the form and returns the general message.
 */
export async function saveFile<T extends FieldValues>(
  call: () => Promise<PersonneFile>,
  onChange: (file: PersonneFile) => void,
  success: string,
  setError?: UseFormSetError<T>,
  fields: readonly string[] = [],
): Promise<string | null> {
  try {
    onChange(await call());
    notifications.show({ color: 'teal', message: success });
    return null;
  } catch (err) {
    const message = applyServerErrors(err, setError ?? (() => undefined), fields);
    if (!setError) notifications.show({ color: 'red', message });
    return message;
  }
}
