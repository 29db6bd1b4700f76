import { Alert, Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SystemStatus } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { CenteredCard } from '../../components/CenteredCard';
import { useSessionStore } from '../../stores/session-store';
import { RestoreFromFileForm } from './RestoreFromFileForm';

type Locked = Extract<SystemStatus, { state: 'locked' }>;

/** The data is encrypted and this PC cannot open it alone (new PC, new Windows account): the recovery key opens it. */
export function LockedScreen({ status }: { status: Locked }) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showRestore, setShowRestore] = useState(!status.canUnlock);

  const unlock = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      useSessionStore.getState().setStatus(await api('system.unlockData', { cle: key }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Déverrouillage impossible.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredCard title="Données verrouillées" subtitle="Les données des personnes sont chiffrées sur ce poste." width={620}>
      <Stack>
        <Alert color="blue" role="status">
          {status.message}
        </Alert>
        {status.canUnlock && (
          <form onSubmit={(e) => void unlock(e)} noValidate>
            <Stack gap="sm">
              <TextInput
                label="Clé de secours"
                description="Sur la feuille « Clé de secours des données » imprimée à la mise en service"
                value={key}
                onChange={(e) => setKey(e.currentTarget.value)}
                error={error}
                autoComplete="off"
                spellCheck={false}
                data-autofocus
                styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
              />
              <Button type="submit" loading={busy}>
                Déverrouiller
              </Button>
            </Stack>
          </form>
        )}
        <Divider />
        {showRestore ? (
          <RestoreFromFileForm />
        ) : (
          <Text size="sm">
            Vous n’avez que la sauvegarde d’un autre poste ?{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => setShowRestore(true)}>
              Restaurer une sauvegarde
            </Button>
          </Text>
        )}
      </Stack>
    </CenteredCard>
  );
}
