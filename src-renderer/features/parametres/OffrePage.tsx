import { Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { offreInsertionSchema, type OffreInsertion } from '../../../src-shared/schemas/diagnostic';
import { api } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { printPdf } from '../../lib/download';
import { applyServerErrors } from '../../lib/forms';
import { useRouteData } from '../../lib/useRoute';
import { useFormGuard } from '../../stores/unsaved-store';

const SECTIONS: Array<{ name: keyof OffreInsertion; label: string; description: string }> = [
  { name: 'presentation', label: 'Qui sommes-nous ?', description: 'La structure, son projet, ses valeurs.' },
  { name: 'activites', label: 'Les activités et les métiers', description: 'Ce que font les salarié·es en parcours, où, avec quels horaires.' },
  { name: 'formations', label: 'Les formations', description: 'Les formations proposées ou financées pendant le parcours.' },
  { name: 'accompagnement', label: 'L’accompagnement', description: 'Le rôle du ou de la CIP, les entretiens, les bilans, le contrat d’engagement.' },
  { name: 'regles', label: 'Les règles de fonctionnement', description: 'Horaires, absences, sécurité, tenue, contacts utiles.' },
];

/** The structure's insertion offer, presented at each intake and printed as the welcome booklet. */
export function OffrePage() {
  const current = useRouteData('offre.get');
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof offreInsertionSchema>, unknown, OffreInsertion>({ resolver: zodResolver(offreInsertionSchema) });
  useFormGuard(form);
  useEffect(() => {
    if (current.data) form.reset(current.data);
  }, [current.data, form]);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      form.reset(await api('offre.update', values));
      notifications.show({ color: 'teal', message: 'Offre d’insertion enregistrée.' });
    } catch (err) {
      setError(applyServerErrors(err, form.setError, SECTIONS.map((s) => s.name)));
    }
  });
  const print = () => printPdf(() => api('documents.livret'), setError);
  return (
    <>
      <PageHeader
        title="Offre d’insertion"
        description="Ce que la structure propose : présenté à chaque accueil et imprimé dans le livret d’accueil."
        actions={
          <Button variant="default" leftSection={<IconFileTypePdf size={18} />} onClick={() => void print()} disabled={form.formState.isDirty}>
            Imprimer le livret d’accueil
          </Button>
        }
      />
      <Paper withBorder p="lg" maw={900}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={error ?? current.error} />
            {SECTIONS.map((s) => (
              <Textarea key={s.name} label={s.label} description={s.description} autosize minRows={3} {...form.register(s.name)} error={form.formState.errors[s.name]?.message} />
            ))}
            <Group>
              <Button type="submit" loading={form.formState.isSubmitting} disabled={!current.data}>
                Enregistrer
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
