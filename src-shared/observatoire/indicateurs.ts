/**
 * The indicators of the common frame (REPORT-SPEC §2): stable ids, French labels, their definition as users read it,
 * how each value is rounded, and which are also given per dispositif. Screens, PDF, CSV and the signed file all
 * list indicators from here.
 */
import { CRITERES, type Critere } from '../domain/criteres';
import { FREIN_TYPES, type FreinType } from '../domain/freins';
import { CLIENT_TYPES, MOTIFS_SORTIE, type ClientType, type MotifSortie } from '../domain/insertion';
import { ORIENTEURS, type Orienteur } from '../domain/asp-codes';
import { SITUATION_LINES, type SituationLine } from './situation';
import { codesOf } from '../domain/code-lists';

export type IndicatorUnit = 'count' | 'hours' | 'etp' | 'rate' | 'days' | 'months' | 'score';
export type IndicatorSection = 'accueil' | 'public' | 'activite' | 'accompagnement' | 'sorties' | 'qualite';

export interface IndicatorDefinition {
  id: string;
  section: IndicatorSection;
  label: string;
  definition: string;
  unit: IndicatorUnit;
  /** Also computed per dispositif (`par_dispositif.<KIND>.<id>`). */
  perDispositif: boolean;
}

export const SECTION_LABELS: Record<IndicatorSection, string> = {
  accueil: 'Accueil',
  public: 'Public accompagné',
  activite: 'Activité',
  accompagnement: 'Accompagnement',
  sorties: 'Sorties',
  qualite: 'Qualité et territoire',
};

/** Decimals of each unit in the report (REPORT-SPEC §2). */
export const UNIT_DECIMALS: Record<IndicatorUnit, number> = { count: 0, hours: 2, etp: 2, rate: 4, days: 1, months: 1, score: 2 };

const FREIN_PROVIDERS = {
  concernes: 'salariés concernés',
  interne: 'accompagnés en interne seulement',
  externe: 'accompagnés par un partenaire seulement',
  les_deux: 'accompagnés en interne et par un partenaire',
} as const;
type FreinProvider = keyof typeof FREIN_PROVIDERS;

/** One definition; its id keeps its literal type, so that the ids below form the `IndicatorId` union. */
function def<const I extends string>(id: I, section: IndicatorSection, label: string, definition: string, unit: IndicatorUnit = 'count', perDispositif = true): IndicatorDefinition & { id: I } {
  return { id, section, label, definition, unit, perDispositif };
}

export const INDICATOR_DEFINITIONS = [
  def('accueil.personnes_accueillies', 'accueil', 'Personnes accueillies', 'Personnes distinctes dont un premier contact (accueil) est daté de l’année.', 'count', false),
  def('accueil.offre_presentee', 'accueil', 'Offre d’insertion présentée', 'Accueils de l’année où la présentation de l’offre d’insertion est enregistrée.', 'count', false),
  def('accueil.diagnostics_realises', 'accueil', 'Diagnostics socio-professionnels', 'Accueils de l’année avec un diagnostic socio-professionnel enregistré.', 'count', false),
  def('accueil.decisions.entree', 'accueil', 'Décisions : entrée en parcours', 'Accueils décidés dans l’année par une entrée en parcours.', 'count', false),
  def('accueil.decisions.reorientation', 'accueil', 'Décisions : réorientation', 'Accueils décidés dans l’année par une réorientation.', 'count', false),
  def('accueil.decisions.refus_personne', 'accueil', 'Décisions : refus de la personne', 'Accueils décidés dans l’année par un refus de la personne.', 'count', false),
  def('accueil.decisions.non_eligible', 'accueil', 'Décisions : non éligible', 'Accueils décidés dans l’année : personne non éligible.', 'count', false),
  def('accueil.decisions.sans_suite', 'accueil', 'Décisions : sans suite', 'Accueils décidés dans l’année sans suite.', 'count', false),
  def('accueil.en_attente_fin_annee', 'accueil', 'En attente au 31 décembre', 'Accueils sans décision au 31 décembre (liste d’attente).', 'count', false),
  def('accueil.delai_median_decision_jours', 'accueil', 'Délai médian de décision (jours)', 'Médiane, sur les accueils décidés dans l’année, du nombre de jours entre le premier contact et la décision.', 'days', false),
  def('territoire.demandes_non_satisfaites', 'qualite', 'Demandes non satisfaites du territoire', 'Accueils décidés dans l’année (réorientation ou sans suite) faute de place, et demandes de clients non servies.', 'count', false),
  def('qualite.actions_amelioration_ouvertes_fin_annee', 'qualite', 'Actions d’amélioration ouvertes au 31 décembre', 'Actions du plan d’amélioration continue encore ouvertes au 31 décembre.', 'count', false),
  def('qualite.actions_amelioration_realisees', 'qualite', 'Actions d’amélioration réalisées', 'Actions du plan d’amélioration continue closes dans l’année.', 'count', false),
  def('qualite.reclamations', 'qualite', 'Réclamations', 'Réclamations enregistrées dans l’année.', 'count', false),
  def('qualite.satisfaction_moyenne', 'qualite', 'Satisfaction moyenne (sur 5)', 'Note moyenne (1 à 5) des réponses aux questionnaires de satisfaction de l’année.', 'score', false),

  def('public.salaries_en_parcours', 'public', 'Salariés en parcours', 'Parcours avec des heures travaillées dans l’année (EITI : parcours couvrant l’année) ; une personne compte une fois par dispositif, et une fois au total.'),
  def('public.entrees', 'public', 'Entrées', 'Parcours dont le premier contrat commence dans l’année.'),
  def('public.femmes', 'public', 'Femmes', 'Salariées en parcours (civilité Madame).'),
  def('public.hommes', 'public', 'Hommes', 'Salariés en parcours (civilité Monsieur).'),
  def('public.moins_26_ans', 'public', 'Moins de 26 ans', 'Salariés en parcours âgés de moins de 26 ans au début du parcours.'),
  def('public.de_26_a_49_ans', 'public', 'De 26 à 49 ans', 'Salariés en parcours âgés de 26 à 49 ans au début du parcours.'),
  def('public.50_ans_et_plus', 'public', '50 ans et plus', 'Salariés en parcours âgés de 50 ans ou plus au début du parcours.'),
  ...codesOf<Critere>(CRITERES).map((k) => def(`public.criteres.${k}`, 'public', `Critère : ${CRITERES[k].label}`, `Salariés en parcours dont le profil à l’entrée retient le critère « ${CRITERES[k].label} ».`)),
  ...codesOf<SituationLine>(SITUATION_LINES).map((k) => def(`public.situation.${k}`, 'public', `Situation à l’embauche : ${SITUATION_LINES[k].label}`, SITUATION_LINES[k].definition)),
  def('public.niveau_infra_bac', 'public', 'Niveau infra-bac', 'Salariés en parcours de niveau de formation ASP 00, 01, 50, 51, 60 ou 70.'),

  def('activite.heures_travaillees', 'activite', 'Heures travaillées', 'Somme des heures datées dans l’année.', 'hours'),
  def('activite.etp_realises', 'activite', 'ETP réalisés', 'Somme, par dispositif, des heures de l’année divisées par l’H_ref du dispositif.', 'etp'),
  def('activite.etp_conventionnes', 'activite', 'ETP conventionnés', 'Somme des ETP conventionnés saisis pour l’année (annexes financières).', 'etp'),
  def('activite.taux_realisation', 'activite', 'Taux de réalisation', 'ETP réalisés ÷ ETP conventionnés.', 'rate'),
  ...codesOf<ClientType>(CLIENT_TYPES).map((k, _i, _all, label = CLIENT_TYPES[k]) => def(`activite.heures_par_type_client.${k}`, 'activite', `Heures mises à disposition : ${label.toLowerCase()}`, `Heures AI/ETTI de l’année chez des clients de type « ${label} ».`, 'hours')),
  def('activite.clients_actifs', 'activite', 'Clients actifs', 'Clients distincts avec des heures dans l’année.'),
  def('activite.depassements_480h', 'activite', 'Dépassements des 480 heures (AI)', 'AI : personnes dont les heures en entreprise dépassent 480 heures sur 24 mois, pour une période qui touche l’année.'),

  def('accompagnement.cer_signes', 'accompagnement', 'CER signés', 'Parcours commencés dans l’année avec un contrat d’engagement réciproque signé.'),
  def('accompagnement.cer_signes_dans_delai', 'accompagnement', 'CER signés dans le délai', 'Parmi eux, ceux signés dans le délai de la structure après le début du parcours.'),
  def('accompagnement.bilans_realises', 'accompagnement', 'Bilans réalisés', 'Bilans datés de l’année.'),
  def('accompagnement.salaries_avec_bilan', 'accompagnement', 'Salariés avec un bilan', 'Salariés en parcours ayant au moins un bilan daté de l’année.'),
  def('accompagnement.bilans_en_retard_fin_annee', 'accompagnement', 'Bilans en retard au 31 décembre', 'Parcours ouverts au 31 décembre dont le dernier bilan (ou le début) dépasse l’intervalle de la structure.'),
  ...codesOf<FreinType>(FREIN_TYPES).flatMap((k, _i, _all, label = FREIN_TYPES[k]) =>
    codesOf<FreinProvider>(FREIN_PROVIDERS).map((p, _j, _providers, what = FREIN_PROVIDERS[p]) =>
      def(`accompagnement.freins.${k}.${p}`, 'accompagnement', `Frein « ${label} » : ${what}`, p === 'concernes' ? `Salariés en parcours avec ce frein identifié au plus tard le 31 décembre et non levé avant le 1er janvier.` : `Parmi les salariés concernés, ceux ${what} (actions datées de l’année).`),
    ),
  ),
  def('accompagnement.formation.salaries_formes', 'accompagnement', 'Salariés formés', 'Salariés distincts avec une action de formation qui touche l’année.'),
  def('accompagnement.formation.actions', 'accompagnement', 'Actions de formation', 'Actions de formation commençant dans l’année.'),
  def('accompagnement.formation.heures', 'accompagnement', 'Heures de formation', 'Heures des actions de formation commençant dans l’année.', 'hours'),
  def('accompagnement.formation.qualifiantes', 'accompagnement', 'Formations qualifiantes', 'Actions de formation qualifiantes commençant dans l’année.'),
  def('accompagnement.pmsmp', 'accompagnement', 'Immersions (PMSMP)', 'Immersions commençant dans l’année.'),

  def('sorties.non_comptabilisees', 'sorties', 'Sorties non comptabilisées', 'Sorties de l’année qui ne remplissent pas les conditions pour être constatées.'),
  def('sorties.constatees', 'sorties', 'Sorties constatées', 'ACI, EI : au moins 3 mois après le début et des heures dans l’année ; AI, ETTI : au moins 150 heures ; EITI : toujours.'),
  def('sorties.retraits', 'sorties', 'Retraits', 'Sorties constatées de la catégorie « retrait » (retraite, congé longue durée, décès…).'),
  def('sorties.examinees', 'sorties', 'Sorties examinées', 'Sorties constatées moins les retraits.'),
  def('sorties.emploi_durable', 'sorties', 'Emploi durable', 'Sorties constatées vers l’emploi durable.'),
  def('sorties.emploi_transition', 'sorties', 'Emploi de transition', 'Sorties constatées vers l’emploi de transition.'),
  def('sorties.sorties_positives', 'sorties', 'Sorties positives', 'Sorties constatées positives (formation qualifiante, autre IAE…).'),
  def('sorties.autres', 'sorties', 'Autres sorties', 'Sorties constatées des autres catégories.'),
  def('sorties.taux_sorties_dynamiques', 'sorties', 'Taux de sorties dynamiques', '(Emploi durable + emploi de transition + sorties positives) ÷ sorties examinées.', 'rate'),
  def('sorties.taux_emploi_durable', 'sorties', 'Taux d’emploi durable', 'Emploi durable ÷ sorties examinées.', 'rate'),
  def('sorties.duree_moyenne_parcours_mois', 'sorties', 'Durée moyenne des parcours (mois)', 'Moyenne, sur les sorties constatées, de la durée du parcours en jours ÷ 30,4375.', 'months'),
] satisfies IndicatorDefinition[];

/**
 * Every indicator id of the frame, checked at compile time (issue 18 §2): the defined ones and the two families whose
 * members exist only when they have a value. A typo in the engine or a screen is a type error, not a silent `null`.
 */
export type IndicatorId = (typeof INDICATOR_DEFINITIONS)[number]['id'] | `public.orienteur.${Orienteur}` | `sorties.par_motif.${MotifSortie}`;

/**
 * How the values that are not counts of their own derive from others (issue 18 §2): the engine computes each rate from
 * this declaration, and the federation's consolidation recomputes totals from it — a rate from the summed numerator and
 * denominator, a mean weighted by its population — never by averaging the structures' values.
 */
export type Derivation =
  | { kind: 'ratio'; numerator: readonly IndicatorId[]; denominator: readonly IndicatorId[] }
  /** A mean over the population that `weight` counts. */
  | { kind: 'mean'; weight: IndicatorId }
  /** A median, or a mean whose population the file does not hold: no total can be derived. */
  | { kind: 'not_additive' };

export const DERIVATIONS = {
  'activite.taux_realisation': { kind: 'ratio', numerator: ['activite.etp_realises'], denominator: ['activite.etp_conventionnes'] },
  'sorties.taux_sorties_dynamiques': { kind: 'ratio', numerator: ['sorties.emploi_durable', 'sorties.emploi_transition', 'sorties.sorties_positives'], denominator: ['sorties.examinees'] },
  'sorties.taux_emploi_durable': { kind: 'ratio', numerator: ['sorties.emploi_durable'], denominator: ['sorties.examinees'] },
  'sorties.duree_moyenne_parcours_mois': { kind: 'mean', weight: 'sorties.constatees' },
  'accueil.delai_median_decision_jours': { kind: 'not_additive' },
  'qualite.satisfaction_moyenne': { kind: 'not_additive' },
} as const satisfies Partial<Record<IndicatorId, Derivation>>;

export type RatioDerivation = Extract<Derivation, { kind: 'ratio' }>;

/** The rates, each with its parts. */
export const RATIOS: ReadonlyArray<{ id: IndicatorId; derivation: RatioDerivation }> = Object.entries(DERIVATIONS).flatMap(([id, d]: [string, Derivation]) =>
  d.kind === 'ratio' ? [{ id: id as IndicatorId, derivation: d }] : [],
);

export function derivationOf(id: string): Derivation | null {
  return (DERIVATIONS as Partial<Record<string, Derivation>>)[baseId(id)] ?? null;
}

/** A ratio's value from its parts (`valueOf` reads them in the same scope): null when a part is unknown or nothing to divide by. */
export function ratioValue(d: RatioDerivation, valueOf: (id: IndicatorId) => number | null | undefined): number | null {
  const numerator = d.numerator.map(valueOf);
  const denominator = d.denominator.map(valueOf);
  if ([...numerator, ...denominator].some((v) => v === null || v === undefined)) return null;
  const below = (denominator as number[]).reduce((a, b) => a + b, 0);
  return below === 0 ? null : (numerator as number[]).reduce((a, b) => a + b, 0) / below;
}

/** Families whose members exist only when they have a value (REPORT-SPEC fixture: only the codes met are listed). */
export const DYNAMIC_FAMILIES = [
  { prefix: 'public.orienteur.', section: 'public' as const, label: 'Entrées, orienteur', unit: 'count' as const },
  { prefix: 'sorties.par_motif.', section: 'sorties' as const, label: 'Sorties constatées, motif', unit: 'count' as const },
];

const BY_ID = new Map<string, IndicatorDefinition>(INDICATOR_DEFINITIONS.map((d) => [d.id, d]));

/** The definition of an id, with or without its `par_dispositif.<KIND>.` prefix. */
export function indicatorDefinition(id: string): IndicatorDefinition | null {
  const base = baseId(id);
  const known = BY_ID.get(base);
  if (known) return known;
  const family = DYNAMIC_FAMILIES.find((f) => base.startsWith(f.prefix));
  if (!family) return null;
  const code = base.slice(family.prefix.length);
  const name = family.prefix === 'public.orienteur.' ? ORIENTEURS[code as Orienteur] : MOTIFS_SORTIE[code as MotifSortie];
  return { id: base, section: family.section, label: `${family.label} ${code}${name ? ` — ${name}` : ''}`, definition: family.prefix === 'public.orienteur.' ? `Entrées de l’année orientées par l’orienteur de code ASP ${code}.` : `Sorties constatées de l’année de motif ASP ${code}.`, unit: family.unit, perDispositif: true };
}

export function baseId(id: string): string {
  const m = /^par_dispositif\.[A-Z]+\.(.*)$/.exec(id);
  return m ? m[1]! : id;
}

export type IndicatorMap = Record<string, number | null>;

/** Counts with a list of persons behind them (the observatoire's drill-down); sums, rates and event counts have none. */
const WITH_PERSON_LIST = [
  /^public\./,
  /^accueil\.(personnes_accueillies|en_attente_fin_annee|decisions\.)/,
  /^accompagnement\.(salaries_avec_bilan|cer_signes|cer_signes_dans_delai|bilans_en_retard_fin_annee|formation\.salaries_formes|freins\.)/,
  /^sorties\.(non_comptabilisees|constatees|examinees|retraits|emploi_durable|emploi_transition|sorties_positives|autres|par_motif\.)/,
];

export function hasPersonList(id: string): boolean {
  const base = baseId(id);
  return WITH_PERSON_LIST.some((re) => re.test(base));
}
