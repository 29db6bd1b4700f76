/**
 * The route table: for each route of the shared contract, who may call it, in which app state, and what it does.
 * One file per contract prefix (`routes/<prefix>.ts` holds every `<prefix>.*` route, issue 18 §5; a unit test checks
 * it); the `RouteTable` type makes sure every contract route has exactly one definition.
 */
import type { RouteTable } from './router';
import { joinRouteTables } from './route-tables';
import { accueilsRoutes } from './routes/accueils';
import { actionsFreinsRoutes } from './routes/actions-freins';
import { annexesRoutes } from './routes/annexes';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { backupsRoutes } from './routes/backups';
import { bilansRoutes } from './routes/bilans';
import { borneRoutes } from './routes/borne';
import { cerRoutes } from './routes/cer';
import { clesRoutes } from './routes/cles';
import { clientsRoutes } from './routes/clients';
import { competencesRoutes } from './routes/competences';
import { contratsRoutes } from './routes/contrats';
import { documentsRoutes } from './routes/documents';
import { eligibiliteRoutes } from './routes/eligibilite';
import { etatMensuelRoutes } from './routes/etat-mensuel';
import { federationRoutes } from './routes/federation';
import { fichesRoutes } from './routes/fiches';
import { formationsRoutes } from './routes/formations';
import { freinsRoutes } from './routes/freins';
import { heuresRoutes } from './routes/heures';
import { importRoutes } from './routes/import';
import { insertionRoutes } from './routes/insertion';
import { observatoireRoutes } from './routes/observatoire';
import { offreRoutes } from './routes/offre';
import { parametresRoutes } from './routes/parametres';
import { parcoursRoutes } from './routes/parcours';
import { partenairesRoutes } from './routes/partenaires';
import { passRoutes } from './routes/pass';
import { personnesRoutes } from './routes/personnes';
import { pmsmpRoutes } from './routes/pmsmp';
import { qualiteRoutes } from './routes/qualite';
import { questionnairesRoutes } from './routes/questionnaires';
import { rapportsRoutes } from './routes/rapports';
import { referentsRoutes } from './routes/referents';
import { reperesRoutes } from './routes/reperes';
import { rgpdRoutes } from './routes/rgpd';
import { securiteRoutes } from './routes/securite';
import { settingsRoutes } from './routes/settings';
import { setupRoutes } from './routes/setup';
import { sortiesRoutes } from './routes/sorties';
import { structureRoutes } from './routes/structure';
import { suivisRoutes } from './routes/suivis';
import { systemRoutes } from './routes/system';
import { usersRoutes } from './routes/users';

/** The modules together: assigning it to `RouteTable` checks at compile time that every contract route is defined. */
type EveryModule = typeof accueilsRoutes &
  typeof actionsFreinsRoutes &
  typeof annexesRoutes &
  typeof auditRoutes &
  typeof authRoutes &
  typeof backupsRoutes &
  typeof bilansRoutes &
  typeof borneRoutes &
  typeof cerRoutes &
  typeof clesRoutes &
  typeof clientsRoutes &
  typeof competencesRoutes &
  typeof contratsRoutes &
  typeof documentsRoutes &
  typeof eligibiliteRoutes &
  typeof etatMensuelRoutes &
  typeof federationRoutes &
  typeof fichesRoutes &
  typeof formationsRoutes &
  typeof freinsRoutes &
  typeof heuresRoutes &
  typeof importRoutes &
  typeof insertionRoutes &
  typeof observatoireRoutes &
  typeof offreRoutes &
  typeof parametresRoutes &
  typeof parcoursRoutes &
  typeof partenairesRoutes &
  typeof passRoutes &
  typeof personnesRoutes &
  typeof pmsmpRoutes &
  typeof qualiteRoutes &
  typeof questionnairesRoutes &
  typeof rapportsRoutes &
  typeof referentsRoutes &
  typeof reperesRoutes &
  typeof rgpdRoutes &
  typeof securiteRoutes &
  typeof settingsRoutes &
  typeof setupRoutes &
  typeof sortiesRoutes &
  typeof structureRoutes &
  typeof suivisRoutes &
  typeof systemRoutes &
  typeof usersRoutes;
// joinRouteTables checks, at start-up, that none is defined twice.
export const routes: RouteTable = joinRouteTables<EveryModule>({
  accueils: accueilsRoutes,
  actionsFreins: actionsFreinsRoutes,
  annexes: annexesRoutes,
  audit: auditRoutes,
  auth: authRoutes,
  backups: backupsRoutes,
  bilans: bilansRoutes,
  borne: borneRoutes,
  cer: cerRoutes,
  cles: clesRoutes,
  clients: clientsRoutes,
  competences: competencesRoutes,
  contrats: contratsRoutes,
  documents: documentsRoutes,
  eligibilite: eligibiliteRoutes,
  etatMensuel: etatMensuelRoutes,
  federation: federationRoutes,
  fiches: fichesRoutes,
  formations: formationsRoutes,
  freins: freinsRoutes,
  heures: heuresRoutes,
  import: importRoutes,
  insertion: insertionRoutes,
  observatoire: observatoireRoutes,
  offre: offreRoutes,
  parametres: parametresRoutes,
  parcours: parcoursRoutes,
  partenaires: partenairesRoutes,
  pass: passRoutes,
  personnes: personnesRoutes,
  pmsmp: pmsmpRoutes,
  qualite: qualiteRoutes,
  questionnaires: questionnairesRoutes,
  rapports: rapportsRoutes,
  referents: referentsRoutes,
  reperes: reperesRoutes,
  rgpd: rgpdRoutes,
  securite: securiteRoutes,
  settings: settingsRoutes,
  setup: setupRoutes,
  sorties: sortiesRoutes,
  structure: structureRoutes,
  suivis: suivisRoutes,
  system: systemRoutes,
  users: usersRoutes,
});
