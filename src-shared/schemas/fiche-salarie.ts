/** The fiche salarié of a parcours, as the screen sends it (issue 15 §2). */
import { z } from 'zod';
import { DUREES_ASP, MOTIFS_ABSENCE_NIR, NIVEAUX_FORMATION, RSA_SITUATIONS } from '../domain/asp-codes';
import { optionalCode } from './fields';

const duree = (what: string) => optionalCode(DUREES_ASP, `${what} : durée inconnue.`);
/** INSEE codes (COG): a commune, 2A/2B for Corsica; a country abroad is 99 and three digits (99109: Algérie). */
const insee = (what: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d[\dAB]\d{3})?$/, `${what} : un code INSEE de 5 caractères (par exemple 07186, ou 99109 pour un pays).`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

export const ficheSalarieInputSchema = z
  .object({
    parcoursId: z.string().min(1),
    niveauFormation: optionalCode(NIVEAUX_FORMATION, 'Niveau de formation inconnu.'),
    sansRessources: z.boolean(),
    rqth: z.boolean(),
    oeth: z.boolean(),
    inscritFt: z.boolean(),
    inscritFtDepuis: duree('Inscrit à France Travail depuis'),
    sansEmploiDepuis: duree('Sans emploi depuis'),
    rsa: optionalCode(RSA_SITUATIONS, 'Situation RSA inconnue.'),
    rsaDepuis: duree('Allocataire du RSA depuis'),
    ass: z.boolean(),
    assDepuis: duree('Allocataire de l’ASS depuis'),
    aah: z.boolean(),
    aahDepuis: duree('Allocataire de l’AAH depuis'),
    qpv: z.boolean(),
    zrr: z.boolean(),
    communeNaissance: insee('Commune de naissance'),
    paysNaissance: insee('Pays de naissance'),
    motifAbsenceNir: optionalCode(MOTIFS_ABSENCE_NIR, 'Motif inconnu.'),
  })
  .strict()
  .refine((f) => f.inscritFt || !f.inscritFtDepuis, { path: ['inscritFtDepuis'], message: 'Une durée d’inscription suppose une inscription à France Travail.' })
  .refine((f) => (f.rsa === 'OUI-M' || f.rsa === 'OUI-NM') || !f.rsaDepuis, { path: ['rsaDepuis'], message: 'Une durée suppose le RSA.' })
  .refine((f) => f.ass || !f.assDepuis, { path: ['assDepuis'], message: 'Une durée suppose l’ASS.' })
  .refine((f) => f.aah || !f.aahDepuis, { path: ['aahDepuis'], message: 'Une durée suppose l’AAH.' })
  .refine((f) => !f.communeNaissance?.startsWith('99'), { path: ['communeNaissance'], message: 'Un code commençant par 99 est celui d’un pays : saisissez-le dans « Pays de naissance ».' })
  .refine((f) => !f.paysNaissance || f.paysNaissance.startsWith('99'), { path: ['paysNaissance'], message: 'Le code INSEE d’un pays commence par 99 (par exemple 99109).' });

export const ficheOfParcoursInputSchema = z.object({ parcoursId: z.string().min(1) }).strict();
