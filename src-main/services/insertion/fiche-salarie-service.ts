/**
 * The fiche salarié of each parcours (issue 15 §2): created with the parcours, filled with what the base already
 * knows of the person at that moment (their recorded situation, the ASS, AAH and TH criteria of the entry
 * diagnosis), completed by the CIP. A snapshot: later changes of the person's file do not rewrite it.
 * Fields: les-emplois `itou/users/models.py` JobSeekerProfile; labels and codes: src-shared/domain/asp-codes.ts.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { WITHHELD } from '../../../src-shared/domain/need-to-know';
import { AppError } from '../../../src-shared/errors';
import type { ficheSalarieInputSchema } from '../../../src-shared/schemas/fiche-salarie';
import type { FicheSalarieView } from '../../../src-shared/views-insertion';

export type FicheSalarieInput = z.output<typeof ficheSalarieInputSchema>;

/**
 * Every parcours without a fiche gets one (migration 0018 holds the same statement, frozen). The unary `+` keeps
 * SQLite on the diagnostic's criteria (criteres_diagnostic_idx): offered the criterion index, it read every
 * structure's TH, ASS and AAH rows for each parcours, a cost growing with the square of the base (the demo's
 * import at ×30: 2.2× the time per person of ×10; EXPLAIN QUERY PLAN in docs/performance.md).
 */
const FILL_MISSING_FICHES_SQL = `
  insert into fiches_salarie (id, parcours_id, niveau_formation, sans_ressources, rqth, inscrit_ft, inscrit_ft_depuis, rsa, ass, aah, qpv, zrr, created_at, updated_at)
  select lower(hex(randomblob(16))), p.id, pe.niveau_formation, pe.sans_ressources,
         exists (select 1 from criteres_eligibilite ce where ce.diagnostic_id = p.diagnostic_id and +ce.critere = 'TH'),
         pe.duree_inscription_ft is not null, pe.duree_inscription_ft, pe.rsa,
         exists (select 1 from criteres_eligibilite ce where ce.diagnostic_id = p.diagnostic_id and +ce.critere = 'ASS'),
         exists (select 1 from criteres_eligibilite ce where ce.diagnostic_id = p.diagnostic_id and +ce.critere = 'AAH'),
         pe.qpv, pe.zrr, ?, ?
    from parcours p join personnes pe on pe.id = p.personne_id
   where not exists (select 1 from fiches_salarie f where f.parcours_id = p.id)`;

interface FicheRow {
  id: string;
  parcours_id: string;
  niveau_formation: string | null;
  sans_ressources: number;
  rqth: number;
  oeth: number;
  inscrit_ft: number;
  inscrit_ft_depuis: string | null;
  sans_emploi_depuis: string | null;
  rsa: string | null;
  rsa_depuis: string | null;
  ass: number;
  ass_depuis: string | null;
  aah: number;
  aah_depuis: string | null;
  qpv: number;
  zrr: number;
  commune_naissance: string | null;
  pays_naissance: string | null;
  motif_absence_nir: string | null;
  nir: string | null;
  updated_at: string;
}

export class FicheSalarieService {
  constructor(private readonly sqlite: Database.Database) {}

  /** Creates the fiches of the parcours that have none (or of this one only); the number created. */
  fillMissing(at: string, parcoursId?: string): number {
    if (parcoursId) return this.sqlite.prepare(`${FILL_MISSING_FICHES_SQL} and p.id = ?`).run(at, at, parcoursId).changes;
    return this.sqlite.prepare(FILL_MISSING_FICHES_SQL).run(at, at).changes;
  }

  get(parcoursId: string, sensibles: boolean): FicheSalarieView {
    if (!this.sqlite.prepare('select 1 from parcours where id = ?').get(parcoursId)) throw new AppError('NOT_FOUND', 'Ce parcours n’existe plus.');
    // Every parcours has its fiche: made with it (ParcoursService.open, the import) or by migration 0018.
    const row = this.row(parcoursId);
    if (!row) throw new AppError('NOT_FOUND', 'La fiche salarié de ce parcours est introuvable.');
    const withheld = <T>(value: T) => (sensibles ? value : WITHHELD);
    return {
      id: row.id,
      parcoursId: row.parcours_id,
      niveauFormation: row.niveau_formation as FicheSalarieView['niveauFormation'],
      sansRessources: !!row.sans_ressources,
      rqth: withheld(!!row.rqth),
      oeth: withheld(!!row.oeth),
      inscritFt: !!row.inscrit_ft,
      inscritFtDepuis: row.inscrit_ft_depuis as FicheSalarieView['inscritFtDepuis'],
      sansEmploiDepuis: row.sans_emploi_depuis as FicheSalarieView['sansEmploiDepuis'],
      rsa: row.rsa as FicheSalarieView['rsa'],
      rsaDepuis: row.rsa_depuis as FicheSalarieView['rsaDepuis'],
      ass: !!row.ass,
      assDepuis: row.ass_depuis as FicheSalarieView['assDepuis'],
      aah: withheld(!!row.aah),
      aahDepuis: withheld(row.aah_depuis as FicheSalarieView['inscritFtDepuis']),
      qpv: !!row.qpv,
      zrr: !!row.zrr,
      communeNaissance: row.commune_naissance,
      paysNaissance: row.pays_naissance,
      motifAbsenceNir: row.motif_absence_nir as FicheSalarieView['motifAbsenceNir'],
      nirConnu: !!row.nir,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Saves the fiche. A role without need-to-know cannot see RQTH, OETH and AAH: what it sends for them is ignored
   * and the stored values are kept, so saving the rest never erases a health fact.
   */
  save(input: FicheSalarieInput, sensibles: boolean, at: string): void {
    const current = this.get(input.parcoursId, true);
    const health = sensibles ? input : { rqth: current.rqth as boolean, oeth: current.oeth as boolean, aah: current.aah as boolean, aahDepuis: current.aahDepuis as FicheSalarieInput['aahDepuis'] };
    this.sqlite
      .prepare(
        `update fiches_salarie set niveau_formation = ?, sans_ressources = ?, rqth = ?, oeth = ?, inscrit_ft = ?, inscrit_ft_depuis = ?, sans_emploi_depuis = ?,
                rsa = ?, rsa_depuis = ?, ass = ?, ass_depuis = ?, aah = ?, aah_depuis = ?, qpv = ?, zrr = ?, commune_naissance = ?, pays_naissance = ?,
                motif_absence_nir = ?, updated_at = ? where parcours_id = ?`,
      )
      .run(
        input.niveauFormation,
        Number(input.sansRessources),
        Number(health.rqth),
        Number(health.oeth),
        Number(input.inscritFt),
        input.inscritFtDepuis,
        input.sansEmploiDepuis,
        input.rsa,
        input.rsaDepuis,
        Number(input.ass),
        input.assDepuis,
        Number(health.aah),
        health.aah ? health.aahDepuis : null,
        Number(input.qpv),
        Number(input.zrr),
        input.communeNaissance,
        input.paysNaissance,
        current.nirConnu ? null : input.motifAbsenceNir,
        at,
        input.parcoursId,
      );
  }

  private row(parcoursId: string): FicheRow | undefined {
    return this.sqlite
      .prepare('select f.*, pe.nir from fiches_salarie f join parcours p on p.id = f.parcours_id join personnes pe on pe.id = p.personne_id where f.parcours_id = ?')
      .get(parcoursId) as FicheRow | undefined;
  }
}
