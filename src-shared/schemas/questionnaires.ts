import { z } from 'zod';
import { MOMENTS, QUESTION_TYPES } from '../qualite/questionnaires';
import { dateField } from './fields';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...Array<keyof T & string>];

export const questionnaireInputSchema = z
  .object({
    id: z.string().max(64).nullable().default(null),
    titre: z.string().trim().min(3, 'Donnez un titre au questionnaire.').max(120, '120 caractères au plus.'),
    public: z.enum(['salarie', 'client'], 'Choisissez qui répond.'),
    moment: z.enum(keys(MOMENTS), 'Choisissez le moment.'),
    actif: z.boolean(),
    questions: z
      .array(
        z
          .object({
            id: z.string().regex(/^q[0-9a-z]{1,12}$/, 'Identifiant de question invalide.'),
            libelle: z.string().trim().min(3, 'Chaque question a un libellé.').max(300, '300 caractères au plus par question.'),
            type: z.enum(keys(QUESTION_TYPES), 'Type de question inconnu.'),
          })
          .strict(),
      )
      .min(1, 'Ajoutez au moins une question.')
      .max(20, 'Vingt questions au plus : un questionnaire court est rempli jusqu’au bout.'),
  })
  .strict();

export const kioskAnswerInputSchema = z
  .object({
    questionnaireId: z.string().max(64),
    reponses: z.record(z.string().max(16), z.union([z.number(), z.boolean(), z.string().max(1000, 'Réponse trop longue (1 000 caractères au plus).')])),
  })
  .strict();

export const resultsInputSchema = z.object({ id: z.string().max(64), du: dateField('Du'), au: dateField('Au') }).strict();

export type QuestionnaireInput = z.infer<typeof questionnaireInputSchema>;
export type KioskAnswerInput = z.infer<typeof kioskAnswerInputSchema>;
