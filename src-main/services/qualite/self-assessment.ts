/**
 * The CEDRE self-assessment (issue 8 §1): the grid's requirements (data: seeded with the default grid, replaced by
 * importing a grid file), each with its live evidence for the year and the structure's own rating and comment.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import type { GridFile, GridRequirement, GridRow, Niveau, SelfAssessmentView } from '../../../src-shared/qualite/grid';
import { gridFileSchema } from '../../../src-shared/schemas/auto-evaluation';
import { uuidv7 } from '../../lib/uuid';
import type { IndicatorsService } from '../observatoire/indicators-service';
import { DEFAULT_GRID } from './default-grid';
import { computeEvidence, EVIDENCE } from './evidence';

export class SelfAssessmentService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly indicators: IndicatorsService,
  ) {}

  requirements(): GridRequirement[] {
    return this.sqlite.prepare('select code, mission, engagement, libelle, preuve, cible from grille_exigences order by ordre').all() as GridRequirement[];
  }

  /** The default grid, written once, in the caller's transaction, when the structure has none yet. */
  ensureGrid(now: Date): void {
    if (this.sqlite.prepare('select 1 from grille_exigences limit 1').get()) return;
    this.replace(DEFAULT_GRID, now);
  }

  view(year: number): SelfAssessmentView {
    const grid = this.requirements();
    const evidence = computeEvidence(this.sqlite, this.indicators, grid.map((g) => g.preuve).filter((p): p is string => p !== null), year);
    const ratings = new Map(
      (
        this.sqlite
          .prepare('select a.exigence_code as code, a.niveau, a.commentaire, a.updated_at, u.display_name from auto_evaluations a left join users u on u.id = a.evalue_par where a.annee = ?')
          .all(year) as Array<{ code: string; niveau: Niveau; commentaire: string; updated_at: string; display_name: string | null }>
      ).map((r) => [r.code, r]),
    );
    const rows: GridRow[] = grid.map((g) => {
      const e = g.preuve ? (evidence[g.preuve] ?? null) : null;
      const rating = ratings.get(g.code);
      const met = e && e.value !== null && g.cible !== null ? (e.direction === 'min' ? e.value >= g.cible : e.value <= g.cible) : null;
      return { ...g, evidence: e, cibleAtteinte: met, niveau: rating?.niveau ?? null, commentaire: rating?.commentaire ?? '', evalueParNom: rating?.display_name ?? null, evalueLe: rating?.updated_at ?? null };
    });
    return { annee: year, rows, catalogue: Object.fromEntries(Object.entries(EVIDENCE).map(([k, m]) => [k, m.label])) };
  }

  rate(input: { code: string; annee: number; niveau: Niveau; commentaire: string }, now: Date, userId: string): void {
    if (!this.sqlite.prepare('select 1 from grille_exigences where code = ?').get(input.code)) throw new AppError('NOT_FOUND', 'Cette exigence n’est plus dans la grille.');
    const at = now.toISOString();
    this.sqlite
      .prepare(
        `insert into auto_evaluations (id, exigence_code, annee, niveau, commentaire, evalue_par, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (exigence_code, annee) do update set niveau = excluded.niveau, commentaire = excluded.commentaire, evalue_par = excluded.evalue_par, updated_at = excluded.updated_at`,
      )
      .run(uuidv7(now.getTime()), input.code, input.annee, input.niveau, input.commentaire, userId, at, at);
  }

  exportGrid(): GridFile {
    return { format: 'cedre-grille-auto-evaluation', version: 1, exigences: this.requirements() };
  }

  /**
   * Replaces the grid by a grid file: checked whole first (format, fields, unique codes, known evidence), so a bad
   * file changes nothing. Ratings are kept by code: a requirement kept under its code keeps its history.
   */
  importGrid(text: string, now: Date): number {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('VALIDATION', 'Ce fichier n’est pas une grille : il devrait être un fichier JSON exporté par Cèdre Parcours.');
    }
    const parsed = gridFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path[0] === 'exigences' && typeof issue.path[1] === 'number' ? `Exigence n° ${issue.path[1] + 1} : ` : '';
      throw new AppError('VALIDATION', `${where}${issue.message}`);
    }
    const seen = new Set<string>();
    for (const [i, g] of parsed.data.exigences.entries()) {
      if (seen.has(g.code)) throw new AppError('VALIDATION', `Exigence n° ${i + 1} : le code ${g.code} est déjà utilisé plus haut.`);
      seen.add(g.code);
      if (g.preuve !== null && !EVIDENCE[g.preuve]) throw new AppError('VALIDATION', `Exigence n° ${i + 1} : la preuve « ${g.preuve} » n’existe pas dans cette version de l’application.`);
    }
    this.replace(parsed.data.exigences, now);
    return parsed.data.exigences.length;
  }

  private replace(grid: readonly GridRequirement[], now: Date): void {
    const at = now.toISOString();
    this.sqlite.prepare('delete from grille_exigences').run();
    const insert = this.sqlite.prepare(
      'insert into grille_exigences (id, code, mission, engagement, libelle, preuve, cible, ordre, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    grid.forEach((g, i) => insert.run(uuidv7(now.getTime()), g.code, g.mission, g.engagement, g.libelle, g.preuve, g.cible, i, at, at));
  }
}
