/**
 * The route table: for each route of the shared contract, who may call it, in which app state, and what it does.
 * One module per area; the `RouteTable` type makes sure every contract route has exactly one definition.
 */
import type { RouteTable } from './router';
import { joinRouteTables } from './route-tables';
import { accueilRoutes } from './routes/accueil';
import { annexesRoutes } from './routes/annexes';
import { fichesRoutes } from './routes/fiches';
import { coreRoutes } from './routes/core';
import { insertionRoutes } from './routes/insertion';
import { observatoireRoutes } from './routes/observatoire';
import { securiteRoutes } from './routes/securite';
import { rgpdRoutes } from './routes/rgpd';
import { qualiteDemarcheRoutes } from './routes/qualite-demarche';

/** The modules together: assigning it to `RouteTable` checks at compile time that every contract route is defined. */
type EveryModule = typeof coreRoutes &
  typeof accueilRoutes &
  typeof insertionRoutes &
  typeof fichesRoutes &
  typeof observatoireRoutes &
  typeof annexesRoutes &
  typeof securiteRoutes &
  typeof rgpdRoutes &
  typeof qualiteDemarcheRoutes;
// joinRouteTables checks, at start-up, that none is defined twice.
export const routes: RouteTable = joinRouteTables<EveryModule>({
  core: coreRoutes,
  accueil: accueilRoutes,
  insertion: insertionRoutes,
  fiches: fichesRoutes,
  observatoire: observatoireRoutes,
  annexes: annexesRoutes,
  securite: securiteRoutes,
  rgpd: rgpdRoutes,
  'qualite-demarche': qualiteDemarcheRoutes,
});
