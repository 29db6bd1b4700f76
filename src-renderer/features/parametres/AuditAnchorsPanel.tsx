import { Alert, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AnchorCheckView, AnchorReport } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { formatDateTime } from '../../lib/format';

const STATUS: Record<AnchorCheckView['statut'], { label: string; color: string }> = {
  conforme: { label: 'Conforme', color: 'teal' },
  modifiee: { label: 'Réécrit', color: 'red' },
  supprimee: { label: 'Tronqué', color: 'red' },
  purgee: { label: 'Purgé', color: 'gray' },
  invalide: { label: 'Rejetée', color: 'orange' },
};

/**
 * The audit chain against its signed anchors (beside each backup and USB copy, issue 20 §5): a journal whose rows
 * were removed or rewritten, hashes recomputed, still "chains", but no longer matches what was signed before.
 */
export function AuditAnchorsPanel() {
  const [report, setReport] = useState<AnchorReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api('audit.ancres').then(
      (r) => current && setReport(r),
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Vérification des ancres impossible.'),
    );
    return () => {
      current = false;
    };
  }, []);
  if (error) return <Alert color="orange" mb="md">{error}</Alert>;
  if (!report) return null;
  const conformes = report.verifiees.filter((c) => c.statut === 'conforme').length;
  return (
    <Paper withBorder p="md" mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Ancres du journal (sauvegardes et copies externes)
        </Title>
        {report.conclusion === null && report.verifiees.length > 0 && (
          <Badge color="teal" variant="light">
            {conformes} ancre{conformes > 1 ? 's' : ''} conforme{conformes > 1 ? 's' : ''}
          </Badge>
        )}
      </Group>
      {report.conclusion && (
        <Alert color="red" mb="sm" title="Le journal ne correspond plus à ce qui a été signé">
          {report.conclusion} Prévenez votre fédération et votre support ; gardez la clé USB des copies à part.
        </Alert>
      )}
      {report.verifiees.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune ancre pour l’instant : chaque sauvegarde en écrit une, signée avec la clé de la structure, à côté du fichier.
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Signée le</Table.Th>
              <Table.Th>Ligne</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th>Détail</Table.Th>
              <Table.Th>Fichier</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...report.verifiees].reverse().slice(0, 50).map((c) => (
              <Table.Tr key={c.source}>
                <Table.Td>{c.date ? formatDateTime(c.date) : '—'}</Table.Td>
                <Table.Td>{c.ligne ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={700} c={`${STATUS[c.statut].color}.8`}>
                    {STATUS[c.statut].label}
                  </Text>
                </Table.Td>
                <Table.Td>{c.message}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {c.source}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
