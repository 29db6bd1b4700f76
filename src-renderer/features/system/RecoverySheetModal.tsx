import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { RecoverySheetView } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { downloadPdf } from '../../lib/download';
import { useSecurityStatusStore } from '../../stores/security-status-store';

/**
 * Shows the recovery key once, with its printable sheet, and asks the administrator to type it back from the paper:
 * the key is only dropped from memory once the printed copy is proven right. `confirmOnly`: a sheet printed before
 * the app was restarted is confirmed by typing its key, without showing (and so making) a new one.
 */
export function RecoverySheetModal({ opened, onClose, onConfirmed, confirmOnly = false }: { opened: boolean; onClose: () => void; onConfirmed: () => void; confirmOnly?: boolean }) {
  return (
    <Modal opened={opened} onClose={onClose} title={confirmOnly ? 'Confirmer la feuille déjà imprimée' : 'Clé de secours des données'} size="lg">
      {/* Mounted only while open: each opening starts from an empty field and fetches the sheet again. */}
      {opened && <RecoverySheetContent onClose={onClose} onConfirmed={onConfirmed} confirmOnly={confirmOnly} />}
    </Modal>
  );
}

function RecoverySheetContent({ onClose, onConfirmed, confirmOnly }: { onClose: () => void; onConfirmed: () => void; confirmOnly: boolean }) {
  const [sheet, setSheet] = useState<RecoverySheetView | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (confirmOnly) return;
    api('securite.recoverySheet').then(
      (shown) => {
        setSheet(shown);
        // Shown after a restart, the sheet carries a new key: the banner and the settings say so.
        useSecurityStatusStore.getState().changed();
      },
      (err: unknown) => setError(err instanceof ApiError ? err.message : 'Feuille indisponible.'),
    );
  }, [confirmOnly]);
  const canType = confirmOnly || sheet !== null;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('securite.confirmRecoverySheet', { cle: typed });
      notifications.show({ color: 'teal', message: 'Clé de secours confirmée. Rangez la feuille sous clé.' });
      setSheet(null);
      useSecurityStatusStore.getState().changed();
      onConfirmed();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Confirmation impossible.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
        {confirmOnly ? (
          <Text size="sm">
            Reprenez la feuille de clé de secours imprimée avant le dernier démarrage de l’application et recopiez sa clé : si c’est la bonne, la
            feuille est confirmée et vous pouvez la ranger sous clé.
          </Text>
        ) : (
          <Text size="sm">
            Les données sont chiffrées. Cette clé les rouvre sur un nouvel ordinateur, avec une sauvegarde. Sans elle ni ce poste, personne ne pourra
            les récupérer. Imprimez la feuille et rangez-la sous clé, loin de l’ordinateur.
          </Text>
        )}
        {sheet && (
          <>
            <Code block ta="center" fz="xl" fw={700} style={{ letterSpacing: 2 }} aria-label="Clé de secours">
              {sheet.cle}
            </Code>
            <Group>
              <Button variant="light" onClick={() => downloadPdf(sheet.pdf)}>
                Télécharger la feuille à imprimer (PDF)
              </Button>
            </Group>
          </>
        )}
        {canType && (
          <TextInput
            label="Recopiez la clé depuis la feuille imprimée"
            description="Pour vérifier que la feuille est lisible et complète."
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
          />
        )}
        <FormAlert message={error} />
        {sheet && (
          <Alert color="orange" variant="light">
            Tant que la feuille n’est pas confirmée, elle vous sera redemandée. Si vous fermez l’application avant, vous pourrez la confirmer au
            prochain démarrage avec « J’ai déjà imprimé la feuille ».
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Plus tard
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!canType || typed.trim() === ''}>
            Confirmer
          </Button>
        </Group>
    </Stack>
  );
}
