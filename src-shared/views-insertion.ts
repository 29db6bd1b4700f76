/** Route outputs of the mission insertion. */
import type { Withheld } from './domain/need-to-know';
import type { DureeInscription, MotifAbsenceNir, NiveauFormation, RsaSituation } from './domain/asp-codes';
import type { CategorieSortie, ContratType, Derogation, MotifSortie } from './domain/insertion';
import type { z } from 'zod';
import type { contratInputSchema } from './schemas/insertion';
import type { SiaeKind } from './siae';
import type { UserRef } from './views-accueil';

/** A contract as the form saves it (contratInputSchema), with what the app adds; one source for its fields. */
export type ContratView = Omit<z.output<typeof contratInputSchema>, 'id' | 'parcoursId' | 'derogations'> & {
  id: string;
  /** Withheld whole from roles without `sensibles.read`: RQTH and aménagement de peine tell too much. */
  derogations: Withheld<Derogation[]>;
  avertissements: string[];
  /** Hours recorded on the contract, all months. */
  heures: number;
};

export interface SortieView {
  date: string;
  /** Withheld from roles without `sensibles.read` (motifs 16 and 18); the category stays. */
  motif: Withheld<MotifSortie>;
  categorie: CategorieSortie;
  /** Whether it counts in the exit rates (REPORT-SPEC §2.5). */
  comptee: boolean;
}

export interface CerView {
  id: string;
  version: number;
  objectifs: string;
  moyensFormation: string;
  moyensEncadrement: string;
  moyensAccompagnement: string;
  heuresHebdo: number | null;
  dateSignature: string | null;
  signePersonne: boolean;
  signeStructure: boolean;
  createdAt: string;
}

export interface BilanView {
  id: string;
  type: import('./domain/insertion').BilanType;
  date: string;
  revueObjectifs: string;
  /** Withheld from roles without `sensibles.read`: the freins review speaks of health and justice freins too. */
  revueFreins: Withheld<string>;
  revueCompetences: string;
  parolesPersonne: string;
  prochainesEtapes: string;
  signePersonne: boolean;
  signeStructure: boolean;
}

/** What the accompaniment owes the person now (CEDRE commitments). */
export interface EcheancesView {
  /** Last day for a CER signed within the structure's delay; null before the first contract. */
  cerAttenduLe: string | null;
  /** The first signed CER was signed in time; null while none is signed. */
  cerSigneDansDelai: boolean | null;
  /** Next bilan due (null once the parcours has ended). */
  prochainBilan: string | null;
  bilanEnRetard: boolean;
}

export interface FormationView {
  id: string;
  intitule: string;
  organismeId: string | null;
  organisme: string | null;
  dateDebut: string;
  dateFin: string | null;
  heures: number | null;
  qualifiante: boolean;
}

export interface PmsmpView {
  id: string;
  dateDebut: string;
  dateFin: string | null;
  entreprise: string;
}

export interface ActionFreinView {
  id: string;
  typeFrein: import('./domain/freins').FreinType;
  date: string;
  prestataire: import('./domain/insertion').Prestataire;
  partenaireId: string | null;
  partenaire: string | null;
  description: string;
}

export interface SuiviView {
  echeanceMois: 1 | 3 | 6;
  date: string;
  situation: import('./domain/insertion').SituationSuivi;
  commentaire: string;
}

export interface PartenaireView {
  id: string;
  nom: string;
  type: import('./domain/insertion').PartenaireType;
  contact: string;
  /** How many parcours it took part in (trainings, support actions). */
  interventions: number;
}

export interface PartenaireIntervention {
  date: string;
  personneId: string;
  nom: string;
  prenom: string;
  dispositif: import('./siae').SiaeKind;
  /** "Formation : Permis B", "Action sur le frein « Manque de mobilité »"… */
  quoi: string;
}

export interface ParcoursView {
  id: string;
  personneId: string;
  dispositif: SiaeKind;
  dateDebut: string | null;
  referent: UserRef | null;
  contrats: ContratView[];
  heuresTotales: number;
  sortie: SortieView | null;
  /** Versions of the CER, latest first. */
  cer: CerView[];
  bilans: BilanView[];
  echeances: EcheancesView;
  formations: FormationView[];
  pmsmp: PmsmpView[];
  actionsFreins: ActionFreinView[];
  suivis: SuiviView[];
}

export interface ContratCheckView {
  bloquants: string[];
  avertissements: string[];
}

export interface MonthSaved {
  mois: string;
  entrees: number;
  heures: number;
  /** AI persons of this save at 90 % or more of the hours allowed with companies over 24 months (French sentences). */
  alertes480: string[];
}

export interface MonthLine {
  contratId: string;
  personneId: string;
  nom: string;
  prenom: string;
  dispositif: import('./siae').SiaeKind;
  contratType: import('./domain/insertion').ContratType;
  dateDebut: string;
  dateFin: string | null;
  /** The contract's weekly hours, when it states them: what the month's hours are checked against. */
  heuresHebdo: number | null;
  clientId: string | null;
  heures: number;
  /** The contract has hours entered by day this month: saving monthly totals would replace them. */
  saisieJournaliere: boolean;
}

export interface MonthGrid {
  mois: string;
  cloture: boolean;
  lignes: MonthLine[];
  /** H_ref in force this month, per dispositif (ETP of the month = hours × 12 ÷ H_ref). */
  hRef: Record<import('./siae').SiaeKind, number>;
}

export interface ClientView {
  id: string;
  nom: string;
  type: import('./domain/insertion').ClientType;
  siret: string;
  /** AI: placements with this client count towards the 480-hour cap (L5132-9 2°). */
  soumisPlafond480: boolean;
}

export interface CsvDocument {
  fileName: string;
  content: string;
}

export interface DueItem {
  personneId: string;
  nom: string;
  prenom: string;
  dispositif: import('./siae').SiaeKind;
  /** The date that matters: contract end, due date, window end. */
  date: string;
  detail: string;
}

export interface InsertionDueWork {
  /** Only the user's own parcours (as referent), or the whole structure. */
  perimetre: 'mes_parcours' | 'structure';
  bilansEnRetard: DueItem[];
  bilansAVenir: DueItem[];
  contratsFinProche: DueItem[];
  cerManquants: DueItem[];
  alertes480: DueItem[];
  moisNonClotures: string[];
}

export interface ParametreView {
  cle: import('./domain/parametres').CleParametre;
  /** Value in force today. */
  actuel: unknown;
  defaut: unknown;
  /** Dated rows, latest first. */
  historique: Array<{ valideDu: string; valeur: unknown; creePar: string | null; creeLe: string }>;
}

/**
 * The fiche salarié of a parcours (issue 15 §2): the situation at hire the ASP records. RQTH, OETH and AAH imply
 * health: `reserve` for a role without need-to-know (src-shared/domain/need-to-know.ts).
 */
export interface FicheSalarieView {
  id: string;
  parcoursId: string;
  niveauFormation: NiveauFormation | null;
  sansRessources: boolean;
  rqth: Withheld<boolean>;
  oeth: Withheld<boolean>;
  inscritFt: boolean;
  inscritFtDepuis: DureeInscription | null;
  sansEmploiDepuis: DureeInscription | null;
  rsa: RsaSituation | null;
  rsaDepuis: DureeInscription | null;
  ass: boolean;
  assDepuis: DureeInscription | null;
  aah: Withheld<boolean>;
  aahDepuis: Withheld<DureeInscription | null>;
  qpv: boolean;
  zrr: boolean;
  communeNaissance: string | null;
  paysNaissance: string | null;
  motifAbsenceNir: MotifAbsenceNir | null;
  /** Whether the person's NIR is known (the reason for its absence is asked only otherwise). */
  nirConnu: boolean;
  updatedAt: string;
}

/** One line of the ASP's monthly statement: a contract in a month (issue 15 §3). */
export interface EtatMensuelLigne {
  contratId: string;
  personneId: string;
  dispositif: import('./siae').SiaeKind;
  numeroPass: string | null;
  nom: string;
  prenom: string;
  dateNaissance: string;
  typeContrat: ContratType;
  debutContrat: string;
  finPrevue: string | null;
  heuresTravaillees: number;
  /** ACI only (null elsewhere, and when not entered yet). */
  heuresPayees: number | null;
  toujoursAccompagne: boolean;
  finReelleDansLeMois: string | null;
  dateSortie: string | null;
  motifSortie: Withheld<MotifSortie> | null;
}

/** The month's statement as the Extranet IAE 2.0 asks for it: by dispositif and annexe financière, then by person. */
export interface EtatMensuelView {
  mois: string;
  /** Validated: typed into the Extranet and closed, its hours no longer change. */
  valide: boolean;
  groupes: Array<{ dispositif: import('./siae').SiaeKind; annexeFinanciere: string; lignes: EtatMensuelLigne[] }>;
}
