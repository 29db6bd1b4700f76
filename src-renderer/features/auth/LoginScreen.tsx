import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { loginInputSchema } from '../../../src-shared/schemas/auth';
import { api } from '../../api';
import { CenteredCard } from '../../components/CenteredCard';
import { FormAlert } from '../../components/FormAlert';
import { applyServerErrors } from '../../lib/forms';
import { useSessionStore } from '../../stores/session-store';

type LoginForm = z.input<typeof loginInputSchema>;

export function LoginScreen({ structureName, demonstration = false }: { structureName?: string; demonstration?: boolean }) {
  const notice = useSessionStore((s) => s.notice);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginForm>({ resolver: zodResolver(loginInputSchema), defaultValues: { login: '', password: '' } });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      useSessionStore.getState().setSession(await api('auth.login', values));
    } catch (err) {
      setError(applyServerErrors(err, form.setError, []));
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  return (
    <CenteredCard title="Connexion" subtitle={structureName}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {notice && !error && (
            <Alert color="blue" role="status">
              {notice}
            </Alert>
          )}
          {demonstration && (
            <Alert color="teal" variant="light" title="Structure de démonstration">
              Données fictives. Identifiants : direction, cip, encadrant ou accueil ; mot de passe : demonstration.
            </Alert>
          )}
          <FormAlert message={error} />
          <TextInput label="Identifiant" autoComplete="username" autoFocus {...form.register('login')} error={form.formState.errors.login?.message} />
          <PasswordInput
            label="Mot de passe"
            autoComplete="current-password"
            {...form.register('password')}
            error={form.formState.errors.password?.message}
          />
          <Button type="submit" loading={form.formState.isSubmitting}>
            Se connecter
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
