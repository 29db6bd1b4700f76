import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { confirmLeavingUnsaved, hasUnsavedChanges, useUnsavedStore } from '../stores/unsaved-store';

/**
 * Asks before leaving edits that are not saved: on a change of page (router blocker) and wherever a screen calls
 * confirmLeavingUnsaved() (a tab of the person file).
 */
export function UnsavedChangesDialog() {
  const pending = useUnsavedStore((s) => s.pending);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => hasUnsavedChanges() && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void confirmLeavingUnsaved().then((leave) => (leave ? blocker.proceed() : blocker.reset()));
  }, [blocker]);
  return (
    <Modal opened={pending !== null} onClose={() => pending?.(false)} title="Modifications non enregistrées" centered>
      <Text size="sm">Vous avez saisi des informations qui ne sont pas encore enregistrées. Si vous quittez maintenant, elles seront perdues.</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => pending?.(true)}>
          Quitter sans enregistrer
        </Button>
        <Button onClick={() => pending?.(false)} data-autofocus>
          Rester et enregistrer
        </Button>
      </Group>
    </Modal>
  );
}
