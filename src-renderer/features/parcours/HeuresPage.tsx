import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconFileTypeCsv, IconLock, IconPlus } from '@tabler/icons-react';
import { addMonths, format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CONTRAT_TYPES } from '../../../src-shared/domain/insertion';
import { etp } from '../../../src-shared/rules/heures';
import { SIAE_KINDS, type SiaeKind } from '../../../src-shared/siae';
import type { ClientView, MonthGrid, MonthLine } from '../../../src-shared/views-insertion';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { downloadBlob } from '../../lib/download';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../lib/format';
import { can } from '../../lib/permissions';
import { useSessionStore } from '../../stores/session-store';
import { ClientModal } from './ClientModal';

const NEEDS_CLIENT: readonly SiaeKind[] = ['AI', 'ETTI'];

/**
 * The month's hours, one line per contract (and per client in AI/ETTI), typed like a spreadsheet: Enter goes to the
 * next line. The whole month is saved in one transaction, and refused whole if a line is wrong.
 */
export function HeuresPage() {
  const user = useSessionStore((s) => s.session!.user);
  const [mois, setMois] = useState(format(new Date(), 'yyyy-MM'));
  const [grid, setGrid] = useState<MonthGrid | null>(null);
  const [lines, setLines] = useState<MonthLine[]>([]);
  const [clients, setClients] = useState<ClientView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [version, setVersion] = useState(0);
  const [newClient, setNewClient] = useState(false);
  const [alerts480, setAlerts480] = useState<string[]>([]);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);

  useEffect(() => {
    let current = true;
    api('heures.month', { mois }).then(
      (loaded) => {
        if (!current) return;
        setGrid(loaded);
        setLines(loaded.lignes);
        setError(null);
        setLineErrors({});
        setDirty(false);
      },
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Chargement impossible.'),
    );
    return () => {
      current = false;
    };
  }, [mois, version]);

  useEffect(() => {
    api('clients.list').then(setClients, () => setClients([]));
  }, []);

  const update = (index: number, patch: Partial<MonthLine>) => {
    setLines((all) => all.map((l, i) => (i === index ? { ...l, ...patch } : l)));
    setDirty(true);
  };
  const addClientLine = (index: number) => {
    setLines((all) => [...all.slice(0, index + 1), { ...all[index]!, clientId: null, heures: 0, saisieJournaliere: false }, ...all.slice(index + 1)]);
    setDirty(true);
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    setLineErrors({});
    const kept = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.heures > 0);
    try {
      const saved = await api('heures.saveMonth', {
        mois,
        contratIds: [...new Set(lines.map((l) => l.contratId))],
        entrees: kept.map(({ l }) => ({ contratId: l.contratId, clientId: l.clientId, date: `${mois}-01`, heures: l.heures })),
      });
      notifications.show({ color: 'teal', message: `${formatNumber(saved.heures, 2)} heures enregistrées pour ${format(parseISO(`${mois}-01`), 'MMMM yyyy', { locale: fr })}.` });
      setAlerts480(saved.alertes480);
      setVersion((v) => v + 1);
    } catch (err) {
      if (err instanceof ApiError) {
        setError(err.message);
        const byLine: Record<number, string> = {};
        for (const [field, message] of Object.entries(err.fields)) {
          const n = /^entrees\.(\d+)$/.exec(field)?.[1];
          if (n !== undefined) byLine[kept[Number(n)]!.i] = message;
        }
        setLineErrors(byLine);
      } else setError('Enregistrement impossible.');
    } finally {
      setSaving(false);
    }
  };

  const close = async () => {
    if (!window.confirm('Clôturer le mois ? Ses heures ne pourront plus être modifiées.')) return;
    try {
      await api('heures.closeMonth', { mois });
      notifications.show({ color: 'teal', message: 'Mois clôturé.' });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Clôture impossible.');
    }
  };

  const exportCsv = async () => {
    try {
      const csv = await api('heures.exportMonth', { mois });
      downloadBlob(csv.fileName, new Blob([csv.content], { type: 'text/csv;charset=utf-8' }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Export impossible.');
    }
  };

  const readOnly = grid?.cloture ?? true;
  const totals = SIAE_KINDS.map((k) => {
    const hours = lines.filter((l) => l.dispositif === k).reduce((s, l) => s + l.heures, 0);
    return { kind: k, hours, etp: grid ? etp(hours * 12, grid.hRef[k]) : 0 };
  }).filter((t) => lines.some((l) => l.dispositif === t.kind));
  const label = format(parseISO(`${mois}-01`), 'MMMM yyyy', { locale: fr });
  const shift = (months: number) => setMois(format(addMonths(parseISO(`${mois}-01`), months), 'yyyy-MM'));

  return (
    <>
      <PageHeader
        title="Heures du mois"
        description="Une ligne par contrat en cours (et par client en AI et ETTI). Entrée passe à la ligne suivante."
        actions={
          <Group>
            {lines.some((l) => NEEDS_CLIENT.includes(l.dispositif)) && (
              <Button variant="default" leftSection={<IconPlus size={18} />} onClick={() => setNewClient(true)}>
                Nouveau client
              </Button>
            )}
            <Button variant="default" leftSection={<IconFileTypeCsv size={18} />} onClick={() => void exportCsv()}>
              Export pour l’ASP (CSV)
            </Button>
            {can(user, 'heures.close') && grid && !grid.cloture && (
              <Button variant="default" leftSection={<IconLock size={18} />} onClick={() => void close()} disabled={dirty}>
                Clôturer le mois
              </Button>
            )}
          </Group>
        }
      />
      <Group mb="md">
        <ActionIcon variant="default" size="lg" aria-label="Mois précédent" onClick={() => shift(-1)}>
          <IconChevronLeft size={18} />
        </ActionIcon>
        <TextInput type="month" aria-label="Mois" value={mois} onChange={(e) => e.currentTarget.value && setMois(e.currentTarget.value)} w={180} />
        <ActionIcon variant="default" size="lg" aria-label="Mois suivant" onClick={() => shift(1)}>
          <IconChevronRight size={18} />
        </ActionIcon>
        <Text fw={600} tt="capitalize">
          {label}
        </Text>
        {grid?.cloture && (
          <Badge color="gray" size="lg" tt="none" leftSection={<IconLock size={14} />}>
            Mois clôturé
          </Badge>
        )}
      </Group>
      <FormAlert message={error} />
      {alerts480.length > 0 && (
        <Alert color="orange" mt="sm" title="Association intermédiaire : règle des 480 heures en entreprise">
          {alerts480.map((a) => (
            <Text key={a} size="sm">
              {a}
            </Text>
          ))}
        </Alert>
      )}
      <Paper withBorder mt="sm">
        <Table aria-label={`Heures de ${label}`} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Salarié·e</Table.Th>
              <Table.Th w={70}>Dispositif</Table.Th>
              <Table.Th>Contrat</Table.Th>
              <Table.Th w={240}>Client</Table.Th>
              <Table.Th w={150}>Heures du mois</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => (
              <Table.Tr key={`${l.contratId}-${i}`} bg={lineErrors[i] ? 'red.0' : undefined}>
                <Table.Td>
                  <Link to={`/personnes/${l.personneId}`}>
                    {l.nom.toUpperCase()} {l.prenom}
                  </Link>
                  {lineErrors[i] && (
                    <Text size="xs" c="red">
                      {lineErrors[i]}
                    </Text>
                  )}
                  {l.saisieJournaliere && (
                    <Text size="xs" c="orange">
                      Saisie à la journée ce mois-ci : enregistrer remplacera le détail par le total.
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{l.dispositif}</Table.Td>
                <Table.Td>
                  <Text size="sm">{CONTRAT_TYPES[l.contratType]}</Text>
                  <Text size="xs" c="dimmed">
                    du {formatDate(l.dateDebut)}
                    {l.dateFin ? ` au ${formatDate(l.dateFin)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {NEEDS_CLIENT.includes(l.dispositif) && (
                    <Group gap={4} wrap="nowrap">
                      <Select
                        aria-label={`Client de ${l.prenom} ${l.nom}`}
                        placeholder="Client"
                        data={clients.map((c) => ({ value: c.id, label: c.nom }))}
                        value={l.clientId}
                        onChange={(v) => update(i, { clientId: v })}
                        searchable
                        clearable
                        disabled={readOnly}
                        size="xs"
                      />
                      {!readOnly && (
                        <ActionIcon variant="subtle" aria-label="Ajouter un autre client" onClick={() => addClientLine(i)}>
                          <IconPlus size={16} />
                        </ActionIcon>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    ref={(el) => {
                      inputs.current[i] = el;
                    }}
                    aria-label={`Heures de ${l.prenom} ${l.nom}`}
                    value={l.heures || ''}
                    onChange={(v) => update(i, { heures: typeof v === 'number' ? v : 0 })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        inputs.current[i + 1]?.focus();
                      }
                    }}
                    decimalSeparator=","
                    decimalScale={2}
                    min={0}
                    max={744}
                    hideControls
                    readOnly={readOnly}
                    size="xs"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {grid && lines.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            Aucun contrat en cours en {label}.
          </Text>
        )}
      </Paper>
      {totals.length > 0 && (
        <Alert color="teal" mt="md" title="Total du mois">
          {totals.map((t) => (
            <Text key={t.kind} size="sm">
              {t.kind} : {formatNumber(t.hours, 2)} heures, soit {formatNumber(t.etp, 2)} ETP sur le mois (en rythme annuel, base {formatNumber(grid!.hRef[t.kind])} h)
            </Text>
          ))}
        </Alert>
      )}
      {!readOnly && lines.length > 0 && (
        <Group mt="md">
          <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
            Enregistrer le mois
          </Button>
          {dirty && (
            <Text size="sm" c="dimmed">
              Modifications non enregistrées
            </Text>
          )}
        </Group>
      )}
      {newClient && (
        <ClientModal
          onClose={() => setNewClient(false)}
          onSaved={(all) => {
            setClients(all);
            setNewClient(false);
          }}
        />
      )}
    </>
  );
}
