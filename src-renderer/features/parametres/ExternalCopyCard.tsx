import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconUsb } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExternalCopySettings, ExternalCopyStatus } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';

const FREQUENCES = [
  { value: 'jamais', label: 'Seulement à la demande' },
  { value: 'quotidienne', label: 'Chaque jour (au démarrage, si le dossier est là)' },
  { value: 'hebdomadaire', label: 'Chaque semaine (au démarrage, si le dossier est là)' },
];

/** A copy of the latest backup on a USB key or another disk: the backups beside the database die with the PC. */
export function ExternalCopyCard() {
  const { data } = useRouteData('backups.externalStatus');
  const [status, setStatus] = useState<ExternalCopyStatus | null>(null);
  const [form, setForm] = useState<ExternalCopySettings | null>(null);
  const [busy, setBusy] = useState<'save' | 'copy' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = status ?? data;
  const values: ExternalCopySettings = form ?? { dossier: current?.dossier ?? '', frequence: current?.frequence ?? 'jamais' };

  const run = async (what: 'save' | 'copy') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'save') setStatus(await api('backups.configureExternal', { dossier: values.dossier ?? '', frequence: values.frequence }));
      else {
        if (form) await api('backups.configureExternal', { dossier: values.dossier ?? '', frequence: values.frequence });
        setStatus(await api('backups.copyExternal'));
        notifications.show({ color: 'teal', message: 'Copie faite et vérifiée.' });
      }
      setForm(null);
    } catch (err) {
      const message = err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Action impossible.';
      const refreshed = await api('backups.externalStatus').catch(() => null);
      setStatus(refreshed);
      // A failed copy is already shown as the last attempt: once is enough.
      if (refreshed?.dernierEchec !== message) setError(message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={4} mb={4}>
        Copie sur une clé USB ou un autre disque
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Les sauvegardes ci-dessus sont sur le même disque que les données : si l’ordinateur est volé ou tombe en panne, elles disparaissent avec lui. Une
        copie régulière sur une clé USB rangée ailleurs les protège. Les dix dernières copies sont gardées dans le dossier.
      </Text>
      <Stack>
        <Group align="flex-end">
          <TextInput label="Dossier de la copie" placeholder="E:\Sauvegardes Cèdre" w={360} value={values.dossier ?? ''} onChange={(e) => setForm({ ...values, dossier: e.currentTarget.value })} />
          <Select label="Fréquence" w={360} data={FREQUENCES} value={values.frequence} onChange={(v) => v && setForm({ ...values, frequence: v as ExternalCopySettings['frequence'] })} allowDeselect={false} />
          <Button leftSection={<IconDeviceFloppy size={18} />} variant="default" onClick={() => void run('save')} loading={busy === 'save'} disabled={!form}>
            Enregistrer
          </Button>
          <Button leftSection={<IconUsb size={18} />} onClick={() => void run('copy')} loading={busy === 'copy'} disabled={!values.dossier}>
            Copier maintenant
          </Button>
        </Group>
        <FormAlert message={error} />
        {current?.derniereCopie && <Text size="sm">Dernière copie réussie : {formatDateTime(current.derniereCopie)}.</Text>}
        {current?.dernierEchec && (
          <Alert color="orange" title={`Dernière tentative le ${formatDateTime(current.derniereTentative!)}`}>
            {current.dernierEchec}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
