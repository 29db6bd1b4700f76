import { z } from 'zod';
import { CANAUX, DECISIONS, MOTIFS_DECISION } from '../domain/accueil';
import { CIVILITES, DUREES_INSCRIPTION, NIVEAUX_FORMATION, ORIENTEURS, RSA_SITUATIONS } from '../domain/asp-codes';
import { compactId, isValidFranceTravailId, isValidNir } from '../rules/identity';
import { decisionMissingMotif, MOTIF_REQUIRED } from '../rules/accueil';
import { SIAE_KINDS } from '../siae';
import { dateField, optionalCode, optionalDateField, optionalText } from './fields';

const nameField = (label: string) => z.string().trim().min(1, `Indiquez le ${label}.`).max(100, `Le ${label} est trop long (100 caractères au plus).`);

export const personneFieldsSchema = z.object({
  civilite: z.enum(Object.keys(CIVILITES) as ['M', 'MME'], 'Choisissez la civilité.'),
  nom: nameField('nom'),
  prenom: nameField('prénom'),
  // Its plausibility depends on today's date: `birthDateProblem` (rules/identity.ts), applied by PersonnesService.
  dateNaissance: dateField('Date de naissance'),
  telephone: optionalText(30, 'Téléphone').refine((v) => v === '' || /^[+0-9 .()-]{6,30}$/.test(v), 'Numéro de téléphone invalide.'),
  email: optionalText(200, 'Courriel').refine((v) => v === '' || z.email().safeParse(v).success, 'Adresse de courriel invalide.'),
  adresse: optionalText(300, 'Adresse'),
  codePostal: optionalText(5, 'Code postal').refine((v) => v === '' || /^\d{5}$/.test(v), 'Le code postal doit comporter 5 chiffres.'),
  commune: optionalText(100, 'Commune'),
  qpv: z.boolean().optional().default(false),
  zrr: z.boolean().optional().default(false),
  niveauFormation: optionalCode(NIVEAUX_FORMATION, 'Niveau de formation inconnu.'),
  identifiantFt: z
    .string()
    .nullish()
    .transform((v) => (v ? compactId(v) : null))
    .refine((v) => v === null || isValidFranceTravailId(v), 'Identifiant France Travail invalide : 7 chiffres suivis d’une lettre ou d’un chiffre, ou 11 chiffres.'),
  nir: z
    .string()
    .nullish()
    .transform((v) => (v ? compactId(v) : null))
    .refine((v) => v === null || isValidNir(v), 'Numéro de sécurité sociale invalide : 15 caractères, clé comprise.'),
  orienteur: optionalCode(ORIENTEURS, 'Orienteur inconnu.'),
  rsa: optionalCode(RSA_SITUATIONS, 'Situation RSA inconnue.'),
  dureeInscriptionFt: optionalCode(DUREES_INSCRIPTION, 'Durée d’inscription inconnue.'),
  sansRessources: z.boolean().optional().default(false),
});

/** A person's fields as the form sends them, parsed: also the columns of `personnes` under the same names. */
export type PersonneFields = z.output<typeof personneFieldsSchema>;
export type PersonneFieldName = keyof PersonneFields;
/**
 * The person's fields, in the form's order: the view, the service's reads and writes, the form's field list and
 * the import derive from it, so an optional field is declared here, in the table and in the form (issue 18 §3).
 */
export const PERSONNE_FIELD_NAMES = Object.keys(personneFieldsSchema.shape) as PersonneFieldName[];

const firstContactSchema = z.object({
  datePremierContact: dateField('Date du premier contact'),
  canal: z.enum(Object.keys(CANAUX) as [keyof typeof CANAUX], 'Choisissez comment la personne est arrivée.'),
});

export const createPersonneInputSchema = personneFieldsSchema
  .extend({
    accueil: firstContactSchema,
    /** Set after the user saw the likely duplicates and confirmed this is someone else. */
    ignorerDoublons: z.boolean().optional().default(false),
  })
  .strict();

export const updatePersonneInputSchema = personneFieldsSchema.extend({ id: z.string().min(1) }).strict();

export const duplicatesInputSchema = z
  .object({ nom: z.string().trim().max(100), prenom: z.string().trim().max(100), dateNaissance: z.string().max(10) })
  .strict();

export const searchInputSchema = z.object({ q: z.string().max(100, 'Recherche trop longue.') }).strict();

export const LIST_SORTS = ['nom', 'date_contact', 'decision'] as const;
export const listPersonnesInputSchema = z
  .object({
    q: z.string().max(100).optional().default(''),
    /** A decision key, or `en_attente` for intakes without a decision. */
    decision: z.union([z.enum(Object.keys(DECISIONS) as [keyof typeof DECISIONS]), z.literal('en_attente')]).nullish(),
    referentId: z.string().nullish(),
    dispositif: z.enum(SIAE_KINDS).nullish(),
    sort: z.enum(LIST_SORTS).optional().default('date_contact'),
    direction: z.enum(['asc', 'desc']).optional().default('desc'),
    offset: z.number().int().min(0).optional().default(0),
    limit: z.number().int().min(1).max(500).optional().default(200),
  })
  .strict();

export const createAccueilInputSchema = firstContactSchema.extend({ personneId: z.string().min(1) }).strict();

export const updateAccueilInputSchema = firstContactSchema
  .extend({
    id: z.string().min(1),
    dateOffrePresentee: optionalDateField("Date de présentation de l'offre"),
    offrePresenteePar: z.string().nullish().transform((v) => v || null),
    dateNoticeRgpd: optionalDateField('Date de remise de la notice'),
    dateDiagnostic: optionalDateField('Date du diagnostic'),
    souhaits: optionalText(2000, 'Souhaits de la personne'),
  })
  .strict();

export const decideAccueilInputSchema = z
  .object({
    id: z.string().min(1),
    /** null puts the intake back on the waiting list. */
    decision: z.enum(Object.keys(DECISIONS) as [keyof typeof DECISIONS], 'Décision inconnue.').nullable(),
    dateDecision: optionalDateField('Date de la décision'),
    motifDecision: optionalCode(MOTIFS_DECISION, 'Motif inconnu.'),
    reorientationVers: optionalText(200, 'Réorientation vers'),
    dispositif: z.enum(SIAE_KINDS, 'Dispositif inconnu.').nullish().transform((v) => v ?? null),
    referentId: z.string().nullish().transform((v) => v || null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === null) return;
    if (!v.dateDecision) ctx.addIssue({ code: 'custom', path: ['dateDecision'], message: 'Indiquez la date de la décision.' });
    if (decisionMissingMotif(v.decision, v.motifDecision)) ctx.addIssue({ code: 'custom', path: ['motifDecision'], message: MOTIF_REQUIRED });
    if (v.decision === 'reorientation' && !v.reorientationVers) ctx.addIssue({ code: 'custom', path: ['reorientationVers'], message: 'Indiquez vers qui la personne est réorientée.' });
    if (v.decision === 'entree' && !v.dispositif) ctx.addIssue({ code: 'custom', path: ['dispositif'], message: 'Choisissez le dispositif du parcours.' });
    if (v.decision === 'entree' && !v.referentId) ctx.addIssue({ code: 'custom', path: ['referentId'], message: 'Choisissez le ou la référent·e du parcours.' });
  });
