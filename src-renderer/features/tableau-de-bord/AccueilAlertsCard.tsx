import { Anchor, Badge, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatPassNumber } from '../../../src-shared/rules/identity';
import { formatDate } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';

/** What the mission accueil needs done now: PASS IAE ending within 3 months, the waiting list, proofs to complete. */
export function AccueilAlertsCard() {
  const { data, error } = useRouteData('accueils.alerts');
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          À suivre
        </Title>
        {data && data.enAttente > 0 && (
          <Anchor component={Link} to="/accueil" size="sm">
            <Badge color="yellow" variant="light" tt="none" size="lg">
              {data.enAttente} accueil{data.enAttente > 1 ? 's' : ''} en attente de décision
            </Badge>
          </Anchor>
        )}
      </Group>
      {error && <Text c="red">{error}</Text>}
      {!data && !error && <Skeleton h={60} />}
      {data && (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            PASS IAE qui se terminent dans moins de 3 mois
          </Text>
          {data.passFinProche.length === 0 ? (
            <Text c="dimmed" size="sm">
              Aucun.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {data.passFinProche.slice(0, 12).map((a) => (
                <List.Item key={a.numero}>
                  <Anchor component={Link} to={`/personnes/${a.personneId}`}>
                    {a.prenom} {a.nom.toUpperCase()}
                  </Anchor>{' '}
                  — PASS {formatPassNumber(a.numero)}, fin le <strong>{formatDate(a.finCalculee)}</strong>
                </List.Item>
              ))}
              {data.passFinProche.length > 12 && <List.Item>et {data.passFinProche.length - 12} autres</List.Item>}
            </List>
          )}
          <Text fw={600} size="sm" mt="xs">
            Justificatifs d’éligibilité à compléter avant un contrôle
          </Text>
          {data.justificatifsACompleter.length === 0 ? (
            <Text c="dimmed" size="sm">
              Aucun : les embauches des deux dernières années ont leurs justificatifs.
            </Text>
          ) : (
            <List size="sm" spacing={4} aria-label="Justificatifs à compléter">
              {data.justificatifsACompleter.slice(0, 12).map((j) => (
                <List.Item key={`${j.personneId}-${j.dateEmbauche}`}>
                  <Anchor component={Link} to={`/personnes/${j.personneId}`}>
                    {j.prenom} {j.nom.toUpperCase()}
                  </Anchor>{' '}
                  — embauche du {formatDate(j.dateEmbauche)} : {j.problemes.join(' ')}
                </List.Item>
              ))}
              {data.justificatifsACompleter.length > 12 && <List.Item>et {data.justificatifsACompleter.length - 12} autres</List.Item>}
            </List>
          )}
        </Stack>
      )}
    </Paper>
  );
}
