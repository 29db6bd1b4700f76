import { isWithheld } from '../../../../src-shared/domain/need-to-know';
import { Alert, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { BILAN_TYPES, type BilanType } from '../../../../src-shared/domain/insertion';
import { toIsoDate } from '../../../../src-shared/rules/dates';
import type { BilanView, ParcoursView } from '../../../../src-shared/views-insertion';
import { api } from '../../../api';
import { DateField } from '../../../components/fields/DateField';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldProps, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { formatDate } from '../../../lib/format';
import { options } from '../../../lib/options';
import { saveParcours } from './save-parcours';
import { printPdf } from '../../../lib/download';
import { NumberField } from '../../../components/fields/NumberField';
import { useDraftGuard } from '../../../stores/unsaved-store';
import { askToConfirm } from '../../../stores/confirm-store';

/** The fields of the CER and bilan forms by their path in the route's input, as the error summary names them. */
const CER_LABELS = {
  objectifs: 'Les objectifs de la personne',
  moyensFormation: 'Formation proposée',
  moyensEncadrement: 'Encadrement',
  moyensAccompagnement: 'Accompagnement',
  heuresHebdo: 'Heures par semaine',
  dateSignature: 'Signé le',
};
const BILAN_LABELS = {
  type: 'Type',
  date: 'Date',
  parolesPersonne: 'Ce que dit la personne',
  revueObjectifs: 'Objectifs du CER',
  revueFreins: 'Freins',
  revueCompetences: 'Compétences',
  prochainesEtapes: 'Prochaines étapes',
};

/** The contrat d'engagement réciproque: the person's goals in their words, the means the structure commits. */
export function CerSection({ parcours, canWrite, onChange }: { parcours: ParcoursView; canWrite: boolean; onChange: (all: ParcoursView[]) => void }) {
  const current = parcours.cer[0];
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const setError = (message: string | null) => setErrors({ message, fields: {} });
  const field = (path: string) => fieldProps('cer', errors, path);
  const [v, setV] = useState({
    objectifs: current?.objectifs ?? '',
    moyensFormation: current?.moyensFormation ?? '',
    moyensEncadrement: current?.moyensEncadrement ?? '',
    moyensAccompagnement: current?.moyensAccompagnement ?? '',
    heuresHebdo: current?.heuresHebdo ?? parcours.contrats.at(-1)?.heuresHebdo ?? null,
    dateSignature: '',
    signePersonne: false,
    signeStructure: false,
  });
  useDraftGuard(v, editing);
  const e = parcours.echeances;
  const save = async () => {
    if (await saveParcours((confirme) => api('cer.save', { parcoursId: parcours.id, ...v, dateSignature: v.dateSignature || null, confirme }), onChange, 'Contrat d’engagement enregistré.', setErrors)) setEditing(false);
  };
  return (
    <Paper withBorder p="md" mt="md">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          Contrat d’engagement réciproque
        </Title>
        {current ? (
          <Badge color={current.dateSignature ? 'teal' : 'yellow'} variant="light" tt="none">
            Version {current.version}
            {current.dateSignature ? `, signée le ${formatDate(current.dateSignature)}` : ', pas encore signée'}
          </Badge>
        ) : (
          e.cerAttenduLe && (
            <Badge color="orange" variant="light" tt="none">
              Attendu au plus tard le {formatDate(e.cerAttenduLe)}
            </Badge>
          )
        )}
      </Group>
      {current && !editing && (
        <Stack gap={4}>
          <Text size="sm">
            <strong>Ses objectifs :</strong> {current.objectifs}
          </Text>
          {current.moyensFormation && <Text size="sm">Formation : {current.moyensFormation}</Text>}
          {current.moyensEncadrement && <Text size="sm">Encadrement : {current.moyensEncadrement}</Text>}
          {current.moyensAccompagnement && <Text size="sm">Accompagnement : {current.moyensAccompagnement}</Text>}
          {e.cerSigneDansDelai === false && <Text size="xs" c="orange">Le premier CER a été signé après le délai de la structure.</Text>}
        </Stack>
      )}
      {!editing && (
        <Group mt="sm" gap="xs">
          {canWrite && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {current ? 'Réviser (nouvelle version)' : 'Rédiger le CER avec la personne'}
            </Button>
          )}
          {current && (
            <Button size="xs" variant="default" onClick={() => void printPdf(() => api('documents.cer', { parcoursId: parcours.id }), setError)}>
              Imprimer pour signature (PDF)
            </Button>
          )}
        </Group>
      )}
      {!editing && <ErrorSummary form="cer" errors={errors} labels={CER_LABELS} />}
      {editing && (
        <Stack mt="sm">
          <ErrorSummary form="cer" errors={errors} labels={CER_LABELS} />
          <Textarea label="Les objectifs de la personne, avec ses mots" {...field('objectifs')} autosize minRows={2} value={v.objectifs} onChange={(ev) => setV({ ...v, objectifs: ev.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Textarea label="Formation proposée" {...field('moyensFormation')} autosize value={v.moyensFormation} onChange={(ev) => setV({ ...v, moyensFormation: ev.currentTarget.value })} />
            <Textarea label="Encadrement" {...field('moyensEncadrement')} autosize value={v.moyensEncadrement} onChange={(ev) => setV({ ...v, moyensEncadrement: ev.currentTarget.value })} />
            <Textarea label="Accompagnement" {...field('moyensAccompagnement')} autosize value={v.moyensAccompagnement} onChange={(ev) => setV({ ...v, moyensAccompagnement: ev.currentTarget.value })} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberField label="Heures de travail rémunéré par semaine" {...field('heuresHebdo')} value={v.heuresHebdo ?? null} onChange={(x) => setV({ ...v, heuresHebdo: x })} min={0} max={48} />
            <DateField label="Signé le" {...field('dateSignature')} value={v.dateSignature} onChange={(d) => setV({ ...v, dateSignature: d })} />
            <Stack gap={6} justify="flex-end">
              <Checkbox label="Signé par la personne" checked={v.signePersonne} onChange={(ev) => setV({ ...v, signePersonne: ev.currentTarget.checked })} />
              <Checkbox label="Signé par la structure" checked={v.signeStructure} onChange={(ev) => setV({ ...v, signeStructure: ev.currentTarget.checked })} />
            </Stack>
          </SimpleGrid>
          <Group>
            <Button size="sm" onClick={() => void save()}>
              Enregistrer {current ? 'la version ' + (current.version + 1) : 'le CER'}
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

const EMPTY_BILAN = { revueObjectifs: '', revueFreins: '', revueCompetences: '', parolesPersonne: '', prochainesEtapes: '', signePersonne: false, signeStructure: false };

/** Bilans: entry, periodic, prolongation, exit; the person's own words are a field of their own. */
export function BilansSection({ parcours, canWrite, onChange }: { parcours: ParcoursView; canWrite: boolean; onChange: (all: ParcoursView[]) => void }) {
  const [draft, setDraft] = useState<(Omit<BilanView, 'id'> & { id: string | null }) | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const setError = (message: string | null) => setErrors({ message, fields: {} });
  const field = (path: string) => fieldProps('bilan', errors, path);
  useDraftGuard(draft, draft !== null);
  const remove = async (b: BilanView) => {
    const yes = await askToConfirm({ title: 'Supprimer ce bilan ?', points: [`${BILAN_TYPES[b.type]} du ${formatDate(b.date)} : il sera supprimé du parcours, avec la parole de la personne qu’il contient. La suppression est inscrite au journal d’audit.`], confirmLabel: 'Supprimer le bilan', color: 'red' });
    if (yes) await saveParcours((confirme) => api('parcours.deleteEntry', { parcoursId: parcours.id, type: 'bilan', id: b.id, confirme }), onChange, 'Bilan supprimé.', setErrors);
  };
  const e = parcours.echeances;
  const save = async () => {
    if (!draft) return;
    if (await saveParcours((confirme) => api('bilans.save', { ...draft, parcoursId: parcours.id, confirme }), onChange, 'Bilan enregistré.', setErrors)) setDraft(null);
  };
  return (
    <Paper withBorder p="md" mt="md">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          Bilans
        </Title>
        {e.prochainBilan && (
          <Badge color={e.bilanEnRetard ? 'red' : 'gray'} variant="light" tt="none">
            {e.bilanEnRetard ? `En retard : attendu le ${formatDate(e.prochainBilan)}` : `Prochain bilan avant le ${formatDate(e.prochainBilan)}`}
          </Badge>
        )}
      </Group>
      {parcours.bilans.length === 0 && <Text size="sm" c="dimmed">Aucun bilan.</Text>}
      <Stack gap="xs">
        {parcours.bilans.map((b) => (
          <Paper key={b.id} withBorder p="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {BILAN_TYPES[b.type]} du {formatDate(b.date)}
              </Text>
              <Group gap={4}>
                <Button size="compact-xs" variant="subtle" onClick={() => void printPdf(() => api('documents.bilan', { parcoursId: parcours.id, bilanId: b.id }), setError)}>
                  PDF
                </Button>
                {canWrite && (
                  <Button size="compact-xs" variant="subtle" onClick={() => setDraft({ ...b, revueFreins: isWithheld(b.revueFreins) ? '' : b.revueFreins })} aria-label={`Modifier le bilan du ${formatDate(b.date)}`}>
                    Modifier
                  </Button>
                )}
                {canWrite && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(b)} aria-label={`Supprimer le bilan du ${formatDate(b.date)}`}>
                    Supprimer
                  </Button>
                )}
              </Group>
            </Group>
            {b.parolesPersonne && (
              <Text size="sm" fs="italic">
                « {b.parolesPersonne} »
              </Text>
            )}
            {b.prochainesEtapes && <Text size="sm">Prochaines étapes : {b.prochainesEtapes}</Text>}
          </Paper>
        ))}
      </Stack>
      {canWrite && !draft && (
        <Button mt="sm" size="xs" variant="light" onClick={() => setDraft({ id: null, type: parcours.bilans.length ? 'etape' : 'entree', date: toIsoDate(new Date()), ...EMPTY_BILAN })}>
          Nouveau bilan
        </Button>
      )}
      {!draft && <ErrorSummary form="bilan" errors={errors} labels={BILAN_LABELS} />}
      {draft && (
        <Stack mt="sm">
          <ErrorSummary form="bilan" errors={errors} labels={BILAN_LABELS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Type" {...field('type')} data={options(BILAN_TYPES)} value={draft.type} onChange={(x) => x && setDraft({ ...draft, type: x as BilanType })} allowDeselect={false} />
            <DateField label="Date" {...field('date')} value={draft.date} onChange={(v) => setDraft({ ...draft, date: v })} />
          </SimpleGrid>
          <Textarea label="Ce que dit la personne, avec ses mots" {...field('parolesPersonne')} description="Sa parole, sans reformulation." autosize minRows={2} value={draft.parolesPersonne} onChange={(ev) => setDraft({ ...draft, parolesPersonne: ev.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Textarea label="Objectifs du CER : où en est-on ?" {...field('revueObjectifs')} autosize value={draft.revueObjectifs} onChange={(ev) => setDraft({ ...draft, revueObjectifs: ev.currentTarget.value })} />
            <Textarea label="Freins" {...field('revueFreins')} autosize value={draft.revueFreins} onChange={(ev) => setDraft({ ...draft, revueFreins: ev.currentTarget.value })} />
            <Textarea label="Compétences" {...field('revueCompetences')} autosize value={draft.revueCompetences} onChange={(ev) => setDraft({ ...draft, revueCompetences: ev.currentTarget.value })} />
          </SimpleGrid>
          <Textarea label="Prochaines étapes" {...field('prochainesEtapes')} autosize value={draft.prochainesEtapes} onChange={(ev) => setDraft({ ...draft, prochainesEtapes: ev.currentTarget.value })} />
          <Group>
            <Checkbox label="Signé par la personne" checked={draft.signePersonne} onChange={(ev) => setDraft({ ...draft, signePersonne: ev.currentTarget.checked })} />
            <Checkbox label="Signé par la structure" checked={draft.signeStructure} onChange={(ev) => setDraft({ ...draft, signeStructure: ev.currentTarget.checked })} />
          </Group>
          <Group>
            <Button size="sm" onClick={() => void save()}>
              Enregistrer le bilan
            </Button>
            <Button size="sm" variant="default" onClick={() => setDraft(null)}>
              Annuler
            </Button>
          </Group>
        </Stack>
      )}
      {e.bilanEnRetard && !draft && (
        <Alert color="red" mt="sm">
          Le dernier bilan date de plus de l’intervalle prévu par la structure.
        </Alert>
      )}
    </Paper>
  );
}
