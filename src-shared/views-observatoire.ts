/** What the observatoire, report and import screens receive from the main process. */
import type { IndicatorMap } from './observatoire/indicateurs';
import type { ObservatoirePart } from './observatoire/page-parts';
import type { ReportPayload } from './observatoire/report-format';
import type { MesureAsp } from './domain/annexes-financieres';
import type { SiaeKind } from './siae';

export interface ObservatoireYear {
  annee: number;
  dispositifs: SiaeKind[];
  /** The parts asked for (page-parts.ts), or every figure when none was named. */
  parties: ObservatoirePart[] | null;
  indicateurs: IndicatorMap;
  /** The same indicators for the two previous years, for comparison (none for the part `tout`). */
  precedents: Array<{ annee: number; indicateurs: IndicatorMap }>;
  /** Years that have data, newest first: the year selector's choices. */
  anneesDisponibles: number[];
  /** Ids hidden from this user (sensitive facts without `sensibles.read`). */
  masques: string[];
  /** Whether this user may open the list of persons behind a count. */
  detailAutorise: boolean;
  /** The lists of the families that split persons by a health or justice fact (need-to-know.ts) may be opened too. */
  detailSensibleAutorise: boolean;
}

export interface DrillDownPerson {
  personneId: string;
  nom: string;
  prenom: string;
  dispositif: SiaeKind | null;
  /** What puts this person in the count (a date, a motif…). */
  precision: string;
}

export interface DrillDown {
  id: string;
  libelle: string;
  personnes: DrillDownPerson[];
}

export interface SigningKeyInfo {
  kid: string;
  createdAt: string;
  createdByName: string | null;
  retiredAt: string | null;
}

export interface ReportPreviewView {
  payload: Omit<ReportPayload, 'documents'>;
  valeursReelles: IndicatorMap;
  cle: SigningKeyInfo | null;
}

export interface ProducedReportView {
  fileName: string;
  base64: string;
  sha256: string;
  kid: string;
}

export interface ReportHistoryView {
  seq: number;
  annee: number;
  fichier: string;
  genereLe: string;
  kid: string;
  sha256: string;
  signeParNom: string;
  chaineIntacte: boolean;
}

export interface VerificationView {
  valide: boolean;
  /** Signed with the thumbprint given (the structure's registered key); a valid report without it is only intact. */
  cleVerifiee: boolean;
  echecs: string[];
  kid: string | null;
  structure: { nom: string; siret: string; departement: string } | null;
  annee: number | null;
  genereLe: string | null;
  /** What the federation's register of member keys says of this report's key; null when no register is kept. */
  registre: string | null;
}

/** One key of a member in the federation's register (issue 17 §3). */
export interface MemberKeyView {
  id: string;
  siret: string;
  nom: string;
  kid: string;
  dateFiche: string;
  retireeLe: string | null;
}

/** One version of an annexe financière (the initial one or an avenant), as entered. */
export interface AnnexeVersionView {
  id: string;
  avenant: number;
  modification: number;
  /** The number as the ASP prints it (base number and AnMm suffix), or as typed for older annexes. */
  numeroComplet: string;
  dateDebut: string;
  dateFin: string;
  etpConventionnes: number | null;
  hRef: number | null;
  aideSocle: number | null;
  aideModulee: number | null;
}

/** An annexe financière with its versions and what was realised under it so far. */
export interface AnnexeView {
  id: string;
  numero: string;
  mesure: MesureAsp;
  kind: SiaeKind;
  /** A non-blocking doubt about the number (docs: les-emplois validate_af_number). */
  avertissement: string | null;
  /** Oldest first. */
  versions: AnnexeVersionView[];
  debut: string;
  fin: string;
  /** Over the annexe's period up to today: hours of its dispositif's contracts while it was in force. */
  realise: { heures: number; etpRealises: number; etpConventionnes: number | null; tauxRealisation: number | null };
}

export interface FileDownload {
  fileName: string;
  base64: string;
}

/** The federation's consolidation screen (issue 17 §3): each member's status, the totals, the network's benchmarks. */
export interface FederationConsolidationView {
  annee: number | null;
  membres: Array<{
    siret: string;
    nom: string;
    statut: 'recu' | 'refuse' | 'absent';
    detail: string;
    /** For a member received: the main figures where it stands in the network's lowest or highest quarter. */
    quartsExtremes: Array<{ id: string; libelle: string; quart: 'bas' | 'haut' }>;
  }>;
  refuses: Array<{ fichier: string; echecs: string[] }>;
  doublons: Array<{ fichier: string; memeQue: string }>;
  /** Département, dispositif and network totals, for the main figures. */
  totaux: Array<{ niveau: 'departement' | 'dispositif' | 'ensemble'; libelle: string; valeurs: Record<string, number | null>; masques: string[] }>;
  colonnesPrincipales: Array<{ id: string; libelle: string }>;
  /** Quartiles of the structures' values, only where at least 5 structures contribute. */
  reperes: Array<{ id: string; libelle: string; n: number; q1: number; mediane: number; q3: number }>;
  /** The same repères, signed by the federation, for its members' observatoire (issue 17 §4); or why there is none. */
  reperesFichier: { fichier: FileDownload | null; message: string | null };
  xlsx: FileDownload;
  csv: FileDownload;
}
