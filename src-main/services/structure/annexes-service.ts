/**
 * Annexes financières as records (issue 15 §1): each dispositif's funding documents with their versions (initial and
 * avenants), and what the other services need of them: the ETP conventionnés of a year (pro rata of the days each
 * version is in force), the annexe in force on a day (for the état mensuel), the H_ref an annexe states.
 * Rules: src-shared/domain/annexes-financieres.ts.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import {
  etpConventionnesProrata,
  inForceDuring,
  kindOfMesure,
  MESURES_ASP,
  numeroAnnexeWarning,
  numeroComplet,
  statedHrefPeriods,
  versionInForce,
  versionProblems,
  type AnnexeVersionFigures,
  type MesureAsp,
} from '../../../src-shared/domain/annexes-financieres';
import { assertPlausible } from '../../../src-shared/rules/plausibility';
import { fromDixMilliemes, toCentiemes, toDixMilliemes } from '../../../src-shared/rules/heures';
import type { SiaeKind } from '../../../src-shared/siae';
import type { AnnexeView } from '../../../src-shared/views-observatoire';
import type { z } from 'zod';
import type { annexeInputSchema } from '../../../src-shared/schemas/annexes-financieres';
import { signedYearWarnings, yearsOf } from '../insertion/signed-years';
import type { ParametresService } from '../insertion/parametres-service';
import { appendTo } from '../../lib/append-to';

export type AnnexeInput = z.output<typeof annexeInputSchema>;

interface VersionRow extends AnnexeVersionFigures {
  id: string;
  annexeId: string;
  aideSocleCentimes: number | null;
  aideModuleeCentimes: number | null;
}

export interface AnnexeRecord {
  id: string;
  numero: string;
  mesure: MesureAsp;
  kind: SiaeKind;
  versions: VersionRow[];
}

/** The annexes of one dispositif that count in a year, and the ETP conventionnés they add up to (ten-thousandths). */
export interface YearConventions {
  numeros: string[];
  etpDixMilliemes: number | null;
}

export class AnnexesFinancieresService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly parametres: ParametresService,
  ) {}

  /** Every annexe with its versions (a handful per year: read whole). */
  all(): AnnexeRecord[] {
    const annexes = this.sqlite.prepare('select id, numero, mesure from annexes_financieres').all() as Array<{ id: string; numero: string; mesure: MesureAsp }>;
    const versions = this.sqlite
      .prepare(
        `select id, annexe_id as annexeId, avenant, modification, date_debut as dateDebut, date_fin as dateFin, etp_conventionnes_dix_milliemes as etpDixMilliemes,
                h_ref_centiemes as hRefCentiemes, aide_socle_centimes as aideSocleCentimes, aide_modulee_centimes as aideModuleeCentimes
           from annexes_financieres_versions order by avenant, modification`,
      )
      .all() as VersionRow[];
    const byAnnexe = new Map<string, VersionRow[]>();
    for (const v of versions) appendTo(byAnnexe, v.annexeId, v);
    return annexes
      .map((a) => ({ ...a, kind: kindOf(a.mesure), versions: byAnnexe.get(a.id) ?? [] }))
      .sort((a, b) => firstDay(b).localeCompare(firstDay(a)) || a.numero.localeCompare(b.numero));
  }

  /** Per dispositif, the annexes in force during the year and their ETP conventionnés pro rata (REPORT-SPEC §2.3). */
  yearConventions(year: number, annexes = this.all()): Map<SiaeKind, YearConventions> {
    const [debut, fin] = [`${year}-01-01`, `${year}-12-31`];
    const result = new Map<SiaeKind, YearConventions>();
    for (const a of annexes.filter((x) => inForceDuring(x.versions, debut, fin)).sort((x, y) => firstDay(x).localeCompare(firstDay(y)))) {
      const entry = result.get(a.kind) ?? { numeros: [], etpDixMilliemes: null };
      if (a.numero !== '' && !entry.numeros.includes(a.numero)) entry.numeros.push(a.numero);
      const etp = etpConventionnesProrata(a.versions, debut, fin);
      if (etp !== null) entry.etpDixMilliemes = (entry.etpDixMilliemes ?? 0) + etp;
      result.set(a.kind, entry);
    }
    return result;
  }

  /** The annexe of a dispositif in force on a day (the one that started last when two overlap), or null. */
  inForce(kind: string, day: string, annexes = this.all()): { annexe: AnnexeRecord; version: VersionRow } | null {
    let found: { annexe: AnnexeRecord; version: VersionRow } | null = null;
    for (const annexe of annexes) {
      if (annexe.kind !== kind) continue;
      const version = versionInForce(annexe.versions, day);
      if (version && (!found || firstDay(annexe) > firstDay(found.annexe))) found = { annexe, version };
    }
    return found;
  }

  /** The periods of a year where an annexe of this dispositif states its own H_ref (the dated parameter applies elsewhere). */
  statedHref(kind: SiaeKind, year: number, annexes = this.all()): Array<{ debut: string; fin: string; hRef: number }> {
    return annexes.filter((a) => a.kind === kind).flatMap((a) => statedHrefPeriods(a.versions, `${year}-01-01`, `${year}-12-31`));
  }

  list(today: string): AnnexeView[] {
    const annexes = this.all();
    return annexes.map((a) => this.view(a, annexes, today));
  }

  /** Creates an annexe, adds a version (avenant) to one, or corrects a version; one transaction (the route's). */
  save(input: AnnexeInput, at: string): string {
    const kind = kindOfMesure(input.mesure);
    if (!this.sqlite.prepare('select 1 from dispositifs where kind = ?').get(kind)) {
      throw new AppError('VALIDATION', `Le dispositif ${kind} n’est pas déclaré pour la structure (Paramètres → Structure).`, { mesure: 'Dispositif non déclaré.' });
    }
    const v = input.version;
    const problems = versionProblems(v);
    if (Object.keys(problems).length) throw new AppError('VALIDATION', Object.values(problems)[0]!, problems);
    const previous = v.id ? (this.sqlite.prepare('select annexe_id as annexeId, date_debut as dateDebut, date_fin as dateFin from annexes_financieres_versions where id = ?').get(v.id) as { annexeId: string; dateDebut: string; dateFin: string } | undefined) : undefined;
    if (v.id && (!previous || (input.annexeId && previous.annexeId !== input.annexeId))) throw new AppError('NOT_FOUND', 'Cette version de l’annexe n’existe plus.');
    const annexeId = input.annexeId ?? previous?.annexeId ?? null;
    if (annexeId && !this.sqlite.prepare('select 1 from annexes_financieres where id = ?').get(annexeId)) throw new AppError('NOT_FOUND', 'Cette annexe financière n’existe plus.');
    // The ETP conventionnés of a signed year change the realisation rate shown, not the signed file: say so first.
    const touched = [...yearsOf(v.dateDebut, v.dateFin), ...(previous ? yearsOf(previous.dateDebut, previous.dateFin) : [])];
    assertPlausible(signedYearWarnings(this.sqlite, touched).map((w) => ['version.dateDebut', w] as const), input.confirme, 'l’annexe financière');

    // Checked before anything is written: a new annexe has no version yet to clash with.
    const clash = annexeId && this.sqlite.prepare('select 1 from annexes_financieres_versions where annexe_id = ? and avenant = ? and modification = ? and id is not ?').get(annexeId, v.avenant, v.modification, v.id);
    if (clash) throw new AppError('VALIDATION', `L’avenant ${v.avenant} (modification ${v.modification}) de cette annexe est déjà saisi : corrigez-le plutôt.`, { 'version.avenant': 'Déjà saisi.' });
    const id = annexeId ?? crypto.randomUUID();
    if (annexeId) this.sqlite.prepare('update annexes_financieres set numero = ?, mesure = ?, updated_at = ? where id = ?').run(input.numero, input.mesure, at, annexeId);
    else this.sqlite.prepare('insert into annexes_financieres (id, numero, mesure, created_at, updated_at) values (?, ?, ?, ?, ?)').run(id, input.numero, input.mesure, at, at);
    const values = [
      v.avenant,
      v.modification,
      v.dateDebut,
      v.dateFin,
      v.etpConventionnes === null ? null : toDixMilliemes(v.etpConventionnes),
      v.hRef === null ? null : toCentiemes(v.hRef),
      v.aideSocle === null ? null : Math.round(v.aideSocle * 100),
      v.aideModulee === null ? null : Math.round(v.aideModulee * 100),
      at,
    ];
    if (v.id) {
      this.sqlite
        .prepare('update annexes_financieres_versions set avenant = ?, modification = ?, date_debut = ?, date_fin = ?, etp_conventionnes_dix_milliemes = ?, h_ref_centiemes = ?, aide_socle_centimes = ?, aide_modulee_centimes = ?, updated_at = ? where id = ?')
        .run(...values, v.id);
    } else {
      this.sqlite
        .prepare('insert into annexes_financieres_versions (avenant, modification, date_debut, date_fin, etp_conventionnes_dix_milliemes, h_ref_centiemes, aide_socle_centimes, aide_modulee_centimes, updated_at, id, annexe_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(...values, crypto.randomUUID(), id, at);
    }
    return id;
  }

  /** Removes a version entered by mistake; the annexe goes with its last version. */
  deleteVersion(versionId: string, confirmed: boolean): void {
    const v = this.sqlite.prepare('select annexe_id as annexeId, date_debut as dateDebut, date_fin as dateFin from annexes_financieres_versions where id = ?').get(versionId) as { annexeId: string; dateDebut: string; dateFin: string } | undefined;
    if (!v) throw new AppError('NOT_FOUND', 'Cette version de l’annexe n’existe plus.');
    assertPlausible(signedYearWarnings(this.sqlite, yearsOf(v.dateDebut, v.dateFin)).map((w) => ['id', w] as const), confirmed, 'cette suppression');
    this.sqlite.prepare('delete from annexes_financieres_versions where id = ?').run(versionId);
    if (!this.sqlite.prepare('select 1 from annexes_financieres_versions where annexe_id = ?').get(v.annexeId)) this.sqlite.prepare('delete from annexes_financieres where id = ?').run(v.annexeId);
  }

  private view(a: AnnexeRecord, annexes: AnnexeRecord[], today: string): AnnexeView {
    const debut = firstDay(a);
    const fin = a.versions.reduce((m, v) => (v.dateFin > m ? v.dateFin : m), debut);
    return {
      id: a.id,
      numero: a.numero,
      mesure: a.mesure,
      kind: a.kind,
      avertissement: numeroAnnexeWarning(a.numero, a.mesure),
      versions: a.versions.map((v) => ({
        id: v.id,
        avenant: v.avenant,
        modification: v.modification,
        numeroComplet: numeroComplet(a.numero, v.avenant, v.modification),
        dateDebut: v.dateDebut,
        dateFin: v.dateFin,
        etpConventionnes: v.etpDixMilliemes === null ? null : fromDixMilliemes(v.etpDixMilliemes),
        hRef: v.hRefCentiemes === null ? null : v.hRefCentiemes / 100,
        aideSocle: v.aideSocleCentimes === null ? null : v.aideSocleCentimes / 100,
        aideModulee: v.aideModuleeCentimes === null ? null : v.aideModuleeCentimes / 100,
      })),
      debut,
      fin,
      realise: this.realised(a, annexes, debut, fin < today ? fin : today),
    };
  }

  /**
   * Hours worked under this annexe from its start to `until` (the hours of its dispositif's contracts on the days it
   * is the annexe in force), as ETP over that stretch: hours ÷ (H_ref × the stretch in years), H_ref
   * being the annexe's own where it states one, else the dated parameter. The rate compares them with the ETP
   * conventionnés of the same stretch.
   */
  private realised(a: AnnexeRecord, annexes: AnnexeRecord[], debut: string, until: string): AnnexeView['realise'] {
    if (until < debut) return { heures: 0, etpRealises: 0, etpConventionnes: null, tauxRealisation: null };
    const days = this.sqlite
      .prepare(
        `select h.date, sum(h.centiemes) as centiemes from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id
          where p.dispositif = ? and h.date between ? and ? group by h.date`,
      )
      .all(a.kind, debut, until) as Array<{ date: string; centiemes: number }>;
    const years = stretchYears(debut, until);
    let centiemes = 0;
    let etp = 0;
    const hRefOfYear = new Map<string, number>();
    const parameterHref = (day: string) => {
      const year = day.slice(0, 4);
      if (!hRefOfYear.has(year)) hRefOfYear.set(year, this.parametres.valueAt('h_ref', `${year}-12-31`)[a.kind]);
      return hRefOfYear.get(year)!;
    };
    for (const d of days) {
      const inForce = this.inForce(a.kind, d.date, annexes);
      if (inForce?.annexe.id !== a.id) continue;
      centiemes += d.centiemes;
      const hRef = inForce.version.hRefCentiemes !== null ? inForce.version.hRefCentiemes / 100 : parameterHref(d.date);
      etp += d.centiemes / 100 / hRef / years;
    }
    const conventionnes = conventionnesOver(a.versions, debut, until);
    return { heures: centiemes / 100, etpRealises: etp, etpConventionnes: conventionnes, tauxRealisation: conventionnes && conventionnes > 0 ? etp / conventionnes : null };
  }
}

function kindOf(mesure: string): SiaeKind {
  return mesure in MESURES_ASP ? kindOfMesure(mesure as MesureAsp) : (mesure.split('_')[0] as SiaeKind);
}

function firstDay(a: { versions: Array<{ dateDebut: string }> }): string {
  return a.versions.reduce((m, v) => (v.dateDebut < m ? v.dateDebut : m), '9999-12-31');
}

/** Total of the days of [debut, until] spread over the years: the fraction of a full-time year that stretch is. */
function stretchYears(debut: string, until: string): number {
  let total = 0;
  for (let y = Number(debut.slice(0, 4)); y <= Number(until.slice(0, 4)); y++) total += yearFraction(String(y), debut, until);
  return total;
}

function yearFraction(year: string, debut: string, until: string): number {
  const from = debut > `${year}-01-01` ? debut : `${year}-01-01`;
  const to = until < `${year}-12-31` ? until : `${year}-12-31`;
  if (to < from) return 0;
  const dayMs = 86_400_000;
  const span = (Date.parse(to) - Date.parse(from)) / dayMs + 1;
  const yearDays = (Date.parse(`${year}-12-31`) - Date.parse(`${year}-01-01`)) / dayMs + 1;
  return span / yearDays;
}

/** ETP conventionnés over a stretch: the pro-rata average of the versions in force, as ETP. */
function conventionnesOver(versions: AnnexeVersionFigures[], debut: string, until: string): number | null {
  const average = etpConventionnesProrata(versions, debut, until);
  return average === null ? null : fromDixMilliemes(average);
}
