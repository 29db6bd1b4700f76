/**
 * Creates the demo structure in an empty database: the generated workbook goes through the import (same checks as
 * a real structure's file), then the team's accounts and referents are added. Demo accounts share one password,
 * printed on the login screen of a demo database and in the README.
 */
import type Database from 'better-sqlite3';
import type { ImportReport } from '../../../src-shared/import-format';
import { toIsoDate } from '../../../src-shared/rules/dates';
import type { Role } from '../../../src-shared/roles';
import type { AuditLog } from '../audit/audit-log';
import type { UsersService } from '../auth/users-service';
import type { ImportService } from '../import/import-service';
import { readTables } from '../import/workbook-reader';
import { generateDemo, seededRandom, type DemoOptions } from './demo-generator';
import { seedQualityDemo } from './demo-quality';
import { seedDemoTerritory } from './demo-territory';

export const DEMO_PASSWORD = 'demonstration';

export const DEMO_ACCOUNTS: Array<{ login: string; displayName: string; role: Role; isAdmin: boolean }> = [
  { login: 'direction', displayName: 'Martine Durand (directrice)', role: 'direction', isAdmin: true },
  { login: 'cip', displayName: 'Karim Benali (CIP)', role: 'cip', isAdmin: false },
  { login: 'cip2', displayName: 'Sophie Laurent (CIP)', role: 'cip', isAdmin: false },
  { login: 'encadrant', displayName: 'Gilles Moulin (encadrant technique)', role: 'encadrant', isAdmin: false },
  { login: 'accueil', displayName: 'Anne Roche (chargée d’accueil)', role: 'accueil', isAdmin: false },
];

export interface DemoResult {
  report: ImportReport;
  accounts: string[];
}

export function createDemo(
  deps: { sqlite: Database.Database; imports: ImportService; users: UsersService; audit: AuditLog },
  options: Omit<DemoOptions, 'today'>,
  now: Date,
): DemoResult {
  if (deps.sqlite.prepare('select 1 from structure').get()) throw new Error('La base contient déjà une structure : la démonstration se crée dans une base vide.');
  const tables = generateDemo({ ...options, today: toIsoDate(now) });
  let result: DemoResult | null = null;
  deps.sqlite.transaction(() => {
    const report = deps.imports.run(readTables(tables), { dryRun: false, now, user: null, route: 'demo' });
    if (!report.ok) throw new Error(`Démonstration incohérente : ${report.erreurs.slice(0, 3).map((e) => `${e.feuille} ligne ${e.ligne} : ${e.message}`).join(' ; ')}`);
    const ids = DEMO_ACCOUNTS.map((a) => deps.users.create({ ...a, password: DEMO_PASSWORD, mustChangePassword: false }, now).id);
    // Referents: the two CIPs share the parcours and intakes, deterministically.
    const random = seededRandom(options.seed + 1);
    const cips = [ids[1]!, ids[2]!];
    const setParcours = deps.sqlite.prepare('update parcours set referent_id = ? where id = ?');
    for (const id of deps.sqlite.prepare('select id from parcours order by id').pluck().all() as string[]) setParcours.run(cips[Math.floor(random() * 2)], id);
    deps.sqlite.prepare("update accueils set referent_id = (select referent_id from parcours p where p.personne_id = accueils.personne_id order by p.date_debut limit 1) where decision = 'entree'").run();
    deps.sqlite.prepare('update personnes set dernier_referent_id = (select referent_id from accueils a where a.id = personnes.dernier_accueil_id)').run();
    seedQualityDemo(deps.sqlite, options.seed, toIsoDate(now));
    seedDemoTerritory(deps.sqlite, options.seed, now);
    deps.sqlite.prepare("insert into settings (key, value, updated_at) values ('demonstration', 'true', ?) on conflict (key) do update set value = 'true'").run(now.toISOString());
    result = { report, accounts: DEMO_ACCOUNTS.map((a) => a.login) };
  })();
  return result!;
}
