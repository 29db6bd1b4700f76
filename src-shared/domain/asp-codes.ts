/** ASP reference codes of the fiche salarié (domain-reference §2.3). Keys are stored; labels are shown. */

export const NIVEAUX_FORMATION = {
  '00': 'Personne avec qualifications non-certifiantes',
  '01': 'Jamais scolarisé',
  '10': "Troisième cycle ou école d'ingénieur",
  '20': 'Formation de niveau licence',
  '30': 'Formation de niveau BTS ou DUT',
  '40': 'Formation de niveau BAC',
  '41': 'Brevet de technicien ou baccalauréat professionnel',
  '50': 'Formation de niveau BEP ou CAP',
  '51': 'Diplôme obtenu CAP ou BEP',
  '60': "Formation courte d'une durée d'un an",
  '70': 'Pas de formation au-delà de la scolarité obligatoire',
} as const;
export type NiveauFormation = keyof typeof NIVEAUX_FORMATION;
export const NIVEAU_FORMATION_CODES = Object.keys(NIVEAUX_FORMATION) as NiveauFormation[];

/** Levels that imply the CAP_BEP criterion (domain-reference §2.3). */
export const NIVEAUX_IMPLIQUANT_CAP_BEP: readonly NiveauFormation[] = ['00', '01', '50', '51', '70'];

export const ORIENTEURS = {
  '01': 'Mission locale',
  '02': 'Cap emploi',
  '03': 'France Travail',
  '04': 'PLIE',
  '05': 'Service social du conseil départemental',
  '06': 'Autre prescripteur habilité',
  '07': 'Candidature spontanée',
  '08': 'Orienteur (prescripteur non habilité)',
  '09': 'SPIP',
  '10': 'PJJ',
  '11': 'CCAS',
  '12': 'CHRS',
  '13': 'CIDFF',
  '14': 'Service ou club de prévention',
  '15': 'AFPA',
  '16': 'PIJ-BIJ',
  '17': 'CAF',
  '18': 'CADA',
  '19': 'ASE',
  '20': 'CAVA',
  '21': 'CPH',
  '22': 'CHU',
  '23': 'OACAS',
  '99': 'Non connu',
} as const;
export type Orienteur = keyof typeof ORIENTEURS;
export const ORIENTEUR_CODES = Object.keys(ORIENTEURS) as Orienteur[];


export const DUREES_INSCRIPTION = {
  '01': 'Moins de 6 mois',
  '02': 'De 6 à 11 mois',
  '03': 'De 12 à 23 mois',
  '04': '24 mois et plus',
} as const;
export type DureeInscription = keyof typeof DUREES_INSCRIPTION;
/** The same ASP bands (`AllocationDuration`) serve every "depuis" of the fiche salarié: RSA, ASS, AAH, sans emploi. */
export const DUREES_ASP = DUREES_INSCRIPTION;

/** Why the NIR is missing (les-emplois `itou/users/enums.py` LackOfNIRReason; TEMPORARY_NUMBER in older records). */
export const MOTIFS_ABSENCE_NIR = {
  NO_NIR: 'Pas de numéro de sécurité sociale',
  NIR_ASSOCIATED_TO_OTHER: 'Le numéro de sécurité sociale est associé à quelqu’un d’autre',
  TEMPORARY_NUMBER: 'Numéro temporaire (NIA/NTT)',
} as const;
export type MotifAbsenceNir = keyof typeof MOTIFS_ABSENCE_NIR;

export const RSA_SITUATIONS = {
  NON: 'Non bénéficiaire du RSA',
  'OUI-M': 'Bénéficiaire du RSA et majoré',
  'OUI-NM': 'Bénéficiaire du RSA et non-majoré',
} as const;
export type RsaSituation = keyof typeof RSA_SITUATIONS;

export const CIVILITES = { M: 'Monsieur', MME: 'Madame' } as const;
export type Civilite = keyof typeof CIVILITES;

/** Turns a label map into options for a select: "03 — France Travail". */
export function codeOptions<K extends string>(labels: Record<K, string>, withCode = true): Array<{ value: K; label: string }> {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: withCode ? `${value} — ${labels[value]}` : labels[value] }));
}
