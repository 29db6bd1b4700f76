import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CANAUX, DECISIONS, DECISIONS_AVEC_MOTIF, MOTIFS_DECISION } from '../../../../src-shared/domain/accueil';
import { toIsoDate } from '../../../../src-shared/rules/dates';
import { createAccueilInputSchema, decideAccueilInputSchema, updateAccueilInputSchema } from '../../../../src-shared/schemas/personne';
import { SIAE_KIND_LABELS, SIAE_KINDS } from '../../../../src-shared/siae';
import type { AccueilView, ReferentOption } from '../../../../src-shared/views-accueil';
import { api } from '../../../api';
import { FormDateField } from '../../../components/fields/FormDateField';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../lib/format';
import { options } from '../../../lib/options';
import { useSessionStore } from '../../../stores/session-store';
import type { TabProps } from '../PersonneFilePage';
import { saveFile } from './save-file';
import { useFormGuard } from '../../../stores/unsaved-store';

function IntakeForm({ accueil, file, onChange, referents }: TabProps & { accueil: AccueilView; referents: ReferentOption[] }) {
  const me = useSessionStore((s) => s.session!.user);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof updateAccueilInputSchema>>({
    resolver: zodResolver(updateAccueilInputSchema),
    defaultValues: {
      id: accueil.id,
      datePremierContact: accueil.datePremierContact,
      canal: accueil.canal,
      dateOffrePresentee: accueil.dateOffrePresentee ?? '',
      offrePresenteePar: accueil.offrePresenteePar?.id ?? me.id,
      dateNoticeRgpd: accueil.dateNoticeRgpd ?? '',
      dateDiagnostic: accueil.dateDiagnostic ?? '',
      souhaits: accueil.souhaits,
    },
  });
  useFormGuard(form);
  const errors = form.formState.errors;
  const readOnly = !file.droits.accueilWrite;
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('accueils.update', values), onChange, 'Accueil enregistré.', form.setError, [
        'datePremierContact', 'canal', 'dateOffrePresentee', 'offrePresenteePar', 'dateNoticeRgpd', 'dateDiagnostic', 'souhaits',
      ]);
    setError(message);
    // Saved: these values are the form's new starting point (nothing left unsaved).
    if (!message) form.reset(values);
  });
  const people = [{ value: me.id, label: me.displayName }, ...referents.filter((r) => r.id !== me.id).map((r) => ({ value: r.id, label: r.displayName }))];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FormDateField label="Premier contact" required readOnly={readOnly} control={form.control} name="datePremierContact" />
          <Controller
            control={form.control}
            name="canal"
            render={({ field }) => <Select label="Arrivée" data={options(CANAUX)} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} disabled={readOnly} />}
          />
          <FormDateField label="Diagnostic socio-professionnel fait le" readOnly={readOnly} control={form.control} name="dateDiagnostic" />
          <FormDateField label="Offre d’insertion présentée le" readOnly={readOnly} control={form.control} name="dateOffrePresentee" />
          <Controller
            control={form.control}
            name="offrePresenteePar"
            render={({ field }) => <Select label="Présentée par" data={people} value={field.value ?? null} onChange={field.onChange} clearable disabled={readOnly} />}
          />
          <FormDateField label="Notice données personnelles remise le" readOnly={readOnly} control={form.control} name="dateNoticeRgpd" />
        </SimpleGrid>
        <Textarea
          label="Ce que la personne souhaite faire, avec ses mots"
          description="Notez ses propres mots, sans interprétation."
          autosize
          minRows={2}
          readOnly={readOnly}
          {...form.register('souhaits')}
          error={errors.souhaits?.message}
        />
        {!readOnly && (
          <div>
            <Button type="submit" variant="light" loading={form.formState.isSubmitting}>
              Enregistrer l’accueil
            </Button>
          </div>
        )}
      </Stack>
    </form>
  );
}

function DecisionForm({ accueil, file, onChange, referents }: TabProps & { accueil: AccueilView; referents: ReferentOption[] }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof decideAccueilInputSchema>>({
    resolver: zodResolver(decideAccueilInputSchema),
    defaultValues: {
      id: accueil.id,
      decision: accueil.decision,
      dateDecision: accueil.dateDecision ?? toIsoDate(new Date()),
      motifDecision: accueil.motifDecision,
      reorientationVers: accueil.reorientationVers,
      dispositif: accueil.dispositif,
      referentId: accueil.referent?.id ?? null,
    },
  });
  useFormGuard(form);
  const decision = form.watch('decision');
  const readOnly = !file.droits.diagnosticWrite;
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('accueils.decide', values), onChange, values.decision ? 'Décision enregistrée.' : 'Remis sur la liste d’attente.', form.setError, [
        'decision', 'dateDecision', 'motifDecision', 'reorientationVers', 'dispositif', 'referentId',
      ]);
    setError(message);
    // Saved: these values are the form's new starting point (nothing left unsaved).
    if (!message) form.reset(values);
  });
  const select = (name: 'decision' | 'motifDecision' | 'dispositif' | 'referentId', label: string, data: Array<{ value: string; label: string }>, placeholder?: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select label={label} data={data} value={(field.value as string | null) ?? null} onChange={field.onChange} placeholder={placeholder} clearable error={fieldState.error?.message} disabled={readOnly} />
      )}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {select('decision', 'Décision', options(DECISIONS), 'En attente (liste d’attente)')}
          {decision && <FormDateField label="Date de la décision" readOnly={readOnly} control={form.control} name="dateDecision" />}
          {decision && DECISIONS_AVEC_MOTIF.includes(decision) && select('motifDecision', 'Motif', options(MOTIFS_DECISION))}
          {decision === 'entree' && select('dispositif', 'Dispositif du parcours', SIAE_KINDS.map((k) => ({ value: k, label: `${k} — ${SIAE_KIND_LABELS[k]}` })))}
          {select('referentId', 'Référent·e', referents.map((r) => ({ value: r.id, label: r.displayName })))}
        </SimpleGrid>
        {decision === 'reorientation' && (
          <Textarea label="Réorientée vers (structure, dispositif, contact)" autosize readOnly={readOnly} {...form.register('reorientationVers')} error={form.formState.errors.reorientationVers?.message} />
        )}
        {!readOnly && (
          <div>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Enregistrer la décision
            </Button>
          </div>
        )}
      </Stack>
    </form>
  );
}

function NewIntake({ file, onChange }: TabProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createAccueilInputSchema>>({
    resolver: zodResolver(createAccueilInputSchema),
    defaultValues: { personneId: file.personne.id, datePremierContact: toIsoDate(new Date()), canal: 'physique' },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('accueils.create', values), onChange, 'Nouvel accueil ouvert.', form.setError, ['datePremierContact', 'canal']);
    setError(message);
    if (!message) form.reset(values);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <FormDateField label="Nouveau contact le" control={form.control} name="datePremierContact" />
        <Controller
          control={form.control}
          name="canal"
          render={({ field }) => <Select label="Arrivée" data={options(CANAUX)} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} />}
        />
        <Button type="submit" variant="default" loading={form.formState.isSubmitting}>
          Ouvrir un nouvel accueil
        </Button>
      </Group>
      <FormAlert message={error} />
    </form>
  );
}

export function AccueilTab({ file, onChange }: TabProps) {
  const [referents, setReferents] = useState<ReferentOption[]>([]);
  useEffect(() => {
    api('referents.list').then(setReferents, () => setReferents([]));
  }, []);
  const accueils = file.accueils ?? [];
  return (
    <Stack gap="lg" maw={980}>
      {accueils.map((a, i) => (
        <Paper withBorder p="lg" key={`${a.id}-${a.decision}-${a.dateDecision}`}>
          <Title order={3} size="h4" mb={4}>
            {i === 0 ? 'Accueil en cours' : 'Accueil précédent'} — premier contact le {formatDate(a.datePremierContact)}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Présenter l’offre d’insertion, remettre la notice sur les données personnelles, faire le diagnostic avec la personne, puis décider ensemble.
          </Text>
          <IntakeForm accueil={a} file={file} onChange={onChange} referents={referents} />
          <Title order={4} size="h5" mt="xl" mb="sm">
            Décision
          </Title>
          <DecisionForm accueil={a} file={file} onChange={onChange} referents={referents} />
        </Paper>
      ))}
      {file.droits.accueilWrite && (
        <Paper withBorder p="lg">
          <NewIntake file={file} onChange={onChange} />
        </Paper>
      )}
    </Stack>
  );
}
