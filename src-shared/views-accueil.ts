/** Route outputs of the mission accueil. Sensitive fields are already removed for roles that may not see them. */
import type { Withheld } from './domain/need-to-know';
import type { Decision } from './domain/accueil';
import type { Civilite, Orienteur } from './domain/asp-codes';
import type { PersonneFields } from './schemas/personne';
import type { Critere } from './domain/criteres';
import type { MotifProlongation, MotifSuspension, PassStatut } from './domain/pass-iae';
import type { Role } from './roles';
import type { AuteurDiagnostic, StatutJustificatif, ValiditesJustificatifs } from './rules/eligibility';
import type { DatedValues } from './domain/parametres';
import type { z } from 'zod';
import type { saveCompetenceInputSchema, saveFreinInputSchema, savePassInputSchema } from './schemas/diagnostic';
import type { decideAccueilInputSchema, updateAccueilInputSchema } from './schemas/personne';
import type { SiaeKind } from './siae';

export interface PersonneSearchHit {
  id: string;
  nom: string;
  prenom: string;
  dateNaissance: string;
  identifiantFt: string | null;
  passNumeros: string[];
}

export interface PersonneListRow {
  id: string;
  civilite: Civilite;
  nom: string;
  prenom: string;
  dateNaissance: string;
  datePremierContact: string | null;
  decision: Decision | null;
  dispositif: SiaeKind | null;
  referent: string | null;
}

export interface PersonneListPage {
  rows: PersonneListRow[];
  total: number;
}

export interface DuplicateHit {
  id: string;
  nom: string;
  prenom: string;
  dateNaissance: string;
  commune: string;
}

/**
 * A person's file header: the form's fields (derived from its schema, issue 18 §3), with the NIR and the orienteur as
 * the reader's role may see them.
 */
export type PersonneView = Omit<PersonneFields, 'nir' | 'orienteur'> & {
  id: string;
  /** null when empty or when the role may not see it (see `droits.nir`). */
  nir: string | null;
  /** Withheld whole from roles without `sensibles.read` (need-to-know.ts): Cap emploi, SPIP and PJJ tell too much. */
  orienteur: Withheld<Orienteur | null>;
  createdAt: string;
};

export interface UserRef {
  id: string;
  displayName: string;
}

/** What the intake forms save (the first contact with its follow-up, and the decision): one source for its fields. */
export type IntakeFormFields = Omit<z.output<typeof updateAccueilInputSchema> & z.output<typeof decideAccueilInputSchema>, 'id'>;

/** An intake as the screens show it: the forms' fields, the accounts named. */
export type AccueilView = Omit<IntakeFormFields, 'offrePresenteePar' | 'referentId'> & {
  id: string;
  offrePresenteePar: UserRef | null;
  referent: UserRef | null;
};

/** A frein as its form saves it (saveFreinInputSchema); its level among the three the form offers. */
export type FreinView = Omit<z.output<typeof saveFreinInputSchema>, 'id' | 'personneId' | 'niveau'> & { id: string; niveau: 1 | 2 | 3 };

/** A skill as its form saves it (saveCompetenceInputSchema); its level among the four the form offers. */
export type CompetenceView = Omit<z.output<typeof saveCompetenceInputSchema>, 'id' | 'personneId' | 'niveau'> & { id: string; niveau: 1 | 2 | 3 | 4 };

export interface DiagnosticView {
  id: string;
  date: string;
  auteur: AuteurDiagnostic;
  prescripteur: string;
  dispositif: SiaeKind;
  valableJusquau: string;
  eligible: boolean;
  problemes: string[];
  /** Proofs to complete, measured at the hire the diagnostic led to (rules/eligibility.ts). */
  avertissements: string[];
  /** The hire proofs are measured against; null before any. */
  dateEmbauche: string | null;
  criteres: Array<{
    critere: Critere;
    typeJustificatif: string;
    dateJustificatif: string | null;
    dateFinValidite: string | null;
    statut: StatutJustificatif;
    valableJusquau: string | null;
  }>;
}

/** A PASS IAE as its form saves it (savePassInputSchema), with its computed end, status and periods. */
export type PassView = Omit<z.output<typeof savePassInputSchema>, 'id' | 'personneId'> & {
  id: string;
  finCalculee: string;
  statut: PassStatut;
  /** Ends within 3 months. */
  alerte: boolean;
  /** Opened within 2 years of the previous PASS's expiry: only an authorised prescriber may do so (rules/pass-iae.ts). */
  carence: string | null;
  suspensions: Array<{ id: string; dateDebut: string; dateFin: string; motif: MotifSuspension }>;
  prolongations: Array<{ id: string; dateDebut: string; dateFin: string; motif: Withheld<MotifProlongation> }>;
};

export interface DroitsDossier {
  personnesWrite: boolean;
  accueilRead: boolean;
  accueilWrite: boolean;
  diagnosticWrite: boolean;
  passWrite: boolean;
  sensibles: boolean;
  nir: boolean;
}

export interface PersonneFile {
  personne: PersonneView;
  competences: CompetenceView[];
  /** null for roles without `accueil.read` (the encadrant technique sees work-related data only). */
  accueils: AccueilView[] | null;
  freins: FreinView[] | null;
  diagnostics: DiagnosticView[] | null;
  pass: PassView[] | null;
  /**
   * The proofs' validity months and their dated changes, for the diagnostic form's preview (null with `accueils`);
   * without need to know, the health and justice criteria are left out.
   */
  validitesJustificatifs: DatedValues<Partial<ValiditesJustificatifs>> | null;
  droits: DroitsDossier;
}

export interface ReferentOption {
  id: string;
  displayName: string;
  role: Role;
}

export interface PdfDocument {
  fileName: string;
  base64: string;
}

export interface PassAlert {
  personneId: string;
  nom: string;
  prenom: string;
  numero: string;
  finCalculee: string;
}

/** A person hired on a structure's diagnostic whose proofs must be completed before a contrôle a posteriori. */
export interface JustificatifsACompleter {
  personneId: string;
  nom: string;
  prenom: string;
  dateEmbauche: string;
  problemes: string[];
}

export interface AccueilAlerts {
  passFinProche: PassAlert[];
  enAttente: number;
  justificatifsACompleter: JustificatifsACompleter[];
}
