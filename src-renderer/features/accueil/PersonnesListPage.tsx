import { Badge, Button, Group, Paper, Select, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconFileTypePdf, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { DECISIONS, type Decision } from '../../../src-shared/domain/accueil';
import { LIST_SORTS } from '../../../src-shared/schemas/personne';
import { SIAE_KINDS, type SiaeKind } from '../../../src-shared/siae';
import type { PersonneListRow, ReferentOption } from '../../../src-shared/views-accueil';
import { api, ApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { printPdf } from '../../lib/download';
import { formatDate, formatNumber } from '../../lib/format';
import { options } from '../../lib/options';
import { can } from '../../lib/permissions';
import { useSessionStore } from '../../stores/session-store';
import { DECISION_COLORS, decisionLabel } from './labels';

const PAGE = 200;
const ROW_HEIGHT = 44;
type Sort = (typeof LIST_SORTS)[number];

interface Filters {
  q: string;
  decision: Decision | 'en_attente' | null;
  referentId: string | null;
  dispositif: SiaeKind | null;
  sort: Sort;
  direction: 'asc' | 'desc';
}

/** Everyone met by the structure, latest intake first; filters, sorting, and a virtualised list for large files. */
export function PersonnesListPage() {
  const user = useSessionStore((s) => s.session!.user);
  const navigate = useNavigate();
  const canFilterIntakes = can(user, 'accueil.read');
  const [filters, setFilters] = useState<Filters>({ q: '', decision: null, referentId: null, dispositif: null, sort: 'date_contact', direction: 'desc' });
  const [debouncedQ] = useDebouncedValue(filters.q, 200);
  const [rows, setRows] = useState<PersonneListRow[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [referents, setReferents] = useState<ReferentOption[]>([]);
  const loading = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  const query = { q: debouncedQ, decision: filters.decision, referentId: filters.referentId, dispositif: filters.dispositif, sort: filters.sort, direction: filters.direction };
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    let current = true;
    api('personnes.list', { ...(JSON.parse(queryKey) as typeof query), offset: 0, limit: PAGE }).then(
      (page) => {
        if (!current) return;
        setRows(page.rows);
        setTotal(page.total);
        setError(null);
        scrollRef.current?.scrollTo({ top: 0 });
      },
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Chargement impossible.'),
    );
    return () => {
      current = false;
    };
  }, [queryKey]);

  useEffect(() => {
    api('referents.list').then(setReferents, () => setReferents([]));
  }, []);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (loading.current || rows.length >= total || lastIndex < rows.length - 30) return;
    loading.current = true;
    api('personnes.list', { ...(JSON.parse(queryKey) as typeof query), offset: rows.length, limit: PAGE })
      .then((page) => setRows((prev) => [...prev, ...page.rows]))
      .catch(() => undefined)
      .finally(() => (loading.current = false));
  }, [lastIndex, rows.length, total, queryKey]);

  const sortBy = (sort: Sort) =>
    setFilters((f) => ({ ...f, sort, direction: f.sort === sort && f.direction === 'desc' ? 'asc' : f.sort === sort ? 'desc' : sort === 'nom' ? 'asc' : 'desc' }));
  const SortHeader = ({ sort, children, width }: { sort: Sort; children: string; width: string }) => (
    <Table.Th w={width} aria-sort={filters.sort === sort ? (filters.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => sortBy(sort)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          {filters.sort === sort && (filters.direction === 'asc' ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );

  const printLivret = () => printPdf(() => api('documents.livret'), setError);

  return (
    <>
      <PageHeader
        title="Personnes accueillies"
        description={`${formatNumber(total)} personne${total > 1 ? 's' : ''}`}
        actions={
          <Group>
            <Button variant="default" leftSection={<IconFileTypePdf size={18} />} onClick={() => void printLivret()}>
              Livret d’accueil
            </Button>
            {can(user, 'personnes.write') && (
              <Button leftSection={<IconUserPlus size={18} />} onClick={() => void navigate('/accueil/nouveau')}>
                Nouvel accueil
              </Button>
            )}
          </Group>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Rechercher"
          placeholder="Nom, prénom, identifiant France Travail, n° de PASS"
          leftSection={<IconSearch size={16} />}
          value={filters.q}
          onChange={(e) => setFilters((f) => ({ ...f, q: e.currentTarget.value }))}
          w={320}
        />
        {canFilterIntakes && (
          <>
            <Select
              label="Décision"
              placeholder="Toutes"
              clearable
              data={[{ value: 'en_attente', label: 'En attente (liste d’attente)' }, ...options(DECISIONS)]}
              value={filters.decision}
              onChange={(v) => setFilters((f) => ({ ...f, decision: v as Filters['decision'] }))}
              w={230}
            />
            <Select
              label="Référent·e"
              placeholder="Tous"
              clearable
              data={referents.map((r) => ({ value: r.id, label: r.displayName }))}
              value={filters.referentId}
              onChange={(v) => setFilters((f) => ({ ...f, referentId: v }))}
              w={200}
            />
            <Select
              label="Dispositif"
              placeholder="Tous"
              clearable
              data={SIAE_KINDS.map((k) => ({ value: k, label: k }))}
              value={filters.dispositif}
              onChange={(v) => setFilters((f) => ({ ...f, dispositif: v as SiaeKind | null }))}
              w={140}
            />
          </>
        )}
      </Group>
      {error && (
        <Text c="red" mb="sm" role="alert">
          {error}
        </Text>
      )}
      <Paper withBorder>
        <Table layout="fixed" aria-label="Personnes accueillies" aria-rowcount={total}>
          <Table.Thead>
            <Table.Tr>
              <SortHeader sort="nom" width="30%">
                Nom
              </SortHeader>
              <Table.Th w="14%">Naissance</Table.Th>
              <SortHeader sort="date_contact" width="16%">
                Premier contact
              </SortHeader>
              <SortHeader sort="decision" width="24%">
                Décision
              </SortHeader>
              <Table.Th w="16%">Référent·e</Table.Th>
            </Table.Tr>
          </Table.Thead>
        </Table>
        <div ref={scrollRef} style={{ height: 'calc(100vh - 330px)', minHeight: 240, overflow: 'auto' }} data-testid="liste-personnes">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            <Table layout="fixed" highlightOnHover style={{ position: 'absolute', top: items[0]?.start ?? 0, left: 0, right: 0 }}>
              <Table.Tbody>
                {items.map((item) => {
                  const r = rows[item.index]!;
                  return (
                    <Table.Tr
                      key={r.id}
                      h={ROW_HEIGHT}
                      style={{ cursor: 'pointer' }}
                      tabIndex={0}
                      onClick={() => void navigate(`/personnes/${r.id}`)}
                      onKeyDown={(e) => e.key === 'Enter' && void navigate(`/personnes/${r.id}`)}
                      aria-rowindex={item.index + 1}
                    >
                      <Table.Td w="30%" fw={500}>
                        {r.nom.toUpperCase()} {r.prenom}
                      </Table.Td>
                      <Table.Td w="14%">{formatDate(r.dateNaissance)}</Table.Td>
                      <Table.Td w="16%">{r.datePremierContact ? formatDate(r.datePremierContact) : '—'}</Table.Td>
                      <Table.Td w="24%">
                        {r.datePremierContact && (
                          <Badge color={DECISION_COLORS[r.decision ?? 'attente']} variant="light" tt="none">
                            {decisionLabel(r.decision)}
                            {r.dispositif ? ` · ${r.dispositif}` : ''}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td w="16%">{r.referent ?? '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          {rows.length === 0 && !error && (
            <Text c="dimmed" ta="center" py="xl">
              {filters.q || filters.decision || filters.referentId || filters.dispositif ? 'Aucune personne ne correspond à ces critères.' : 'Aucune personne accueillie pour l’instant.'}
            </Text>
          )}
        </div>
      </Paper>
    </>
  );
}
