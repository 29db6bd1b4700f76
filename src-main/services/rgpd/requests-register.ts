/**
 * The register of data-protection requests (domain-reference §6.3.7): each request with its one-month deadline and
 * its answer. An erasure request is carried out here, within what the law allows: everything for a person never
 * hired (or whose last contract ended more than 5 years ago); the accompaniment's free texts only while labour law
 * still requires the HR data; nothing while a parcours is open.
 */
import type Database from 'better-sqlite3';
import { addMonths, addYears, formatISO } from 'date-fns';
import { AppError } from '../../../src-shared/errors';
import { shortFrenchDate, toIsoDate, parseIsoDate } from '../../../src-shared/rules/dates';
import type { ErasureCheck, RgpdRequestStatus, RgpdRequestType, RgpdRequestView } from '../../../src-shared/rgpd-requests';
import type { RgpdAnswerInput, RgpdRequestInput } from '../../../src-shared/schemas/rgpd';
import { uuidv7 } from '../../lib/uuid';
import type { AuditLog } from '../audit/audit-log';
import { anonymisePerson, eraseAccompanimentTexts } from './erasure';

/** Labour law: the HR file of an employee is kept 5 years after their departure (domain-reference §6.1). */
const HR_RETENTION_YEARS = 5;

interface RequestRow {
  id: string;
  personne_id: string | null;
  nom: string | null;
  prenom: string | null;
  type: RgpdRequestType;
  recue_le: string;
  demandeur: string;
  objet: string;
  echeance: string;
  statut: RgpdRequestStatus;
  reponse_le: string | null;
  reponse: string;
  traitee_par_nom: string | null;
}

export class RgpdRequestsService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly audit: AuditLog,
  ) {}

  list(today: string): RgpdRequestView[] {
    const rows = this.sqlite
      .prepare(
        `select d.*, p.nom, p.prenom, u.display_name as traitee_par_nom
           from demandes_rgpd d left join personnes p on p.id = d.personne_id left join users u on u.id = d.traitee_par
          order by d.recue_le desc, d.created_at desc`,
      )
      .all() as RequestRow[];
    return rows.map((r) => ({
      id: r.id,
      personneId: r.personne_id,
      personne: r.personne_id ? [r.nom, r.prenom].filter(Boolean).join(' ') : null,
      type: r.type,
      recueLe: r.recue_le,
      demandeur: r.demandeur,
      objet: r.objet,
      echeance: r.echeance,
      statut: r.statut,
      enRetard: r.statut === 'en_cours' && r.echeance < today,
      reponseLe: r.reponse_le,
      reponse: r.reponse,
      traiteeParNom: r.traitee_par_nom,
    }));
  }

  /** Records a request (or corrects one still open). The deadline is one month after receipt. */
  save(input: RgpdRequestInput, now: Date, userId: string): string {
    if (input.personneId && !this.sqlite.prepare('select 1 from personnes where id = ?').get(input.personneId)) {
      throw new AppError('VALIDATION', 'Cette personne n’existe pas.', { personneId: 'Personne inconnue.' });
    }
    if (input.recueLe > toIsoDate(now)) throw new AppError('VALIDATION', 'La date de réception ne peut pas être dans le futur.', { recueLe: 'Date future.' });
    const at = formatISO(now);
    const echeance = toIsoDate(addMonths(parseIsoDate(input.recueLe), 1));
    if (input.id) {
      const current = this.sqlite.prepare('select statut from demandes_rgpd where id = ?').get(input.id) as { statut: string } | undefined;
      if (!current) throw new AppError('NOT_FOUND', 'Cette demande n’existe plus.');
      if (current.statut !== 'en_cours') throw new AppError('CONFLICT', 'Une demande qui a reçu sa réponse ne se modifie plus : enregistrez une nouvelle demande.');
      this.sqlite
        .prepare('update demandes_rgpd set personne_id = ?, type = ?, recue_le = ?, demandeur = ?, objet = ?, echeance = ?, updated_at = ? where id = ?')
        .run(input.personneId, input.type, input.recueLe, input.demandeur, input.objet, echeance, at, input.id);
      return input.id;
    }
    const id = uuidv7(now.getTime());
    this.sqlite
      .prepare(
        `insert into demandes_rgpd (id, personne_id, type, recue_le, demandeur, objet, echeance, statut, traitee_par, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, 'en_cours', ?, ?, ?)`,
      )
      .run(id, input.personneId, input.type, input.recueLe, input.demandeur, input.objet, echeance, userId, at, at);
    return id;
  }

  erasureCheck(personneId: string, today: string): ErasureCheck {
    const person = this.sqlite.prepare('select anonymise_le from personnes where id = ?').get(personneId) as { anonymise_le: string | null } | undefined;
    if (!person) throw new AppError('NOT_FOUND', 'Cette personne n’existe pas.');
    if (person.anonymise_le) return { etendue: 'aucune', motif: 'Ce dossier est déjà anonymisé : il ne contient plus de données personnelles.', conserverJusquAu: null };
    const open = this.sqlite.prepare('select 1 from parcours where personne_id = ? and date_debut is not null and date_sortie is null').get(personneId);
    if (open) {
      return {
        etendue: 'aucune',
        motif: 'Un parcours est en cours : ses données servent au contrat de travail et à l’accompagnement. L’effacement sera possible après la sortie.',
        conserverJusquAu: null,
      };
    }
    const lastContract = this.sqlite
      .prepare(
        `select max(coalesce(c.date_fin_reelle, c.date_fin_prevue, c.date_debut)) from contrats c join parcours p on p.id = c.parcours_id where p.personne_id = ?`,
      )
      .pluck()
      .get(personneId) as string | null;
    if (lastContract) {
      const keepUntil = toIsoDate(addYears(parseIsoDate(lastContract), HR_RETENTION_YEARS));
      if (keepUntil > today) {
        return {
          etendue: 'partielle',
          motif: `Ancien·ne salarié·e : l’identité, les contrats et les heures restent conservés jusqu’au ${shortFrenchDate(keepUntil)} (obligation légale, ${HR_RETENTION_YEARS} ans après le dernier contrat) ; les textes de l’accompagnement (souhaits, freins, CER, bilans, suivis) sont effacés.`,
          conserverJusquAu: keepUntil,
        };
      }
    }
    return { etendue: 'totale', motif: 'Aucune obligation légale ne retient ces données : le dossier est anonymisé (les statistiques des années passées ne changent pas).', conserverJusquAu: null };
  }

  /**
   * Closes a request with its answer. With `effacer` on an erasure request, erases what the law allows now and sets
   * the answer to match (all of it: satisfied; the accompaniment only: in part). Runs in the caller's transaction.
   */
  answer(input: RgpdAnswerInput, now: Date, user: { id: string; login: string }): void {
    const row = this.sqlite.prepare('select type, personne_id, statut from demandes_rgpd where id = ?').get(input.id) as
      | { type: RgpdRequestType; personne_id: string | null; statut: RgpdRequestStatus }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Cette demande n’existe plus.');
    if (row.statut !== 'en_cours') throw new AppError('CONFLICT', 'Cette demande a déjà reçu sa réponse.');
    const at = formatISO(now);
    let statut: RgpdRequestStatus = input.statut;
    if (input.effacer) {
      if (row.type !== 'effacement' || !row.personne_id) {
        throw new AppError('VALIDATION', 'Seule une demande d’effacement liée à un dossier peut effacer des données.', { effacer: 'Pas une demande d’effacement.' });
      }
      const check = this.erasureCheck(row.personne_id, toIsoDate(now));
      if (check.etendue === 'aucune') throw new AppError('VALIDATION', check.motif, { effacer: check.motif });
      if (check.etendue === 'totale') anonymisePerson(this.sqlite, row.personne_id, at);
      else eraseAccompanimentTexts(this.sqlite, row.personne_id);
      statut = check.etendue === 'totale' ? 'acceptee' : 'partielle';
      this.audit.append({ at, userId: user.id, userLogin: user.login, action: 'delete', route: 'rgpd.repondreDemande', entity: 'personne', entityId: row.personne_id, detail: { effacement: check.etendue } });
    }
    this.sqlite
      .prepare('update demandes_rgpd set statut = ?, reponse = ?, reponse_le = ?, traitee_par = ?, updated_at = ? where id = ?')
      .run(statut, input.reponse, toIsoDate(now), user.id, at, input.id);
  }
}
