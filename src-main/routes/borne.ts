/** Routes `borne.*`: the satisfaction kiosk (a questionnaire answered without an account). */
import { AppError } from '../../src-shared/errors';
import type { RouteTable } from '../router';

export const borneRoutes = {
  'borne.ouvrir': {
    // The kiosk locks the session first: the person answering sees the questionnaire and nothing else; leaving it
    // takes the staff member's password.
    permission: 'qualite.borne',
    handler: (ctx, input) => {
      const questionnaire = ctx.open.questionnaires.get(input.id);
      if (!questionnaire.actif) throw new AppError('CONFLICT', 'Ce questionnaire n’est plus proposé.');
      ctx.open.sessions.openKiosk(ctx.session!, questionnaire.id);
      return questionnaire;
    },
  },
  'borne.repondre': {
    permission: 'qualite.borne',
    allowLocked: true,
    touchesSession: false,
    handler: (ctx, input) => {
      // A session locked by inactivity, or an open one, is not a kiosk: its answers would not be anonymous answers.
      if (ctx.session?.kioskQuestionnaireId !== input.questionnaireId) {
        throw new AppError('FORBIDDEN', 'Les réponses ne s’enregistrent que depuis la borne ouverte pour ce questionnaire.');
      }
      ctx.open.questionnaires.submit(input, ctx.now);
      return null;
    },
  },
} satisfies Partial<RouteTable>;
