import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatIndicator } from '../../../src-shared/observatoire/format-value';
import { indicatorDefinition } from '../../../src-shared/observatoire/indicateurs';
import type { ReportPreviewView } from '../../../src-shared/views-observatoire';
import { api, ApiError } from '../../api';
import { JobProgressView } from '../../components/JobProgressView';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { downloadBlob } from '../../lib/download';
import { base64ToBlob } from '../../lib/files';
import { formatDateTime } from '../../lib/format';
import { useFollowedCall } from '../../lib/useFollowedCall';
import { useRouteData } from '../../lib/useRoute';
import { askToConfirm } from '../../stores/confirm-store';

const KEY_FIGURES = [
  'public.salaries_en_parcours',
  'public.entrees',
  'activite.heures_travaillees',
  'activite.etp_realises',
  'activite.taux_realisation',
  'accompagnement.cer_signes_dans_delai',
  'sorties.constatees',
  'sorties.taux_sorties_dynamiques',
];

/**
 * The signed annual report: preview what will be sent (values as in the federation file, small cells masked),
 * sign and download the ZIP, and the history of the reports produced, whose hash chain shows any alteration.
 */
export function RapportPage() {
  const thisYear = new Date().getFullYear();
  const [annee, setAnnee] = useState(thisYear - 1);
  const [preview, setPreview] = useState<ReportPreviewView | null>(null);
  const [busy, setBusy] = useState<'preview' | 'sign' | null>(null);
  const job = useFollowedCall();
  const [error, setError] = useState<string | null>(null);
  const history = useRouteData('rapports.history');

  const load = async () => {
    setBusy('preview');
    setError(null);
    try {
      setPreview(await api('rapports.preview', { annee }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Prévisualisation impossible.');
    } finally {
      setBusy(null);
    }
  };

  const sign = async () => {
    if (!preview) return;
    const year = preview.payload.annee;
    // Signing is an act towards the federation: say exactly what will be signed, then ask (issue 14 §6).
    const yes = await askToConfirm({
      title: `Signer le rapport ${year} ?`,
      points: [
        `Vous signez, au nom de ${preview.payload.structure.nom}, le rapport ${year} que la fédération vérifiera. Un rapport signé ne se modifie plus : une correction serait un nouveau rapport, signé à son tour.`,
        preview.cle ? `Clé de signature : ${preview.cle.kid}` : 'Une clé de signature sera créée : envoyez sa fiche d’enregistrement à la fédération.',
        ...KEY_FIGURES.map((id) => `${indicatorDefinition(id)?.label ?? id} : ${formatIndicator(id, preview.payload.indicateurs[id], preview.payload.suppressed.includes(id))}`),
      ],
      confirmLabel: 'Signer le rapport',
    });
    if (!yes) return;
    setBusy('sign');
    setError(null);
    try {
      // Followed: the steps (indicators, PDF, signature, archive); « Annuler » is offered until the signature.
      const made = await job.run('rapports.produce', { annee: year });
      if (!made) return;
      downloadBlob(made.fileName, base64ToBlob(made.base64, 'application/zip'));
      notifications.show({ color: 'teal', message: `Rapport ${year} signé et enregistré : ${made.fileName}` });
      history.reload();
      setPreview(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Signature impossible.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title="Rapport annuel" description="Le fichier signé que la fédération vérifie et consolide : indicateurs du cadre commun, rapport PDF et tableau CSV." />
      <Paper withBorder p="md" mb="md">
        <Group align="flex-end">
          <Select label="Année du rapport" w={160} value={String(annee)} onChange={(v) => v && setAnnee(Number(v))} data={Array.from({ length: 10 }, (_, i) => String(thisYear - i))} allowDeselect={false} />
          <Button leftSection={<IconEye size={18} />} variant="default" onClick={() => void load()} loading={busy === 'preview'}>
            Prévisualiser
          </Button>
        </Group>
      </Paper>
      <FormAlert message={error} />
      {preview && (
        <Paper withBorder p="md" mb="md">
          <Stack>
            <Title order={3}>
              Rapport {preview.payload.annee} — {preview.payload.structure.nom}
            </Title>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {KEY_FIGURES.map((id) => (
                <div key={id}>
                  <Text size="sm" c="dimmed">
                    {indicatorDefinition(id)!.label}
                  </Text>
                  <Text fw={600}>{formatIndicator(id, preview.payload.indicateurs[id])}</Text>
                </div>
              ))}
            </SimpleGrid>
            <Text size="sm">
              {Object.keys(preview.payload.indicateurs).length} indicateurs, dont {preview.payload.suppressed.length} petit{preview.payload.suppressed.length > 1 ? 's' : ''} effectif
              {preview.payload.suppressed.length > 1 ? 's' : ''} masqué{preview.payload.suppressed.length > 1 ? 's' : ''} (1 ou 2 personnes sur la santé ou la justice). Aucune donnée nominative.
            </Text>
            {preview.payload.structure.dispositifs.some((d) => d.etp_conventionnes === null) && (
              <Alert color="orange">
                Les ETP conventionnés de {preview.payload.annee} ne sont pas tous saisis : le taux de réalisation sera vide.{' '}
                <Link to="/parametres/annexes">Saisir les annexes financières</Link>
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {preview.cle ? `Signé avec la clé ${preview.cle.kid}.` : 'La structure n’a pas encore de clé de signature : elle sera créée à la signature. Pensez à envoyer sa fiche à la fédération.'}
            </Text>
            {busy === 'sign' && <JobProgressView label="Calcul, mise en page du PDF, signature et archivage…" progress={job.progress} onCancel={job.cancel} />}
            <Group>
              <Button leftSection={<IconSignature size={18} />} onClick={() => void sign()} loading={busy === 'sign'}>
                Signer et télécharger le rapport
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Title order={3} mt="lg" mb="sm">
        Rapports produits
      </Title>
      <FormAlert message={history.error} />
      <Paper withBorder>
        <Table aria-label="Rapports produits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Année</Table.Th>
              <Table.Th>Produit le</Table.Th>
              <Table.Th>Signé par</Table.Th>
              <Table.Th>Empreinte SHA-256 de l’archive</Table.Th>
              <Table.Th>Historique</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(history.data ?? []).map((h) => (
              <Table.Tr key={h.seq}>
                <Table.Td>{h.annee}</Table.Td>
                <Table.Td>{formatDateTime(h.genereLe)}</Table.Td>
                <Table.Td>{h.signeParNom}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {h.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td>{h.chaineIntacte ? <Badge color="teal" variant="light">Intact</Badge> : <Badge color="red">Altéré</Badge>}</Table.Td>
              </Table.Tr>
            ))}
            {history.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" size="sm">
                    Aucun rapport produit pour l’instant.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
