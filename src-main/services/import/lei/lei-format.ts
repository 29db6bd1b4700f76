/**
 * The file a structure downloads from Les emplois de l'inclusion (Candidatures → Exporter les candidatures reçues):
 * one sheet, one line per application, the columns of `JOB_APPLICATION_CSV_HEADERS` and the values written by
 * `_serialize_job_application` in gip-inclusion/les-emplois `itou/job_applications/export.py`; state and refusal
 * labels from `itou/job_applications/enums.py` (domain-reference §1.5). Cells are text, dates `JJ/MM/AAAA`.
 */
import type { Decision, MotifDecision } from '../../../../src-shared/domain/accueil';
import type { Orienteur } from '../../../../src-shared/domain/asp-codes';
import { normalizeHeader } from '../../../../src-shared/rules/import-cells';

/** Columns of the export, in LEI's order (the older exports lack some: each is looked up by name). */
export const LEI_COLUMNS = {
  civilite: 'Civilité candidat',
  nom: 'Nom candidat',
  prenom: 'Prénom candidat',
  email: 'Email candidat',
  telephone: 'Téléphone candidat',
  naissance: 'Date de naissance candidat',
  ville: 'Ville candidat',
  codePostal: 'Département candidat',
  structure: 'Nom structure employeur',
  typeEmployeur: 'Type employeur',
  metiers: 'Métiers',
  source: 'Source de la candidature',
  organisation: 'Nom organisation prescripteur',
  prescripteur: 'Nom utilisateur prescripteur',
  dateCandidature: 'Date de la candidature',
  statut: 'Statut de la candidature',
  debutEmbauche: 'Dates de début d’embauche',
  finEmbauche: 'Dates de fin d’embauche',
  motifRefus: 'Motifs de refus',
  eligibilite: 'Éligibilité IAE validée',
  eligibleControle: 'Eligible au contrôle',
  numeroPass: 'Numéro PASS IAE',
  debutPass: 'Début PASS IAE',
  finPass: 'Fin PASS IAE',
  statutPass: 'Statut PASS IAE',
} as const;
export type LeiColumn = keyof typeof LEI_COLUMNS;

/** Columns every LEI export has had: a sheet holding them all is an LEI export, whatever its name. */
const SIGNATURE: readonly LeiColumn[] = ['nom', 'prenom', 'dateCandidature', 'statut', 'source'];

export function leiColumnIndex(headers: string[]): Partial<Record<LeiColumn, number>> | null {
  const byName = new Map(headers.map((h, i) => [normalizeHeader(h.replace(/’/g, "'")), i]));
  const index: Partial<Record<LeiColumn, number>> = {};
  for (const [key, label] of Object.entries(LEI_COLUMNS) as Array<[LeiColumn, string]>) {
    // Older exports spell « Pass IAE » and « Nom prescripteur ».
    const found = byName.get(normalizeHeader(label.replace(/’/g, "'"))) ?? byName.get(normalizeHeader(label.replace('PASS', 'Pass').replace(/’/g, "'")));
    if (found !== undefined) index[key] = found;
  }
  if (index.organisation === undefined && byName.has('nom_prescripteur')) index.organisation = byName.get('nom_prescripteur');
  return SIGNATURE.every((c) => index[c] !== undefined) ? index : null;
}

/** `JobApplicationState` labels (get_state_display), normalised, to the intake's decision. */
export type LeiState = 'nouvelle' | 'en_cours' | 'acceptee' | 'declinee' | 'annulee' | 'embauche_ailleurs';
const STATES: Record<string, LeiState> = {
  'nouvelle candidature': 'nouvelle',
  "candidature a l'etude": 'en_cours',
  'candidature en attente': 'en_cours',
  "action prealable a l'embauche": 'en_cours',
  'vivier de candidatures': 'en_cours',
  'candidature acceptee': 'acceptee',
  'candidature declinee': 'declinee',
  'embauche annulee': 'annulee',
  'embauche ailleurs': 'embauche_ailleurs',
  // Older label of `obsolete`.
  'embauche pas possible': 'declinee',
  'candidature obsolete': 'embauche_ailleurs',
};

export function leiState(label: string): LeiState | null {
  return STATES[plain(label)] ?? null;
}

/**
 * `RefusalReason` labels (current and former ones) to the app's reasons, which are LEI's own keys
 * (src-shared/domain/accueil.ts MOTIFS_DECISION).
 */
const REFUSALS: Record<string, MotifDecision> = {
  'candidat non joignable': 'did_not_come',
  'candidat non venu ou non joignable': 'did_not_come',
  "candidat ne s'etant pas presente a l'entretien": 'did_not_come_to_interview',
  'candidat indisponible : en emploi': 'hired_elsewhere',
  'candidat indisponible : en formation': 'training',
  'candidat indisponible ou non interesse par le poste': 'not_interested',
  'candidat non eligible': 'non_eligible',
  "doute sur l'eligibilite du candidat (penser a renvoyer la personne vers un prescripteur)": 'non_eligible',
  'candidat non mobile': 'not_mobile',
  'candidat non interesse': 'not_interested',
  "le candidat n'a pas les competences requises pour le poste": 'lacking_skills',
  "un des freins a l'emploi du candidat est incompatible avec le poste propose": 'incompatible',
  "l'embauche du candidat empeche la realisation des objectifs du dialogue de gestion": 'prevent_objectives',
  'pas de recrutement en cours': 'no_position',
  'pas de poste ouvert en ce moment': 'no_position',
  'candidature en doublon': 'duplicate',
  autre: 'other',
};

export function leiRefusal(label: string): MotifDecision | null {
  return label.trim() === '' ? null : (REFUSALS[plain(label)] ?? 'other');
}

/**
 * A declined application becomes the intake decision its reason says: the person's own choice or unavailability is
 * « refus de la personne », ineligibility « non éligible », a need the structure cannot meet « réorientation », the
 * rest (no place, no show, duplicate) « sans suite ».
 */
export function decisionOfRefusal(reason: MotifDecision | null): Decision {
  switch (reason) {
    case 'non_eligible':
      return 'non_eligible';
    case 'hired_elsewhere':
    case 'training':
    case 'not_interested':
      return 'refus_personne';
    case 'incompatible':
    case 'lacking_skills':
    case 'not_mobile':
      return 'reorientation';
    default:
      return 'sans_suite';
  }
}

/** Who sent the application (`_get_readable_sender_kind` and the organisation's name) to the ASP orienteur code. */
export function leiOrienteur(source: string, organisation: string): Orienteur | null {
  const kind = plain(source);
  if (kind === 'candidature spontanee') return '07';
  if (kind === 'orienteur') return '08';
  if (kind !== 'prescripteur habilite') return null; // the structure itself or another employer: no orienteur
  const org = plain(organisation);
  const rules: Array<[RegExp, Orienteur]> = [
    [/france travail|pole emploi/, '03'],
    [/mission locale/, '01'],
    [/cap emploi/, '02'],
    [/\bplie\b/, '04'],
    [/\bspip\b/, '09'],
    [/\bpjj\b|protection judiciaire/, '10'],
    [/\bccas\b|\bcias\b/, '11'],
    [/\bchrs\b/, '12'],
    [/\bcidff\b/, '13'],
    [/\bafpa\b/, '15'],
    [/\bcaf\b/, '17'],
    [/\bcada\b/, '18'],
    [/\base\b|aide sociale a l'enfance/, '19'],
    [/conseil departemental|departement/, '05'],
  ];
  return rules.find(([re]) => re.test(org))?.[1] ?? '06';
}

/** LEI masks the identity of a person the user may not see: each word reduced to its first letter and « … ». */
export function isMasked(value: string): boolean {
  const words = value.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^.…$/u.test(w));
}

function plain(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ');
}
