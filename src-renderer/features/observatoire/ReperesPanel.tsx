import { Alert, Badge, Button, FileInput, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatIndicator } from '../../../src-shared/observatoire/format-value';
import type { ReperesView } from '../../../src-shared/observatoire/reperes-format';
import type { IndicatorMap } from '../../../src-shared/observatoire/indicateurs';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { fileToUpload } from '../../lib/files';
import { formatDate } from '../../lib/format';
import { can } from '../../lib/permissions';
import { useSessionStore } from '../../stores/session-store';

type Position = { label: string; color: string };

function positionOf(value: number | null | undefined, r: { q1: number; q3: number }): Position | null {
  if (typeof value !== 'number') return null;
  if (value < r.q1) return { label: 'Quart le plus bas', color: 'orange' };
  if (value > r.q3) return { label: 'Quart le plus haut', color: 'teal' };
  return { label: 'Dans la moitié centrale', color: 'gray' };
}

/**
 * The network's repères in the member's observatoire (issue 17 §4): the file its federation signed, checked against
 * the federation's key, and the structure's own figures of that year beside the network's quartiles.
 */
/** The figures shown first; the others behind « Tous les repères ». */
const MAIN = ['public.salaries_en_parcours', 'public.entrees', 'activite.heures_travaillees', 'activite.etp_realises', 'activite.taux_realisation', 'sorties.constatees', 'sorties.taux_sorties_dynamiques', 'sorties.taux_emploi_durable'];

export function ReperesPanel({ annee, indicateurs, masques, scope }: { annee: number; indicateurs: IndicatorMap; masques: string[]; scope: string }) {
  const [all, setAll] = useState(false);
  const user = useSessionStore((s) => s.session!.user);
  const [reperes, setReperes] = useState<ReperesView | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [empreinte, setEmpreinte] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('reperes.get', {}).then(setReperes, () => setReperes(null));
  }, []);
  const importFile = async () => {
    if (!file) return;
    try {
      setReperes(await api('reperes.import', { fichier: await fileToUpload(file), empreinte: empreinte || null }));
      setFile(null);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Import impossible.');
    }
  };
  // The page's scope: the structure's figures, or one dispositif's (`par_dispositif.ACI.…`).
  const prefix = scope === 'total' ? '' : `par_dispositif.${scope}.`;
  const inScope = (reperes?.lignes ?? []).filter((l) => !masques.includes(l.id) && (prefix ? l.id.startsWith(prefix) : !l.id.startsWith('par_dispositif.')));
  const lines = all ? inScope : inScope.filter((l) => MAIN.includes(l.id.slice(prefix.length)));
  return (
    <Paper withBorder p="md" component="section" aria-label="Repères du réseau">
      <Title order={3} size="h4" mb="xs">
        Repères du réseau
      </Title>
      {reperes ? (
        <Text size="sm" c="dimmed" mb="sm">
          Repères {reperes.annee} de {reperes.reseau.nom}, produits le {formatDate(reperes.genereLe.slice(0, 10))}, signés par la clé {reperes.kid} (vérifiée à l’import du{' '}
          {formatDate(reperes.importeLe.slice(0, 10))}). Chaque repère réunit au moins 5 structures.
        </Text>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          Votre fédération peut vous envoyer les repères de son réseau (médiane et quartiles de ses membres, sans le chiffre d’aucun). Importez le fichier ici pour situer vos chiffres.
        </Text>
      )}
      {reperes && reperes.annee !== annee && (
        <Alert color="gray" mb="sm">
          Ces repères portent sur {reperes.annee} : choisissez l’année {reperes.annee} pour les comparer à vos chiffres.
        </Alert>
      )}
      {reperes && reperes.annee === annee && (
        <Table aria-label="Vos chiffres et les repères du réseau">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Indicateur</Table.Th>
              <Table.Th ta="right">Vous</Table.Th>
              <Table.Th ta="right">1er quartile</Table.Th>
              <Table.Th ta="right">Médiane</Table.Th>
              <Table.Th ta="right">3e quartile</Table.Th>
              <Table.Th>Position</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => {
              const own = indicateurs[l.id];
              const position = positionOf(own, l);
              return (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.libelle}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatIndicator(l.id, own)}
                  </Table.Td>
                  <Table.Td ta="right">{formatIndicator(l.id, l.q1)}</Table.Td>
                  <Table.Td ta="right">{formatIndicator(l.id, l.mediane)}</Table.Td>
                  <Table.Td ta="right">{formatIndicator(l.id, l.q3)}</Table.Td>
                  <Table.Td>
                    {position && (
                      <Badge color={position.color} variant="light" tt="none">
                        {position.label}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {reperes && reperes.annee === annee && !all && inScope.length > lines.length && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>
          Tous les repères ({inScope.length})
        </Button>
      )}
      {can(user, 'rapports.sign') && (
        <Stack mt="md" gap="xs">
          <FormAlert message={error} />
          <Group align="flex-end">
            <FileInput label="Fichier de repères (.json)" placeholder="Choisir le fichier" accept=".json" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': 'Retirer le fichier choisi' }} w={280} />
            <TextInput
              label="Empreinte de la clé de la fédération"
              description={reperes ? 'Seulement si la fédération a changé de clé.' : 'Sur la fiche de clé de la fédération (43 caractères).'}
              value={empreinte}
              onChange={(e) => setEmpreinte(e.currentTarget.value)}
              w={380}
            />
            <Button leftSection={<IconFileImport size={18} />} onClick={() => void importFile()} disabled={!file}>
              Importer les repères
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
