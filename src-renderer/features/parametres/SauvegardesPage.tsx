import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupView } from '../../../src-shared/views';
import { ApiError } from '../../api';
import { JobProgressView } from '../../components/JobProgressView';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useFollowedCall } from '../../lib/useFollowedCall';
import { useRouteData } from '../../lib/useRoute';
import { useSessionStore } from '../../stores/session-store';
import { ExternalCopyCard } from './ExternalCopyCard';
import { EncryptionCard } from './EncryptionCard';

const REASONS: Record<string, string> = {
  quotidienne: 'Automatique (quotidienne)',
  fermeture: 'Automatique (fermeture)',
  manuelle: 'Faite à la main',
  'avant-migration': 'Avant une mise à jour',
  'avant-restauration': 'Avant une restauration',
  'avant-chiffrement': 'Avant le chiffrement des données',
  copie: 'Pour la copie sur clé USB',
};

/** Backups of the database: take one now, or put one back (the current state is saved first). */
export function SauvegardesPage() {
  const { data, error, reload } = useRouteData('backups.list');
  const [list, setList] = useState<BackupView[] | null>(null);
  const [confirm, setConfirm] = useState<BackupView | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useFollowedCall();
  const [actionError, setActionError] = useState<string | null>(null);
  const shown = list ?? data ?? [];

  const backupNow = async () => {
    setBusy(true);
    try {
      const made = await job.run('backups.create', {});
      if (!made) return;
      setList(made);
      notifications.show({ color: 'teal', message: 'Sauvegarde faite et vérifiée.' });
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : 'Sauvegarde impossible.');
    } finally {
      setBusy(false);
    }
  };

  const restore = async (b: BackupView) => {
    setBusy(true);
    try {
      const status = await job.run('backups.restore', { file: b.file });
      if (!status) return;
      useSessionStore.getState().setStatus(status);
      useSessionStore.getState().clearSession(`Données restaurées à l’état du ${formatDateTime(b.createdAt)}. Reconnectez-vous.`);
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : 'Restauration impossible.');
      setConfirm(null);
      reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Sauvegardes"
        description="Faites automatiquement chaque jour et à chaque fermeture, vérifiées après écriture."
        actions={
          <Button leftSection={<IconDatabaseExport size={18} />} onClick={() => void backupNow()} loading={busy && !confirm}>
            Sauvegarder maintenant
          </Button>
        }
      />
      {busy && !confirm && <JobProgressView label="Sauvegarde en cours…" progress={job.progress} />}
      <FormAlert message={actionError ?? error} />
      <Paper withBorder mt="sm">
        <Table aria-label="Sauvegardes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Origine</Table.Th>
              <Table.Th>Taille</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((b, i) => (
              <Table.Tr key={b.file}>
                <Table.Td>
                  {formatDateTime(b.createdAt)}{' '}
                  {i === 0 && (
                    <Badge size="sm" variant="light" tt="none">
                      la plus récente
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{REASONS[b.reason] ?? b.reason}</Table.Td>
                <Table.Td>{formatNumber(b.sizeBytes / 1024)} Ko</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setConfirm(b)}>
                    Restaurer…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            Aucune sauvegarde pour l’instant.
          </Text>
        )}
      </Paper>
      <ExternalCopyCard />
      <EncryptionCard />
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Restaurer une sauvegarde">
        {confirm && (
          <Stack>
            <Alert color="orange">
              Les données reviendront à leur état du <strong>{formatDateTime(confirm.createdAt)}</strong>. Ce qui a été saisi depuis ne sera plus
              dans l’application : une sauvegarde de l’état actuel est faite juste avant, pour pouvoir revenir en arrière. Tout le monde devra se
              reconnecter.
            </Alert>
            {busy && <JobProgressView label="Restauration en cours…" progress={job.progress} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)} disabled={busy}>
                Annuler
              </Button>
              <Button color="orange" loading={busy} onClick={() => void restore(confirm)}>
                Restaurer
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
