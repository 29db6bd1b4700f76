import { Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SIAE_KIND_LABELS, type SiaeKind } from '../../../src-shared/siae';
import type { ConventionView } from '../../../src-shared/views-observatoire';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { NumberField } from '../../components/fields/NumberField';

/** Each dispositif's annexe financière per year: the ETP conventionnés behind the realisation rate. */
export function ConventionsPage() {
  const structure = useRouteData('structure.get');
  const kinds = structure.data?.dispositifs ?? [];
  const { data, error } = useRouteData('conventions.list');
  const [rows, setRows] = useState<ConventionView[] | null>(null);
  const [form, setForm] = useState<{ kind: SiaeKind | null; annee: number; annexe: string; etp: number | null }>({ kind: null, annee: new Date().getFullYear(), annexe: '', etp: null });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = rows ?? data ?? [];

  const save = async () => {
    const kind = form.kind ?? kinds[0];
    if (!kind) return;
    setBusy(true);
    setFormError(null);
    try {
      setRows(await api('conventions.save', { kind, annee: form.annee, annexeFinanciere: form.annexe, etpConventionnes: form.etp }));
    } catch (err) {
      setFormError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Enregistrement impossible.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Conventions (ETP)" description="Les ETP conventionnés de chaque année, par dispositif, tels qu’inscrits dans l’annexe financière." />
      <FormAlert message={error ?? formError} />
      <Paper withBorder p="md" mb="md">
        <Group align="flex-end">
          <Select label="Dispositif" w={200} data={kinds.map((k) => ({ value: k, label: `${k} — ${SIAE_KIND_LABELS[k]}` }))} value={form.kind ?? kinds[0] ?? null} onChange={(v) => setForm({ ...form, kind: v as SiaeKind })} allowDeselect={false} />
          <NumberField label="Année" w={110} value={form.annee} onChange={(v) => setForm({ ...form, annee: v ?? Number.NaN })} min={2000} max={2100} integer />
          <TextInput label="Annexe financière" w={200} value={form.annexe} onChange={(e) => setForm({ ...form, annexe: e.currentTarget.value })} />
          <NumberField label="ETP conventionnés" w={160} value={form.etp} onChange={(v) => setForm({ ...form, etp: v })} min={0} />
          <Button onClick={() => void save()} loading={busy}>
            Enregistrer
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Une année déjà saisie pour ce dispositif est remplacée.
        </Text>
      </Paper>
      <Paper withBorder>
        <Table aria-label="Conventions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Année</Table.Th>
              <Table.Th>Dispositif</Table.Th>
              <Table.Th>Annexe financière</Table.Th>
              <Table.Th ta="right">ETP conventionnés</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={`${c.kind}-${c.annee}`} onClick={() => setForm({ kind: c.kind, annee: c.annee, annexe: c.annexeFinanciere, etp: c.etpConventionnes })} style={{ cursor: 'pointer' }}>
                <Table.Td>{c.annee}</Table.Td>
                <Table.Td>{c.kind}</Table.Td>
                <Table.Td>{c.annexeFinanciere || '—'}</Table.Td>
                <Table.Td ta="right">{c.etpConventionnes === null ? '—' : formatNumber(c.etpConventionnes, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
