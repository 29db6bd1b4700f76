import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src-shared/views';
import { canOpenPage, visibleNavigation } from '../../src-renderer/app/navigation';
import { LoginScreen } from '../../src-renderer/features/auth/LoginScreen';
import { SetupWizard } from '../../src-renderer/features/setup/SetupWizard';
import { DamagedScreen } from '../../src-renderer/features/system/DamagedScreen';
import { useSessionStore } from '../../src-renderer/stores/session-store';
import { fakeBridge, renderUi } from './render';

const SESSION: SessionInfo = {
  token: 'tok',
  user: { id: 'u1', login: 'm.durand', displayName: 'Martine Durand', role: 'direction', isAdmin: true, mustChangePassword: false },
  locked: false,
  idleLockMinutes: 10,
};

beforeEach(() => act(() => useSessionStore.setState({ status: null, session: null, notice: null })));

describe('login screen', () => {
  it('shows the French message of a refused login, empties the password and keeps the login', async () => {
    const call = fakeBridge(() => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Identifiant ou mot de passe incorrect.' } }));
    renderUi(<LoginScreen structureName="Chantier des Coteaux" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Identifiant'), 'm.durand');
    await user.type(screen.getByLabelText('Mot de passe'), 'faux{Enter}');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Identifiant ou mot de passe incorrect.');
    expect(call).toHaveBeenCalledWith({ route: 'auth.login', input: { login: 'm.durand', password: 'faux' }, session: null });
    expect((screen.getByLabelText('Mot de passe') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Identifiant') as HTMLInputElement).value).toBe('m.durand');
    expect(useSessionStore.getState().session).toBeNull();
  });

  it('stores the session in memory on success', async () => {
    fakeBridge(() => ({ ok: true, data: SESSION }));
    renderUi(<LoginScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Identifiant'), 'm.durand');
    await user.type(screen.getByLabelText('Mot de passe'), 'un chêne solide{Enter}');
    await waitFor(() => expect(useSessionStore.getState().session?.token).toBe('tok'));
  });

  it('does not call the main process when a field is empty', async () => {
    const call = fakeBridge(() => ({ ok: true, data: SESSION }));
    renderUi(<LoginScreen />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText('Indiquez votre identifiant.')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();
  });
});

describe('first-run wizard', () => {
  it('stays on the structure step with French errors until it is valid, with the keyboard alone', async () => {
    const call = fakeBridge(() => ({ ok: true, data: SESSION }));
    renderUi(<SetupWizard onDone={async () => undefined} preset={null} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Nom de la structure/), 'Chantier des Coteaux');
    await user.type(screen.getByLabelText(/SIRET/), '52000001500014{Enter}');
    expect(await screen.findByText("Ce SIRET n'est pas valide (clé de contrôle incorrecte) : vérifiez les chiffres.")).toBeTruthy();
    expect(screen.getByText('Département inconnu : indiquez son numéro (par exemple 07, 2A ou 974).')).toBeTruthy();
    await user.clear(screen.getByLabelText(/SIRET/));
    await user.type(screen.getByLabelText(/SIRET/), '520 000 015 00013');
    await user.type(screen.getByLabelText(/Département/), '07{Enter}');
    expect(await screen.findByText('Dispositifs portés par la structure')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(await screen.findByText('Choisissez au moins un dispositif porté par la structure.')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();
  });
});

describe('damaged database screen', () => {
  it('offers the latest backup, with its date, and restores it', async () => {
    const call = fakeBridge(() => ({ ok: true, data: { state: 'ready', appVersion: '0.1.0', structureName: 'X', demonstration: false } }));
    let reloaded = false;
    renderUi(
      <DamagedScreen
        status={{ state: 'damaged', appVersion: '0.1.0', message: 'La base de données est endommagée.', latestBackup: { file: 'f', createdAt: '2026-11-26T17:30:00.000Z', sizeBytes: 1 } }}
        onRestored={async () => void (reloaded = true)}
      />,
    );
    const button = screen.getByRole('button', { name: /Restaurer la sauvegarde du 26 novembre 2026/ });
    await userEvent.setup().click(button);
    await waitFor(() => expect(reloaded).toBe(true));
    expect(call).toHaveBeenCalledWith({ route: 'system.restoreLatestBackup', input: {}, session: null });
  });
});

describe('navigation', () => {
  it('shows each screen to the roles that may use it, and never an empty section', () => {
    expect(visibleNavigation(SESSION.user).flatMap((s) => s.items.map((i) => i.label))).toEqual([
      'Tableau de bord',
      'Personnes accueillies',
      'Nouvel accueil',
      'Heures du mois',
      'État mensuel (ASP)',
      'Clients (AI, ETTI)',
      'Partenaires',
      'Indicateurs',
      'Qualité',
      'Auto-évaluation CEDRE',
      'Démarche qualité',
      'Questionnaires',
      'Rapport annuel',
      'Clé de signature',
      'Vérifier un rapport',
      'Registre des membres',
      'Consolidation (fédération)',
      'Annexes financières',
      'Import et export',
      'Offre d’insertion',
      'Règles et seuils',
      'Sauvegardes',
      'Journal d’audit',
      'Conservation (RGPD)',
      'Demandes RGPD',
      'Comptes utilisateurs',
      'Sécurité',
    ]);
    const cip = { ...SESSION.user, role: 'cip' as const, isAdmin: false };
    expect(visibleNavigation(cip).map((s) => s.label)).toEqual(['Pilotage', 'Accueil', 'Parcours', 'Observatoire']);
    // Links inside screens (the self-assessment's "Voir le registre") follow the same rules as the menu.
    expect(canOpenPage(cip, '/observatoire/rapport')).toBe(false);
    expect(canOpenPage(cip, '/observatoire/demarche?registre=formations')).toBe(true);
    expect(canOpenPage(SESSION.user, '/observatoire/rapport')).toBe(true);
    const encadrant = { ...SESSION.user, role: 'encadrant' as const, isAdmin: false };
    expect(visibleNavigation(encadrant).flatMap((s) => s.items.map((i) => i.label))).toEqual(['Tableau de bord', 'Personnes accueillies', 'Heures du mois', 'État mensuel (ASP)', 'Clients (AI, ETTI)', 'Partenaires', 'Questionnaires', 'Vérifier un rapport']);
  });
});
