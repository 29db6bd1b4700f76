import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { NIVEAUX_COMPETENCE } from '../../../../src-shared/domain/accueil';
import { FREIN_NIVEAUX, FREIN_TYPES, FREINS_SENSIBLES, type FreinType } from '../../../../src-shared/domain/freins';
import { toIsoDate } from '../../../../src-shared/rules/dates';
import { saveCompetenceInputSchema, saveFreinInputSchema } from '../../../../src-shared/schemas/diagnostic';
import type { CompetenceView, FreinView } from '../../../../src-shared/views-accueil';
import { api } from '../../../api';
import { FormDateField } from '../../../components/fields/FormDateField';
import { FormAlert } from '../../../components/FormAlert';
import { ModalActions } from '../../../components/ModalActions';
import { formatDate } from '../../../lib/format';
import { numericOptions, options } from '../../../lib/options';
import type { TabProps } from '../PersonneFilePage';
import { saveFile } from './save-file';
import { useFormGuard } from '../../../stores/unsaved-store';

function FreinModal({ file, onChange, frein, onClose }: TabProps & { frein: FreinView | null; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const types = options(FREIN_TYPES).filter((t) => file.droits.sensibles || !FREINS_SENSIBLES.includes(t.value));
  const form = useForm<z.input<typeof saveFreinInputSchema>>({
    resolver: zodResolver(saveFreinInputSchema),
    defaultValues: frein
      ? { ...frein, personneId: file.personne.id, dateLevee: frein.dateLevee ?? '' }
      : { personneId: file.personne.id, type: undefined, niveau: 2, commentaire: '', dateIdentification: toIsoDate(new Date()), dateLevee: '' },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('freins.save', values), onChange, 'Frein enregistré.', form.setError, ['type', 'niveau', 'commentaire', 'dateIdentification', 'dateLevee']);
    setError(message);
    if (!message) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={frein ? 'Modifier le frein' : 'Frein identifié avec la personne'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <Controller
            control={form.control}
            name="type"
            render={({ field, fieldState }) => <Select label="Type de frein" required data={types} value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} data-autofocus />}
          />
          <Controller
            control={form.control}
            name="niveau"
            render={({ field, fieldState }) => (
              <Select label="Importance" data={numericOptions(FREIN_NIVEAUX)} value={String(field.value)} onChange={(v) => field.onChange(Number(v))} allowDeselect={false} error={fieldState.error?.message} />
            )}
          />
          <TextInput label="Commentaire" description="Court et factuel, sans jugement de valeur : la personne peut demander à le lire." {...form.register('commentaire')} error={form.formState.errors.commentaire?.message} />
          <SimpleGrid cols={2}>
            <FormDateField label="Identifié le" required control={form.control} name="dateIdentification" />
            <FormDateField label="Levé le" control={form.control} name="dateLevee" />
          </SimpleGrid>
          <ModalActions onCancel={onClose} submitLabel="Enregistrer" loading={form.formState.isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}

function CompetenceModal({ file, onChange, onClose }: TabProps & { onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof saveCompetenceInputSchema>>({
    resolver: zodResolver(saveCompetenceInputSchema),
    defaultValues: { personneId: file.personne.id, libelle: '', codeRome: '', niveau: 2, dateEvaluation: toIsoDate(new Date()) },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('competences.save', values), onChange, 'Compétence enregistrée.', form.setError, ['libelle', 'codeRome', 'niveau', 'dateEvaluation']);
    setError(message);
    if (!message) onClose();
  });
  return (
    <Modal opened onClose={onClose} title="Compétence ou métier évalué" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <TextInput label="Compétence ou métier" required data-autofocus {...form.register('libelle')} error={form.formState.errors.libelle?.message} />
          <SimpleGrid cols={3}>
            <TextInput label="Code ROME" description="Facultatif, ex. A1203" {...form.register('codeRome')} error={form.formState.errors.codeRome?.message} />
            <Controller
              control={form.control}
              name="niveau"
              render={({ field }) => <Select label="Niveau" data={numericOptions(NIVEAUX_COMPETENCE)} value={String(field.value)} onChange={(v) => field.onChange(Number(v))} allowDeselect={false} />}
            />
            <FormDateField label="Évaluée le" control={form.control} name="dateEvaluation" />
          </SimpleGrid>
          <ModalActions onCancel={onClose} submitLabel="Enregistrer" loading={form.formState.isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}

export function DiagnosticTab({ file, onChange }: TabProps) {
  const [freinDialog, setFreinDialog] = useState<FreinView | 'new' | null>(null);
  const [competenceDialog, setCompetenceDialog] = useState(false);
  const canDiagnose = file.droits.diagnosticWrite;
  const removeCompetence = (c: CompetenceView) => void saveFile(() => api('competences.delete', { id: c.id }), onChange, 'Compétence retirée.');
  const removeFrein = (f: FreinView) => void saveFile(() => api('freins.delete', { id: f.id }), onChange, 'Frein retiré.');
  return (
    <Stack gap="lg" maw={980}>
      {file.freins && (
        <Paper withBorder p="lg">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4">
              Freins à l’emploi
            </Title>
            {canDiagnose && <Button variant="light" onClick={() => setFreinDialog('new')}>Ajouter un frein</Button>}
          </Group>
          {file.freins.length === 0 ? (
            <Text c="dimmed">Aucun frein identifié.</Text>
          ) : (
            <Table aria-label="Freins">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Frein</Table.Th>
                  <Table.Th>Importance</Table.Th>
                  <Table.Th>Identifié le</Table.Th>
                  <Table.Th>État</Table.Th>
                  <Table.Th>Commentaire</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.freins.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{FREIN_TYPES[f.type as FreinType]}</Table.Td>
                    <Table.Td>{FREIN_NIVEAUX[f.niveau]}</Table.Td>
                    <Table.Td>{formatDate(f.dateIdentification)}</Table.Td>
                    <Table.Td>{f.dateLevee ? <Badge color="teal" variant="light" tt="none">Levé le {formatDate(f.dateLevee)}</Badge> : <Badge color="orange" variant="light" tt="none">En cours</Badge>}</Table.Td>
                    <Table.Td>{f.commentaire}</Table.Td>
                    <Table.Td>
                      {canDiagnose && (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Modifier le frein ${FREIN_TYPES[f.type]}`} onClick={() => setFreinDialog(f)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={`Retirer le frein ${FREIN_TYPES[f.type]}`} onClick={() => removeFrein(f)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      <Paper withBorder p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            Compétences et métiers
          </Title>
          {file.droits.accueilWrite && <Button variant="light" onClick={() => setCompetenceDialog(true)}>Ajouter une compétence</Button>}
        </Group>
        {file.competences.length === 0 ? (
          <Text c="dimmed">Aucune compétence évaluée.</Text>
        ) : (
          <Table aria-label="Compétences">
            <Table.Tbody>
              {file.competences.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.libelle}
                    {c.codeRome && <Text span c="dimmed"> ({c.codeRome})</Text>}
                  </Table.Td>
                  <Table.Td>{NIVEAUX_COMPETENCE[c.niveau]}</Table.Td>
                  <Table.Td>évaluée le {formatDate(c.dateEvaluation)}</Table.Td>
                  <Table.Td>
                    {file.droits.accueilWrite && (
                      <ActionIcon variant="subtle" color="red" aria-label={`Retirer ${c.libelle}`} onClick={() => removeCompetence(c)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {freinDialog && <FreinModal file={file} onChange={onChange} frein={freinDialog === 'new' ? null : freinDialog} onClose={() => setFreinDialog(null)} />}
      {competenceDialog && <CompetenceModal file={file} onChange={onChange} onClose={() => setCompetenceDialog(false)} />}
    </Stack>
  );
}
