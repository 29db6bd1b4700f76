import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ParcoursView } from '../../../../src-shared/views-insertion';
import { ApiError } from '../../../api';

/** Runs a route that returns the person's parcours, refreshes them, and reports the outcome; true when saved. */
export async function saveParcours(call: () => Promise<ParcoursView[]>, onChange: (all: ParcoursView[]) => void, success: string, setError: (m: string | null) => void): Promise<boolean> {
  try {
    onChange(await call());
    notifications.show({ color: 'teal', message: success });
    setError(null);
    return true;
  } catch (err) {
    setError(err instanceof ApiError ? err.message : 'Enregistrement impossible.');
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
