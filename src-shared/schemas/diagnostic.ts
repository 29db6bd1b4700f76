import { z } from 'zod';
import { CRITERE_KEYS, type Critere } from '../domain/criteres';
import { FREIN_TYPE_KEYS, type FreinType } from '../domain/freins';
import { MOTIFS_PROLONGATION, MOTIFS_SUSPENSION } from '../domain/pass-iae';
import { exclusivePairProblems } from '../rules/eligibility';
import { compactId, isValidPassNumber } from '../rules/identity';
import { SIAE_KINDS } from '../siae';
import { dateField, optionalDateField, optionalText } from './fields';

export const saveFreinInputSchema = z
  .object({
    id: z.string().nullish(),
    personneId: z.string().min(1),
    type: z.enum(FREIN_TYPE_KEYS as [FreinType, ...FreinType[]], 'Type de frein inconnu.'),
    niveau: z.number('Choisissez un niveau.').int().min(1, 'Choisissez un niveau.').max(3, 'Choisissez un niveau.'),
    commentaire: optionalText(300, 'Commentaire'),
    dateIdentification: dateField("Date d'identification"),
    dateLevee: optionalDateField('Date de levée'),
  })
  .strict()
  .refine((v) => !v.dateLevee || v.dateLevee >= v.dateIdentification, { path: ['dateLevee'], message: "Le frein ne peut pas être levé avant d'avoir été identifié." });

export const saveCompetenceInputSchema = z
  .object({
    id: z.string().nullish(),
    personneId: z.string().min(1),
    libelle: z.string().trim().min(2, 'Indiquez la compétence ou le métier.').max(150, '150 caractères au plus.'),
    codeRome: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .default('')
      .refine((v) => v === '' || /^[A-N]\d{4}$/.test(v), 'Code ROME invalide (une lettre puis 4 chiffres, par exemple F1606).'),
    niveau: z.number('Choisissez un niveau.').int().min(1, 'Choisissez un niveau.').max(4, 'Choisissez un niveau.'),
    dateEvaluation: dateField("Date de l'évaluation"),
  })
  .strict();

export const deleteInputSchema = z.object({ id: z.string().min(1) }).strict();

export const saveEligibiliteInputSchema = z
  .object({
    /** A diagnostic of the person being corrected (its criteria are replaced), or none for a new one. */
    id: z.string().nullish().transform((v) => v || null),
    personneId: z.string().min(1),
    date: dateField('Date du diagnostic'),
    auteur: z.enum(['structure', 'prescripteur'], 'Indiquez qui a fait le diagnostic.'),
    prescripteur: optionalText(200, 'Prescripteur'),
    dispositif: z.enum(SIAE_KINDS, 'Choisissez le dispositif visé.'),
    criteres: z
      .array(
        z.object({
          critere: z.enum(CRITERE_KEYS as [Critere, ...Critere[]], 'Critère inconnu.'),
          typeJustificatif: optionalText(200, 'Justificatif'),
          dateJustificatif: optionalDateField('Date du justificatif'),
          /** TH, REF_DA: the end of validity of the decision or title. */
          dateFinValidite: optionalDateField('Fin de validité du justificatif').optional(),
        }),
      )
      .max(18),
  })
  .strict()
  .superRefine((v, ctx) => {
    const kinds = v.criteres.map((c) => c.critere);
    if (new Set(kinds).size !== kinds.length) ctx.addIssue({ code: 'custom', path: ['criteres'], message: 'Un même critère est coché deux fois.' });
    for (const message of exclusivePairProblems(kinds)) ctx.addIssue({ code: 'custom', path: ['criteres'], message });
    if (v.auteur === 'prescripteur' && !v.prescripteur) ctx.addIssue({ code: 'custom', path: ['prescripteur'], message: 'Indiquez le prescripteur habilité.' });
  });

const passNumber = z
  .string()
  .transform(compactId)
  .refine(isValidPassNumber, 'Numéro de PASS IAE invalide : 12 lettres ou chiffres.');

export const savePassInputSchema = z
  .object({ id: z.string().nullish(), personneId: z.string().min(1), numero: passNumber, dateDebut: dateField('Début du PASS'), dateFin: dateField('Fin du PASS') })
  .strict()
  .refine((v) => v.dateFin > v.dateDebut, { path: ['dateFin'], message: 'La fin du PASS doit suivre son début.' });

export const addSuspensionInputSchema = z
  .object({
    passId: z.string().min(1),
    dateDebut: dateField('Début de la suspension'),
    dateFin: dateField('Fin de la suspension'),
    motif: z.enum(Object.keys(MOTIFS_SUSPENSION) as [keyof typeof MOTIFS_SUSPENSION], 'Motif de suspension inconnu.'),
  })
  .strict();

export const addProlongationInputSchema = z
  .object({
    passId: z.string().min(1),
    dateFin: dateField('Nouvelle fin du PASS'),
    motif: z.enum(Object.keys(MOTIFS_PROLONGATION) as [keyof typeof MOTIFS_PROLONGATION], 'Motif de prolongation inconnu.'),
    dispositif: z.enum(SIAE_KINDS, 'Choisissez le dispositif.'),
  })
  .strict();

export const offreInsertionSchema = z
  .object({
    presentation: optionalText(4000, 'Présentation'),
    activites: optionalText(4000, 'Activités et métiers'),
    formations: optionalText(4000, 'Formations'),
    accompagnement: optionalText(4000, 'Accompagnement'),
    regles: optionalText(4000, 'Règles de fonctionnement'),
  })
  .strict();
export type OffreInsertion = z.output<typeof offreInsertionSchema>;
