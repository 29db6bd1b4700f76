import { Alert, Anchor, Button, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { CANAUX } from '../../../src-shared/domain/accueil';
import { toIsoDate } from '../../../src-shared/rules/dates';
import { createPersonneInputSchema } from '../../../src-shared/schemas/personne';
import type { DuplicateHit } from '../../../src-shared/views-accueil';
import { api } from '../../api';
import { FormDateField } from '../../components/fields/FormDateField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { applyServerErrors } from '../../lib/forms';
import { options } from '../../lib/options';
import { can } from '../../lib/permissions';
import { useSessionStore } from '../../stores/session-store';
import { emptyIdentity, IDENTITY_FIELDS, IdentityFields } from './IdentityFields';
import { useFormGuard, useUnsavedStore } from '../../stores/unsaved-store';

type Values = z.input<typeof createPersonneInputSchema>;

/** First contact with someone: who they are and how they came. The diagnostic and decision follow in their file. */
export function NouvelAccueilPage() {
  const user = useSessionStore((s) => s.session!.user);
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateHit[] | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(createPersonneInputSchema),
    defaultValues: {
      ...emptyIdentity(),
      accueil: { datePremierContact: toIsoDate(new Date()), canal: 'physique' },
    },
  });
  useFormGuard(form);

  const save = async (values: Values, ignorerDoublons: boolean) => {
    setError(null);
    try {
      const file = await api('personnes.create', { ...values, ignorerDoublons });
      // Saved: nothing is left unsaved on the way to the new file.
      useUnsavedStore.getState().clear();
      void navigate(`/personnes/${file.personne.id}`);
    } catch (err) {
      setError(applyServerErrors(err, form.setError, [...IDENTITY_FIELDS, 'accueil.datePremierContact', 'accueil.canal']));
    }
  };

  const submit = form.handleSubmit(async (values) => {
    const found = await api('personnes.duplicates', { nom: values.nom, prenom: values.prenom, dateNaissance: values.dateNaissance });
    if (found.length > 0) setDuplicates(found);
    else await save(values, false);
  });

  return (
    <>
      <PageHeader title="Nouvel accueil" description="Les premières informations sur la personne ; le diagnostic et la décision se font ensuite dans son dossier." />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={980}>
          <FormAlert message={error} />
          <Paper withBorder p="lg">
            <Title order={3} size="h4" mb="md">
              Premier contact
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormDateField label="Date du premier contact" required control={form.control} name="accueil.datePremierContact" />
              <Controller
                control={form.control}
                name="accueil.canal"
                render={({ field, fieldState }) => (
                  <Select label="Comment la personne est arrivée" required data={options(CANAUX)} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} error={fieldState.error?.message} />
                )}
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="lg">
            <Title order={3} size="h4" mb="md">
              La personne
            </Title>
            <Stack>
              <IdentityFields form={form} showNir={can(user, 'nir.read')} showSensitive={can(user, 'sensibles.read')} />
            </Stack>
          </Paper>
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Enregistrer et ouvrir le dossier
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={duplicates !== null} onClose={() => setDuplicates(null)} title="Cette personne est peut-être déjà connue" size="lg">
        <Stack>
          <Alert color="yellow">Un dossier existe déjà au même nom, avec la même date de naissance. Vérifiez avant d’en créer un second.</Alert>
          <List>
            {(duplicates ?? []).map((d) => (
              <List.Item key={d.id}>
                {/* Choosing the person already known abandons this new intake on purpose. */}
                <Anchor component={Link} to={`/personnes/${d.id}`} onClick={() => useUnsavedStore.getState().clear()}>
                  {d.prenom} {d.nom}
                </Anchor>{' '}
                <Text span c="dimmed">
                  née ou né le {formatDate(d.dateNaissance)}
                  {d.commune ? `, ${d.commune}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDuplicates(null)}>
              Revenir au formulaire
            </Button>
            <Button
              color="yellow"
              onClick={() => {
                setDuplicates(null);
                void save(form.getValues(), true);
              }}
            >
              C’est une autre personne : créer le dossier
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
