/**
 * The contract between renderer and main process: every route's name, its input schema (zod, also used by the
 * forms) and its output type. The main process binds a handler and a permission to each (src-main/routes.ts); the
 * renderer calls them through `api` (src-renderer/api.ts) over IPC or HTTP.
 */
import { emptyInput, idInput } from './schemas/common';
import { setupInputSchema } from './schemas/setup';
import { changePasswordInputSchema, loginInputSchema, unlockInputSchema } from './schemas/auth';
import { createUserInputSchema, resetPasswordInputSchema, updateUserInputSchema } from './schemas/users';
import { securitySettingsSchema } from './schemas/settings';
import type { AnchorReport, AuditJournalPage, BackupView, EncryptionStatusView, RecoverySheetView, ExternalCopyStatus, QualityRegisters, RetentionDue, RetentionSettings, SecuritySettings, SessionInfo, StructureView, SystemStatus, UserView } from './views';
import type { z } from 'zod';
import { externalCopyInputSchema, restoreBackupInputSchema } from './schemas/backups';
import { rgpdAnswerInputSchema, rgpdRequestInputSchema } from './schemas/rgpd';
import type { ErasureCheck, RgpdRequestView } from './rgpd-requests';
import { attachFileInputSchema, registerListInputSchema, registerSaveInputSchema, registerToActionInputSchema } from './qualite/register-schema';
import type { ManualFileView, RegisterRow } from './qualite/registers';
import type { SelfAssessmentView } from './qualite/grid';
import type { QuestionnaireResults, QuestionnaireView } from './qualite/questionnaires';
import { auditPackInputSchema, gridImportInputSchema, selfRatingInputSchema } from './schemas/auto-evaluation';
import { kioskAnswerInputSchema, questionnaireInputSchema, resultsInputSchema } from './schemas/questionnaires';
import { recoveryKeyInputSchema, replaceRecoveryKeyInputSchema, restoreFromFileInputSchema } from './schemas/securite';
import { auditRetentionInputSchema, auditSearchInputSchema } from './schemas/audit';
import { actionInputSchema, besoinInputSchema, reclamationInputSchema, satisfactionInputSchema } from './schemas/qualite';
import {
  createAccueilInputSchema,
  createPersonneInputSchema,
  decideAccueilInputSchema,
  duplicatesInputSchema,
  listPersonnesInputSchema,
  searchInputSchema,
  updateAccueilInputSchema,
  updatePersonneInputSchema,
} from './schemas/personne';
import {
  addProlongationInputSchema,
  addSuspensionInputSchema,
  deleteInputSchema,
  offreInsertionSchema,
  saveCompetenceInputSchema,
  saveEligibiliteInputSchema,
  saveFreinInputSchema,
  savePassInputSchema,
  type OffreInsertion,
} from './schemas/diagnostic';
import { ficheOfParcoursInputSchema, ficheSalarieInputSchema } from './schemas/fiche-salarie';
import { paidHoursInputSchema } from './schemas/insertion';
import { bilanDocumentInputSchema, deleteParcoursEntryInputSchema, parcoursIdInputSchema, actionFreinInputSchema, formationInputSchema, partenaireInputSchema, pmsmpInputSchema, suiviInputSchema, bilanInputSchema, cerInputSchema, clientInputSchema, monthInputSchema, closeMonthInputSchema, contratInputSchema, openParcoursInputSchema, parcoursOfPersonneInputSchema, saveMonthInputSchema, sortieInputSchema } from './schemas/insertion';
import { addParametreInputSchema } from './schemas/parametres';
import { annexeInputSchema, annexeVersionDeleteInputSchema } from './schemas/annexes-financieres';
import { anonymiseInputSchema, retentionSettingsInputSchema, drillDownInputSchema, observatoireYearInputSchema, importInputSchema, verifyInputSchema, yearInputSchema } from './schemas/observatoire';
import { federationConsolidationInputSchema, memberKeyInputSchema, reperesImportInputSchema } from './schemas/federation';
import type { ReperesView } from './observatoire/reperes-format';
import type { FederationConsolidationView, MemberKeyView, AnnexeView, DrillDown, FileDownload, ObservatoireYear, ProducedReportView, ReportHistoryView, ReportPreviewView, SigningKeyInfo, VerificationView } from './views-observatoire';
import type { ImportReport } from './import-format';
import type { EtatMensuelView, FicheSalarieView, PartenaireIntervention, ParametreView, PartenaireView, InsertionDueWork, ClientView, ContratCheckView, CsvDocument, MonthGrid, MonthSaved, ParcoursView } from './views-insertion';
import type { AccueilAlerts, DuplicateHit, PdfDocument, PersonneFile, PersonneListPage, PersonneSearchHit, ReferentOption } from './views-accueil';

interface RouteContract<I extends z.ZodType, O> {
  input: I;
  /** Type-only marker of the output; never set at run time. */
  output?: O;
}

function route<O>() {
  return <I extends z.ZodType>(input: I): RouteContract<I, O> => ({ input });
}

export const contract = {
  'system.status': route<SystemStatus>()(emptyInput),
  'system.restoreLatestBackup': route<SystemStatus>()(emptyInput),
  'system.unlockData': route<SystemStatus>()(recoveryKeyInputSchema),
  'system.restoreFromFile': route<SystemStatus>()(restoreFromFileInputSchema),
  'securite.status': route<EncryptionStatusView>()(emptyInput),
  'securite.recoverySheet': route<RecoverySheetView>()(emptyInput),
  'securite.confirmRecoverySheet': route<EncryptionStatusView>()(recoveryKeyInputSchema),
  'securite.replaceRecoveryKey': route<EncryptionStatusView>()(replaceRecoveryKeyInputSchema),
  'setup.complete': route<SessionInfo>()(setupInputSchema),
  'setup.demo': route<SystemStatus>()(emptyInput),
  'auth.login': route<SessionInfo>()(loginInputSchema),
  'auth.session': route<SessionInfo | null>()(emptyInput),
  'auth.unlock': route<SessionInfo>()(unlockInputSchema),
  'auth.lock': route<null>()(emptyInput),
  'auth.logout': route<null>()(emptyInput),
  'auth.changePassword': route<SessionInfo>()(changePasswordInputSchema),
  'structure.get': route<StructureView>()(emptyInput),
  'users.list': route<UserView[]>()(emptyInput),
  'users.create': route<UserView>()(createUserInputSchema),
  'users.update': route<UserView>()(updateUserInputSchema),
  'users.resetPassword': route<UserView>()(resetPasswordInputSchema),
  'users.unlock': route<UserView>()(idInput),
  'settings.getSecurity': route<SecuritySettings>()(emptyInput),
  'settings.updateSecurity': route<SecuritySettings>()(securitySettingsSchema),
  'backups.list': route<BackupView[]>()(emptyInput),
  'backups.create': route<BackupView[]>()(emptyInput),
  'backups.restore': route<SystemStatus>()(restoreBackupInputSchema),
  'audit.search': route<AuditJournalPage>()(auditSearchInputSchema),
  /** The audit chain against its signed anchors beside the backups and their USB copies (issue 20 §5). */
  'audit.ancres': route<AnchorReport>()(emptyInput),
  'audit.setRetention': route<AuditJournalPage>()(auditRetentionInputSchema),
  'audit.purge': route<AuditJournalPage>()(emptyInput),
  'backups.externalStatus': route<ExternalCopyStatus>()(emptyInput),
  'backups.configureExternal': route<ExternalCopyStatus>()(externalCopyInputSchema),
  'backups.copyExternal': route<ExternalCopyStatus>()(emptyInput),

  // Mission accueil
  'referents.list': route<ReferentOption[]>()(emptyInput),
  'personnes.search': route<PersonneSearchHit[]>()(searchInputSchema),
  'personnes.list': route<PersonneListPage>()(listPersonnesInputSchema),
  'personnes.duplicates': route<DuplicateHit[]>()(duplicatesInputSchema),
  'personnes.create': route<PersonneFile>()(createPersonneInputSchema),
  'personnes.get': route<PersonneFile>()(idInput),
  'personnes.update': route<PersonneFile>()(updatePersonneInputSchema),
  'accueils.create': route<PersonneFile>()(createAccueilInputSchema),
  'accueils.update': route<PersonneFile>()(updateAccueilInputSchema),
  'accueils.decide': route<PersonneFile>()(decideAccueilInputSchema),
  'accueils.alerts': route<AccueilAlerts>()(emptyInput),
  'freins.save': route<PersonneFile>()(saveFreinInputSchema),
  'freins.delete': route<PersonneFile>()(deleteInputSchema),
  'competences.save': route<PersonneFile>()(saveCompetenceInputSchema),
  'competences.delete': route<PersonneFile>()(deleteInputSchema),
  'eligibilite.save': route<PersonneFile>()(saveEligibiliteInputSchema),
  'eligibilite.delete': route<PersonneFile>()(deleteInputSchema),
  'pass.save': route<PersonneFile>()(savePassInputSchema),
  'pass.addSuspension': route<PersonneFile>()(addSuspensionInputSchema),
  'pass.addProlongation': route<PersonneFile>()(addProlongationInputSchema),
  'offre.get': route<OffreInsertion>()(emptyInput),
  'offre.update': route<OffreInsertion>()(offreInsertionSchema),
  'documents.intake': route<PdfDocument>()(idInput),
  'documents.notice': route<PdfDocument>()(emptyInput),
  'documents.livret': route<PdfDocument>()(emptyInput),

  // Mission insertion
  'parcours.ofPersonne': route<ParcoursView[]>()(parcoursOfPersonneInputSchema),
  'parcours.open': route<ParcoursView[]>()(openParcoursInputSchema),
  'contrats.check': route<ContratCheckView>()(contratInputSchema),
  'contrats.save': route<ParcoursView[]>()(contratInputSchema),
  'sorties.save': route<ParcoursView[]>()(sortieInputSchema),
  'etatMensuel.get': route<EtatMensuelView>()(monthInputSchema),
  'etatMensuel.savePayees': route<EtatMensuelView>()(paidHoursInputSchema),
  'fiches.get': route<FicheSalarieView>()(ficheOfParcoursInputSchema),
  'fiches.save': route<FicheSalarieView>()(ficheSalarieInputSchema),
  'heures.saveMonth': route<MonthSaved>()(saveMonthInputSchema),
  'heures.closeMonth': route<null>()(closeMonthInputSchema),
  'heures.month': route<MonthGrid>()(monthInputSchema),
  'heures.exportMonth': route<CsvDocument>()(monthInputSchema),
  'clients.list': route<ClientView[]>()(emptyInput),
  'clients.save': route<ClientView[]>()(clientInputSchema),
  'cer.save': route<ParcoursView[]>()(cerInputSchema),
  'insertion.dueWork': route<InsertionDueWork>()(emptyInput),
  'bilans.save': route<ParcoursView[]>()(bilanInputSchema),
  'formations.save': route<ParcoursView[]>()(formationInputSchema),
  'pmsmp.save': route<ParcoursView[]>()(pmsmpInputSchema),
  'actionsFreins.save': route<ParcoursView[]>()(actionFreinInputSchema),
  'suivis.save': route<ParcoursView[]>()(suiviInputSchema),
  'parcours.deleteEntry': route<ParcoursView[]>()(deleteParcoursEntryInputSchema),
  'partenaires.list': route<PartenaireView[]>()(emptyInput),
  'partenaires.save': route<PartenaireView[]>()(partenaireInputSchema),
  'partenaires.interventions': route<PartenaireIntervention[]>()(idInput),
  'parametres.list': route<ParametreView[]>()(emptyInput),
  'parametres.add': route<ParametreView[]>()(addParametreInputSchema),
  'observatoire.year': route<ObservatoireYear>()(observatoireYearInputSchema),
  'observatoire.detail': route<DrillDown>()(drillDownInputSchema),
  'annexes.list': route<AnnexeView[]>()(emptyInput),
  'annexes.save': route<AnnexeView[]>()(annexeInputSchema),
  'annexes.deleteVersion': route<AnnexeView[]>()(annexeVersionDeleteInputSchema),
  'rapports.preview': route<ReportPreviewView>()(yearInputSchema),
  'rapports.produce': route<ProducedReportView>()(yearInputSchema),
  'rapports.history': route<ReportHistoryView[]>()(emptyInput),
  'rapports.verify': route<VerificationView>()(verifyInputSchema),
  'federation.membres': route<MemberKeyView[]>()(emptyInput),
  'federation.enregistrerMembre': route<MemberKeyView[]>()(memberKeyInputSchema),
  'federation.retirerMembre': route<MemberKeyView[]>()(idInput),
  'federation.consolider': route<FederationConsolidationView>()(federationConsolidationInputSchema),
  'reperes.get': route<ReperesView | null>()(emptyInput),
  'reperes.import': route<ReperesView>()(reperesImportInputSchema),
  'cles.list': route<SigningKeyInfo[]>()(emptyInput),
  'cles.create': route<SigningKeyInfo[]>()(emptyInput),
  'cles.rotate': route<SigningKeyInfo[]>()(emptyInput),
  'cles.fiche': route<PdfDocument>()(emptyInput),
  'rgpd.access': route<FileDownload>()(idInput),
  'rgpd.review': route<RetentionDue[]>()(emptyInput),
  'rgpd.settings': route<RetentionSettings>()(emptyInput),
  'rgpd.setSettings': route<RetentionSettings>()(retentionSettingsInputSchema),
  'qualite.registres': route<QualityRegisters>()(emptyInput),
  'qualite.saveAction': route<QualityRegisters>()(actionInputSchema),
  'qualite.saveReclamation': route<QualityRegisters>()(reclamationInputSchema),
  'qualite.addBesoin': route<QualityRegisters>()(besoinInputSchema),
  'qualite.addSatisfaction': route<QualityRegisters>()(satisfactionInputSchema),
  'rgpd.anonymise': route<RetentionDue[]>()(anonymiseInputSchema),
  'qualite.registre': route<RegisterRow[]>()(registerListInputSchema),
  'qualite.saveRegistre': route<RegisterRow[]>()(registerSaveInputSchema),
  'qualite.registreVersAction': route<null>()(registerToActionInputSchema),
  'qualite.fichiersDocument': route<ManualFileView[]>()(idInput),
  'qualite.joindreFichier': route<ManualFileView[]>()(attachFileInputSchema),
  'qualite.telechargerFichier': route<FileDownload & { mime: string }>()(idInput),
  'qualite.autoEvaluation': route<SelfAssessmentView>()(yearInputSchema),
  'qualite.noterExigence': route<SelfAssessmentView>()(selfRatingInputSchema),
  'qualite.exporterGrille': route<FileDownload>()(emptyInput),
  'qualite.importerGrille': route<SelfAssessmentView>()(gridImportInputSchema),
  'qualite.dossierAudit': route<FileDownload>()(auditPackInputSchema),
  'questionnaires.list': route<QuestionnaireView[]>()(emptyInput),
  'questionnaires.save': route<QuestionnaireView[]>()(questionnaireInputSchema),
  'questionnaires.results': route<QuestionnaireResults>()(resultsInputSchema),
  'borne.ouvrir': route<QuestionnaireView>()(idInput),
  'borne.repondre': route<null>()(kioskAnswerInputSchema),
  'rgpd.demandes': route<RgpdRequestView[]>()(emptyInput),
  'rgpd.saveDemande': route<RgpdRequestView[]>()(rgpdRequestInputSchema),
  'rgpd.repondreDemande': route<RgpdRequestView[]>()(rgpdAnswerInputSchema),
  'rgpd.verifierEffacement': route<ErasureCheck>()(idInput),
  'import.run': route<ImportReport>()(importInputSchema),
  'import.template': route<FileDownload>()(emptyInput),
  'import.export': route<FileDownload>()(emptyInput),
  'documents.cer': route<PdfDocument>()(parcoursIdInputSchema),
  'documents.bilan': route<PdfDocument>()(bilanDocumentInputSchema),
} as const;

export type Contract = typeof contract;
export type RouteName = keyof Contract;
export const ROUTE_NAMES = Object.keys(contract) as RouteName[];

export type RouteInput<R extends RouteName> = z.input<Contract[R]['input']>;
export type ParsedInput<R extends RouteName> = z.output<Contract[R]['input']>;
export type RouteOutput<R extends RouteName> = Exclude<Contract[R]['output'], undefined>;
