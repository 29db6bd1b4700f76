/** Routes `federation.*`: the federation's side: member register and consolidation of signed reports. */
import type { RouteTable } from '../router';
import { signReperes } from '../services/federation/reperes';
import { consolidateUploads } from '../services/federation/workspace';
import { getStructure } from '../services/structure/structure-service';

export const federationRoutes = {
  'federation.membres': { permission: 'federation.manage', handler: (ctx) => ctx.open.members.list() },
  'federation.enregistrerMembre': {
    permission: 'federation.manage',
    audit: { action: 'update', entity: 'cle_membre', recordId: (input) => `${input.siret}:${input.kid}` },
    handler: (ctx, input) => ctx.open.members.save(input, ctx.now),
  },
  'federation.retirerMembre': {
    permission: 'federation.manage',
    audit: { action: 'delete', entity: 'cle_membre', recordId: (input) => input.id },
    handler: (ctx, input) => ctx.open.members.remove(input.id),
  },
  'federation.consolider': {
    permission: 'federation.manage',
    transaction: false,
    audit: { action: 'read', entity: 'consolidation' },
    handler: (ctx, input) =>
      consolidateUploads(
        input.fichiers.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        input.annee,
        ctx.open.members,
        (reperes) => {
          const { nom, siret } = getStructure(ctx.open.db);
          return signReperes(ctx.open.signingKeys, { ...reperes, reseau: { nom, siret }, genere_le: ctx.now.toISOString() }, ctx.now, ctx.user!.id);
        },
      ),
  },
} satisfies Partial<RouteTable>;
