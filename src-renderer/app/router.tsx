import { createHashRouter, Navigate } from 'react-router';
import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
import { DashboardPage } from '../features/tableau-de-bord/DashboardPage';
import { SecuritySettingsPage } from '../features/parametres/SecuritySettingsPage';
import { UsersPage } from '../features/parametres/UsersPage';
import { AppLayout } from './AppLayout';
import { NouvelAccueilPage } from '../features/accueil/NouvelAccueilPage';
import { PersonneFilePage } from '../features/accueil/PersonneFilePage';
import { PersonnesListPage } from '../features/accueil/PersonnesListPage';
import { OffrePage } from '../features/parametres/OffrePage';
import { ReglesPage } from '../features/parametres/ReglesPage';
import { SauvegardesPage } from '../features/parametres/SauvegardesPage';
import { HeuresPage } from '../features/parcours/HeuresPage';
import { PartenairesPage } from '../features/parcours/PartenairesPage';
import { ClientsPage } from '../features/parcours/ClientsPage';
import { ObservatoirePage } from '../features/observatoire/ObservatoirePage';
import { RapportPage } from '../features/observatoire/RapportPage';
import { ClePage } from '../features/observatoire/ClePage';
import { VerifierPage } from '../features/observatoire/VerifierPage';
import { QualitePage } from '../features/observatoire/QualitePage';
import { AnnexesPage } from '../features/parametres/AnnexesPage';
import { EtatMensuelPage } from '../features/parcours/EtatMensuelPage';
import { ImportPage } from '../features/parametres/ImportPage';
import { JournalPage } from '../features/parametres/JournalPage';
import { MembresPage } from '../features/observatoire/MembresPage';
import { ConsolidationPage } from '../features/observatoire/ConsolidationPage';
import { AutoEvaluationPage } from '../features/observatoire/AutoEvaluationPage';
import { DemarchePage } from '../features/observatoire/DemarchePage';
import { QuestionnairesPage } from '../features/observatoire/QuestionnairesPage';
import { ConservationPage } from '../features/parametres/ConservationPage';
import { DemandesRgpdPage } from '../features/parametres/DemandesRgpdPage';

/** Hash routing: the renderer is served from app:// or a 127.0.0.1 page, never from a web server with rewrites. */
export const appRouter = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'accueil', element: <PersonnesListPage /> },
      { path: 'accueil/nouveau', element: <NouvelAccueilPage /> },
      { path: 'personnes/:id', element: <PersonneFilePage /> },
      { path: 'heures', element: <HeuresPage /> },
      { path: 'etat-mensuel', element: <EtatMensuelPage /> },
      { path: 'partenaires', element: <PartenairesPage /> },
      { path: 'clients', element: <ClientsPage /> },
      { path: 'observatoire', element: <ObservatoirePage /> },
      { path: 'observatoire/qualite', element: <QualitePage /> },
      { path: 'observatoire/auto-evaluation', element: <AutoEvaluationPage /> },
      { path: 'observatoire/demarche', element: <DemarchePage /> },
      { path: 'observatoire/questionnaires', element: <QuestionnairesPage /> },
      { path: 'observatoire/rapport', element: <RapportPage /> },
      { path: 'observatoire/cle', element: <ClePage /> },
      { path: 'observatoire/verifier', element: <VerifierPage /> },
      { path: 'observatoire/membres', element: <MembresPage /> },
      { path: 'observatoire/consolidation', element: <ConsolidationPage /> },
      { path: 'parametres/annexes', element: <AnnexesPage /> },
      { path: 'parametres/import', element: <ImportPage /> },
      { path: 'parametres/offre', element: <OffrePage /> },
      { path: 'parametres/regles', element: <ReglesPage /> },
      { path: 'parametres/sauvegardes', element: <SauvegardesPage /> },
      { path: 'parametres/journal', element: <JournalPage /> },
      { path: 'parametres/conservation', element: <ConservationPage /> },
      { path: 'parametres/demandes-rgpd', element: <DemandesRgpdPage /> },
      { path: 'parametres/comptes', element: <UsersPage /> },
      { path: 'parametres/securite', element: <SecuritySettingsPage /> },
      { path: 'mon-compte/mot-de-passe', element: <ChangePasswordScreen /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
