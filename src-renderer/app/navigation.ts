import type { SessionUser } from '../../src-shared/views';
import { can } from '../lib/permissions';

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
    label: 'Accueil',
    items: [
      { to: '/accueil', label: 'Personnes accueillies', visible: (u) => can(u, 'personnes.read') },
      { to: '/accueil/nouveau', label: 'Nouvel accueil', visible: (u) => can(u, 'personnes.write') },
    ],
  },
  {
    label: 'Parcours',
    items: [
      { to: '/heures', label: 'Heures du mois', visible: (u) => can(u, 'heures.write') },
      { to: '/etat-mensuel', label: 'État mensuel (ASP)', visible: (u) => can(u, 'heures.write') },
      { to: '/clients', label: 'Clients (AI, ETTI)', visible: (u) => can(u, 'heures.write') },
      { to: '/partenaires', label: 'Partenaires', visible: (u) => can(u, 'parcours.read') },
    ],
  },
  {
    label: 'Observatoire',
    items: [
      { to: '/observatoire', label: 'Indicateurs', visible: (u) => can(u, 'observatoire.read') },
      { to: '/observatoire/qualite', label: 'Qualité', visible: (u) => can(u, 'qualite.manage') },
      { to: '/observatoire/auto-evaluation', label: 'Auto-évaluation CEDRE', visible: (u) => can(u, 'qualite.manage') },
      { to: '/observatoire/demarche', label: 'Démarche qualité', visible: (u) => can(u, 'qualite.manage') },
      { to: '/observatoire/questionnaires', label: 'Questionnaires', visible: (u) => can(u, 'qualite.borne') },
      { to: '/observatoire/rapport', label: 'Rapport annuel', visible: (u) => can(u, 'rapports.sign') },
      { to: '/observatoire/cle', label: 'Clé de signature', visible: (u) => can(u, 'rapports.sign') },
      { to: '/observatoire/verifier', label: 'Vérifier un rapport', visible: (u) => can(u, 'rapports.verify') },
      { to: '/observatoire/membres', label: 'Registre des membres', visible: (u) => can(u, 'federation.manage') },
      { to: '/observatoire/consolidation', label: 'Consolidation (fédération)', visible: (u) => can(u, 'federation.manage') },
    ],
  },
  {
    label: 'Paramètres',
    items: [
      { to: '/parametres/annexes', label: 'Annexes financières', visible: (u) => can(u, 'parametres.manage') },
      { to: '/parametres/import', label: 'Import et export', visible: (u) => can(u, 'import.manage') },
      { to: '/parametres/offre', label: 'Offre d’insertion', visible: (u) => can(u, 'offre.manage') },
      { to: '/parametres/regles', label: 'Règles et seuils', visible: (u) => can(u, 'parametres.manage') },
      { to: '/parametres/sauvegardes', label: 'Sauvegardes', visible: (u) => can(u, 'sauvegardes.manage') },
      { to: '/parametres/journal', label: 'Journal d’audit', visible: (u) => can(u, 'audit.read') },
      { to: '/parametres/conservation', label: 'Conservation (RGPD)', visible: (u) => can(u, 'rgpd.manage') },
      { to: '/parametres/demandes-rgpd', label: 'Demandes RGPD', visible: (u) => can(u, 'rgpd.manage') },
      { to: '/parametres/comptes', label: 'Comptes utilisateurs', visible: (u) => u.isAdmin },
      { to: '/parametres/securite', label: 'Sécurité', visible: (u) => u.isAdmin },
    ],
  },
];

export function visibleNavigation(user: SessionUser): NavSection[] {
  return NAVIGATION.map((s) => ({ ...s, items: s.items.filter((i) => i.visible(user)) })).filter((s) => s.items.length > 0);
}

/** Whether the user may open a page of the menu (query string ignored); pages outside the menu are allowed. */
export function canOpenPage(user: SessionUser, path: string): boolean {
  const target = path.split('?')[0];
  const item = NAVIGATION.flatMap((s) => s.items).find((i) => i.to === target);
  return item ? item.visible(user) : true;
}
