/**
 * The indicators' engine beside hand-written SQL for the same figures (issue 19: the engine may cost at most 1.2× a
 * plain version, measured side by side in one run). Each query is the figure's definition written directly
 * (REPORT-SPEC.md §2), with no shared temporary table; its value is checked against the engine's.
 *
 * Covered so far: the groups below (salariés, gender, hours, intakes, exits). The other groups (accompaniment,
 * quality, per-dispositif splits, situation lines) are not written yet, so the ratio printed compares the engine's
 * whole year with these groups only: it is a lower bound of the engine's overhead, not the 1.2× check itself.
 */
import { appPaths } from '../src-main/app-paths';
import { AppRuntime } from '../src-main/app-runtime';

interface PlainQuery {
  id: string;
  sql: string;
  /** The engine's figure to compare with, when it is not the indicator `id` itself. */
  engine?: (indicators: Record<string, number | null>) => number | null;
}

/** Bound parameters: :start and :end, the year's first and last day. */
const QUERIES: PlainQuery[] = [
  {
    id: 'public.salaries_en_parcours',
    sql: `select count(distinct p.personne_id) from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id
           where h.date between :start and :end and p.dispositif <> 'EITI'`,
  },
  {
    id: 'public.femmes',
    sql: `select count(distinct p.personne_id) from heures h join contrats c on c.id = h.contrat_id join parcours p on p.id = c.parcours_id
           join personnes pe on pe.id = p.personne_id where h.date between :start and :end and p.dispositif <> 'EITI' and pe.civilite = 'MME'`,
  },
  { id: 'activite.heures_travaillees', sql: `select coalesce(sum(h.centiemes), 0) / 100.0 from heures h where h.date between :start and :end` },
  { id: 'accueil.personnes_accueillies', sql: `select count(distinct personne_id) from accueils where date_premier_contact between :start and :end` },
  // Every exit dated in the year: the counted ones and the ones not counted (REPORT-SPEC §2).
  {
    id: 'sorties.datees',
    sql: `select count(*) from parcours where date_sortie between :start and :end`,
    engine: (m) => (m['sorties.constatees'] ?? 0) + (m['sorties.non_comptabilisees'] ?? 0),
  },
];

export interface PlainSqlComparison {
  groups: number;
  values: number;
  sqlCpuMs: number;
  engineCpuMs: number;
  ratio: number;
  differences: string[];
}

function cpuMs(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export async function comparePlainSql(dataDir: string, migrationsFolder: string, year: number, runs = 7): Promise<PlainSqlComparison> {
  const runtime = await AppRuntime.start(appPaths(dataDir, migrationsFolder));
  try {
    const open = runtime.openOrNull()!;
    const params = { start: `${year}-01-01`, end: `${year}-12-31` };
    const statements = QUERIES.map((q) => ({ id: q.id, engine: q.engine, statement: open.sqlite.prepare(q.sql).pluck() }));
    const engine = open.indicators.computeFresh(year).indicateurs;
    const differences: string[] = [];
    for (const s of statements) {
      const plain = Number(s.statement.get(params));
      const computed = s.engine ? s.engine(engine) : engine[s.id];
      if (typeof computed !== 'number' || Math.abs(plain - computed) > 0.01) differences.push(`${s.id} : SQL ${plain}, moteur ${String(computed)}`);
    }
    // Warm, alternated in one run, so that both see the same machine.
    const sql: number[] = [];
    const eng: number[] = [];
    for (let i = 0; i < runs; i++) {
      sql.push(cpuMs(() => statements.forEach((s) => s.statement.get(params))));
      eng.push(cpuMs(() => open.indicators.computeFresh(year)));
    }
    const sqlCpuMs = Math.round(median(sql) * 10) / 10;
    const engineCpuMs = Math.round(median(eng) * 10) / 10;
    return { groups: new Set(QUERIES.map((q) => q.id.split('.')[0])).size, values: QUERIES.length, sqlCpuMs, engineCpuMs, ratio: Math.round((engineCpuMs / sqlCpuMs) * 100) / 100, differences };
  } finally {
    runtime.close();
  }
}
