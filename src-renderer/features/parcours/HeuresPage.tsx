import { ActionIcon, Alert, Badge, Button, Group, List, Modal, Paper, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconFileTypeCsv, IconLock, IconPlus } from '@tabler/icons-react';
import { addMonths, format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CONTRAT_TYPES } from '../../../src-shared/domain/insertion';
import { plural } from '../../../src-shared/format/french-number';
import { etp } from '../../../src-shared/rules/heures';
import { monthHoursPlausibility, type Plausibility } from '../../../src-shared/rules/plausibility';
import { SIAE_KINDS, type SiaeKind } from '../../../src-shared/siae';
import type { ClientView, MonthGrid, MonthLine } from '../../../src-shared/views-insertion';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { MonthField } from '../../components/fields/MonthField';
import { NumberField } from '../../components/fields/NumberField';
import { confirmLeavingUnsaved, useUnsavedChanges } from '../../stores/unsaved-store';
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
  const [loaded, setLoaded] = useState<MonthLine[]>([]);
  const [toConfirm, setToConfirm] = useState<string[] | null>(null);
  const [clients, setClients] = useState<ClientView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState(false);
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
        setLoaded(loaded.lignes);
        setError(null);
        setLineErrors({});
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
  };
  const addClientLine = (index: number) => {
    setLines((all) => [...all.slice(0, index + 1), { ...all[index]!, clientId: null, heures: 0, saisieJournaliere: false }, ...all.slice(index + 1)]);
  };

  // A line is changed when no loaded line of the same contract and client has its hours.
  const changed = lines.filter((l) => !loaded.some((o) => o.contratId === l.contratId && o.clientId === l.clientId && o.heures === l.heures)).length + Math.max(0, loaded.length - lines.length);
  const dirty = changed > 0;
  useUnsavedChanges(dirty);
  const goToMonth = async (next: string) => {
    if (next !== mois && (await confirmLeavingUnsaved())) setMois(next);
  };

  // Each contract's month (all its clients together) against what the contract allows; shown on its last line.
  const checks = useMemo(() => {
    const byLine = new Map<number, Plausibility>();
    const lastLine = new Map<string, number>();
    lines.forEach((l, i) => lastLine.set(l.contratId, i));
    for (const [contratId, i] of lastLine) {
      const total = lines.filter((l) => l.contratId === contratId).reduce((sum, l) => sum + l.heures, 0);
      const l = lines[i]!;
      const check = monthHoursPlausibility(total, mois, { dateDebut: l.dateDebut, dateFin: l.dateFin, heuresHebdo: l.heuresHebdo });
      if (check) byLine.set(i, check);
    }
    return byLine;
  }, [lines, mois]);
  const limits = [...checks.values()].filter((c) => c.level === 'limit').length;

  const save = async (confirme = false) => {
    const warnings = [...checks.entries()].filter(([, c]) => c.level === 'warning');
    if (!confirme && warnings.length > 0) {
      setToConfirm(warnings.map(([i, c]) => `${lines[i]!.prenom} ${lines[i]!.nom.toUpperCase()} : ${c.message}`));
      return;
    }
    setToConfirm(null);
    setSaving(true);
    setError(null);
    setLineErrors({});
    const kept = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.heures > 0);
    try {
      const saved = await api('heures.saveMonth', {
        mois,
        contratIds: [...new Set(lines.map((l) => l.contratId))],
        entrees: kept.map(({ l }) => ({ contratId: l.contratId, clientId: l.clientId, date: `${mois}-01`, heures: l.heures })),
        confirme,
      });
      notifications.show({ color: 'teal', message: `${formatNumber(saved.heures, 2)} heures enregistrées pour ${format(parseISO(`${mois}-01`), 'MMMM yyyy', { locale: fr })}.` });
      setAlerts480(saved.alertes480);
      setVersion((v) => v + 1);
    } catch (err) {
      if (err instanceof ApiError) {
        const byLine: Record<number, string> = {};
        for (const [field, message] of Object.entries(err.fields)) {
          const n = /^entrees\.(\d+)/.exec(field)?.[1];
          if (n !== undefined) byLine[kept[Number(n)]!.i] = message;
        }
        if (err.code === 'CONFIRMATION_REQUIRED') setToConfirm(Object.entries(byLine).map(([i, m]) => `${lines[Number(i)]!.prenom} ${lines[Number(i)]!.nom.toUpperCase()} : ${m}`));
        else {
          setError(err.message);
          setLineErrors(byLine);
        }
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
  const shift = (months: number) => void goToMonth(format(addMonths(parseISO(`${mois}-01`), months), 'yyyy-MM'));

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
              État mensuel pour l’ASP (CSV)
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
        <MonthField aria-label="Mois" value={mois} onChange={(m) => void goToMonth(m)} w={150} />
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
                  {!lineErrors[i] && checks.get(i) && (
                    <Text size="xs" c={checks.get(i)!.level === 'limit' ? 'red' : 'orange.9'}>
                      {checks.get(i)!.message}
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
                  <NumberField
                    ref={(el) => {
                      inputs.current[i] = el;
                    }}
                    aria-label={`Heures de ${l.prenom} ${l.nom}`}
                    value={l.heures || null}
                    onChange={(v) => update(i, { heures: v ?? 0 })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        inputs.current[i + 1]?.focus();
                      }
                    }}
                    min={0}
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
        // Always in sight at the bottom of the window, however long the month's list.
        <Paper withBorder shadow="sm" p="sm" mt="md" pos="sticky" bottom={0} style={{ zIndex: 5 }} aria-label="Enregistrement du mois">
          <Group justify="space-between">
            <Text size="sm" c={dirty ? undefined : 'dimmed'} fw={dirty ? 600 : undefined}>
              {dirty ? `${plural(changed, 'ligne modifiée', 'lignes modifiées')}, non enregistrée${changed > 1 ? 's' : ''}` : 'Aucune modification'}
              {limits > 0 ? ` — ${plural(limits, 'ligne impossible', 'lignes impossibles')} à corriger` : ''}
            </Text>
            <Group>
              {dirty && (
                <Button variant="default" onClick={() => setLines(loaded)}>
                  Annuler les modifications
                </Button>
              )}
              <Button onClick={() => void save()} loading={saving} disabled={!dirty || limits > 0}>
                Enregistrer le mois
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <Modal opened={toConfirm !== null} onClose={() => setToConfirm(null)} title="Des heures inhabituelles" centered size="lg">
        <Text size="sm" mb="xs">
          Ces heures dépassent ce que le contrat prévoit. Vérifiez-les : s’il s’agit d’une faute de frappe, corrigez la ligne.
        </Text>
        <List size="sm" spacing={4}>
          {toConfirm?.map((m) => <List.Item key={m}>{m}</List.Item>)}
        </List>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setToConfirm(null)} data-autofocus>
            Corriger
          </Button>
          <Button color="orange" onClick={() => void save(true)}>
            Confirmer et enregistrer
          </Button>
        </Group>
      </Modal>
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
