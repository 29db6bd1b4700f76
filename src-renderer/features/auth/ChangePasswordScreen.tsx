import { Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { changePasswordInputSchema } from '../../../src-shared/schemas/auth';
import { PASSWORD_MIN_LENGTH } from '../../../src-shared/schemas/common';
import { api } from '../../api';
import { CenteredCard } from '../../components/CenteredCard';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors } from '../../lib/forms';
import { useSessionStore } from '../../stores/session-store';

type Form = z.input<typeof changePasswordInputSchema>;
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirmation'] as const;

/** `forced`: after an administrator set a temporary password, the user must choose their own before anything else. */
export function ChangePasswordScreen({ forced = false }: { forced?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Form>({
    resolver: zodResolver(changePasswordInputSchema),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordConfirmation: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      useSessionStore.getState().setSession(await api('auth.changePassword', values));
      form.reset();
      notifications.show({ color: 'teal', message: 'Votre mot de passe a été changé.' });
    } catch (err) {
      setError(applyServerErrors(err, form.setError, FIELDS));
    }
  });

  const fields = (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={error} />
        <PasswordInput
          label={forced ? 'Mot de passe temporaire' : 'Mot de passe actuel'}
          autoComplete="current-password"
          autoFocus={forced}
          {...form.register('currentPassword')}
          error={form.formState.errors.currentPassword?.message}
        />
        <PasswordInput
          label="Nouveau mot de passe"
          description={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase facile à retenir convient très bien.`}
          autoComplete="new-password"
          {...form.register('newPassword')}
          error={form.formState.errors.newPassword?.message}
        />
        <PasswordInput
          label="Confirmation du nouveau mot de passe"
          autoComplete="new-password"
          {...form.register('newPasswordConfirmation')}
          error={form.formState.errors.newPasswordConfirmation?.message}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          Enregistrer le nouveau mot de passe
        </Button>
      </Stack>
    </form>
  );

  if (forced) {
    return (
      <CenteredCard title="Choisissez votre mot de passe" subtitle="Un administrateur vous a donné un mot de passe temporaire : remplacez-le par le vôtre.">
        {fields}
      </CenteredCard>
    );
  }
  return (
    <>
      <PageHeader title="Changer mon mot de passe" description="Vos autres sessions ouvertes seront fermées." />
      <Paper withBorder p="lg" maw={480}>
        <Text size="sm" c="dimmed" mb="md">
          Ne communiquez jamais votre mot de passe, même à un collègue.
        </Text>
        {fields}
      </Paper>
    </>
  );
}
