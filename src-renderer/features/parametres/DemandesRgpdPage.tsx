import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  RGPD_REQUEST_LABELS,
  RGPD_REQUEST_TYPES,
  RGPD_STATUS_LABELS,
  type ErasureCheck,
  type RgpdAnswer,
  type RgpdRequestType,
  type RgpdRequestView,
} from '../../../src-shared/rgpd-requests';
import type { PersonneSearchHit } from '../../../src-shared/views-accueil';
import { api, ApiError } from '../../api';
import { DateField } from '../../components/fields/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { useDraftGuard } from '../../stores/unsaved-store';

const todayIso = () => new Date().toISOString().slice(0, 10);

/** Requests carried out on the person's file itself: what to do there (text before and after the link). */
const FILE_HINTS: Partial<Record<RgpdRequestType, [string, string]>> = {
  acces: ['Produisez le fichier depuis le', ' (bouton « Droit d’accès (RGPD) »), remettez-le, puis enregistrez la réponse ici.'],
  portabilite: ['Produisez le fichier depuis le', ' (bouton « Droit d’accès (RGPD) » : le JSON est le format réutilisable), puis enregistrez la réponse ici.'],
  rectification: ['Corrigez les informations dans le', ', puis notez ici ce qui a été corrigé.'],
};

/**
 * The register of RGPD requests (access, rectification, erasure…): each with its one-month deadline, its answer and
 * who answered. An erasure request erases, from here, what the law allows for that file.
 */
export function DemandesRgpdPage() {
  const { data, error } = useRouteData('rgpd.demandes');
  const [list, setList] = useState<RgpdRequestView[] | null>(null);
  const [search] = useSearchParams();
  const [creating, setCreating] = useState(search.get('personne') !== null);
  const [answering, setAnswering] = useState<RgpdRequestView | null>(null);
  const rows = list ?? data ?? [];
  const late = rows.filter((r) => r.enRetard).length;

  return (
    <>
      <PageHeader
        title="Demandes RGPD"
        description="Le registre des demandes d’accès, de rectification, d’effacement… Réponse due dans le mois qui suit la réception."
        actions={<Button onClick={() => setCreating(true)}>Enregistrer une demande</Button>}
      />
      <FormAlert message={error} />
      {late > 0 && (
        <Alert color="red" mb="sm" role="status">
          {late > 1 ? `${late} demandes ont dépassé` : '1 demande a dépassé'} le délai d’un mois.
        </Alert>
      )}
      <Paper withBorder>
        <Table aria-label="Demandes RGPD" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reçue le</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Personne</Table.Th>
              <Table.Th>Demandeur</Table.Th>
              <Table.Th>Échéance</Table.Th>
              <Table.Th>Réponse</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDate(r.recueLe)}</Table.Td>
                <Table.Td>{RGPD_REQUEST_LABELS[r.type]}</Table.Td>
                <Table.Td>
                  {r.personneId ? (
                    <Anchor component={Link} to={`/personnes/${r.personneId}`}>
                      {r.personne}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{r.demandeur}</Table.Td>
                <Table.Td>
                  {formatDate(r.echeance)}{' '}
                  {r.enRetard && (
                    <Badge color="red" size="sm" tt="none">
                      en retard
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  <Badge color={r.statut === 'en_cours' ? 'blue' : r.statut === 'refusee' ? 'gray' : 'teal'} variant="light" tt="none">
                    {RGPD_STATUS_LABELS[r.statut]}
                  </Badge>
                  {r.reponse && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {r.reponseLe && `${formatDate(r.reponseLe)} — `}
                      {r.reponse}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.statut === 'en_cours' && (
                    <Button size="compact-xs" variant="light" onClick={() => setAnswering(r)}>
                      Répondre…
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            Aucune demande enregistrée.
          </Text>
        )}
      </Paper>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Enregistrer une demande RGPD" size="lg">
        {creating && (
          <RequestForm
            initialPersonneId={search.get('personne')}
            onDone={(next) => {
              setList(next);
              setCreating(false);
            }}
          />
        )}
      </Modal>
      <Modal opened={answering !== null} onClose={() => setAnswering(null)} title="Répondre à la demande" size="lg">
        {answering && (
          <AnswerForm
            request={answering}
            onDone={(next) => {
              setList(next);
              setAnswering(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}

/** A searchable list of persons, fed by the same search as Ctrl+K. */
function PersonPicker({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PersonneSearchHit[]>([]);
  // Opened from a person's file: that person's name, until the user searches another one.
  const [initialLabel, setInitialLabel] = useState<string | null>(null);
  const [initialId] = useState(value);
  useEffect(() => {
    if (!initialId) return;
    api('personnes.get', { id: initialId }).then((f) => setInitialLabel(`${f.personne.nom} ${f.personne.prenom}`), () => undefined);
  }, [initialId]);
  useEffect(() => {
    if (query.trim().length < 2) return;
    let current = true;
    api('personnes.search', { q: query }).then((found) => current && setHits(found), () => undefined);
    return () => {
      current = false;
    };
  }, [query]);
  const data = hits.map((h) => ({ value: h.id, label: `${h.nom} ${h.prenom} (${formatDate(h.dateNaissance)})` }));
  return (
    <Select
      label="Personne concernée"
      description="Tapez au moins deux lettres du nom ; laissez vide si la demande ne vise aucun dossier."
      searchable
      clearable
      data={value && !data.some((d) => d.value === value) ? [...data, { value, label: initialLabel ?? '…' }] : data}
      value={value}
      onChange={onChange}
      searchValue={query}
      onSearchChange={setQuery}
      filter={({ options }) => options}
      nothingFoundMessage={query.trim().length < 2 ? 'Tapez le nom' : 'Personne ne correspond'}
      error={error}
    />
  );
}

function RequestForm({ initialPersonneId, onDone }: { initialPersonneId: string | null; onDone: (list: RgpdRequestView[]) => void }) {
  const [personneId, setPersonneId] = useState<string | null>(initialPersonneId);
  const [type, setType] = useState<RgpdRequestType | null>(null);
  const [recueLe, setRecueLe] = useState(todayIso());
  const [demandeur, setDemandeur] = useState('La personne elle-même');
  const [objet, setObjet] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useDraftGuard({ personneId, type, recueLe, demandeur, objet }, true);

  const save = async () => {
    if (!type) {
      setFields({ type: 'Choisissez le type de demande.' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api('rgpd.saveDemande', { id: null, personneId, type, recueLe, demandeur, objet }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Enregistrement impossible.');
      setFields(err instanceof ApiError ? err.fields : {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PersonPicker value={personneId} onChange={setPersonneId} error={fields.personneId} />
      <Select
        label="Type de demande"
        data={RGPD_REQUEST_TYPES.map((t) => ({ value: t, label: RGPD_REQUEST_LABELS[t] }))}
        value={type}
        onChange={(v) => setType(v as RgpdRequestType | null)}
        error={fields.type}
        allowDeselect={false}
      />
      <DateField label="Reçue le" value={recueLe} onChange={(v) => setRecueLe(v)} error={fields.recueLe} />
      <TextInput label="Demandeur" value={demandeur} onChange={(e) => setDemandeur(e.currentTarget.value)} error={fields.demandeur} />
      <Textarea label="Objet de la demande" description="Ce que la personne demande, sans plus de détails que nécessaire." autosize minRows={2} value={objet} onChange={(e) => setObjet(e.currentTarget.value)} error={fields.objet} />
      <FormAlert message={error} />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy}>
          Enregistrer
        </Button>
      </Group>
    </Stack>
  );
}

function AnswerForm({ request, onDone }: { request: RgpdRequestView; onDone: (list: RgpdRequestView[]) => void }) {
  const erasure = request.type === 'effacement' && request.personneId !== null;
  const [check, setCheck] = useState<ErasureCheck | null>(null);
  const [statut, setStatut] = useState<RgpdAnswer | null>(null);
  const [reponse, setReponse] = useState('');
  const [effacer, setEffacer] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!erasure) return;
    api('rgpd.verifierEffacement', { id: request.personneId! }).then(setCheck, (err: unknown) => setError(err instanceof ApiError ? err.message : 'Vérification impossible.'));
  }, [erasure, request.personneId]);

  const save = async () => {
    const chosen: RgpdAnswer | null = effacer ? (check?.etendue === 'totale' ? 'acceptee' : 'partielle') : statut;
    if (!chosen) {
      setError('Choisissez la réponse.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api('rgpd.repondreDemande', { id: request.id, statut: chosen, reponse, effacer }));
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Enregistrement impossible.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm">
        {RGPD_REQUEST_LABELS[request.type]} — reçue le {formatDate(request.recueLe)}
        {request.personne && ` — ${request.personne}`}
      </Text>
      {request.personneId && FILE_HINTS[request.type] && (
        <Alert color="blue" variant="light">
          {FILE_HINTS[request.type]![0]}{' '}
          <Anchor component={Link} to={`/personnes/${request.personneId}`}>
            dossier de la personne
          </Anchor>
          {FILE_HINTS[request.type]![1]}
        </Alert>
      )}
      {erasure && check && (
        <Alert color={check.etendue === 'aucune' ? 'orange' : check.etendue === 'partielle' ? 'yellow' : 'teal'} title={check.etendue === 'aucune' ? 'Effacement impossible aujourd’hui' : check.etendue === 'partielle' ? 'Effacement partiel possible' : 'Effacement possible'}>
          {check.motif}
        </Alert>
      )}
      {erasure && check && check.etendue !== 'aucune' && (
        <Checkbox
          label={check.etendue === 'totale' ? 'Anonymiser le dossier maintenant (définitif)' : 'Effacer maintenant les textes de l’accompagnement (définitif)'}
          checked={effacer}
          onChange={(e) => setEffacer(e.currentTarget.checked)}
        />
      )}
      {!effacer && (
        <Select
          label="Réponse"
          data={[
            { value: 'acceptee', label: 'Satisfaite' },
            { value: 'partielle', label: 'Satisfaite en partie' },
            { value: 'refusee', label: 'Refusée (motif obligatoire)' },
          ]}
          value={statut}
          onChange={(v) => setStatut(v as RgpdAnswer | null)}
          allowDeselect={false}
        />
      )}
      <Textarea
        label={statut === 'refusee' && !effacer ? 'Motif du refus' : 'Ce qui a été fait'}
        description="Ce texte est gardé dans le registre ; il sera communiqué à la personne."
        autosize
        minRows={2}
        value={reponse}
        onChange={(e) => setReponse(e.currentTarget.value)}
      />
      <FormAlert message={error} />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy} color={effacer ? 'red' : undefined}>
          {effacer ? 'Effacer et clore la demande' : 'Clore la demande'}
        </Button>
      </Group>
    </Stack>
  );
}
