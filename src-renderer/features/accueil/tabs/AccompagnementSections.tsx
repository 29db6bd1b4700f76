import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { BILAN_TYPES, type BilanType } from '../../../../src-shared/domain/insertion';
import { toIsoDate } from '../../../../src-shared/rules/dates';
import type { BilanView, ParcoursView } from '../../../../src-shared/views-insertion';
import { api } from '../../../api';
import { DateField } from '../../../components/DateField';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../lib/format';
import { options } from '../../../lib/options';
import { saveParcours } from './save-parcours';
import { printPdf } from '../../../lib/download';

/** The contrat d'engagement réciproque: the person's goals in their words, the means the structure commits. */
export function CerSection({ parcours, canWrite, onChange }: { parcours: ParcoursView; canWrite: boolean; onChange: (all: ParcoursView[]) => void }) {
  const current = parcours.cer[0];
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
  const e = parcours.echeances;
  const save = async () => {
    if (await saveParcours(() => api('cer.save', { parcoursId: parcours.id, ...v, dateSignature: v.dateSignature || null }), onChange, 'Contrat d’engagement enregistré.', setError)) setEditing(false);
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
      {!editing && <FormAlert message={error} />}
      {editing && (
        <Stack mt="sm">
          <FormAlert message={error} />
          <Textarea label="Les objectifs de la personne, avec ses mots" autosize minRows={2} value={v.objectifs} onChange={(ev) => setV({ ...v, objectifs: ev.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Textarea label="Formation proposée" autosize value={v.moyensFormation} onChange={(ev) => setV({ ...v, moyensFormation: ev.currentTarget.value })} />
            <Textarea label="Encadrement" autosize value={v.moyensEncadrement} onChange={(ev) => setV({ ...v, moyensEncadrement: ev.currentTarget.value })} />
            <Textarea label="Accompagnement" autosize value={v.moyensAccompagnement} onChange={(ev) => setV({ ...v, moyensAccompagnement: ev.currentTarget.value })} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label="Heures de travail rémunéré par semaine" value={v.heuresHebdo ?? ''} onChange={(x) => setV({ ...v, heuresHebdo: typeof x === 'number' ? x : null })} decimalSeparator="," />
            <DateField label="Signé le" value={v.dateSignature} onChange={(ev) => setV({ ...v, dateSignature: ev.currentTarget.value })} />
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
  const [error, setError] = useState<string | null>(null);
  const e = parcours.echeances;
  const save = async () => {
    if (!draft) return;
    if (await saveParcours(() => api('bilans.save', { ...draft, parcoursId: parcours.id }), onChange, 'Bilan enregistré.', setError)) setDraft(null);
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
                  <Button size="compact-xs" variant="subtle" onClick={() => setDraft({ ...b })}>
                    Modifier
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
      {draft && (
        <Stack mt="sm">
          <FormAlert message={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Type" data={options(BILAN_TYPES)} value={draft.type} onChange={(x) => x && setDraft({ ...draft, type: x as BilanType })} allowDeselect={false} />
            <DateField label="Date" value={draft.date} onChange={(ev) => setDraft({ ...draft, date: ev.currentTarget.value })} />
          </SimpleGrid>
          <Textarea label="Ce que dit la personne, avec ses mots" description="Sa parole, sans reformulation." autosize minRows={2} value={draft.parolesPersonne} onChange={(ev) => setDraft({ ...draft, parolesPersonne: ev.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Textarea label="Objectifs du CER : où en est-on ?" autosize value={draft.revueObjectifs} onChange={(ev) => setDraft({ ...draft, revueObjectifs: ev.currentTarget.value })} />
            <Textarea label="Freins" autosize value={draft.revueFreins} onChange={(ev) => setDraft({ ...draft, revueFreins: ev.currentTarget.value })} />
            <Textarea label="Compétences" autosize value={draft.revueCompetences} onChange={(ev) => setDraft({ ...draft, revueCompetences: ev.currentTarget.value })} />
          </SimpleGrid>
          <Textarea label="Prochaines étapes" autosize value={draft.prochainesEtapes} onChange={(ev) => setDraft({ ...draft, prochainesEtapes: ev.currentTarget.value })} />
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
