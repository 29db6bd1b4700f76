/**
 * The ASP's monthly statement (état mensuel individualisé, issue 15 §3): one line per contract, annexe financière
 * and month (pilotage-airflow `fluxIAE_EtatMensuelIndiv`), every contract running during the month **with 0 hours
 * too** (an exit must never be missing because its last month had no hours), grouped and ordered as the Extranet IAE
 * 2.0 asks for them: by dispositif and annexe financière, then by person. For ACI the paid hours stand beside the
 * hours worked. Shown on screen (printable), exported as CSV, and validated by closing the month once typed in.
 */
import type Database from 'better-sqlite3';
import { endOfMonth, format, getDaysInMonth } from 'date-fns';
import type { z } from 'zod';
import { numeroComplet } from '../../../src-shared/domain/annexes-financieres';
import type { ContratType, MotifSortie } from '../../../src-shared/domain/insertion';
import { AppError } from '../../../src-shared/errors';
import { csvDocument } from '../../../src-shared/format/csv';
import { formatMonth } from '../../../src-shared/format/french-date';
import { fromCentiemes, toCentiemes } from '../../../src-shared/rules/heures';
import type { paidHoursInputSchema } from '../../../src-shared/schemas/insertion';
import type { SiaeKind } from '../../../src-shared/siae';
import type { CsvDocument, EtatMensuelLigne, EtatMensuelView } from '../../../src-shared/views-insertion';
import { uuidv7 } from '../../lib/uuid';
import { withholdUnlessSensitive } from '../need-to-know';
import type { AnnexesFinancieresService } from '../structure/annexes-service';
import type { HeuresService } from './heures-service';
import { parseIsoDate } from '../../../src-shared/rules/dates';

type Row = Record<string, string | number | null>;

export class EtatMensuelService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly annexes: AnnexesFinancieresService,
    private readonly heures: Pick<HeuresService, 'isClosed'>,
  ) {}

  statement(mois: string, sensibles: boolean): EtatMensuelView {
    const first = `${mois}-01`;
    const last = format(endOfMonth(parseIsoDate(first)), 'yyyy-MM-dd');
    const rows = this.sqlite
      .prepare(
        `select c.id as contrat_id, pe.id as personne_id,
                (select numero from pass_iae x where x.personne_id = pe.id and x.date_debut <= ? order by x.date_debut desc limit 1) as pass,
                pe.nom, pe.prenom, pe.date_naissance, p.dispositif, c.type, c.date_debut, c.date_fin_prevue, c.date_fin_reelle,
                (select coalesce(sum(h.centiemes), 0) from heures h where h.contrat_id = c.id and h.date between ? and ?) as centiemes,
                (select hp.centiemes from heures_payees hp where hp.contrat_id = c.id and hp.mois = ?) as payees,
                case when p.date_sortie is null or p.date_sortie > ? then 1 else 0 end as accompagne,
                case when p.date_sortie between ? and ? then p.date_sortie end as sortie,
                case when p.date_sortie between ? and ? then p.motif_sortie end as motif
           from contrats c join parcours p on p.id = c.parcours_id join personnes pe on pe.id = p.personne_id
          where (c.date_debut <= ? and coalesce(c.date_fin_reelle, c.date_fin_prevue, '9999-12-31') >= ?)
             -- An exit in the month whose last contract ended before it still has its line.
             or (p.date_sortie between ? and ? and c.id = (select c2.id from contrats c2 where c2.parcours_id = p.id order by c2.date_debut desc limit 1))
          order by p.dispositif, pe.nom_tri, c.date_debut`,
      )
      .all(last, first, last, mois, last, first, last, first, last, last, first, first, last) as Row[];
    // Each line under the annexe financière in force for its dispositif on the contract's first day in the month
    // (issue 15 §1); the groups in the order of dispositif then annexe, the order within kept (person, contract start).
    const annexes = this.annexes.all();
    const inMonth = (d: unknown) => (typeof d === 'string' && d >= first && d <= last ? d : null);
    const groups = new Map<string, EtatMensuelView['groupes'][number]>();
    for (const r of rows) {
      const day = String(r.date_debut) > first ? String(r.date_debut) : first;
      const found = this.annexes.inForce(String(r.dispositif), day > last ? last : day, annexes);
      const annexe = found ? numeroComplet(found.annexe.numero, found.version.avenant, found.version.modification) : '';
      const key = `${String(r.dispositif)}\u0000${annexe}`;
      if (!groups.has(key)) groups.set(key, { dispositif: r.dispositif as SiaeKind, annexeFinanciere: annexe, lignes: [] });
      const ligne: EtatMensuelLigne = {
        contratId: String(r.contrat_id),
        personneId: String(r.personne_id),
        dispositif: r.dispositif as SiaeKind,
        numeroPass: r.pass === null ? null : String(r.pass),
        nom: String(r.nom),
        prenom: String(r.prenom),
        dateNaissance: String(r.date_naissance),
        typeContrat: r.type as ContratType,
        debutContrat: String(r.date_debut),
        finPrevue: r.date_fin_prevue === null ? null : String(r.date_fin_prevue),
        heuresTravaillees: fromCentiemes(Number(r.centiemes)),
        heuresPayees: r.dispositif === 'ACI' && r.payees !== null ? fromCentiemes(Number(r.payees)) : null,
        toujoursAccompagne: r.accompagne === 1,
        finReelleDansLeMois: inMonth(r.date_fin_reelle),
        dateSortie: r.sortie === null ? null : String(r.sortie),
        motifSortie: r.motif === null ? null : withholdUnlessSensitive(r.motif as MotifSortie, sensibles),
      };
      groups.get(key)!.lignes.push(ligne);
    }
    const groupes = [...groups.values()].sort((a, b) => a.dispositif.localeCompare(b.dispositif) || a.annexeFinanciere.localeCompare(b.annexeFinanciere));
    return { mois, valide: this.heures.isClosed(mois), groupes };
  }

  /** UTF-8 with BOM and semicolons, so that Excel opens it as is; the exit motif « reserve » without need-to-know. */
  csv(mois: string, sensibles: boolean): CsvDocument {
    const header = [
      'annexe_financiere',
      'dispositif',
      'numero_pass_iae',
      'nom',
      'prenom',
      'date_naissance',
      'type_contrat',
      'debut_contrat',
      'fin_prevue',
      'mois',
      'heures_travaillees',
      'toujours_accompagne',
      'fin_reelle_dans_le_mois',
      'date_sortie',
      'motif_sortie',
      // Appended, so that a reader of the first columns keeps working.
      'heures_payees',
    ];
    const hours = (h: number) => h.toFixed(2).replace('.', ',');
    const lines = this.statement(mois, sensibles).groupes.flatMap((g) =>
      g.lignes.map((l) => [
        g.annexeFinanciere,
        l.dispositif,
        l.numeroPass,
        l.nom,
        l.prenom,
        l.dateNaissance,
        l.typeContrat,
        l.debutContrat,
        l.finPrevue,
        mois,
        hours(l.heuresTravaillees),
        l.toujoursAccompagne ? 'oui' : 'non',
        l.finReelleDansLeMois,
        l.dateSortie,
        l.motifSortie,
        l.heuresPayees === null ? null : hours(l.heuresPayees),
      ]),
    );
    return { fileName: `etat-mensuel-${mois}.csv`, content: csvDocument(header, lines) };
  }

  /**
   * ACI: the paid hours of the month's contracts. Refused as a whole (nothing saved) for a validated month, a
   * contract that is not ACI or not running that month, or more hours than the month has.
   */
  savePaidHours(input: z.output<typeof paidHoursInputSchema>, now: Date): void {
    if (this.heures.isClosed(input.mois)) throw new AppError('CONFLICT', `Le mois ${formatMonth(input.mois)} est validé : ses heures ne peuvent plus être modifiées.`);
    const first = `${input.mois}-01`;
    const last = format(endOfMonth(parseIsoDate(first)), 'yyyy-MM-dd');
    const maxHours = 24 * getDaysInMonth(parseIsoDate(first));
    const contract = this.sqlite.prepare(
      `select p.dispositif, c.date_debut, coalesce(c.date_fin_reelle, c.date_fin_prevue, '9999-12-31') as fin from contrats c join parcours p on p.id = c.parcours_id where c.id = ?`,
    );
    const problems: Record<string, string> = {};
    input.lignes.forEach((l, i) => {
      const c = contract.get(l.contratId) as { dispositif: string; date_debut: string; fin: string } | undefined;
      if (!c) problems[`lignes.${i}`] = 'Ce contrat n’existe plus.';
      else if (c.dispositif !== 'ACI') problems[`lignes.${i}`] = 'Les heures payées se saisissent pour les contrats d’ACI.';
      else if (c.date_debut > last || c.fin < first) problems[`lignes.${i}`] = 'Ce contrat ne court pas pendant ce mois.';
      else if (l.heures !== null && l.heures > maxHours) problems[`lignes.${i}`] = `Au plus ${maxHours} heures dans ce mois.`;
    });
    if (Object.keys(problems).length) throw new AppError('VALIDATION', `${Object.keys(problems).length} ligne(s) à corriger : rien n’a été enregistré.`, problems);
    const at = now.toISOString();
    const remove = this.sqlite.prepare('delete from heures_payees where contrat_id = ? and mois = ?');
    const upsert = this.sqlite.prepare(
      `insert into heures_payees (id, contrat_id, mois, centiemes, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
       on conflict (contrat_id, mois) do update set centiemes = excluded.centiemes, updated_at = excluded.updated_at`,
    );
    for (const l of input.lignes) {
      if (l.heures === null) remove.run(l.contratId, input.mois);
      else upsert.run(uuidv7(now.getTime()), l.contratId, input.mois, toCentiemes(l.heures), at, at);
    }
  }
}
