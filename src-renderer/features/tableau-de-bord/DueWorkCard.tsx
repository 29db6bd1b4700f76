import { Anchor, Badge, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { DueItem } from '../../../src-shared/views-insertion';
import { formatDate } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';

function Section({ title, items, color, empty }: { title: string; items: DueItem[]; color: string; empty: string }) {
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Badge color={items.length ? color : 'gray'} variant="light">
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.slice(0, 8).map((i) => (
            <List.Item key={`${i.personneId}-${i.date}-${i.detail}`}>
              <Anchor component={Link} to={`/personnes/${i.personneId}`}>
                {i.prenom} {i.nom.toUpperCase()}
              </Anchor>{' '}
              ({i.dispositif}) — {i.detail}, {formatDate(i.date)}
            </List.Item>
          ))}
          {items.length > 8 && <List.Item>et {items.length - 8} autres</List.Item>}
        </List>
      )}
    </Stack>
  );
}

/** What the parcours need now: a CIP sees the ones they follow, other roles the whole structure. */
export function DueWorkCard() {
  const { data, error } = useRouteData('insertion.dueWork');
  return (
    <Paper withBorder p="lg">
      <Title order={3} size="h4" mb="sm">
        À faire dans les parcours {data?.perimetre === 'mes_parcours' ? '(mes parcours)' : ''}
      </Title>
      {error && <Text c="red">{error}</Text>}
      {!data && !error && <Skeleton h={80} />}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section title="Bilans en retard" items={data.bilansEnRetard} color="red" empty="Aucun." />
          <Section title="Bilans à faire dans les 30 jours" items={data.bilansAVenir} color="yellow" empty="Aucun." />
          <Section title="Contrats qui se terminent dans les 30 jours" items={data.contratsFinProche} color="orange" empty="Aucun." />
          <Section title="CER non signés après le délai" items={data.cerManquants} color="red" empty="Aucun." />
          <Section title="AI : près du plafond de 480 heures en entreprise" items={data.alertes480} color="red" empty="Personne." />
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                Mois d’heures non clôturés
              </Text>
              <Badge color={data.moisNonClotures.length ? 'yellow' : 'gray'} variant="light">
                {data.moisNonClotures.length}
              </Badge>
            </Group>
            {data.moisNonClotures.length === 0 ? (
              <Text size="sm" c="dimmed">
                Tous clôturés.
              </Text>
            ) : (
              <Text size="sm">
                {data.moisNonClotures.map((m) => formatDate(`${m}-01`).replace(/^1 /, '')).join(', ')} —{' '}
                <Anchor component={Link} to="/heures">
                  saisir et clôturer
                </Anchor>
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}
