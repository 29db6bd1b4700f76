import { Badge, Button, Group, Paper, Select, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { NATURES_BESOIN, ORIGINES_ACTION, ORIGINES_RECLAMATION, PUBLICS_SATISFACTION } from '../../../src-shared/domain/qualite';
import type { QualityRegisters } from '../../../src-shared/views';
import { api } from '../../api';
import { DateField } from '../../components/fields/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { NumberField } from '../../components/fields/NumberField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldProps, formErrorsOf, NO_ERRORS, type FormErrors } from '../../lib/form-errors';
import { useUnsavedChanges } from '../../stores/unsaved-store';

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const today = () => new Date().toISOString().slice(0, 10);

type Form = Record<string, string | number | null>;

/**
 * The quality registers of the CEDRE approach: the continuous-improvement plan, complaints, the territory's unmet
 * needs and satisfaction answers. They feed the "Qualité et territoire" indicators of the annual report.
 */
/** The registers' fields by their path in the routes' input, as the error summary names them. */
const QUALITE_LABELS = { intitule: 'Action', responsable: 'Responsable', indicateur: 'Indicateur visé', echeance: 'Échéance', date: 'Date', objet: 'Objet', description: 'Description', note: 'Note', commentaire: 'Commentaire', public: 'Public', nature: 'Nature' };

export function QualitePage() {
  const { data, error } = useRouteData('qualite.registres');
  const [registers, setRegisters] = useState<QualityRegisters | null>(null);
  const [form, setForm] = useState<Form>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  useUnsavedChanges(Object.values(form).some((v) => v !== null && v !== '' && v !== undefined));
  const shown = registers ?? data;
  // Each field carries its own refusal and the id the summary links to.
  const field = (k: string) => ({ ...fieldProps('qualite', errors, k), value: (form[k] as string | null) ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value }) });
  const dateField = (k: string) => ({ ...fieldProps('qualite', errors, k), value: (form[k] as string | null) ?? '', onChange: (v: string) => setForm({ ...form, [k]: v }) });

  const save = async (route: 'qualite.saveAction' | 'qualite.saveReclamation' | 'qualite.addBesoin' | 'qualite.addSatisfaction', input: Record<string, unknown>) => {
    setErrors(NO_ERRORS);
    try {
      setRegisters(await (api as (r: string, i: unknown) => Promise<QualityRegisters>)(route, input));
      setForm({});
    } catch (err) {
      setErrors(formErrorsOf(err));
    }
  };
  const close = (route: 'qualite.saveAction' | 'qualite.saveReclamation', row: Record<string, unknown>) => save(route, { ...row, dateCloture: today() });

  return (
    <>
      <PageHeader title="Qualité et amélioration continue" description="Les registres de la démarche CEDRE ; ils alimentent la partie « Qualité et territoire » du rapport annuel." />
      <FormAlert message={error} />
      <ErrorSummary form="qualite" errors={errors} labels={QUALITE_LABELS} />
      <Tabs defaultValue="plan" onChange={() => setForm({})}>
        <Tabs.List mb="md">
          <Tabs.Tab value="plan">Plan d’amélioration</Tabs.Tab>
          <Tabs.Tab value="reclamations">Réclamations</Tabs.Tab>
          <Tabs.Tab value="besoins">Besoins non satisfaits</Tabs.Tab>
          <Tabs.Tab value="satisfaction">Satisfaction</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan">
          <Paper withBorder p="md" mb="md">
            <Group align="flex-end" wrap="wrap">
              <TextInput label="Action" w={320} {...field('intitule')} />
              <Select label="Origine" w={200} data={options(ORIGINES_ACTION)} value={(form.origine as string) ?? null} onChange={(v) => setForm({ ...form, origine: v })} />
              <TextInput label="Responsable" w={160} {...field('responsable')} />
              <TextInput label="Indicateur visé" w={220} {...field('indicateur')} />
              <DateField label="Échéance" w={160} {...dateField('echeance')} />
              <Button onClick={() => void save('qualite.saveAction', { id: null, intitule: form.intitule ?? '', origine: form.origine, responsable: form.responsable ?? '', indicateur: form.indicateur ?? '', dateOuverture: today(), echeance: form.echeance || null, dateCloture: null, resultat: '' })}>
                Ajouter
              </Button>
            </Group>
          </Paper>
          <Table striped aria-label="Plan d’amélioration">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Origine</Table.Th>
                <Table.Th>Responsable</Table.Th>
                <Table.Th>Échéance</Table.Th>
                <Table.Th>État</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown?.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm">{a.intitule}</Text>
                    {a.indicateur && (
                      <Text size="xs" c="dimmed">
                        {a.indicateur}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{ORIGINES_ACTION[a.origine as keyof typeof ORIGINES_ACTION]}</Table.Td>
                  <Table.Td>{a.responsable || '—'}</Table.Td>
                  <Table.Td>
                    {a.echeance ? formatDate(a.echeance) : '—'}{' '}
                    {!a.dateCloture && a.echeance && a.echeance < today() && (
                      <Badge color="red" variant="light">
                        en retard
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.dateCloture ? (
                      `Close le ${formatDate(a.dateCloture)}`
                    ) : (
                      <Button size="compact-xs" variant="subtle" onClick={() => void close('qualite.saveAction', a)}>
                        Clore aujourd’hui
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="reclamations">
          <Paper withBorder p="md" mb="md">
            <Group align="flex-end" wrap="wrap">
              <DateField label="Date" w={160} {...dateField('date')} />
              <Select label="De la part de" w={180} data={options(ORIGINES_RECLAMATION)} value={(form.origine as string) ?? null} onChange={(v) => setForm({ ...form, origine: v })} />
              <TextInput label="Objet" w={360} {...field('objet')} />
              <Button onClick={() => void save('qualite.saveReclamation', { id: null, date: form.date || today(), origine: form.origine, objet: form.objet ?? '', traitement: '', dateCloture: null })}>Enregistrer</Button>
            </Group>
          </Paper>
          <Table striped aria-label="Réclamations">
            <Table.Tbody>
              {shown?.reclamations.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.date)}</Table.Td>
                  <Table.Td>{ORIGINES_RECLAMATION[r.origine as keyof typeof ORIGINES_RECLAMATION]}</Table.Td>
                  <Table.Td>{r.objet}</Table.Td>
                  <Table.Td>
                    {r.dateCloture ? (
                      `Traitée le ${formatDate(r.dateCloture)}`
                    ) : (
                      <Button size="compact-xs" variant="subtle" onClick={() => void close('qualite.saveReclamation', r)}>
                        Marquer traitée
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="besoins">
          <Paper withBorder p="md" mb="md">
            <Group align="flex-end" wrap="wrap">
              <DateField label="Date" w={160} {...dateField('date')} />
              <Select label="Nature" w={300} data={options(NATURES_BESOIN)} value={(form.nature as string) ?? null} onChange={(v) => setForm({ ...form, nature: v })} />
              <TextInput label="Description" w={360} {...field('description')} />
              <Button onClick={() => void save('qualite.addBesoin', { date: form.date || today(), nature: form.nature, description: form.description ?? '' })}>Enregistrer</Button>
            </Group>
          </Paper>
          <Table striped aria-label="Besoins non satisfaits">
            <Table.Tbody>
              {shown?.besoins.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{formatDate(b.date)}</Table.Td>
                  <Table.Td>{NATURES_BESOIN[b.nature as keyof typeof NATURES_BESOIN]}</Table.Td>
                  <Table.Td>{b.description}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="satisfaction">
          <Paper withBorder p="md" mb="md">
            <Group align="flex-end" wrap="wrap">
              <DateField label="Date" w={160} {...dateField('date')} />
              <Select label="Qui répond" w={160} data={options(PUBLICS_SATISFACTION)} value={(form.public as string) ?? null} onChange={(v) => setForm({ ...form, public: v })} />
              <NumberField label="Note (1 à 5)" {...fieldProps('qualite', errors, 'note')} w={130} min={1} max={5} integer value={(form.note as number | null) ?? null} onChange={(v) => setForm({ ...form, note: v })} />
              <TextInput label="Commentaire" w={320} {...field('commentaire')} />
              <Button onClick={() => void save('qualite.addSatisfaction', { date: form.date || today(), public: form.public, note: form.note, commentaire: form.commentaire ?? '' })}>Enregistrer</Button>
            </Group>
          </Paper>
          <Table striped aria-label="Réponses de satisfaction">
            <Table.Tbody>
              {shown?.satisfaction.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDate(s.date)}</Table.Td>
                  <Table.Td>{PUBLICS_SATISFACTION[s.public as keyof typeof PUBLICS_SATISFACTION]}</Table.Td>
                  <Table.Td>{s.note} / 5</Table.Td>
                  <Table.Td>{s.commentaire}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
