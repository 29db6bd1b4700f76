/** Routes `reperes.*`: the federation's benchmarks (repères), signed, imported by a structure. */
import type { RouteTable } from '../router';

export const reperesRoutes = {
  'reperes.get': { permission: 'observatoire.read', handler: (ctx) => ctx.open.reperes.current() },
  'reperes.import': {
    permission: 'rapports.sign',
    audit: { action: 'create', entity: 'reperes_reseau' },
    handler: (ctx, input) => ctx.open.reperes.import(Buffer.from(input.fichier.base64, 'base64'), input.empreinte, ctx.now),
  },
} satisfies Partial<RouteTable>;
