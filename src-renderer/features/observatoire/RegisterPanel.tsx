import { Button, Group, Paper, Select, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { REGISTERS, rowLabel, type RegisterField, type RegisterKey, type RegisterRow } from '../../../src-shared/qualite/registers';
import { api, ApiError } from '../../api';
import { DateField } from '../../components/fields/DateField';
import { FormAlert } from '../../components/FormAlert';
import { formatDate } from '../../lib/format';
import { ManualFilesModal } from './ManualFilesModal';
import { NumberField } from '../../components/fields/NumberField';
import { useUnsavedChanges } from '../../stores/unsaved-store';

type Values = Record<string, string | number | null>;

/**
 * One quality register, drawn from its description (src-shared/qualite/registers.ts): the form to add or correct a
 * row, and the rows. Rows are corrected, never deleted.
 */
export function RegisterPanel({ registre }: { registre: RegisterKey }) {
  const spec = REGISTERS[registre];
  const [rows, setRows] = useState<RegisterRow[] | null>(null);
  const [refs, setRefs] = useState<Record<string, RegisterRow[]>>({});
  const [values, setValues] = useState<Values>({});
  const [editingId, setEditingId] = useState<string | null>(null);
  // What the form held when it was opened (nothing for a new line, the row for a correction): unsaved when it differs.
  const [baseline, setBaseline] = useState<Values>({});
  const blank = (v: Values) => JSON.stringify(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== '')));
  useUnsavedChanges(blank(values) !== blank(baseline));
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [filesOf, setFilesOf] = useState<RegisterRow | null>(null);

  useEffect(() => {
    let current = true;
    api('qualite.registre', { registre }).then((r) => current && setRows(r), (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Chargement impossible.'));
    for (const f of spec.fields.filter((x) => x.kind === 'ref')) {
      api('qualite.registre', { registre: f.ref! }).then((r) => current && setRefs((old) => ({ ...old, [f.name]: r })), () => undefined);
    }
    return () => {
      current = false;
    };
  }, [registre, spec]);

  const save = async () => {
    setError(null);
    setFields({});
    try {
      setRows(await api('qualite.saveRegistre', { registre, ligne: { id: editingId, ...values } }));
      setValues({});
      setBaseline({});
      setEditingId(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Enregistrement impossible.');
      setFields(err instanceof ApiError ? err.fields : {});
    }
  };
  const toAction = async (row: RegisterRow) => {
    try {
      await api('qualite.registreVersAction', { registre, id: row.id });
      notifications.show({ color: 'teal', message: 'Action ajoutée au plan d’amélioration.' });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Action impossible.');
    }
  };
  const label = (f: RegisterField, v: string | number | null) => {
    if (v === null || v === '') return '—';
    if (f.kind === 'date') return formatDate(String(v));
    if (f.kind === 'select') return f.options![String(v)] ?? String(v);
    if (f.kind === 'ref') {
      const target = refs[f.name]?.find((r) => r.id === v);
      return target ? rowLabel(REGISTERS[f.ref!], target) : '…';
    }
    return String(v);
  };

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {spec.description}
      </Text>
      <Paper withBorder p="md" mb="md">
        <Group align="flex-start" wrap="wrap">
          {spec.fields.map((f) => (
            <FieldInput key={f.name} field={f} value={values[f.name] ?? null} error={fields[f.name]} refs={refs[f.name]} onChange={(v) => setValues({ ...values, [f.name]: v })} />
          ))}
        </Group>
        <FormAlert message={error} />
        <Group justify="flex-end" mt="sm">
          {editingId && (
            <Button variant="default" onClick={() => (setEditingId(null), setValues({}), setBaseline({}))}>
              Annuler
            </Button>
          )}
          <Button onClick={() => void save()}>{editingId ? 'Enregistrer la correction' : 'Ajouter'}</Button>
        </Group>
      </Paper>
      <Table striped aria-label={spec.label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {spec.fields.map((f) => (
              <Table.Th key={f.name}>{f.label}</Table.Th>
            ))}
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows?.map((row) => (
            <Table.Tr key={row.id}>
              {spec.fields.map((f) => (
                <Table.Td key={f.name} maw={f.kind === 'longtext' ? 320 : undefined}>
                  <Text size="sm" lineClamp={3}>
                    {label(f, row[f.name] ?? null)}
                  </Text>
                </Table.Td>
              ))}
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => {
                      const filled = Object.fromEntries(spec.fields.map((f) => [f.name, row[f.name] ?? null])) as Values;
                      setEditingId(row.id);
                      setValues(filled);
                      setBaseline(filled);
                    }}>
                    Corriger
                  </Button>
                  {spec.attachments && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setFilesOf(row)}>
                      Fichiers…
                    </Button>
                  )}
                  {spec.toAction && (
                    <Button size="compact-xs" variant="subtle" onClick={() => void toAction(row)}>
                      → Plan d’amélioration
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ManualFilesModal documentId={filesOf?.id ?? null} title={filesOf ? rowLabel(spec, filesOf) : ''} onClose={() => setFilesOf(null)} />
      {rows?.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          Rien d’enregistré pour l’instant.
        </Text>
      )}
    </>
  );
}

function FieldInput({ field: f, value, error, refs, onChange }: { field: RegisterField; value: string | number | null; error?: string; refs?: RegisterRow[]; onChange: (v: string | number | null) => void }) {
  const common = { label: f.label, error, withAsterisk: f.required };
  switch (f.kind) {
    case 'date':
      return <DateField {...common} w={170} value={(value as string) ?? ''} onChange={(v) => onChange(v || null)} />;
    case 'number':
      return <NumberField {...common} w={140} min={f.min} max={f.max} value={(value as number | null) ?? null} onChange={onChange} />;
    case 'select':
      return <Select {...common} w={260} data={Object.entries(f.options!).map(([v, l]) => ({ value: v, label: l }))} value={(value as string) ?? null} onChange={onChange} />;
    case 'ref':
      return <Select {...common} w={260} searchable data={(refs ?? []).map((r) => ({ value: r.id, label: rowLabel(REGISTERS[f.ref!], r) }))} value={(value as string) ?? null} onChange={onChange} />;
    case 'longtext':
      return <Textarea {...common} w={420} autosize minRows={2} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    default:
      return <TextInput {...common} w={f.max && f.max <= 120 ? 220 : 320} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
