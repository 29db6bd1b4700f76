/** Shapes the main process returns to the renderer (route outputs). Plain data, no methods. */
import type { Role } from './roles';
import type { SiaeKind } from './siae';
import type { SecuritySettings } from './schemas/settings';

export interface BackupSummary {
  file: string;
  createdAt: string;
  sizeBytes: number;
}

export interface BackupView extends BackupSummary {
  /** quotidienne, fermeture, manuelle, avant-migration, avant-restauration… */
  reason: string;
}

export type SystemStatus =
  /** `structure`: already created by an import into a new file; the wizard then only asks for what is missing. */
  | { state: 'setup'; appVersion: string; structure: StructureView | null }
  /** `demonstration`: the fictitious demo structure, whose accounts the login screen names. */
  | { state: 'ready'; appVersion: string; structureName: string; demonstration: boolean }
  | { state: 'damaged'; appVersion: string; message: string; latestBackup: BackupSummary | null }
  /** The data is encrypted and this PC cannot open it alone: the recovery key (`canUnlock`) or a backup with its key. */
  | { state: 'locked'; appVersion: string; message: string; canUnlock: boolean };

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  isAdmin: boolean;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  token: string;
  user: SessionUser;
  locked: boolean;
  idleLockMinutes: number;
}

export interface UserView {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  isAdmin: boolean;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface StructureView {
  nom: string;
  siret: string;
  departement: string;
  adresse: string;
  codePostal: string;
  commune: string;
  dispositifs: SiaeKind[];
  createdAt: string;
}

export type { SecuritySettings };

/** Where and how often the latest backup is copied to another disk (a USB key). */
export interface ExternalCopySettings {
  dossier: string | null;
  frequence: 'jamais' | 'quotidienne' | 'hebdomadaire';
}

export interface ExternalCopyStatus extends ExternalCopySettings {
  derniereCopie: string | null;
  derniereTentative: string | null;
  /** Why the latest attempt failed (the key was absent…), until a copy succeeds. */
  dernierEchec: string | null;
}

export interface AuditRetention {
  /** Entries older than this are purged (CNIL: a limited period; 12 months by default). */
  conservationMois: number;
}

export interface AuditJournalQuery {
  du: string | null;
  au: string | null;
  utilisateur: string | null;
  action: string | null;
  objet: string | null;
  enregistrement: string | null;
  offset: number;
  limit: number;
}

export interface AuditJournalRow {
  seq: number;
  at: string;
  utilisateur: string | null;
  /** The account's name, when the login is still known. */
  utilisateurNom: string | null;
  action: string;
  route: string;
  objet: string | null;
  /** What the object is, in French. */
  objetLibelle: string;
  enregistrement: string | null;
  /** The person or account the record is about, by name, when it can be told. */
  enregistrementLibelle: string | null;
  detail: string | null;
}

export interface AuditJournalPage {
  lignes: AuditJournalRow[];
  total: number;
  chaineIntacte: boolean;
  premiereLigneAlteree: number | null;
  dernierePurge: { at: string; avant: string; lignes: number } | null;
  conservation: AuditRetention;
}

/** One anchor of the audit chain (src-main/services/audit/audit-anchors.ts) checked against the journal. */
export interface AnchorCheckView {
  /** Where it was found: the backups folder, the USB copy folder. */
  source: string;
  /** When it was signed (ISO), null when it could not be read. */
  date: string | null;
  /** The journal line it attests. */
  ligne: number | null;
  statut: 'conforme' | 'modifiee' | 'supprimee' | 'purgee' | 'invalide';
  message: string;
}

export interface AnchorReport {
  verifiees: AnchorCheckView[];
  /** Since which anchor the journal is no longer what was attested; null when every anchor agrees. */
  conclusion: string | null;
}

/** Retention periods of RGPD (domain-reference §6.2), in months after the last activity; the notice in days. */
export interface RetentionSettings {
  nonEmbaucheMois: number;
  accompagnementMois: number;
  preavisJours: number;
}

export interface RetentionDue {
  personneId: string;
  nom: string;
  prenom: string;
  motif: 'non_embauche' | 'fin_accompagnement';
  derniereActivite: string;
  echeance: string;
  /** The period has ended (otherwise it ends within the notice: the person may be told). */
  echue: boolean;
}

export interface QualityRegisters {
  actions: Array<{ id: string; intitule: string; origine: string; responsable: string; indicateur: string; dateOuverture: string; echeance: string | null; dateCloture: string | null; resultat: string }>;
  reclamations: Array<{ id: string; date: string; origine: string; objet: string; traitement: string; dateCloture: string | null }>;
  besoins: Array<{ id: string; date: string; nature: string; description: string }>;
  satisfaction: Array<{ id: string; date: string; public: string; note: number; commentaire: string }>;
  /** The end of the current certification (latest audit that set one), for the renewal reminder; null if none. */
  certifieJusquAu: string | null;
}

/** Encryption at rest, for the backups screen. */
export interface EncryptionStatusView {
  chiffrement: string;
  identifiantCle: string;
  /** safeStorage (the Windows account), the development key file, or null (recovery key at each start). */
  protection: 'safeStorage' | 'fichier-developpement' | null;
  avertissement: string | null;
  feuilleConfirmeeLe: string | null;
  /** A recovery key waits to be printed and confirmed by an administrator. */
  feuilleAImprimer: boolean;
  /**
   * The key waiting for confirmation was made before the app was last started: its sheet may be printed already and
   * can be confirmed; printing a new sheet replaces that key.
   */
  feuilleDUnDemarragePrecedent: boolean;
}

export interface RecoverySheetView {
  cle: string;
  pdf: { fileName: string; base64: string };
}
