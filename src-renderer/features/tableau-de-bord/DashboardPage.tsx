import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../src-shared/roles';
import { SIAE_KIND_LABELS } from '../../../src-shared/siae';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatSiret } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { useSessionStore } from '../../stores/session-store';
import { can } from '../../lib/permissions';
import { AccueilAlertsCard } from './AccueilAlertsCard';
import { DueWorkCard } from './DueWorkCard';
import { QualityDueCard } from './QualityDueCard';

export function DashboardPage() {
  const user = useSessionStore((s) => s.session!.user);
  const structure = useRouteData('structure.get');

  return (
    <>
      <PageHeader title={`Bonjour, ${user.displayName.split(' ')[0]}`} description="Tableau de bord de votre structure." />
      {structure.error && (
        <Alert color="red" mb="md" role="alert">
          {structure.error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="lg">
          <Title order={3} size="h4" mb="sm">
            La structure
          </Title>
          {structure.data ? (
            <Stack gap={6}>
              <Text fw={600}>{structure.data.nom}</Text>
              <Text size="sm">SIRET {formatSiret(structure.data.siret)}</Text>
              <Text size="sm">
                {[structure.data.adresse, [structure.data.codePostal, structure.data.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
                  'Adresse non renseignée'}{' '}
                — département {structure.data.departement}
              </Text>
              <Group gap="xs" mt="xs">
                {structure.data.dispositifs.map((kind) => (
                  <Badge key={kind} variant="light" tt="none" size="lg" title={SIAE_KIND_LABELS[kind]}>
                    {kind} · {SIAE_KIND_LABELS[kind]}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed" mt="xs">
                Configurée le {formatDate(structure.data.createdAt)}
              </Text>
            </Stack>
          ) : (
            <Skeleton h={110} />
          )}
        </Paper>
        <Paper withBorder p="lg">
          <Title order={3} size="h4" mb="sm">
            Votre compte
          </Title>
          <Stack gap={6}>
            <Text>
              {user.displayName} <Text span c="dimmed">({user.login})</Text>
            </Text>
            <Text size="sm">Rôle : {ROLE_LABELS[user.role]}{user.isAdmin ? ', administrateur des comptes' : ''}</Text>
            <Anchor component={Link} to="/mon-compte/mot-de-passe" size="sm">
              Changer mon mot de passe
            </Anchor>
          </Stack>
        </Paper>
      </SimpleGrid>
      {can(user, 'parcours.read') && (
        <div style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
          <DueWorkCard />
        </div>
      )}
      {can(user, 'accueil.read') && (
        <div style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
          <AccueilAlertsCard />
        </div>
      )}
      {can(user, 'qualite.manage') && (
        <div style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
          <QualityDueCard />
        </div>
      )}
      {user.isAdmin && (
        <Alert color="teal" mt="lg" title="Les comptes de votre équipe">
          Chaque membre de l’équipe (CIP, encadrant·es, accueil) doit avoir son propre compte : il ne verra que ce que son rôle
          permet, et le journal d’audit saura qui a fait quoi. Gérez-les dans{' '}
          <Anchor component={Link} to="/parametres/comptes">
            Comptes utilisateurs
          </Anchor>
          .
        </Alert>
      )}
    </>
  );
}
