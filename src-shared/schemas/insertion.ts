import { z } from 'zod';
import { CONTRAT_TYPES, DEROGATIONS, MOTIFS_SORTIE, type ContratType, type Derogation, type MotifSortie } from '../domain/insertion';
import { SIAE_KINDS } from '../siae';
import { isIsoDate } from '../rules/dates';
import { dateField, optionalDateField } from './fields';

export const openParcoursInputSchema = z
  .object({
    personneId: z.string().min(1),
    dispositif: z.enum(SIAE_KINDS, 'Choisissez le dispositif.'),
    referentId: z.string().nullish().transform((v) => v || null),
  })
  .strict();

export const contratInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    parcoursId: z.string().min(1),
    type: z.enum(Object.keys(CONTRAT_TYPES) as [ContratType, ...ContratType[]], 'Type de contrat inconnu.'),
    dateDebut: dateField('Début du contrat'),
    dateFinPrevue: optionalDateField('Fin prévue'),
    dateFinReelle: optionalDateField('Fin réelle'),
    heuresHebdo: z.number('Indiquez un nombre d’heures.').min(0, 'Nombre d’heures invalide.').max(48, 'Au plus 48 heures par semaine.').nullish().transform((v) => v ?? null),
    derogations: z.array(z.enum(Object.keys(DEROGATIONS) as [Derogation, ...Derogation[]], 'Dérogation inconnue.')).max(6).optional().default([]),
  })
  .strict()
  .refine((c) => !c.dateFinPrevue || c.dateFinPrevue >= c.dateDebut, { path: ['dateFinPrevue'], message: 'La fin prévue doit suivre le début.' })
  .refine((c) => !c.dateFinReelle || c.dateFinReelle >= c.dateDebut, { path: ['dateFinReelle'], message: 'La fin réelle doit suivre le début.' });

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois invalide (format AAAA-MM).');

/**
 * A month of hours for some contracts: every entry of those contracts in that month is replaced by these, in one
 * transaction. An entry is dated on a day, or on the month's first day for a monthly total.
 */
export const saveMonthInputSchema = z
  .object({
    mois: monthSchema,
    contratIds: z.array(z.string().min(1)).min(1, 'Aucun contrat dans la saisie.').max(2000),
    entrees: z
      .array(
        z.object({
          contratId: z.string().min(1),
          clientId: z.string().nullish().transform((v) => v || null),
          date: z.string().refine(isIsoDate, 'Date invalide.'),
          heures: z.number('Indiquez un nombre d’heures.').min(0, 'Les heures ne peuvent pas être négatives.').max(744, 'Plus d’heures que le mois n’en compte.'),
        }),
      )
      .max(100_000),
    /** The person confirmed the lines flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict();

export const closeMonthInputSchema = z.object({ mois: monthSchema }).strict();

/** ACI: the hours paid on each contract of a month (null clears a line). */
export const paidHoursInputSchema = z
  .object({
    mois: monthSchema,
    lignes: z
      .array(
        z
          .object({
            contratId: z.string().min(1),
            heures: z.number('Indiquez un nombre d’heures.').min(0, 'Un nombre positif.').max(744, 'Au plus 744 heures dans un mois.').nullable(),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();

export const sortieInputSchema = z
  .object({
    parcoursId: z.string().min(1),
    dateSortie: dateField('Date de sortie'),
    motif: z.enum(Object.keys(MOTIFS_SORTIE) as [MotifSortie, ...MotifSortie[]], 'Choisissez le motif de sortie (code ASP).'),
    /** The person confirmed the values flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict();

export const parcoursOfPersonneInputSchema = z.object({ personneId: z.string().min(1) }).strict();

export const monthInputSchema = z.object({ mois: monthSchema }).strict();

export const clientInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    nom: z.string().trim().min(2, 'Indiquez le nom du client.').max(200, '200 caractères au plus.'),
    type: z.enum(['particulier', 'association', 'collectivite', 'entreprise', 'autre'], 'Choisissez le type de client.'),
    siret: z
      .string()
      .transform((v) => v.replace(/[\s.]/g, ''))
      .refine((v) => v === '' || /^\d{14}$/.test(v), 'Le SIRET doit comporter 14 chiffres.')
      .optional()
      .default(''),
    /** AI: for a private individual or an « autre » client, whether placements count towards the 480-hour cap. */
    soumisPlafond480: z.boolean().nullish(),
  })
  .strict();

const longText = (label: string, max = 4000) => z.string().trim().max(max, `${label} : ${max} caractères au plus.`).optional().default('');

/** A version of the contrat d'engagement réciproque; each save is a new version, the previous ones are kept. */
export const cerInputSchema = z
  .object({
    parcoursId: z.string().min(1),
    objectifs: z.string().trim().min(3, 'Notez les objectifs de la personne, avec ses mots.').max(4000, '4 000 caractères au plus.'),
    moyensFormation: longText('Formation'),
    moyensEncadrement: longText('Encadrement'),
    moyensAccompagnement: longText('Accompagnement'),
    heuresHebdo: z.number().min(0).max(48, 'Au plus 48 heures par semaine.').nullish().transform((v) => v ?? null),
    dateSignature: optionalDateField('Date de signature'),
    signePersonne: z.boolean().optional().default(false),
    signeStructure: z.boolean().optional().default(false),
    /** The person confirmed the values flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict()
  .refine((v) => !(v.signePersonne || v.signeStructure) || v.dateSignature, { path: ['dateSignature'], message: 'Indiquez la date de signature.' });

export const bilanInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    parcoursId: z.string().min(1),
    type: z.enum(['entree', 'etape', 'prolongation', 'sortie'], 'Choisissez le type de bilan.'),
    date: dateField('Date du bilan'),
    revueObjectifs: longText('Objectifs du CER'),
    revueFreins: longText('Freins'),
    revueCompetences: longText('Compétences'),
    parolesPersonne: longText('Paroles de la personne'),
    prochainesEtapes: longText('Prochaines étapes'),
    signePersonne: z.boolean().optional().default(false),
    signeStructure: z.boolean().optional().default(false),
    /** The person confirmed the values flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict();

export const parcoursIdInputSchema = z.object({ parcoursId: z.string().min(1) }).strict();

export const partenaireInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    nom: z.string().trim().min(2, 'Indiquez le nom du partenaire.').max(200, '200 caractères au plus.'),
    type: z.enum(['prescripteur', 'organisme_formation', 'service_social', 'employeur', 'association', 'autre'], 'Choisissez le type de partenaire.'),
    contact: longText('Contact', 500),
  })
  .strict();

export const formationInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    parcoursId: z.string().min(1),
    intitule: z.string().trim().min(2, 'Indiquez l’intitulé de la formation.').max(200, '200 caractères au plus.'),
    organismeId: z.string().nullish().transform((v) => v || null),
    dateDebut: dateField('Début de la formation'),
    dateFin: optionalDateField('Fin de la formation'),
    heures: z.number().min(0, 'Nombre d’heures invalide.').max(5000, 'Nombre d’heures invalide.').nullish().transform((v) => v ?? null),
    qualifiante: z.boolean().optional().default(false),
    /** The person confirmed the values flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict()
  .refine((f) => !f.dateFin || f.dateFin >= f.dateDebut, { path: ['dateFin'], message: 'La fin doit suivre le début.' });

export const pmsmpInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    parcoursId: z.string().min(1),
    dateDebut: dateField('Début de l’immersion'),
    dateFin: optionalDateField('Fin de l’immersion'),
    entreprise: z.string().trim().min(2, 'Indiquez l’entreprise d’accueil.').max(200, '200 caractères au plus.'),
    /** The person confirmed the values flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict()
  .refine((f) => !f.dateFin || f.dateFin >= f.dateDebut, { path: ['dateFin'], message: 'La fin doit suivre le début.' });

export const actionFreinInputSchema = z
  .object({
    id: z.string().nullish().transform((v) => v || null),
    parcoursId: z.string().min(1),
    typeFrein: z.enum(['illetrisme', 'demarch', 'heberg', 'mobilite', 'sante', 'justice', 'surendet', 'manque_dispo'], 'Choisissez le frein travaillé.'),
    date: dateField('Date de l’action'),
    prestataire: z.enum(['interne', 'externe'], 'Indiquez qui a mené l’action.'),
    partenaireId: z.string().nullish().transform((v) => v || null),
    description: longText('Description', 500),
    /** The person confirmed the values flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict()
  .refine((a) => a.prestataire === 'interne' || a.partenaireId, { path: ['partenaireId'], message: 'Choisissez le partenaire qui a mené l’action.' });

export const suiviInputSchema = z
  .object({
    parcoursId: z.string().min(1),
    echeanceMois: z.union([z.literal(1), z.literal(3), z.literal(6)], 'Échéance inconnue.'),
    date: dateField('Date du suivi'),
    situation: z.enum(['emploi_durable', 'emploi_transition', 'formation', 'iae', 'recherche', 'inactif', 'sans_nouvelle'], 'Choisissez la situation.'),
    commentaire: longText('Commentaire', 500),
  })
  .strict();

export const bilanDocumentInputSchema = z.object({ parcoursId: z.string().min(1), bilanId: z.string().min(1) }).strict();

/** What a parcours holds that a person may correct by deleting it (issue 14 §5). */
export const PARCOURS_ENTRY_TYPES = ['bilan', 'formation', 'pmsmp', 'actionFrein'] as const;
export type ParcoursEntryType = (typeof PARCOURS_ENTRY_TYPES)[number];

export const deleteParcoursEntryInputSchema = z
  .object({
    parcoursId: z.string().min(1),
    type: z.enum(PARCOURS_ENTRY_TYPES, 'Élément inconnu.'),
    id: z.string().min(1),
    /** The person confirmed the values flagged as unusual (src-shared/rules/plausibility.ts). */
    confirme: z.boolean().optional().default(false),
  })
  .strict();
