import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useRouteData } from '../../lib/useRoute';
import { RecoverySheetModal } from './RecoverySheetModal';
import { useSecurityStatusStore } from '../../stores/security-status-store';

/** Administrators only: until the recovery sheet is printed and confirmed, every page reminds them. */
export function RecoverySheetBanner() {
  const { data } = useRouteData('securite.status', useSecurityStatusStore((s) => s.version));
  const [open, setOpen] = useState<'print' | 'confirm' | null>(null);
  if (!data?.feuilleAImprimer) return null;
  const earlier = data.feuilleDUnDemarragePrecedent;
  return (
    <>
      <Alert color="orange" mb="md" role="status" title="Clé de secours à imprimer" className="no-print">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" maw={640}>
            Les données sont chiffrées. Sans la feuille de clé de secours, une panne ou un vol de l’ordinateur rendrait les sauvegardes illisibles.
            {earlier && ' Si la feuille a été imprimée avant le dernier démarrage, confirmez-la ; une nouvelle feuille remplacerait sa clé.'}
          </Text>
          <Group gap="xs">
            {earlier && (
              <Button color="orange" variant="outline" onClick={() => setOpen('confirm')}>
                J’ai déjà imprimé la feuille
              </Button>
            )}
            <Button color="orange" onClick={() => setOpen('print')}>
              {earlier ? 'Imprimer une nouvelle feuille' : 'Imprimer la feuille maintenant'}
            </Button>
          </Group>
        </Group>
      </Alert>
      <RecoverySheetModal
        opened={open !== null}
        confirmOnly={open === 'confirm'}
        onClose={() => setOpen(null)}
        onConfirmed={() => setOpen(null)}
      />
    </>
  );
}
