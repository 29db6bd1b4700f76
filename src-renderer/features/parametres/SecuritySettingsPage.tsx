import { Button, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { securitySettingsSchema, type SecuritySettings } from '../../../src-shared/schemas/settings';
import { api } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors } from '../../lib/forms';
import { useRouteData } from '../../lib/useRoute';
import { useSessionStore } from '../../stores/session-store';
import { NumberField } from '../../components/fields/NumberField';

const FIELDS = [
  { name: 'idleLockMinutes', label: 'Verrouillage après inactivité (minutes)', description: 'La session se verrouille si personne ne touche au poste pendant ce temps.' },
  { name: 'maxFailedAttempts', label: 'Mots de passe erronés avant blocage', description: 'Au-delà, le compte est bloqué pour la durée ci-dessous.' },
  { name: 'lockoutMinutes', label: 'Durée du blocage (minutes)', description: 'Un administrateur peut débloquer un compte avant la fin.' },
] as const;

export function SecuritySettingsPage() {
  const current = useRouteData('settings.getSecurity');
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SecuritySettings>({ resolver: zodResolver(securitySettingsSchema) });

  useEffect(() => {
    if (current.data) form.reset(current.data);
  }, [current.data, form]);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = await api('settings.updateSecurity', values);
      form.reset(saved);
      const session = useSessionStore.getState().session;
      if (session) useSessionStore.getState().setSession({ ...session, idleLockMinutes: saved.idleLockMinutes });
      notifications.show({ color: 'teal', message: 'Réglages de sécurité enregistrés.' });
    } catch (err) {
      setError(applyServerErrors(err, form.setError, FIELDS.map((f) => f.name)));
    }
  });

  return (
    <>
      <PageHeader title="Sécurité" description="Protection des sessions et des comptes. S’applique à tous les utilisateurs." />
      <Paper withBorder p="lg" maw={560}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={error ?? current.error} />
            {FIELDS.map((f) => (
              <Controller
                key={f.name}
                control={form.control}
                name={f.name}
                render={({ field, fieldState }) => (
                  <NumberField
                    label={f.label}
                    description={f.description}
                    value={Number.isFinite(field.value) ? (field.value as number) : null}
                    onChange={(v) => field.onChange(v ?? Number.NaN)}
                    onBlur={field.onBlur}
                    integer
                    min={1}
                    error={fieldState.error?.message}
                  />
                )}
              />
            ))}
            <Button type="submit" loading={form.formState.isSubmitting} disabled={!current.data}>
              Enregistrer
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
