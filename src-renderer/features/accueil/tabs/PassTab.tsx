import { isWithheld, WITHHELD_LABEL } from '../../../../src-shared/domain/need-to-know';
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { MOTIFS_PROLONGATION, MOTIFS_SUSPENSION, TOUS_MOTIFS_PROLONGATION, TOUS_MOTIFS_SUSPENSION } from '../../../../src-shared/domain/pass-iae';
import { isIsoDate, toIsoDate } from '../../../../src-shared/rules/dates';
import { formatPassNumber } from '../../../../src-shared/rules/identity';
import { defaultPassEnd } from '../../../../src-shared/rules/pass-iae';
import { addProlongationInputSchema, addSuspensionInputSchema, savePassInputSchema } from '../../../../src-shared/schemas/diagnostic';
import { SIAE_KINDS } from '../../../../src-shared/siae';
import type { PassView } from '../../../../src-shared/views-accueil';
import { api } from '../../../api';
import { FormDateField } from '../../../components/fields/FormDateField';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../lib/format';
import type { TabProps } from '../PersonneFilePage';
import { PASS_COLORS, passLabel } from '../labels';
import { saveFile } from './save-file';
import { useFormGuard } from '../../../stores/unsaved-store';

function NewPass({ file, onChange }: TabProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof savePassInputSchema>>({
    resolver: zodResolver(savePassInputSchema),
    defaultValues: { personneId: file.personne.id, numero: '', dateDebut: '', dateFin: '' },
  });
  useFormGuard(form);
  // The end follows the start while the person has not typed an end of their own; only a whole date counts, never
  // the start while it is being typed (it once became year 0004, issue 14).
  const debut = form.watch('dateDebut');
  const proposedEnd = useRef('');
  useEffect(() => {
    if (!isIsoDate(debut)) return;
    const fin = form.getValues('dateFin');
    if (fin && fin !== proposedEnd.current) return;
    proposedEnd.current = defaultPassEnd(debut);
    form.setValue('dateFin', proposedEnd.current, { shouldDirty: true });
  }, [debut, form]);
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('pass.save', values), onChange, 'PASS IAE enregistré.', form.setError, ['numero', 'dateDebut', 'dateFin']);
    setError(message);
    if (!message) form.reset();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3} size="h4">
          Enregistrer un PASS IAE
        </Title>
        <FormAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Numéro" description="12 lettres ou chiffres, espaces acceptés" {...form.register('numero')} error={form.formState.errors.numero?.message} />
          <FormDateField label="Début" control={form.control} name="dateDebut" />
          <FormDateField label="Fin (24 mois par défaut)" control={form.control} name="dateFin" />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Enregistrer le PASS
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function Suspension({ pass, onChange, onDone }: { pass: PassView; onDone: () => void } & Pick<TabProps, 'onChange'>) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof addSuspensionInputSchema>>({
    resolver: zodResolver(addSuspensionInputSchema),
    defaultValues: { passId: pass.id, dateDebut: toIsoDate(new Date()), dateFin: '', motif: undefined },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('pass.addSuspension', values), onChange, 'Suspension enregistrée.', form.setError, ['dateDebut', 'dateFin', 'motif']);
    setError(message);
    if (!message) onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>Suspendre</Text>
        <FormAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FormDateField label="Du" control={form.control} name="dateDebut" />
          <FormDateField label="Au" control={form.control} name="dateFin" />
          <Controller
            control={form.control}
            name="motif"
            render={({ field, fieldState }) => (
              <Select label="Motif" data={Object.entries(MOTIFS_SUSPENSION).map(([value, label]) => ({ value, label }))} value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />
            )}
          />
        </SimpleGrid>
        <div>
          <Button type="submit" variant="light" loading={form.formState.isSubmitting}>
            Enregistrer la suspension
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function Prolongation({ pass, file, onChange, onDone }: { pass: PassView; onDone: () => void } & TabProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof addProlongationInputSchema>>({
    resolver: zodResolver(addProlongationInputSchema),
    defaultValues: { passId: pass.id, dateFin: '', motif: undefined, dispositif: file.accueils?.[0]?.dispositif ?? 'ACI' },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('pass.addProlongation', values), onChange, 'Prolongation enregistrée.', form.setError, ['dateFin', 'motif', 'dispositif']);
    setError(message);
    if (!message) onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>Prolonger</Text>
        <FormAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FormDateField label="Nouvelle fin" control={form.control} name="dateFin" />
          <Controller
            control={form.control}
            name="motif"
            render={({ field, fieldState }) => (
              <Select label="Motif" data={Object.entries(MOTIFS_PROLONGATION).map(([value, rule]) => ({ value, label: rule.label }))} value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />
            )}
          />
          <Controller
            control={form.control}
            name="dispositif"
            render={({ field }) => <Select label="Dispositif" data={SIAE_KINDS.map((k) => ({ value: k, label: k }))} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} />}
          />
        </SimpleGrid>
        <div>
          <Button type="submit" variant="light" loading={form.formState.isSubmitting}>
            Enregistrer la prolongation
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function PassTab({ file, onChange }: TabProps) {
  const all = file.pass ?? [];
  const [editing, setEditing] = useState<{ passId: string; kind: 'suspension' | 'prolongation' } | null>(null);
  return (
    <Stack gap="lg" maw={980}>
      {all.map((p) => (
        <Paper withBorder p="lg" key={`${p.id}-${p.finCalculee}`}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              PASS IAE {formatPassNumber(p.numero)}
            </Title>
            <Badge color={PASS_COLORS[p.statut]} size="lg" tt="none">
              {passLabel(p.statut)}
            </Badge>
          </Group>
          <Text>
            Du {formatDate(p.dateDebut)} au <strong>{formatDate(p.finCalculee)}</strong>
            {p.finCalculee !== p.dateFin ? ` (fin initiale le ${formatDate(p.dateFin)}, décalée par les suspensions et prolongations)` : ''}.
          </Text>
          {p.carence && (
            <Alert color="orange" mt="sm" title="Délai de carence">
              {p.carence}
            </Alert>
          )}
          {p.alerte && (
            <Alert color="red" mt="sm">
              Le PASS IAE se termine dans moins de 3 mois : préparez la sortie ou une demande de prolongation.
            </Alert>
          )}
          {(p.suspensions.length > 0 || p.prolongations.length > 0) && (
            <Table mt="sm" aria-label="Suspensions et prolongations">
              <Table.Tbody>
                {p.suspensions.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>Suspension</Table.Td>
                    <Table.Td>
                      du {formatDate(s.dateDebut)} au {formatDate(s.dateFin)}
                    </Table.Td>
                    <Table.Td>{TOUS_MOTIFS_SUSPENSION[s.motif]}</Table.Td>
                  </Table.Tr>
                ))}
                {p.prolongations.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>Prolongation</Table.Td>
                    <Table.Td>
                      du {formatDate(s.dateDebut)} au {formatDate(s.dateFin)}
                    </Table.Td>
                    <Table.Td>{isWithheld(s.motif) ? WITHHELD_LABEL : (TOUS_MOTIFS_PROLONGATION[s.motif] ?? s.motif)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {file.droits.passWrite && p.statut !== 'EXPIRED' && (
            <Stack mt="md">
              <Group>
                <Button variant="default" onClick={() => setEditing({ passId: p.id, kind: 'suspension' })}>
                  Suspendre…
                </Button>
                <Button variant="default" onClick={() => setEditing({ passId: p.id, kind: 'prolongation' })}>
                  Prolonger…
                </Button>
              </Group>
              {editing?.passId === p.id && editing.kind === 'suspension' && <Suspension pass={p} onChange={onChange} onDone={() => setEditing(null)} />}
              {editing?.passId === p.id && editing.kind === 'prolongation' && <Prolongation pass={p} file={file} onChange={onChange} onDone={() => setEditing(null)} />}
            </Stack>
          )}
        </Paper>
      ))}
      {all.length === 0 && <Text c="dimmed">Aucun PASS IAE enregistré.</Text>}
      {file.droits.passWrite && (
        <Paper withBorder p="lg">
          <NewPass file={file} onChange={onChange} />
        </Paper>
      )}
    </Stack>
  );
}
