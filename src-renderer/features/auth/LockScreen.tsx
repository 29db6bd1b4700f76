import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { unlockInputSchema } from '../../../src-shared/schemas/auth';
import { api, ApiError } from '../../api';
import { CenteredCard } from '../../components/CenteredCard';
import { FormAlert } from '../../components/FormAlert';
import { useSessionStore } from '../../stores/session-store';

/** Replaces the whole application (nothing of the data stays on screen) until the password is typed again. */
export function LockScreen() {
  const session = useSessionStore((s) => s.session)!;
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof unlockInputSchema>>({ resolver: zodResolver(unlockInputSchema), defaultValues: { password: '' } });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      useSessionStore.getState().setSession(await api('auth.unlock', values));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED' && /bloqué/.test(err.message)) {
        useSessionStore.getState().clearSession(err.message);
        return;
      }
      setError(err instanceof ApiError ? err.message : 'Déverrouillage impossible.');
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  const logout = async () => {
    await api('auth.logout').catch(() => undefined);
    useSessionStore.getState().clearSession();
  };

  return (
    <CenteredCard title="Session verrouillée" subtitle={`${session.user.displayName} (${session.user.login})`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">La session a été verrouillée pour protéger les dossiers. Saisissez votre mot de passe pour reprendre.</Text>
          <FormAlert message={error} />
          <PasswordInput label="Mot de passe" autoComplete="current-password" autoFocus {...form.register('password')} error={form.formState.errors.password?.message} />
          <Group justify="space-between">
            <Button variant="subtle" color="gray" onClick={() => void logout()}>
              Changer d’utilisateur
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Déverrouiller
            </Button>
          </Group>
        </Stack>
      </form>
    </CenteredCard>
  );
}
