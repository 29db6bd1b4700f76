import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ParcoursView } from '../../../../src-shared/views-insertion';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { withConfirmation } from '../../../stores/confirm-store';

/**
 * Runs a route that returns the person's parcours, refreshes them, and reports the outcome; true when saved. Unusual
 * values the route asks to confirm are shown first (withConfirmation); every refusal goes to `setErrors`, its field
 * messages by path, for the form's fields and its ErrorSummary.
 */
export async function saveParcours(call: (confirme: boolean) => Promise<ParcoursView[]>, onChange: (all: ParcoursView[]) => void, success: string, setErrors: (e: FormErrors) => void): Promise<boolean> {
  try {
    const saved = await withConfirmation(call);
    if (saved === null) return false;
    onChange(saved);
    notifications.show({ color: 'teal', message: success });
    setErrors(NO_ERRORS);
    return true;
  } catch (err) {
    setErrors(formErrorsOf(err));
    return false;
  }
}

/** The save and cancel buttons under an inline form. */
export function InlineFormButtons({ label, onSave, onCancel, disabled = false }: { label: string; onSave: () => void; onCancel: () => void; disabled?: boolean }) {
  return (
    <Group>
      <Button size="sm" onClick={onSave} disabled={disabled}>
        {label}
      </Button>
      <Button size="sm" variant="default" onClick={onCancel}>
        Annuler
      </Button>
    </Group>
  );
}
