import { Badge, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FREIN_TYPES, FREINS_SENSIBLES, type FreinType } from '../../../../src-shared/domain/freins';
import { ECHEANCES_SUIVI, PRESTATAIRES, SITUATIONS_SUIVI, type Prestataire, type SituationSuivi } from '../../../../src-shared/domain/insertion';
import { toIsoDate } from '../../../../src-shared/rules/dates';
import type { ParcoursView, PartenaireView } from '../../../../src-shared/views-insertion';
import { api } from '../../../api';
import { DateField } from '../../../components/fields/DateField';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldProps, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { formatDate, formatNumber } from '../../../lib/format';
import { options } from '../../../lib/options';
import { InlineFormButtons, saveParcours } from './save-parcours';
import { askToConfirm } from '../../../stores/confirm-store';
import type { ParcoursEntryType } from '../../../../src-shared/schemas/insertion';
import { NumberField } from '../../../components/fields/NumberField';
import { useDraftGuard } from '../../../stores/unsaved-store';

type Kind = 'formation' | 'pmsmp' | 'action';

/** The fields of each form by their path in the route's input, as the error summary names them. */
const ACTION_LABELS: Record<Kind, Record<string, string>> = {
  formation: { intitule: 'Intitulé', organismeId: 'Organisme', heures: 'Heures', dateDebut: 'Début', dateFin: 'Fin' },
  pmsmp: { entreprise: 'Entreprise d’accueil', dateDebut: 'Début', dateFin: 'Fin' },
  action: { typeFrein: 'Frein travaillé', date: 'Date', partenaireId: 'Partenaire', description: 'Ce qui a été fait' },
};
const SUIVI_LABELS = { date: 'Date', situation: 'Situation', commentaire: 'Commentaire' };

/** Trainings, immersions and support actions on freins, each dated, with the partner who took part. */
export function ActionsSection({ parcours, canWrite, sensibles, onChange }: { parcours: ParcoursView; canWrite: boolean; sensibles: boolean; onChange: (all: ParcoursView[]) => void }) {
  const [kind, setKind] = useState<Kind | null>(null);
  const [partners, setPartners] = useState<PartenaireView[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const today = toIsoDate(new Date());
  // `id` is set when an entry is being corrected, null for a new one.
  const blankF = { id: null as string | null, intitule: '', organismeId: null as string | null, dateDebut: today, dateFin: '', heures: null as number | null, qualifiante: false };
  const blankM = { id: null as string | null, dateDebut: today, dateFin: '', entreprise: '' };
  const blankA = { id: null as string | null, typeFrein: null as FreinType | null, date: today, prestataire: 'interne' as Prestataire, partenaireId: null as string | null, description: '' };
  const [f, setF] = useState(blankF);
  const [m, setM] = useState(blankM);
  const [a, setA] = useState(blankA);
  useEffect(() => {
    if (kind) api('partenaires.list').then(setPartners, () => setPartners([]));
  }, [kind]);
  useDraftGuard(kind === 'formation' ? f : kind === 'pmsmp' ? m : a, kind !== null);
  const partnerOptions = partners.map((p) => ({ value: p.id, label: p.nom }));
  const done = (ok: boolean) => ok && setKind(null);
  const field = (path: string) => fieldProps(kind ?? 'action', errors, path);
  const open = (k: Kind) => {
    setErrors(NO_ERRORS);
    if (k === 'formation') setF(blankF);
    if (k === 'pmsmp') setM(blankM);
    if (k === 'action') setA(blankA);
    setKind(k);
  };
  const correct = (k: Kind, fill: () => void) => {
    setErrors(NO_ERRORS);
    fill();
    setKind(k);
  };
  // Deleting asks first; one that counted in a signed year is confirmed a second time (withConfirmation).
  const remove = async (type: ParcoursEntryType, id: string, label: string) => {
    const yes = await askToConfirm({ title: 'Supprimer ?', points: [`${label} : cette saisie sera supprimée du parcours. La suppression est inscrite au journal d’audit.`], confirmLabel: 'Supprimer', color: 'red' });
    if (yes) await saveParcours((confirme) => api('parcours.deleteEntry', { parcoursId: parcours.id, type, id, confirme }), onChange, 'Saisie supprimée.', setErrors);
  };

  const rows = [
    ...parcours.formations.map((x) => ({
      id: x.id,
      type: 'formation' as const,
      date: x.dateDebut,
      label: `Formation : ${x.intitule}`,
      detail: [x.organisme, x.heures !== null ? `${formatNumber(x.heures, 2)} h` : null, x.qualifiante ? 'qualifiante' : null].filter(Boolean).join(' · '),
      edit: () => correct('formation', () => setF({ id: x.id, intitule: x.intitule, organismeId: x.organismeId, dateDebut: x.dateDebut, dateFin: x.dateFin ?? '', heures: x.heures, qualifiante: x.qualifiante })),
    })),
    ...parcours.pmsmp.map((x) => ({
      id: x.id,
      type: 'pmsmp' as const,
      date: x.dateDebut,
      label: `Immersion (PMSMP) : ${x.entreprise}`,
      detail: x.dateFin ? `jusqu’au ${formatDate(x.dateFin)}` : '',
      edit: () => correct('pmsmp', () => setM({ id: x.id, dateDebut: x.dateDebut, dateFin: x.dateFin ?? '', entreprise: x.entreprise })),
    })),
    ...parcours.actionsFreins.map((x) => ({
      id: x.id,
      type: 'actionFrein' as const,
      date: x.date,
      label: `Action sur le frein « ${FREIN_TYPES[x.typeFrein]} »`,
      detail: [x.prestataire === 'interne' ? 'par la structure' : `par ${x.partenaire ?? 'un partenaire'}`, x.description].filter(Boolean).join(' · '),
      edit: () => correct('action', () => setA({ id: x.id, typeFrein: x.typeFrein, date: x.date, prestataire: x.prestataire, partenaireId: x.partenaireId, description: x.description })),
    })),
  ].sort((x, y) => x.date.localeCompare(y.date));

  return (
    <Paper withBorder p="md" mt="md">
      <Title order={4} size="h5" mb="xs">
        Formations, immersions et actions d’accompagnement
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Rien d’enregistré.
        </Text>
      ) : (
        <Table aria-label="Actions du parcours">
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td w={130}>{formatDate(r.date)}</Table.Td>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td c="dimmed">{r.detail}</Table.Td>
                {canWrite && (
                  <Table.Td w={170}>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={r.edit} aria-label={`Modifier : ${r.label}`}>
                        Modifier
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(r.type, r.id, r.label)} aria-label={`Supprimer : ${r.label}`}>
                        Supprimer
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <Group mt="sm" gap="xs">
          <Button size="xs" variant="light" onClick={() => open('formation')}>
            Formation
          </Button>
          <Button size="xs" variant="light" onClick={() => open('pmsmp')}>
            Immersion (PMSMP)
          </Button>
          <Button size="xs" variant="light" onClick={() => open('action')}>
            Action sur un frein
          </Button>
        </Group>
      )}
      {kind && (
        <Stack mt="sm">
          <ErrorSummary form={kind} errors={errors} labels={ACTION_LABELS[kind]} />
          {kind === 'formation' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label="Intitulé" {...field('intitule')} value={f.intitule} onChange={(e) => setF({ ...f, intitule: e.currentTarget.value })} />
                <Select label="Organisme" {...field('organismeId')} data={partnerOptions} value={f.organismeId} onChange={(v) => setF({ ...f, organismeId: v })} clearable searchable placeholder="Partenaire" />
                <NumberField label="Heures" {...field('heures')} value={f.heures} onChange={(v) => setF({ ...f, heures: v })} min={0} />
                <DateField label="Début" {...field('dateDebut')} value={f.dateDebut} onChange={(v) => setF({ ...f, dateDebut: v })} />
                <DateField label="Fin" {...field('dateFin')} value={f.dateFin} onChange={(v) => setF({ ...f, dateFin: v })} />
                <Checkbox mt="xl" label="Qualifiante" checked={f.qualifiante} onChange={(e) => setF({ ...f, qualifiante: e.currentTarget.checked })} />
              </SimpleGrid>
              <InlineFormButtons label="Enregistrer la formation" onSave={() => void saveParcours((confirme) => api('formations.save', { parcoursId: parcours.id, ...f, dateFin: f.dateFin || null, confirme }), onChange, 'Formation enregistrée.', setErrors).then(done)} onCancel={() => setKind(null)} />
            </>
          )}
          {kind === 'pmsmp' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label="Entreprise d’accueil" {...field('entreprise')} value={m.entreprise} onChange={(e) => setM({ ...m, entreprise: e.currentTarget.value })} />
                <DateField label="Début" {...field('dateDebut')} value={m.dateDebut} onChange={(v) => setM({ ...m, dateDebut: v })} />
                <DateField label="Fin" {...field('dateFin')} value={m.dateFin} onChange={(v) => setM({ ...m, dateFin: v })} />
              </SimpleGrid>
              <InlineFormButtons label="Enregistrer l’immersion" onSave={() => void saveParcours((confirme) => api('pmsmp.save', { parcoursId: parcours.id, ...m, dateFin: m.dateFin || null, confirme }), onChange, 'Immersion enregistrée.', setErrors).then(done)} onCancel={() => setKind(null)} />
            </>
          )}
          {kind === 'action' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label="Frein travaillé"
                  {...field('typeFrein')}
                  data={options(FREIN_TYPES).filter((o) => sensibles || !FREINS_SENSIBLES.includes(o.value))}
                  value={a.typeFrein}
                  onChange={(v) => setA({ ...a, typeFrein: v as FreinType | null })}
                />
                <DateField label="Date" {...field('date')} value={a.date} onChange={(v) => setA({ ...a, date: v })} />
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    Menée par
                  </Text>
                  <SegmentedControl value={a.prestataire} onChange={(v) => setA({ ...a, prestataire: v as Prestataire })} data={options(PRESTATAIRES)} size="xs" />
                </div>
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {a.prestataire === 'externe' && <Select label="Partenaire" {...field('partenaireId')} data={partnerOptions} value={a.partenaireId} onChange={(v) => setA({ ...a, partenaireId: v })} searchable />}
                <TextInput label="Ce qui a été fait" {...field('description')} value={a.description} onChange={(e) => setA({ ...a, description: e.currentTarget.value })} />
              </SimpleGrid>
              <InlineFormButtons label="Enregistrer l’action" onSave={() => void saveParcours((confirme) => api('actionsFreins.save', { parcoursId: parcours.id, ...a, typeFrein: a.typeFrein!, confirme }), onChange, 'Action enregistrée.', setErrors).then(done)} onCancel={() => setKind(null)} disabled={!a.typeFrein} />
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Where the person is 1, 3 and 6 months after the exit. */
export function SuiviSection({ parcours, canWrite, onChange }: { parcours: ParcoursView; canWrite: boolean; onChange: (all: ParcoursView[]) => void }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [draft, setDraft] = useState<{ echeanceMois: 1 | 3 | 6; date: string; situation: SituationSuivi | null; commentaire: string } | null>(null);
  useDraftGuard(draft, draft !== null);
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={4} size="h5" mb="xs">
        Suivi après la sortie
      </Title>
      <Group gap="xs">
        {ECHEANCES_SUIVI.map((m) => {
          const s = parcours.suivis.find((x) => x.echeanceMois === m);
          return (
            <Button key={m} size="xs" variant={s ? 'light' : 'default'} disabled={!canWrite} onClick={() => setDraft({ echeanceMois: m, date: s?.date ?? toIsoDate(new Date()), situation: s?.situation ?? null, commentaire: s?.commentaire ?? '' })}>
              À {m} mois : {s ? SITUATIONS_SUIVI[s.situation] : 'à faire'}
            </Button>
          );
        })}
      </Group>
      {draft && (
        <Stack mt="sm">
          <ErrorSummary form="suivi" errors={errors} labels={SUIVI_LABELS} />
          <Badge variant="light" tt="none">
            Suivi à {draft.echeanceMois} mois
          </Badge>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label="Date" {...fieldProps('suivi', errors, 'date')} value={draft.date} onChange={(v) => setDraft({ ...draft, date: v })} />
            <Select label="Situation" {...fieldProps('suivi', errors, 'situation')} data={options(SITUATIONS_SUIVI)} value={draft.situation} onChange={(v) => setDraft({ ...draft, situation: v as SituationSuivi | null })} />
            <TextInput label="Commentaire" {...fieldProps('suivi', errors, 'commentaire')} value={draft.commentaire} onChange={(e) => setDraft({ ...draft, commentaire: e.currentTarget.value })} />
          </SimpleGrid>
          <Group>
            <Button
              size="sm"
              disabled={!draft.situation}
              onClick={() => void saveParcours(() => api('suivis.save', { parcoursId: parcours.id, ...draft, situation: draft.situation! }), onChange, 'Suivi enregistré.', setErrors).then((ok) => ok && setDraft(null))}
            >
              Enregistrer le suivi
            </Button>
            <Button size="sm" variant="default" onClick={() => setDraft(null)}>
              Annuler
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
