import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { RecoverySheetBanner } from '../features/system/RecoverySheetBanner';
import { ROLE_LABELS } from '../../src-shared/roles';
import { api } from '../api';
import { useSessionStore } from '../stores/session-store';
import { PersonSearch } from '../components/PersonSearch';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { UnsavedChangesDialog } from '../components/UnsavedChangesDialog';
import { confirmLeavingUnsaved } from '../stores/unsaved-store';
import { can } from '../lib/permissions';
import { visibleNavigation } from './navigation';
import { useIdleLock } from './useIdleLock';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

/** The most specific menu entry wins: "Nouvel accueil" and not "Personnes accueillies" on /accueil/nouveau. */
function isActive(to: string, path: string): boolean {
  if (to === '/') return path === '/';
  if (to === '/accueil') return path === '/accueil' || path.startsWith('/personnes/');
  if (to === '/observatoire') return path === '/observatoire';
  return path === to || path.startsWith(`${to}/`);
}

export function AppLayout() {
  const session = useSessionStore((s) => s.session)!;
  const status = useSessionStore((s) => s.status);
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  useIdleLock(session.idleLockMinutes);

  const logout = async () => {
    if (!(await confirmLeavingUnsaved())) return;
    await api('auth.logout').catch(() => undefined);
    useSessionStore.getState().clearSession();
  };
  const lock = async () => {
    await api('auth.lock').catch(() => undefined);
    useSessionStore.getState().markLocked();
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Afficher le menu" />
            <Title order={1} size="h4" c="teal.9">
              Cèdre Parcours
            </Title>
            {status?.state === 'ready' && (
              <Text c="dimmed" size="sm" visibleFrom="md" truncate>
                {status.structureName}
              </Text>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
          {can(session.user, 'personnes.read') && <PersonSearch />}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              {/* Its name is what it shows (WCAG 2.5.3): the account and its role. */}
              <UnstyledButton data-testid="user-menu" aria-haspopup="menu">
                <Group gap="xs" wrap="nowrap">
                  <Avatar color="teal" variant="filled" radius="xl" size="sm" aria-hidden>
                    {initials(session.user.displayName)}
                  </Avatar>
                  <Stack gap={0} visibleFrom="xs">
                    <Text size="sm" fw={600} lh={1.2}>
                      {session.user.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2}>
                      {ROLE_LABELS[session.user.role]}
                      {session.user.isAdmin ? ' · administrateur' : ''}
                    </Text>
                  </Stack>
                  <IconChevronDown size={16} aria-hidden />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconKey size={16} />} onClick={() => void navigate('/mon-compte/mot-de-passe')}>
                Changer mon mot de passe
              </Menu.Item>
              <Menu.Item leftSection={<IconLock size={16} />} onClick={() => void lock()}>
                Verrouiller
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void logout()}>
                Se déconnecter
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Navigation principale" className="no-print">
        <ScrollArea>
          {visibleNavigation(session.user).map((section) => (
            <Stack key={section.label} gap={2} mb="md">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                {section.label}
              </Text>
              {section.items.map((item) => (
                <NavLink
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  // isActive decides; react-router's own prefix match would also mark /observatoire on its sub-pages.
                  end
                  label={item.label}
                  active={isActive(item.to, location.pathname)}
                  onClick={close}
                />
              ))}
            </Stack>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main className="print-full-width" id="contenu" tabIndex={-1}>
        {session.user.isAdmin && <RecoverySheetBanner />}
        <Outlet />
        <UnsavedChangesDialog />
        <ConfirmDialog />
      </AppShell.Main>
    </AppShell>
  );
}
