import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useRouteData } from '../../lib/useRoute';
import { RecoverySheetModal } from './RecoverySheetModal';

/** Administrators only: until the recovery sheet is printed and confirmed, every page reminds them. */
export function RecoverySheetBanner() {
  const { data, reload } = useRouteData('securite.status');
  const [open, setOpen] = useState(false);
  if (!data?.feuilleAImprimer) return null;
  return (
    <>
      <Alert color="orange" mb="md" role="status" title="Clé de secours à imprimer" className="no-print">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" maw={640}>
            Les données sont chiffrées. Sans la feuille de clé de secours, une panne ou un vol de l’ordinateur rendrait les sauvegardes illisibles.
          </Text>
          <Button color="orange" onClick={() => setOpen(true)}>
            Imprimer la feuille maintenant
          </Button>
        </Group>
      </Alert>
      <RecoverySheetModal
        opened={open}
        onClose={() => setOpen(false)}
        onConfirmed={() => {
          setOpen(false);
          reload();
        }}
      />
    </>
  );
}
