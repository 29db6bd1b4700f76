/**
 * What the user sees first depends on the state of the app: locked data (recovery key), a damaged database, the first-run wizard, the login,
 * a required password change, the lock screen, or the application itself.
 */
import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import type { JobProgress } from '../../src-shared/jobs';
import { ApiError, followedApi } from '../api';
import { JobProgressView } from '../components/JobProgressView';
import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { DamagedScreen } from '../features/system/DamagedScreen';
import { LockedScreen } from '../features/system/LockedScreen';
import { KioskScreen } from '../features/observatoire/KioskScreen';
import { useSessionStore } from '../stores/session-store';
import { appRouter } from './router';

export function App() {
  const status = useSessionStore((s) => s.status);
  const session = useSessionStore((s) => s.session);
  const kiosk = useSessionStore((s) => s.kiosk);
  const [bootError, setBootError] = useState<string | null>(null);
  // The start's long steps (encrypting an old base), reported as the progress of the first call while it waits.
  const [startup, setStartup] = useState<JobProgress | null>(null);

  const [statusVersion, setStatusVersion] = useState(0);
  const loadStatus = useCallback(async () => setStatusVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    followedApi('system.status', {}, (progress) => current && setStartup(progress)).result.then(
      (result) => {
        if (!current) return;
        useSessionStore.getState().setStatus(result);
        setBootError(null);
      },
      (err: unknown) => {
        if (current) setBootError(err instanceof ApiError ? err.message : "L'application ne répond pas.");
      },
    );
    return () => {
      current = false;
    };
  }, [statusVersion]);

  if (bootError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title="Impossible d'ouvrir Cèdre Parcours" maw={560} role="alert">
          <Text>{bootError}</Text>
        </Alert>
      </Center>
    );
  }
  if (!status) {
    return (
      <Center h="100vh">
        {startup && startup.total ? (
          <Stack gap="sm" w={480} maw="90vw">
            <AppTitle />
            <Text fw={600}>Préparation de vos données</Text>
            <Text size="sm" c="dimmed">
              Cette base date d’avant le chiffrement : elle est chiffrée une fois pour toutes, avec ses sauvegardes. Cela peut prendre
              quelques minutes sur une grande base ; ne fermez pas l’application.
            </Text>
            <JobProgressView label="Démarrage" progress={startup} />
          </Stack>
        ) : (
          <Stack align="center" gap="sm">
            <Loader aria-label="Chargement" />
            <Text c="dimmed">Ouverture de la base de données…</Text>
          </Stack>
        )}
      </Center>
    );
  }
  if (status.state === 'locked') return <LockedScreen status={status} />;
  if (status.state === 'damaged') return <DamagedScreen status={status} onRestored={loadStatus} />;
  if (status.state === 'setup') return <SetupWizard onDone={loadStatus} preset={status.structure} />;
  if (!session) return <LoginScreen structureName={status.structureName} demonstration={status.demonstration} />;
  if (kiosk) return <KioskScreen questionnaire={kiosk} />;
  if (session.locked) return <LockScreen />;
  if (session.user.mustChangePassword) return <ChangePasswordScreen forced />;
  return <RouterProvider router={appRouter} />;
}

export function AppTitle() {
  return (
    <Title order={1} size="h3">
      Cèdre Parcours
    </Title>
  );
}
