import { Button, List, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { PartenaireIntervention } from '../../../src-shared/views-insertion';
import { formatDate } from '../../lib/format';
import { PARTENAIRE_TYPES, type PartenaireType } from '../../../src-shared/domain/insertion';
import { api } from '../../api';
import { ModalActions } from '../../components/ModalActions';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { options } from '../../lib/options';
import { can } from '../../lib/permissions';
import { useRouteData } from '../../lib/useRoute';
import { useSessionStore } from '../../stores/session-store';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldProps, formErrorsOf, NO_ERRORS, type FormErrors } from '../../lib/form-errors';

/** The partners of the territory and how many parcours each took part in: how the structure involves its territory. */
export function PartenairesPage() {
  const user = useSessionStore((s) => s.session!.user);
  const { data, error, reload } = useRouteData('partenaires.list');
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ nom: '', type: null as PartenaireType | null, contact: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const field = (path: string) => fieldProps('partenaire', errors, path);
  const [open, setOpen] = useState<string | null>(null);
  const [interventions, setInterventions] = useState<PartenaireIntervention[]>([]);
  const toggle = async (id: string) => {
    if (open === id) return setOpen(null);
    setInterventions(await api('partenaires.interventions', { id }).catch(() => []));
    setOpen(id);
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      // The route's own check says when the type is missing, on the field.
      await api('partenaires.save', { ...form, type: form.type as PartenaireType });
      notifications.show({ color: 'teal', message: 'Partenaire ajouté.' });
      setAdding(false);
      setForm({ nom: '', type: null, contact: '' });
      setErrors(NO_ERRORS);
      reload();
    } catch (err) {
      setErrors(formErrorsOf(err));
    }
  };
  return (
    <>
      <PageHeader
        title="Partenaires"
        description="Prescripteurs, organismes de formation, services sociaux, employeurs : qui agit avec la structure, dans combien de parcours."
        actions={
          can(user, 'parcours.write') && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
              Nouveau partenaire
            </Button>
          )
        }
      />
      <FormAlert message={error} />
      <Paper withBorder>
        <Table aria-label="Partenaires">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Parcours concernés</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((p) => (
              <Fragment key={p.id}>
                <Table.Tr>
                  <Table.Td fw={500}>{p.nom}</Table.Td>
                  <Table.Td>{PARTENAIRE_TYPES[p.type]}</Table.Td>
                  <Table.Td>{p.contact}</Table.Td>
                  <Table.Td>
                    {p.interventions > 0 ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => void toggle(p.id)} aria-expanded={open === p.id}>
                        {p.interventions} parcours
                      </Button>
                    ) : (
                      0
                    )}
                  </Table.Td>
                </Table.Tr>
                {open === p.id && (
                  <Table.Tr>
                    <Table.Td colSpan={4} bg="gray.0">
                      <List size="sm" spacing={2}>
                        {interventions.map((i, k) => (
                          <List.Item key={k}>
                            {formatDate(i.date)} — <Link to={`/personnes/${i.personneId}`}>{i.prenom} {i.nom.toUpperCase()}</Link> ({i.dispositif}) : {i.quoi}
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            Aucun partenaire enregistré.
          </Text>
        )}
      </Paper>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Nouveau partenaire">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <ErrorSummary form="partenaire" errors={errors} labels={{ nom: 'Nom', type: 'Type', contact: 'Contact' }} />
            <TextInput label="Nom" required data-autofocus {...field('nom')} value={form.nom} onChange={(e) => setForm({ ...form, nom: e.currentTarget.value })} />
            <Select label="Type" required {...field('type')} data={options(PARTENAIRE_TYPES)} value={form.type} onChange={(v) => setForm({ ...form, type: v as PartenaireType | null })} />
            <TextInput label="Contact" {...field('contact')} value={form.contact} onChange={(e) => setForm({ ...form, contact: e.currentTarget.value })} />
            <ModalActions onCancel={() => setAdding(false)} submitLabel="Ajouter" loading={false} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
