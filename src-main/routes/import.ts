/** Routes `import.*`: spreadsheet import, its template, and the export of the whole base. */
import { toIsoDate } from '../../src-shared/rules/dates';
import type { RouteTable } from '../router';
import { templateWorkbook } from '../services/import/import-template';
import { exportEverything } from '../services/import/workbook-export';
import { exportDownload } from '../services/import/export-bundle';
import { withReadSnapshot } from '../../db/read-snapshot';

export const importRoutes = {
  'import.run': {
    permission: 'import.manage',
    transaction: false,
    handler: async (ctx, input) =>
      ctx.open.imports.importFiles(
        input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        { dryRun: input.simulation, now: ctx.now, user: { id: ctx.user!.id, login: ctx.user!.login }, route: ctx.route, job: ctx.job },
      ),
  },
  'import.template': {
    permission: 'import.manage',
    transaction: false,
    handler: async () => ({ fileName: 'modele-import-cedre.xlsx', base64: (await templateWorkbook()).toString('base64') }),
  },
  'import.export': {
    permission: 'import.manage',
    transaction: false,
    handler: async (ctx) => {
      ctx.transaction(() => ctx.audit({ action: 'export', entity: 'donnees', detail: { format: 'xlsx' } }));
      // The opening's integrity check filled this connection's page cache (db/client.ts); the export reads through
      // its own, sheet by sheet, while the workbook is written (db/read-snapshot.ts): released first, as the CLI does.
      ctx.open.sqlite.pragma('shrink_memory');
      const file = await withReadSnapshot(ctx.open.sqlite, (reader) => exportDownload(`export-cedre-${toIsoDate(ctx.now)}`, exportEverything(reader, toIsoDate(ctx.now))));
      return { fileName: file.fileName, base64: file.bytes.toString('base64') };
    },
  },
} satisfies Partial<RouteTable>;
