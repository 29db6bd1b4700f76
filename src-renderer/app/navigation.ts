import type { SessionUser } from '../../src-shared/views';

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to users who may use the screen; sections with nothing built yet are simply absent. */
  visible: (user: SessionUser) => boolean;
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

export const NAVIGATION: NavSection[] = [
  { label: 'Pilotage', items: [{ to: '/', label: 'Tableau de bord', visible: () => true }] },
  {
    label: 'Paramètres',
    items: [
      { to: '/parametres/comptes', label: 'Comptes utilisateurs', visible: (u) => u.isAdmin },
      { to: '/parametres/securite', label: 'Sécurité', visible: (u) => u.isAdmin },
    ],
  },
];

export function visibleNavigation(user: SessionUser): NavSection[] {
  return NAVIGATION.map((s) => ({ ...s, items: s.items.filter((i) => i.visible(user)) })).filter((s) => s.items.length > 0);
}
