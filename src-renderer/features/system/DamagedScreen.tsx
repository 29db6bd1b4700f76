import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SystemStatus } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { CenteredCard } from '../../components/CenteredCard';
import { formatDateTime } from '../../lib/format';

type Damaged = Extract<SystemStatus, { state: 'damaged' }>;

/** The database cannot be opened. Nothing is reset: the user may put the latest backup back, and the damaged file is kept. */
export function DamagedScreen({ status, onRestored }: { status: Damaged; onRestored: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const backup = status.latestBackup;

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('system.restoreLatestBackup');
      await onRestored();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'La restauration a échoué.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredCard title="La base de données ne peut pas être ouverte" width={620}>
      <Stack>
        <Alert color="red" role="alert">
          {status.message}
        </Alert>
        {backup ? (
          <>
            <Text>
              La dernière sauvegarde date du <strong>{formatDateTime(backup.createdAt)}</strong>. La restaurer remet les données dans
              l’état de ce moment-là ; le fichier endommagé est conservé à côté, renommé, pour votre support.
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button onClick={() => void restore()} loading={busy}>
              Restaurer la sauvegarde du {formatDateTime(backup.createdAt)}
            </Button>
          </>
        ) : (
          <Text>
            Aucune sauvegarde n’a été trouvée. Ne supprimez pas le fichier : contactez votre support, qui pourra peut-être le réparer.
          </Text>
        )}
      </Stack>
    </CenteredCard>
  );
}
