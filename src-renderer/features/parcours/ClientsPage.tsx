import { Button, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { CLIENT_TYPES } from '../../../src-shared/domain/insertion';
import type { ClientView } from '../../../src-shared/views-insertion';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatSiret } from '../../lib/format';
import { can } from '../../lib/permissions';
import { useRouteData } from '../../lib/useRoute';
import { useSessionStore } from '../../stores/session-store';
import { ClientModal } from './ClientModal';

/** Clients of the AI and ETTI; the 480-hour rule (L5132-9 2°: companies, public bodies, professional needs) and the hours by client type of reports. */
export function ClientsPage() {
  const user = useSessionStore((s) => s.session!.user);
  const { data, error, reload } = useRouteData('clients.list');
  const [editing, setEditing] = useState<ClientView | 'new' | null>(null);
  const canWrite = can(user, 'heures.write');
  return (
    <>
      <PageHeader
        title="Clients"
        description="Particuliers, associations, collectivités et entreprises chez qui les salarié·es de l’AI ou de l’ETTI sont mis à disposition."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
              Nouveau client
            </Button>
          )
        }
      />
      <FormAlert message={error} />
      <Paper withBorder>
        <Table aria-label="Clients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>SIRET</Table.Th>
              <Table.Th>Plafond 480 h (AI)</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={500}>{c.nom}</Table.Td>
                <Table.Td>{CLIENT_TYPES[c.type]}</Table.Td>
                <Table.Td>{c.siret ? formatSiret(c.siret) : '—'}</Table.Td>
                <Table.Td>{c.soumisPlafond480 ? 'compte' : 'hors plafond'}</Table.Td>
                <Table.Td>
                  {canWrite && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)}>
                      Modifier
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            Aucun client enregistré.
          </Text>
        )}
      </Paper>
      {editing && (
        <ClientModal
          client={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </>
  );
}
