import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AuditJournalPage, AuditJournalQuery } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { DateField } from '../../components/fields/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { NumberField } from '../../components/fields/NumberField';
import { AuditAnchorsPanel } from './AuditAnchorsPanel';

const ACTIONS = [
  { value: 'read', label: 'Consultation' },
  { value: 'create', label: 'Création' },
  { value: 'update', label: 'Modification' },
  { value: 'delete', label: 'Suppression' },
  { value: 'export', label: 'Export' },
  { value: 'login', label: 'Connexion' },
  { value: 'login_failed', label: 'Connexion refusée' },
  { value: 'logout', label: 'Déconnexion' },
  { value: 'lockout', label: 'Compte bloqué' },
  { value: 'denied', label: 'Action refusée' },
  { value: 'restore', label: 'Restauration' },
];
const ACTION_LABELS = Object.fromEntries(ACTIONS.map((a) => [a.value, a.label]));
const PAGE = 100;
const EMPTY: AuditJournalQuery = { du: null, au: null, utilisateur: null, action: null, objet: null, enregistrement: null, offset: 0, limit: PAGE };

/** Who did what to which record and when, reads of person files included: searchable by the direction. */
export function JournalPage() {
  const [query, setQuery] = useState<AuditJournalQuery>(EMPTY);
  const [filters, setFilters] = useState<AuditJournalQuery>(EMPTY);
  const [page, setPage] = useState<AuditJournalPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [months, setMonths] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    api('audit.search', query).then(
      (p) => current && setPage(p),
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Chargement impossible.'),
    );
    return () => {
      current = false;
    };
  }, [query]);

  const act = async (route: 'audit.setRetention' | 'audit.purge') => {
    setError(null);
    try {
      setPage(route === 'audit.purge' ? await api('audit.purge') : await api('audit.setRetention', { conservationMois: Number(months) }));
      setMonths(null);
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Action impossible.');
    }
  };

  const set = (k: keyof AuditJournalQuery) => (v: string | null) => setFilters({ ...filters, [k]: v || null });
  return (
    <>
      <PageHeader title="Journal d’audit" description="Qui a fait quoi, sur quel dossier et quand — consultations comprises. Le journal ne peut être ni modifié ni effacé." />
      <FormAlert message={error} />
      {page && (
        <Group mb="sm">
          {page.chaineIntacte ? (
            <Badge color="teal" variant="light" size="lg">
              Chaîne intacte
            </Badge>
          ) : (
            <Alert color="red">Le journal a été altéré à partir de l’entrée n° {page.premiereLigneAlteree} : prévenez votre support.</Alert>
          )}
          <Text size="sm" c="dimmed">
            {page.total} entrée{page.total > 1 ? 's' : ''}. Conservation : {page.conservation.conservationMois} mois
            {page.dernierePurge ? ` ; dernière purge le ${formatDateTime(page.dernierePurge.at)} (${page.dernierePurge.lignes} entrées antérieures au ${formatDateTime(page.dernierePurge.avant)})` : ''}.
          </Text>
        </Group>
      )}
      <AuditAnchorsPanel />
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 2, md: 6 }}>
          <DateField label="Du" value={filters.du ?? ''} onChange={set('du')} />
          <DateField label="Au" value={filters.au ?? ''} onChange={set('au')} />
          <TextInput label="Utilisateur (identifiant)" value={filters.utilisateur ?? ''} onChange={(e) => set('utilisateur')(e.currentTarget.value)} />
          <Select label="Action" data={ACTIONS} value={filters.action} onChange={set('action')} clearable />
          <TextInput label="Objet" placeholder="personne, parcours…" value={filters.objet ?? ''} onChange={(e) => set('objet')(e.currentTarget.value)} />
          <TextInput label="Enregistrement (identifiant)" value={filters.enregistrement ?? ''} onChange={(e) => set('enregistrement')(e.currentTarget.value)} />
        </SimpleGrid>
        <Group mt="sm">
          <Button leftSection={<IconSearch size={18} />} onClick={() => setQuery({ ...filters, offset: 0, limit: PAGE })}>
            Rechercher
          </Button>
        </Group>
      </Paper>
      <Paper withBorder>
        <Table striped aria-label="Journal d’audit">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Utilisateur</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Objet</Table.Th>
              <Table.Th>Enregistrement</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page?.lignes.map((l) => (
              <Table.Tr key={l.seq}>
                <Table.Td>{l.seq}</Table.Td>
                <Table.Td>{formatDateTime(l.at)}</Table.Td>
                <Table.Td>{l.utilisateurNom ?? l.utilisateur ?? '—'}</Table.Td>
                <Table.Td>{ACTION_LABELS[l.action] ?? l.action}</Table.Td>
                <Table.Td>{l.objet ? l.objetLibelle : l.route}</Table.Td>
                <Table.Td>
                  {l.enregistrementLibelle ?? (
                    <Text size="xs" c="dimmed" title={l.enregistrement ?? undefined}>
                      {l.enregistrement ? 'Dossier effacé ou anonymisé' : ''}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {page && (
        <Group justify="space-between" mt="sm">
          <Button variant="default" disabled={query.offset === 0} onClick={() => setQuery({ ...query, offset: Math.max(0, query.offset - PAGE) })}>
            Plus récentes
          </Button>
          <Button variant="default" disabled={query.offset + PAGE >= page.total} onClick={() => setQuery({ ...query, offset: query.offset + PAGE })}>
            Plus anciennes
          </Button>
        </Group>
      )}
      <Paper withBorder p="md" mt="lg">
        <Text fw={600} mb={4}>
          Durée de conservation
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          Les entrées plus anciennes sont purgées automatiquement au démarrage ; chaque purge est elle-même inscrite au journal.
        </Text>
        <Group align="flex-end">
          <NumberField label="Conserver (mois)" w={180} min={6} max={120} integer value={months} placeholder={String(page?.conservation.conservationMois ?? 12)} onChange={setMonths} />
          <Button variant="default" disabled={months === null} onClick={() => void act('audit.setRetention')}>
            Enregistrer
          </Button>
          <Button variant="default" color="orange" onClick={() => void act('audit.purge')}>
            Purger maintenant
          </Button>
        </Group>
      </Paper>
    </>
  );
}
