/** Routes `personnes.*`: person files: create, search, list, read, update, duplicates. */
import { AppError } from '../../src-shared/errors';
import type { RouteTable } from '../router';
import { droitsOf } from '../services/access';
import { fileOf, audit } from './support/person-file';

export const personnesRoutes = {
  'personnes.search': { permission: 'personnes.read', handler: (ctx, input) => ctx.open.personnes.search(input.q) },
  'personnes.list': {
    permission: 'personnes.read',
    audit: { action: 'read', entity: 'liste_personnes', recordId: () => null },
    handler: (ctx, input) => {
      // Filters on intakes would reveal their content to roles that may not read it.
      if (!droitsOf(ctx.user!).accueilRead && (input.decision || input.referentId || input.dispositif)) {
        throw new AppError('FORBIDDEN', 'Votre rôle ne permet pas de filtrer sur les accueils.');
      }
      return ctx.open.personnes.list(input);
    },
  },
  'personnes.duplicates': {
    permission: 'personnes.write',
    handler: (ctx, input) => (input.nom && input.prenom && input.dateNaissance ? ctx.open.personnes.duplicates(input.nom, input.prenom, input.dateNaissance) : []),
  },
  'personnes.create': {
    permission: 'personnes.write',
    audit: audit('create'),
    handler: (ctx, input) => {
      const { accueil, ignorerDoublons, ...fields } = input;
      if (!ignorerDoublons && ctx.open.personnes.duplicates(fields.nom, fields.prenom, fields.dateNaissance).length > 0) {
        throw new AppError('CONFLICT', 'Une personne de même nom et même date de naissance existe déjà : vérifiez qu’il ne s’agit pas d’elle.', {
          nom: 'Doublon probable',
        });
      }
      if (!droitsOf(ctx.user!).accueilWrite) throw new AppError('FORBIDDEN', 'Votre rôle ne permet pas d’enregistrer un accueil.');
      const id = ctx.open.personnes.create(fields, droitsOf(ctx.user!).nir, ctx.now);
      ctx.open.accueils.create(accueil, id, ctx.now);
      return fileOf(ctx, id);
    },
  },
  'personnes.get': { permission: 'personnes.read', audit: audit('read'), handler: (ctx, input) => fileOf(ctx, input.id) },
  'personnes.update': {
    permission: 'personnes.write',
    audit: audit('update'),
    handler: (ctx, input) => {
      const { id, ...fields } = input;
      ctx.open.personnes.update(id, fields, droitsOf(ctx.user!), ctx.now);
      return fileOf(ctx, id);
    },
  },
} satisfies Partial<RouteTable>;
