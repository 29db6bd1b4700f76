import { Button, Group, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatShortDate } from '../../../src-shared/format/french-date';
import type { MemberKeyView } from '../../../src-shared/views-observatoire';
import { api } from '../../api';
import { DateField } from '../../components/fields/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../../lib/form-errors';
import { formatSiret } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { askToConfirm } from '../../stores/confirm-store';

interface Draft {
  id: string | null;
  siret: string;
  nom: string;
  kid: string;
  dateFiche: string;
  retireeLe: string;
}
const EMPTY: Draft = { id: null, siret: '', nom: '', kid: '', dateFiche: '', retireeLe: '' };

/**
 * The federation's register of its members' keys (issue 17 §3): typed from each registration sheet, it is what lets
 * « Vérifier un rapport » say *valide* (the key is the member's) and not only *intègre*.
 */
export function MembresPage() {
  const { data, error } = useRouteData('federation.membres');
  const [rows, setRows] = useState<MemberKeyView[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const shown = rows ?? data ?? [];

  const save = async () => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      setRows(await api('federation.enregistrerMembre', { ...draft, retireeLe: draft.retireeLe || null }));
      setDraft(EMPTY);
    } catch (err) {
      setErrors(formErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (m: MemberKeyView) => {
    if (!(await askToConfirm({ title: 'Retirer cette clé du registre ?', points: [`Les rapports de ${m.nom} signés avec elle ne seront plus reconnus comme authentiques.`, 'Pour une clé remplacée, indiquez plutôt sa date de retrait.'], confirmLabel: 'Retirer du registre', color: 'red' }))) return;
    try {
      setRows(await api('federation.retirerMembre', { id: m.id }));
    } catch (err) {
      setErrors(formErrorsOf(err));
    }
  };
  const field = (k: keyof Draft) => ({ value: draft[k] ?? '', error: errors.fields[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [k]: e.currentTarget.value }) });

  return (
    <>
      <PageHeader
        title="Registre des clés des membres"
        description="Pour une fédération : l’empreinte de la clé de chaque structure, recopiée de sa fiche d’enregistrement. La vérification des rapports s’y réfère d’elle-même."
      />
      <FormAlert message={error ?? errors.message} />
      <Paper withBorder p="md" mb="md" maw={1000}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="SIRET" required inputMode="numeric" {...field('siret')} />
          <TextInput label="Nom de la structure" required {...field('nom')} />
          <DateField label="Date de la fiche" required value={draft.dateFiche} onChange={(v) => setDraft({ ...draft, dateFiche: v })} error={errors.fields.dateFiche} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
          <TextInput label="Empreinte de la clé (kid)" required description="43 caractères, tels qu’imprimés sur la fiche" style={{ gridColumn: 'span 2' }} styles={{ input: { fontFamily: 'monospace' } }} {...field('kid')} />
          <DateField label="Clé retirée le" description="Quand la structure en a changé" value={draft.retireeLe} onChange={(v) => setDraft({ ...draft, retireeLe: v })} error={errors.fields.retireeLe} />
        </SimpleGrid>
        <Group mt="md">
          <Button onClick={() => void save()} loading={busy}>
            {draft.id ? 'Enregistrer les modifications' : 'Ajouter au registre'}
          </Button>
          {draft.id && (
            <Button variant="subtle" onClick={() => setDraft(EMPTY)}>
              Annuler
            </Button>
          )}
        </Group>
      </Paper>
      <Paper withBorder maw={1000}>
        <Table aria-label="Registre des clés">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Structure</Table.Th>
              <Table.Th>SIRET</Table.Th>
              <Table.Th>Empreinte</Table.Th>
              <Table.Th>Fiche du</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    Aucune clé enregistrée : sans registre, un rapport vérifié est seulement « intègre, mais clé non vérifiée ».
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {shown.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.nom}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSiret(m.siret)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {m.kid}
                  </Text>
                </Table.Td>
                <Table.Td>{formatShortDate(m.dateFiche)}</Table.Td>
                <Table.Td>{m.retireeLe ? `Retirée le ${formatShortDate(m.retireeLe)}` : 'En service'}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setDraft({ ...m, retireeLe: m.retireeLe ?? '' })} aria-label={`Modifier la clé de ${m.nom}`}>
                      Modifier
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(m)} aria-label={`Retirer la clé de ${m.nom}`}>
                      Retirer
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
