import { Badge, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatIndicator } from '../../../src-shared/observatoire/format-value';
import type { FederationConsolidationView } from '../../../src-shared/views-observatoire';
import { api, ApiError } from '../../api';
import { NumberField } from '../../components/fields/NumberField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { downloadBlob } from '../../lib/download';
import { base64ToBlob, fileToUpload } from '../../lib/files';
import { formatSiret } from '../../lib/format';

const STATUTS = { recu: { label: 'Reçu', color: 'teal' }, refuse: { label: 'Refusé', color: 'red' }, absent: { label: 'Absent', color: 'gray' } } as const;

/**
 * The federation's consolidation (issue 17 §3): the members' reports dropped here are verified against the register
 * of keys, each member gets its status, and the network's totals and quartiles come out, with the same exports as
 * `cedre consolidate`.
 */
export function ConsolidationPage() {
  const [files, setFiles] = useState<File[]>([]);
  const [annee, setAnnee] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<FederationConsolidationView | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const fichiers = await Promise.all(files.map(fileToUpload));
      setResult(await api('federation.consolider', { annee, fichiers }));
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Consolidation impossible.');
    } finally {
      setBusy(false);
    }
  };
  const download = (f: { fileName: string; base64: string }, type: string) => downloadBlob(f.fileName, base64ToBlob(f.base64, type));
  const counts = result ? { recu: result.membres.filter((m) => m.statut === 'recu').length, refuse: result.membres.filter((m) => m.statut === 'refuse').length, absent: result.membres.filter((m) => m.statut === 'absent').length } : null;

  return (
    <>
      <PageHeader title="Consolidation des rapports" description="Pour une fédération : déposez les rapports annuels des membres ; chacun est vérifié avec la clé du registre, puis les chiffres du réseau sont calculés." />
      <Paper withBorder p="md" mb="md" maw={900}>
        <Stack>
          <FileInput label="Rapports des membres (.zip)" placeholder="Choisir les fichiers rapport-….zip" accept=".zip,application/zip" multiple value={files} onChange={setFiles} clearable clearButtonProps={{ 'aria-label': 'Retirer les fichiers choisis' }} />
          <NumberField label="Année" description="Vide : la plus récente des rapports déposés" w={320} value={annee} onChange={setAnnee} min={2000} max={2100} integer />
          <div>
            <Button leftSection={<IconStack2 size={18} />} onClick={() => void run()} disabled={files.length === 0} loading={busy}>
              Consolider
            </Button>
          </div>
        </Stack>
      </Paper>
      <FormAlert message={error} />
      {result && counts && (
        <Stack gap="md">
          <Group>
            <Title order={3} size="h4">
              {`Année ${result.annee ?? '—'}`}
            </Title>
            <Badge color="teal" variant="light">{`${counts.recu} reçu${counts.recu > 1 ? 's' : ''}`}</Badge>
            <Badge color="red" variant="light">{`${counts.refuse} refusé${counts.refuse > 1 ? 's' : ''}`}</Badge>
            <Badge color="gray" variant="light">{`${counts.absent} absent${counts.absent > 1 ? 's' : ''}`}</Badge>
            <Button size="xs" variant="light" leftSection={<IconDownload size={16} />} onClick={() => download(result.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
              Tableau Excel
            </Button>
            <Button size="xs" variant="subtle" leftSection={<IconDownload size={16} />} onClick={() => download(result.csv, 'text/csv;charset=utf-8')}>
              CSV
            </Button>
          </Group>
          <Paper withBorder>
            <Table aria-label="Membres">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Membre</Table.Th>
                  <Table.Th>SIRET</Table.Th>
                  <Table.Th>État</Table.Th>
                  <Table.Th>Détail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.membres.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="dimmed">
                        Le registre des membres est vide : enregistrez les clés de leurs fiches pour suivre qui a envoyé son rapport.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {result.membres.map((m) => (
                  <Table.Tr key={m.siret}>
                    <Table.Td>{m.nom}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSiret(m.siret)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={700} c={`${STATUTS[m.statut].color}.8`}>
                        {STATUTS[m.statut].label}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.detail}</Text>
                      {m.quartsExtremes.map((q) => (
                        <Text key={q.id} size="xs" c={q.quart === 'haut' ? 'teal.8' : 'orange.9'}>
                          {`${q.libelle} : dans le quart ${q.quart === 'haut' ? 'le plus haut' : 'le plus bas'} du réseau`}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {result.refuses.length > 0 && (
            <Paper withBorder p="md">
              <Title order={4} size="h5" mb="xs">
                Fichiers refusés
              </Title>
              {result.refuses.map((r) => (
                <Text key={r.fichier} size="sm">
                  <b>{r.fichier}</b> : {r.echecs.join(' ')}
                </Text>
              ))}
            </Paper>
          )}
          <Paper withBorder style={{ overflowX: 'auto' }}>
            <Table aria-label="Totaux">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Total</Table.Th>
                  {result.colonnesPrincipales.map((c) => (
                    <Table.Th key={c.id} ta="right">
                      {c.libelle}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.totaux.map((t) => (
                  <Table.Tr key={t.libelle} fw={t.niveau === 'ensemble' ? 700 : undefined}>
                    <Table.Td>{t.libelle}</Table.Td>
                    {result.colonnesPrincipales.map((c) => (
                      <Table.Td key={c.id} ta="right">
                        {formatIndicator(c.id, t.valeurs[c.id], t.masques.includes(c.id))}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Group grow align="stretch">
            <TotalsChart title="Par département" rows={result.totaux.filter((t) => t.niveau === 'departement')} />
            <TotalsChart title="Par dispositif" rows={result.totaux.filter((t) => t.niveau === 'dispositif')} />
          </Group>
          <Paper withBorder p="md">
            <Group justify="space-between">
              <Text size="sm">
                Les repères ci-dessous, signés par la clé de la fédération, s’envoient aux membres : chacun les importe dans son observatoire et y voit sa place dans le réseau. Ils ne contiennent aucun chiffre d’un membre.
              </Text>
              {result.reperesFichier.fichier ? (
                <Button variant="light" leftSection={<IconDownload size={18} />} onClick={() => download(result.reperesFichier.fichier!, 'application/json')}>
                  Repères signés pour les membres
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {result.reperesFichier.message}
                </Text>
              )}
            </Group>
          </Paper>
          <Paper withBorder>
            <Table aria-label="Repères du réseau">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Repères du réseau (5 structures au moins)</Table.Th>
                  <Table.Th ta="right">Structures</Table.Th>
                  <Table.Th ta="right">1er quartile</Table.Th>
                  <Table.Th ta="right">Médiane</Table.Th>
                  <Table.Th ta="right">3e quartile</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.reperes.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text size="sm" c="dimmed">
                        Moins de 5 structures : pas de repères, pour qu’aucun membre ne puisse être reconnu.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {result.reperes.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.libelle}</Table.Td>
                    <Table.Td ta="right">{r.n}</Table.Td>
                    <Table.Td ta="right">{formatIndicator(r.id, r.q1)}</Table.Td>
                    <Table.Td ta="right">{formatIndicator(r.id, r.mediane)}</Table.Td>
                    <Table.Td ta="right">{formatIndicator(r.id, r.q3)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </>
  );
}

/** Salariés en parcours and ETP réalisés of each total line, as bars: where the network's activity is. */
function TotalsChart({ title, rows }: { title: string; rows: FederationConsolidationView['totaux'] }) {
  if (rows.length === 0) return null;
  const data = rows.map((t) => ({
    libelle: t.libelle.replace(/^Total (département |dispositif )?/, ''),
    salaries: t.masques.includes('public.salaries_en_parcours') ? null : t.valeurs['public.salaries_en_parcours'],
    etp: t.masques.includes('activite.etp_realises') ? null : t.valeurs['activite.etp_realises'],
  }));
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-label={`Graphique : ${title.toLowerCase()}`}>
      <Title order={4} size="h5" mb="xs" component="figcaption">
        {title} : salariés en parcours et ETP réalisés
      </Title>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="libelle" />
          <YAxis />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toLocaleString('fr-FR') : 's')} />
          <Legend />
          <Bar dataKey="salaries" name="Salariés en parcours" fill="#0b7a5b" />
          <Bar dataKey="etp" name="ETP réalisés" fill="#e8a33d" />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
