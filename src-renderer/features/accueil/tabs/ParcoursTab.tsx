import { isWithheld, labelOrWithheld } from '../../../../src-shared/domain/need-to-know';
import { Alert, Badge, Button, Checkbox, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { CATEGORIES_SORTIE, CONTRAT_TYPES, CONTRATS_PAR_DISPOSITIF, DEROGATIONS, MOTIFS_SORTIE, motifSortieLabel, type ContratType, type Derogation, type MotifSortie } from '../../../../src-shared/domain/insertion';
import { addDaysIso, isIsoDate, toIsoDate } from '../../../../src-shared/rules/dates';
import { SIAE_KIND_LABELS, SIAE_KINDS, type SiaeKind } from '../../../../src-shared/siae';
import type { ContratCheckView, ParcoursView } from '../../../../src-shared/views-insertion';
import { api, ApiError } from '../../../api';
import { DateField } from '../../../components/fields/DateField';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldProps, formErrorsOf, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { askToConfirm } from '../../../stores/confirm-store';
import { formatLongDate } from '../../../../src-shared/format/french-date';
import { exitWarnings } from '../../../../src-shared/rules/plausibility';
import { saveParcours } from './save-parcours';
import { formatDate, formatNumber } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { useSessionStore } from '../../../stores/session-store';
import type { TabProps } from '../PersonneFilePage';
import { BilansSection, CerSection } from './AccompagnementSections';
import { ActionsSection, SuiviSection } from './ActionsSections';
import { Chronologie } from './Chronologie';
import { FicheSalarieSection } from './FicheSalarieSection';
import { NumberField } from '../../../components/fields/NumberField';
import { useDraftGuard, useUnsavedChanges } from '../../../stores/unsaved-store';

/** The contract form's fields by their path in the route's input, as the error summary names them. */
const CONTRAT_LABELS = { type: 'Type', dateDebut: 'Début', dateFinPrevue: 'Fin prévue', heuresHebdo: 'Heures par semaine', dateFinReelle: 'Fin réelle', derogations: 'Dérogations' };

interface ContractDraft {
  id: string | null;
  type: ContratType;
  dateDebut: string;
  dateFinPrevue: string;
  dateFinReelle: string;
  heuresHebdo: number | null;
  derogations: Derogation[];
}

function ContractForm({ parcours, draft, onSaved, onCancel }: { parcours: ParcoursView; draft: ContractDraft; onSaved: (all: ParcoursView[]) => void; onCancel: () => void }) {
  const [value, setValue] = useState(draft);
  const [check, setCheck] = useState<ContratCheckView | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const field = (path: string) => fieldProps('contrat', errors, path);
  useDraftGuard(value, true);
  const [saving, setSaving] = useState(false);
  const input = { ...value, parcoursId: parcours.id, dateFinPrevue: value.dateFinPrevue || null, dateFinReelle: value.dateFinReelle || null };
  const key = JSON.stringify(input);

  // The legal checks, computed by the main process as the user types (same rules as when saving).
  useEffect(() => {
    // Only whole dates are checked: a date still being typed is not a date yet.
    if (!isIsoDate(value.dateDebut)) return;
    let current = true;
    const timer = setTimeout(() => {
      api('contrats.check', JSON.parse(key) as typeof input).then(
        (result) => current && setCheck(result),
        () => current && setCheck(null),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, value.dateDebut]);

  const save = async () => {
    setSaving(true);
    setErrors(NO_ERRORS);
    try {
      onSaved(await api('contrats.save', input));
      notifications.show({ color: 'teal', message: 'Contrat enregistré.' });
    } catch (err) {
      setErrors(formErrorsOf(err));
    } finally {
      setSaving(false);
    }
  };

  const types = CONTRATS_PAR_DISPOSITIF[parcours.dispositif].map((t) => ({ value: t, label: CONTRAT_TYPES[t] }));
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Stack>
        <Title order={4} size="h5">
          {value.id ? 'Modifier le contrat' : 'Nouveau contrat'}
        </Title>
        <ErrorSummary form="contrat" errors={errors} labels={CONTRAT_LABELS} />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select label="Type" {...field('type')} data={types} value={value.type} onChange={(v) => v && setValue({ ...value, type: v as ContratType })} allowDeselect={false} />
          <DateField label="Début" {...field('dateDebut')} value={value.dateDebut} onChange={(v) => setValue({ ...value, dateDebut: v })} />
          <DateField label="Fin prévue" {...field('dateFinPrevue')} value={value.dateFinPrevue} onChange={(v) => setValue({ ...value, dateFinPrevue: v })} />
          <NumberField label="Heures par semaine" {...field('heuresHebdo')} value={value.heuresHebdo ?? null} onChange={(v) => setValue({ ...value, heuresHebdo: v })} min={0} max={48} />
        </SimpleGrid>
        {value.id && <DateField label="Fin réelle (si le contrat s’arrête avant la fin prévue)" {...field('dateFinReelle')} value={value.dateFinReelle} onChange={(v) => setValue({ ...value, dateFinReelle: v })} />}
        <Checkbox.Group label="Dérogations" value={value.derogations} onChange={(v) => setValue({ ...value, derogations: v as Derogation[] })}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
            {(Object.keys(DEROGATIONS) as Derogation[]).map((d) => (
              <Checkbox key={d} value={d} label={DEROGATIONS[d]} size="xs" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {check && check.bloquants.length > 0 && (
          <Alert color="red" title="Ce contrat ne peut pas être enregistré" role="status">
            <List size="sm">{check.bloquants.map((b) => <List.Item key={b}>{b}</List.Item>)}</List>
          </Alert>
        )}
        {check && check.avertissements.length > 0 && (
          <Alert color="yellow" title="À vérifier" role="status">
            <List size="sm">{check.avertissements.map((b) => <List.Item key={b}>{b}</List.Item>)}</List>
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={!check || check.bloquants.length > 0}>
            Enregistrer le contrat
          </Button>
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The exit motif on record; a withheld one never reaches this form (only need-to-know roles write exits). */
function recordedMotif(parcours: ParcoursView): MotifSortie | null {
  const motif = parcours.sortie?.motif ?? null;
  return motif === null || isWithheld(motif) ? null : motif;
}

function ExitForm({ parcours, onSaved }: { parcours: ParcoursView; onSaved: (all: ParcoursView[]) => void }) {
  const [opened] = useState(() => toIsoDate(new Date()));
  const [date, setDate] = useState(parcours.sortie?.date ?? opened);
  const [motif, setMotif] = useState<MotifSortie | null>(recordedMotif(parcours));
  // Unsaved while it differs from the exit recorded (or, before any, from the blank form).
  useUnsavedChanges(date !== (parcours.sortie?.date ?? opened) || motif !== recordedMotif(parcours));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const save = async () => {
    if (!motif) return setErrors({ message: 'Choisissez le motif de sortie.', fields: { motif: 'Choisissez le motif de sortie (code ASP).' } });
    if (!isIsoDate(date)) return setErrors({ message: 'La date de sortie est incomplète.', fields: { dateSortie: 'Saisissez la date sous la forme JJ/MM/AAAA.' } });
    // Recording an exit closes the parcours and ends its contracts: say what will happen, then ask (issue 14 §6).
    const running = parcours.contrats.map((c) => ({ dateDebut: c.dateDebut, dateFin: c.dateFinReelle ?? c.dateFinPrevue, label: `Le ${CONTRAT_TYPES[c.type]}` }));
    const yes = await askToConfirm({
      title: 'Enregistrer la sortie ?',
      points: [
        `Sortie le ${formatLongDate(date)}, motif ${motif} — ${motifSortieLabel(motif, parcours.dispositif)}. Le parcours sera clos à cette date.`,
        ...exitWarnings(date, toIsoDate(new Date()), running).map((w) => w.message),
      ],
      confirmLabel: 'Enregistrer la sortie',
    });
    if (!yes) return;
    // What the route would ask to confirm has just been shown and confirmed.
    await saveParcours(() => api('sorties.save', { parcoursId: parcours.id, dateSortie: date, motif, confirme: true }), onSaved, 'Sortie enregistrée.', setErrors);
  };
  return (
    <Stack>
      <ErrorSummary form="sortie" errors={errors} labels={{ dateSortie: 'Date de sortie', motif: 'Motif (code ASP)' }} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Date de sortie" {...fieldProps('sortie', errors, 'dateSortie')} value={date} onChange={setDate} />
        <Select
          label="Motif (code ASP)"
          {...fieldProps('sortie', errors, 'motif')}
          searchable
          data={(Object.keys(MOTIFS_SORTIE) as MotifSortie[]).map((m) => ({ value: m, label: `${m} — ${motifSortieLabel(m, parcours.dispositif)}` }))}
          value={motif}
          onChange={(v) => setMotif(v as MotifSortie | null)}
        />
      </SimpleGrid>
      <div>
        <Button variant="light" onClick={() => void save()}>
          Enregistrer la sortie
        </Button>
      </div>
    </Stack>
  );
}

function ParcoursCard({ parcours, onChange }: { parcours: ParcoursView; onChange: (all: ParcoursView[]) => void }) {
  const user = useSessionStore((s) => s.session!.user);
  const canWrite = can(user, 'parcours.write');
  const [editing, setEditing] = useState<ContractDraft | null>(null);
  const last = parcours.contrats.at(-1);
  const newDraft = (): ContractDraft => ({
    id: null,
    type: CONTRATS_PAR_DISPOSITIF[parcours.dispositif][0]!,
    // A renewal starts the day after the previous contract ends.
    dateDebut: last ? addDaysIso(last.dateFinReelle ?? last.dateFinPrevue ?? last.dateDebut, 1) : toIsoDate(new Date()),
    dateFinPrevue: '',
    dateFinReelle: '',
    heuresHebdo: last?.heuresHebdo ?? 24,
    derogations: [],
  });
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {SIAE_KIND_LABELS[parcours.dispositif]}
          {parcours.dateDebut ? ` — depuis le ${formatDate(parcours.dateDebut)}` : ' — pas encore de contrat'}
        </Title>
        {parcours.sortie ? (
          <Badge color="gray" size="lg" tt="none">
            Sorti·e le {formatDate(parcours.sortie.date)}
          </Badge>
        ) : (
          <Badge color="teal" size="lg" tt="none">
            En parcours
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Référent·e : {parcours.referent?.displayName ?? '—'} · {formatNumber(parcours.heuresTotales, 2)} heures travaillées
      </Text>
      <Table aria-label="Contrats">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contrat</Table.Th>
            <Table.Th>Du</Table.Th>
            <Table.Th>Au</Table.Th>
            <Table.Th>h / semaine</Table.Th>
            <Table.Th>Heures</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parcours.contrats.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                {CONTRAT_TYPES[c.type]}
                {c.avertissements.length > 0 && (
                  <Badge ml="xs" color="yellow" variant="light" tt="none" title={c.avertissements.join(' ')}>
                    à vérifier
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatDate(c.dateDebut)}</Table.Td>
              <Table.Td>{c.dateFinReelle ? `${formatDate(c.dateFinReelle)} (fin anticipée)` : c.dateFinPrevue ? formatDate(c.dateFinPrevue) : 'Indéterminée'}</Table.Td>
              <Table.Td>{c.heuresHebdo === null ? '—' : formatNumber(c.heuresHebdo, 2)}</Table.Td>
              <Table.Td>{formatNumber(c.heures, 2)}</Table.Td>
              <Table.Td>
                {canWrite && !parcours.sortie && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing({ ...c, derogations: isWithheld(c.derogations) ? [] : c.derogations, dateFinPrevue: c.dateFinPrevue ?? '', dateFinReelle: c.dateFinReelle ?? '' })}>
                    Modifier
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {parcours.contrats.length === 0 && (
        <Text c="dimmed" size="sm" mt="xs">
          Aucun contrat : le parcours commencera avec le premier.
        </Text>
      )}
      {canWrite && !parcours.sortie && !editing && (
        <Button mt="md" variant="light" onClick={() => setEditing(newDraft())}>
          {parcours.contrats.length ? 'Nouveau contrat (renouvellement)' : 'Premier contrat'}
        </Button>
      )}
      {editing && (
        <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <ContractForm parcours={parcours} draft={editing} onCancel={() => setEditing(null)} onSaved={(all) => { setEditing(null); onChange(all); }} />
        </div>
      )}
      <FicheSalarieSection parcoursId={parcours.id} canWrite={canWrite} />
      {parcours.dateDebut && <CerSection key={`cer-${parcours.cer.length}`} parcours={parcours} canWrite={canWrite} onChange={onChange} />}
      {/* A bilan de sortie is written at or after the exit, so bilans stay open once it is recorded. */}
      {parcours.dateDebut && <BilansSection parcours={parcours} canWrite={canWrite} onChange={onChange} />}
      {parcours.dateDebut && <ActionsSection parcours={parcours} canWrite={canWrite} sensibles={can(user, 'sensibles.read')} onChange={onChange} />}
      {parcours.sortie && (
        <Alert mt="md" color={parcours.sortie.comptee ? 'teal' : 'gray'} title={`Sortie : ${labelOrWithheld(MOTIFS_SORTIE, parcours.sortie.motif)}`}>
          Catégorie : {CATEGORIES_SORTIE[parcours.sortie.categorie]}.{' '}
          {parcours.sortie.comptee
            ? 'Elle compte dans les sorties constatées de l’année.'
            : 'Elle ne compte pas dans les sorties constatées (seuil de durée ou d’heures non atteint, voir la définition du rapport annuel).'}
        </Alert>
      )}
      {parcours.sortie && <SuiviSection parcours={parcours} canWrite={canWrite} onChange={onChange} />}
      <Chronologie parcours={parcours} />
      {canWrite && parcours.dateDebut && (
        <Paper withBorder p="md" mt="md">
          <Title order={4} size="h5" mb="sm">
            {parcours.sortie ? 'Corriger la sortie' : 'Sortie du parcours'}
          </Title>
          <ExitForm parcours={parcours} onSaved={onChange} />
        </Paper>
      )}
    </Paper>
  );
}

export function ParcoursTab({ file }: TabProps) {
  const user = useSessionStore((s) => s.session!.user);
  const [all, setAll] = useState<ParcoursView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dispositif, setDispositif] = useState<SiaeKind | null>(null);
  useEffect(() => {
    let current = true;
    api('parcours.ofPersonne', { personneId: file.personne.id }).then(
      (loaded) => current && setAll(loaded),
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Chargement impossible.'),
    );
    return () => {
      current = false;
    };
  }, [file.personne.id]);

  const open = async () => {
    if (!dispositif) return;
    try {
      setAll(await api('parcours.open', { personneId: file.personne.id, dispositif, referentId: file.accueils?.[0]?.referent?.id ?? null }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Ouverture impossible.');
    }
  };

  if (error) return <Alert color="red">{error}</Alert>;
  if (!all) return null;
  return (
    <Stack gap="lg" maw={1080}>
      {all.length === 0 && <Text c="dimmed">Pas encore de parcours : une décision d’entrée dans l’onglet Accueil en ouvre un.</Text>}
      {all.map((p) => (
        <ParcoursCard key={p.id} parcours={p} onChange={setAll} />
      ))}
      {can(user, 'parcours.write') && (
        <Paper withBorder p="lg">
          <Group align="flex-end">
            <Select label="Ouvrir un parcours dans un autre dispositif" placeholder="Dispositif" data={SIAE_KINDS.map((k) => ({ value: k, label: `${k} — ${SIAE_KIND_LABELS[k]}` }))} value={dispositif} onChange={(v) => setDispositif(v as SiaeKind | null)} w={360} />
            <Button variant="default" onClick={() => void open()} disabled={!dispositif}>
              Ouvrir
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
