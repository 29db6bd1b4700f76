import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RetentionDue, RetentionSettings } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { NumberField } from '../../components/fields/NumberField';
import { plural } from '../../../src-shared/format/french-number';

const MOTIFS = { non_embauche: 'Accueillie, non embauchée', fin_accompagnement: 'Parcours terminé' } as const;

/**
 * The monthly RGPD review: files whose retention period ends within 30 days (the person may be told) or has ended
 * (to anonymise). Anonymising erases what identifies the person and keeps the statistics of past years.
 */
export function ConservationPage() {
  const { data, error } = useRouteData('rgpd.review');
  const [list, setList] = useState<RetentionDue[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const settings = useRouteData('rgpd.settings');
  const [periods, setPeriods] = useState<RetentionSettings | null>(null);
  const shownPeriods = periods ?? settings.data;
  const rows = list ?? data ?? [];
  const ripe = rows.filter((r) => r.echue);

  const savePeriods = async () => {
    if (!shownPeriods) return;
    setActionError(null);
    try {
      setPeriods(await api('rgpd.setSettings', shownPeriods));
      setList(await api('rgpd.review'));
    } catch (err) {
      setActionError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Enregistrement impossible.');
    }
  };

  const anonymise = async () => {
    setBusy(true);
    try {
      setList(await api('rgpd.anonymise', { ids: chosen }));
      setChosen([]);
      setConfirm(false);
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : 'Anonymisation impossible.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Conservation des données (RGPD)"
        description="À revoir chaque mois : les dossiers dont la durée de conservation se termine (2 ans après le dernier contact ou la fin du parcours)."
        actions={
          <Button color="orange" disabled={chosen.length === 0} onClick={() => setConfirm(true)}>
            Anonymiser la sélection ({chosen.length})
          </Button>
        }
      />
      <FormAlert message={actionError ?? error} />
      <Paper withBorder>
        <Table aria-label="Dossiers à revoir">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox aria-label="Tout choisir" checked={ripe.length > 0 && chosen.length === ripe.length} onChange={(e) => setChosen(e.currentTarget.checked ? ripe.map((r) => r.personneId) : [])} />
              </Table.Th>
              <Table.Th>Personne</Table.Th>
              <Table.Th>Situation</Table.Th>
              <Table.Th>Dernière activité</Table.Th>
              <Table.Th>Fin de conservation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.personneId}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Choisir ${r.nom} ${r.prenom}`}
                    disabled={!r.echue}
                    checked={chosen.includes(r.personneId)}
                    onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, r.personneId] : chosen.filter((id) => id !== r.personneId))}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/personnes/${r.personneId}`}>
                    {r.nom.toUpperCase()} {r.prenom}
                  </Anchor>
                </Table.Td>
                <Table.Td>{MOTIFS[r.motif]}</Table.Td>
                <Table.Td>{formatDate(r.derniereActivite)}</Table.Td>
                <Table.Td>
                  {formatDate(r.echeance)}{' '}
                  {r.echue ? (
                    <Badge color="orange" variant="light">
                      échue
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      préavis
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            Aucun dossier à revoir ce mois-ci.
          </Text>
        )}
      </Paper>
      {shownPeriods && (
        <Paper withBorder p="md" mt="lg">
          <Text fw={600} mb="xs">
            Durées de conservation
          </Text>
          <Group align="flex-end">
            <NumberField label="Personne non embauchée (mois après le dernier contact)" w={300} min={12} max={120} integer value={shownPeriods.nonEmbaucheMois} onChange={(v) => setPeriods({ ...shownPeriods, nonEmbaucheMois: v ?? Number.NaN })} />
            <NumberField label="Dossier d’accompagnement (mois après la fin)" w={280} min={12} max={120} integer value={shownPeriods.accompagnementMois} onChange={(v) => setPeriods({ ...shownPeriods, accompagnementMois: v ?? Number.NaN })} />
            <NumberField label="Préavis (jours)" w={140} min={7} max={90} integer value={shownPeriods.preavisJours} onChange={(v) => setPeriods({ ...shownPeriods, preavisJours: v ?? Number.NaN })} />
            <Button variant="default" onClick={() => void savePeriods()}>
              Enregistrer
            </Button>
          </Group>
        </Paper>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Anonymiser ces dossiers ?">
        <Stack>
          <Alert color="orange">
            Les noms, coordonnées, NIR, numéros de PASS et tous les textes libres de {plural(chosen.length, 'personne')} seront effacés définitivement. Les dates,
            heures, sorties et critères restent, sans nom : les statistiques des années passées ne changent pas. L’opération est inscrite au journal.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Annuler
            </Button>
            <Button color="orange" loading={busy} onClick={() => void anonymise()}>
              Anonymiser
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
