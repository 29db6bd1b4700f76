import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CRITERE_KEYS, CRITERES, type Critere } from '../../../src-shared/domain/criteres';
import { CATEGORIES_SORTIE, MOTIFS_SORTIE, type CategorieSortie, type MotifSortie } from '../../../src-shared/domain/insertion';
import { PARAMETRE_LABELS } from '../../../src-shared/domain/parametres-labels';
import type { CleParametre } from '../../../src-shared/domain/parametres';
import { toIsoDate } from '../../../src-shared/rules/dates';
import { SIAE_KINDS } from '../../../src-shared/siae';
import type { ParametreView } from '../../../src-shared/views-insertion';
import { api, ApiError } from '../../api';
import { DateField } from '../../components/fields/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../lib/format';
import { options } from '../../lib/options';
import { useRouteData } from '../../lib/useRoute';
import { NumberField } from '../../components/fields/NumberField';
import { useDraftGuard } from '../../stores/unsaved-store';

function describe(cle: CleParametre, valeur: unknown): string {
  if (cle === 'h_ref') return SIAE_KINDS.map((k) => `${k} ${formatNumber((valeur as Record<string, number>)[k]!)} h`).join(' · ');
  if (cle === 'mapping_sorties') return `${Object.keys(valeur as object).length} motifs classés`;
  if (cle === 'derogation_480h_jusquau') return valeur ? `jusqu’au ${formatDate(valeur as string)}` : 'aucune';
  if (cle === 'validite_justificatifs_mois') {
    const months = Object.values(valeur as Record<string, number | null>).filter((m): m is number => m !== null);
    return `${months.length} justificatifs à durée limitée (${[...new Set(months)].sort((a, b) => a - b).join(', ')} mois)`;
  }
  if (typeof valeur === 'string') return formatDate(valeur);
  return formatNumber(valeur as number);
}

function ValueEditor({ cle, value, onChange }: { cle: CleParametre; value: unknown; onChange: (v: unknown) => void }) {
  if (cle === 'h_ref') {
    const v = value as Record<string, number>;
    return (
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {SIAE_KINDS.map((k) => (
          <NumberField key={k} label={k} value={v[k] ?? null} onChange={(x) => onChange({ ...v, [k]: x ?? Number.NaN })} integer />
        ))}
      </SimpleGrid>
    );
  }
  if (cle === 'mapping_sorties') {
    const v = value as Record<MotifSortie, CategorieSortie>;
    return (
      <Table>
        <Table.Tbody>
          {(Object.keys(MOTIFS_SORTIE) as MotifSortie[]).map((m) => (
            <Table.Tr key={m}>
              <Table.Td w={40}>{m}</Table.Td>
              <Table.Td>{MOTIFS_SORTIE[m]}</Table.Td>
              <Table.Td w={260}>
                <Select aria-label={`Catégorie du motif ${m}`} data={options(CATEGORIES_SORTIE)} value={v[m]} onChange={(x) => x && onChange({ ...v, [m]: x })} allowDeselect={false} size="xs" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  if (cle === 'validite_justificatifs_mois') {
    const v = value as Record<Critere, number | null>;
    return (
      <Table>
        <Table.Tbody>
          {CRITERE_KEYS.map((k) => (
            <Table.Tr key={k}>
              <Table.Td>{CRITERES[k].label}</Table.Td>
              <Table.Td>{CRITERES[k].justificatif}</Table.Td>
              <Table.Td w={170}>
                {/* Empty: the proof does not expire (identity document, RQTH decision with its own end date…). */}
                <NumberField aria-label={`Validité en mois : ${CRITERES[k].label}`} placeholder="sans limite" value={v[k]} onChange={(x) => onChange({ ...v, [k]: x })} integer size="xs" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  if (cle === 'derogation_480h_jusquau') return <DateField label="Fin de la dérogation (vide : aucune)" value={(value as string | null) ?? ''} onChange={(v) => onChange(v)} w={260} />;
  if (cle === 'fin_experimentation_eiti') return <DateField label="Nouvelle date" value={(value as string | null) ?? ''} onChange={(v) => onChange(v)} w={220} />;
  return <NumberField label="Nouvelle valeur" value={(value as number | null) ?? null} onChange={(x) => onChange(x ?? Number.NaN)} integer w={220} />;
}

function ParametreCard({ p, onSaved }: { p: ParametreView; onSaved: (all: ParametreView[]) => void }) {
  const [editing, setEditing] = useState(false);
  const [valideDu, setValideDu] = useState(toIsoDate(new Date()));
  const [value, setValue] = useState<unknown>(p.actuel);
  useDraftGuard({ valideDu, value }, editing);
  const [error, setError] = useState<string | null>(null);
  const info = PARAMETRE_LABELS[p.cle];
  const save = async () => {
    try {
      onSaved(await api('parametres.add', { cle: p.cle, valideDu, valeur: value }));
      notifications.show({ color: 'teal', message: 'Nouvelle valeur enregistrée.' });
      setEditing(false);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Enregistrement impossible.');
    }
  };
  return (
    <Paper withBorder p="lg" component="section" aria-label={info.label}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {info.label}
          </Title>
          <Text size="sm" c="dimmed">
            {info.description}
          </Text>
        </Stack>
        <Badge variant="light" tt="none" size="lg">
          {describe(p.cle, p.actuel)}
        </Badge>
      </Group>
      {p.historique.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {p.historique.map((h) => `${describe(p.cle, h.valeur)} depuis le ${formatDate(h.valideDu)}${h.creePar ? ` (${h.creePar})` : ''}`).join(' ; ')} ; avant : valeur par défaut ({describe(p.cle, p.defaut)}).
        </Text>
      )}
      {!editing ? (
        <Button mt="sm" size="xs" variant="light" onClick={() => setEditing(true)}>
          Nouvelle valeur à partir d’une date
        </Button>
      ) : (
        <Stack mt="sm">
          <FormAlert message={error} />
          <DateField label="Valable à partir du" value={valideDu} onChange={(v) => setValideDu(v)} w={220} />
          <ValueEditor cle={p.cle} value={value} onChange={setValue} />
          <Group>
            <Button size="sm" onClick={() => void save()}>
              Enregistrer
            </Button>
            <Button size="sm" variant="default" onClick={() => setEditing(false)}>
              Annuler
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/** Rules that change with the law or the structure's choices, as values valid from a date: history is never rewritten. */
export function ReglesPage() {
  const { data, error, reload } = useRouteData('parametres.list');
  const [list, setList] = useState<ParametreView[] | null>(null);
  const shown = list ?? data;
  return (
    <>
      <PageHeader title="Règles et seuils" description="Chaque changement prend effet à une date ; les périodes passées gardent leurs valeurs, et donc leurs chiffres." />
      <FormAlert message={error} />
      <Stack maw={1000}>
        {(shown ?? []).map((p) => (
          <ParametreCard
            key={`${p.cle}-${p.historique.length}`}
            p={p}
            onSaved={(all) => {
              setList(all);
              reload();
            }}
          />
        ))}
      </Stack>
    </>
  );
}
