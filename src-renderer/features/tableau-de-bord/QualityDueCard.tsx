import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';

function subtractMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** Improvement actions past their due date, complaints still open, a certification to renew: the quality work waiting. */
export function QualityDueCard() {
  const { data } = useRouteData('qualite.registres');
  if (!data) return null;
  const today = new Date().toISOString().slice(0, 10);
  const late = data.actions.filter((a) => !a.dateCloture && a.echeance && a.echeance < today);
  const open = data.reclamations.filter((r) => !r.dateCloture);
  // Certification runs three years; its renewal audit is prepared in the six months before it ends.
  const renewalFrom = data.certifieJusquAu ? subtractMonths(data.certifieJusquAu, 6) : null;
  const renewal = data.certifieJusquAu !== null && renewalFrom! <= today ? data.certifieJusquAu : null;
  if (late.length === 0 && open.length === 0 && !renewal) return null;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Qualité : ce qui attend
        </Title>
        <Anchor component={Link} to="/observatoire/qualite" size="sm">
          Ouvrir les registres
        </Anchor>
      </Group>
      <Stack gap={6}>
        {late.slice(0, 8).map((a) => (
          <Group key={a.id} gap="xs">
            <Badge color="red" variant="light">
              en retard
            </Badge>
            <Text size="sm">
              {a.intitule} — échéance le {formatDate(a.echeance!)}
              {a.responsable ? ` (${a.responsable})` : ''}
            </Text>
          </Group>
        ))}
        {renewal && (
          <Group gap="xs">
            <Badge color={renewal < today ? 'red' : 'orange'} variant="light">
              certification
            </Badge>
            <Text size="sm">
              {renewal < today ? `Certification échue le ${formatDate(renewal)} : audit de renouvellement à organiser.` : `Certification valable jusqu’au ${formatDate(renewal)} : préparez l’audit de renouvellement.`}
            </Text>
          </Group>
        )}
        {open.length > 0 && (
          <Text size="sm">
            {open.length} réclamation{open.length > 1 ? 's' : ''} en cours de traitement.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
