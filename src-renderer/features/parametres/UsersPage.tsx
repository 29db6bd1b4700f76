import { ActionIcon, Alert, Badge, Button, Group, Menu, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../src-shared/roles';
import type { UserView } from '../../../src-shared/views';
import { api, ApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './UserFormModal';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView } | null;

function isLocked(u: UserView): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil) > new Date();
}

function StateBadge({ user }: { user: UserView }) {
  if (!user.active) return <Badge color="gray">Désactivé</Badge>;
  if (isLocked(user)) return <Badge color="red">Bloqué jusqu’à {formatDateTime(user.lockedUntil!).split(' à ')[1]}</Badge>;
  if (user.mustChangePassword) return <Badge color="yellow">Mot de passe à changer</Badge>;
  return <Badge color="teal">Actif</Badge>;
}

export function UsersPage() {
  const { data: users, error, reload } = useRouteData('users.list');
  const [dialog, setDialog] = useState<Dialog>(null);

  const saved = (message: string) => () => {
    setDialog(null);
    notifications.show({ color: 'teal', message });
    reload();
  };

  const unlock = async (user: UserView) => {
    try {
      await api('users.unlock', { id: user.id });
      notifications.show({ color: 'teal', message: `Le compte ${user.login} est débloqué.` });
      reload();
    } catch (err) {
      notifications.show({ color: 'red', message: err instanceof ApiError ? err.message : 'Déblocage impossible.' });
    }
  };

  return (
    <>
      <PageHeader
        title="Comptes utilisateurs"
        description="Chaque personne a son compte ; le rôle décide de ce qu’elle voit."
        actions={
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setDialog({ kind: 'create' })}>
            Nouveau compte
          </Button>
        }
      />
      {error && (
        <Alert color="red" mb="md" role="alert">
          {error}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover aria-label="Comptes utilisateurs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nom</Table.Th>
                <Table.Th>Identifiant</Table.Th>
                <Table.Th>Rôle</Table.Th>
                <Table.Th>État</Table.Th>
                <Table.Th>Dernière connexion</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users ?? []).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td fw={500}>{u.displayName}</Table.Td>
                  <Table.Td>{u.login}</Table.Td>
                  <Table.Td>
                    {ROLE_LABELS[u.role]}
                    {u.isAdmin && (
                      <Badge ml="xs" size="xs" variant="outline">
                        admin
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge user={u} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={u.lastLoginAt ? undefined : 'dimmed'}>
                      {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'Jamais'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions pour ${u.displayName}`}>
                            <IconDots size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setDialog({ kind: 'edit', user: u })}>Modifier</Menu.Item>
                          <Menu.Item onClick={() => setDialog({ kind: 'reset', user: u })}>Réinitialiser le mot de passe</Menu.Item>
                          {isLocked(u) && <Menu.Item onClick={() => void unlock(u)}>Débloquer</Menu.Item>}
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {dialog?.kind === 'create' && <CreateUserModal onClose={() => setDialog(null)} onSaved={saved('Compte créé. Transmettez le mot de passe temporaire à la personne.')} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} onSaved={saved('Compte modifié.')} />}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} onSaved={saved('Mot de passe réinitialisé : la personne devra le changer à sa prochaine connexion.')} />
      )}
    </>
  );
}
