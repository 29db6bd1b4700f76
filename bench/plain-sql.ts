/**
 * The indicators' engine beside hand-written SQL for the same figures (issue 19: the engine may cost at most 1.2× a
 * plain version, measured side by side in one run). Each query is the figure's definition written directly
 * (REPORT-SPEC.md §2, docs/report-spec.md §5), with no shared temporary table and no JavaScript rule; its values are
 * checked against the engine's.
 *
 * Covered (structure totals): salariés and their gender, age bands, criteria at entry and education; entries; hours,
 * hours by client type and active clients; intakes (welcomed, offer, diagnostic, each decision, waiting list, the
 * median delay to a decision); bilans, salariés with a bilan and overdue bilans; CER signed and signed in time; freins
 * with who supported each person; trainings (actions, hours, qualifying); immersions; the quality registers; exits
 * (counted by their dispositif's threshold, withdrawals, examined, categories, motifs, mean length); the situation
 * lines; the 480-hour windows (a recursive walk); ETP réalisés and conventionnés (each annexe's version in force day
 * by day). Not written: trainings' salariés and the per-dispositif splits of every count. The ratio printed is the
 * engine's whole year over these queries, so it overstates the engine's overhead by the cost of what is not written
 * here. The ETP query was also checked on a copy of a demo whose versions state their own H_ref (the demo's do not).
 */
import { appPaths } from '../src-main/app-paths';
import { AppRuntime } from '../src-main/app-runtime';
import { FREIN_TYPES } from '../src-shared/domain/freins';
import { MOTIFS_SORTIE } from '../src-shared/domain/insertion';

interface PlainQuery {
  /** One value: its indicator id. Several: the query returns rows (id, value) and `ids` lists every id it covers (absent = 0). */
  id: string;
  ids?: readonly string[];
  sql: string;
  /** The engine's figure to compare with, when it is not the indicator `id` itself. */
  engine?: (indicators: Record<string, number | null>) => number | null;
}

/**
 * The year's salariés (REPORT-SPEC §2.2): parcours with hours in the year, EITI parcours open during it; `principal`:
 * each person's latest parcours started (docs/report-spec.md §5.1). Materialised once per computation, as a careful
 * hand-written version would (and as the reference did): counted in the plain SQL's time.
 */
export const SALARIES_DROP = 'drop table if exists temp.plain_sal';
export const SALARIES_CREATE = `create temp table plain_sal as
     select p.id, p.personne_id, p.dispositif, p.date_debut, p.diagnostic_id, p.age_debut,
            row_number() over (partition by p.personne_id order by p.date_debut desc, p.id desc) = 1 as principal
       from parcours p
      where p.id in (select c.parcours_id from heures h join contrats c on c.id = h.contrat_id
                      where h.date between :start and :end group by c.parcours_id having sum(h.centiemes) > 0)
         or (p.dispositif = 'EITI' and p.date_debut <= :end and (p.date_sortie is null or p.date_sortie >= :start))`;
const SALARIES = `with sal as (select * from temp.plain_sal), principal as (select * from sal where principal)`;

const CRITERES = ['RSA', 'ASS', 'AAH', 'DETLD', 'CAP_BEP', 'SENIOR', 'JEUNE', 'ASE', 'DELD', 'TH', 'PI', 'PSH_PR', 'REF_DA', 'ZRR', 'QPV', 'DETENTION_MJ', 'FLE', 'PM'];
const DECISIONS = ['entree', 'reorientation', 'refus_personne', 'non_eligible', 'sans_suite'];
const CLIENT_TYPES = ['particulier', 'association', 'collectivite', 'entreprise', 'autre'];
const FREIN_IDS = Object.keys(FREIN_TYPES).flatMap((type) => ['concernes', 'interne', 'externe', 'les_deux'].map((p) => `accompagnement.freins.${type}.${p}`));
const EXIT_IDS = [
  'sorties.non_comptabilisees', 'sorties.constatees', 'sorties.retraits', 'sorties.examinees', 'sorties.emploi_durable', 'sorties.emploi_transition',
  'sorties.sorties_positives', 'sorties.autres', 'sorties.duree_moyenne_parcours_mois', ...Object.keys(MOTIFS_SORTIE).map((m) => `sorties.par_motif.${m}`),
];

/**
 * Bound parameters: :start and :end, the year's first and last day; the structure's rules in force on 31 December:
 * :cer_days, :bilan_months, :exit_months, :exit_hours, :mapping (the exit categories, JSON), :cap and :derogation (the
 * 480-hour cap and the end of a prefect's derogation). The engine reads the exit thresholds at each exit's date and the
 * derogation at each overrun's: the same here while they did not change during the year (the demo's case).
 * Months are added as date-fns does (the last day of a shorter month: SQLite's `floor`).
 */
export const QUERIES: PlainQuery[] = [
  { id: 'public.salaries_en_parcours', sql: `${SALARIES} select count(*) from principal` },
  { id: 'public.femmes', sql: `${SALARIES} select count(*) from principal pr join personnes pe on pe.id = pr.personne_id where pe.civilite = 'MME'` },
  { id: 'public.hommes', sql: `${SALARIES} select count(*) from principal pr join personnes pe on pe.id = pr.personne_id where pe.civilite = 'M'` },
  {
    id: 'public.ages',
    ids: ['public.moins_26_ans', 'public.de_26_a_49_ans', 'public.50_ans_et_plus'],
    sql: `${SALARIES}, aged as (
            select coalesce(pr.age_debut, cast(strftime('%Y', pr.date_debut) as integer) - cast(strftime('%Y', pe.date_naissance) as integer)
                     - (strftime('%m-%d', pr.date_debut) < strftime('%m-%d', pe.date_naissance))) as age
              from principal pr join personnes pe on pe.id = pr.personne_id)
          select 'public.moins_26_ans', count(*) from aged where age < 26
          union all select 'public.de_26_a_49_ans', count(*) from aged where age between 26 and 49
          union all select 'public.50_ans_et_plus', count(*) from aged where age >= 50`,
  },
  {
    id: 'public.criteres',
    ids: CRITERES.map((c) => `public.criteres.${c}`),
    sql: `${SALARIES} select 'public.criteres.' || ce.critere, count(distinct pr.personne_id)
            from principal pr join criteres_eligibilite ce on ce.diagnostic_id = pr.diagnostic_id group by ce.critere`,
  },
  {
    id: 'public.niveau_infra_bac',
    sql: `${SALARIES} select count(*) from principal pr join personnes pe on pe.id = pr.personne_id
           where pe.niveau_formation in ('00', '01', '50', '51', '60', '70')`,
  },
  { id: 'public.entrees', sql: `select count(*) from parcours where date_debut between :start and :end` },
  { id: 'activite.heures_travaillees', sql: `select coalesce(sum(h.centiemes), 0) / 100.0 from heures h where h.date between :start and :end` },
  {
    id: 'activite.heures_par_type_client',
    ids: CLIENT_TYPES.map((t) => `activite.heures_par_type_client.${t}`),
    // Summed by contract and client from the hours' date index first: contracts are looked up once each, not per line.
    sql: `select 'activite.heures_par_type_client.' || cl.type, sum(t.centiemes) / 100.0
            from (select contrat_id, client_id, sum(centiemes) as centiemes from heures where date between :start and :end and client_id is not null group by contrat_id, client_id) t
            join clients cl on cl.id = t.client_id join contrats c on c.id = t.contrat_id join parcours p on p.id = c.parcours_id
           where p.dispositif in ('AI', 'ETTI') group by cl.type`,
  },
  { id: 'activite.clients_actifs', sql: `select count(distinct client_id) from heures where date between :start and :end and client_id is not null` },
  { id: 'accueil.personnes_accueillies', sql: `select count(distinct personne_id) from accueils where date_premier_contact between :start and :end` },
  { id: 'accueil.offre_presentee', sql: `select count(*) from accueils where date_premier_contact between :start and :end and date_offre_presentee is not null` },
  { id: 'accueil.diagnostics_realises', sql: `select count(*) from accueils where date_premier_contact between :start and :end and date_diagnostic is not null` },
  {
    id: 'accueil.decisions',
    ids: DECISIONS.map((d) => `accueil.decisions.${d}`),
    sql: `select 'accueil.decisions.' || decision, count(*) from accueils where decision is not null and date_decision between :start and :end group by decision`,
  },
  {
    id: 'accueil.en_attente_fin_annee',
    sql: `select count(*) from accueils where date_premier_contact <= :end and (decision is null or date_decision > :end)`,
  },
  { id: 'accompagnement.bilans_realises', sql: `select count(*) from bilans where date between :start and :end` },
  {
    id: 'accompagnement.salaries_avec_bilan',
    sql: `${SALARIES} select count(distinct sal.personne_id) from sal where exists (select 1 from bilans b where b.parcours_id = sal.id and b.date between :start and :end)`,
  },
  {
    id: 'accompagnement.formation',
    ids: ['accompagnement.formation.actions', 'accompagnement.formation.heures', 'accompagnement.formation.qualifiantes'],
    sql: `select 'accompagnement.formation.actions', count(*) from formations where date_debut between :start and :end
          union all select 'accompagnement.formation.heures', coalesce(sum(heures), 0) / 100.0 from formations where date_debut between :start and :end
          union all select 'accompagnement.formation.qualifiantes', count(*) from formations where date_debut between :start and :end and qualifiante = 1`,
  },
  { id: 'accompagnement.pmsmp', sql: `select count(*) from pmsmp where date_debut between :start and :end` },
  {
    id: 'qualite',
    ids: ['qualite.actions_amelioration_ouvertes_fin_annee', 'qualite.actions_amelioration_realisees', 'qualite.reclamations'],
    sql: `select 'qualite.actions_amelioration_ouvertes_fin_annee', count(*) from actions_amelioration where date_ouverture <= :end and (date_cloture is null or date_cloture > :end)
          union all select 'qualite.actions_amelioration_realisees', count(*) from actions_amelioration where date_cloture between :start and :end
          union all select 'qualite.reclamations', count(*) from reclamations where date between :start and :end`,
  },
  {
    id: 'accueil.delai_median_decision_jours',
    sql: `with d as (select julianday(date_decision) - julianday(date_premier_contact) as delai from accueils where decision is not null and date_decision between :start and :end),
               o as (select delai, row_number() over (order by delai) as rn, count(*) over () as n from d)
          select round(avg(delai), 1) from o where rn in ((n + 1) / 2, (n + 2) / 2)`,
  },
  // CER (REPORT-SPEC §2.4): parcours started in the year with a signed CER, and those signed within the delay.
  {
    id: 'accompagnement.cer',
    ids: ['accompagnement.cer_signes', 'accompagnement.cer_signes_dans_delai'],
    sql: `with started as materialized (select p.date_debut, (select min(c.date_signature) from cer c where c.parcours_id = p.id and c.date_signature is not null) as signe
                             from parcours p where p.date_debut between :start and :end)
          select 'accompagnement.cer_signes', count(*) from started where signe is not null
          union all select 'accompagnement.cer_signes_dans_delai', count(*) from started where signe <= date(date_debut, '+' || :cer_days || ' days')`,
  },
  // Parcours open on 31 December whose next bilan (one interval after the latest, or after the start) was due before.
  {
    id: 'accompagnement.bilans_en_retard_fin_annee',
    sql: `select count(*) from (
            select max(p.date_debut, coalesce((select max(b.date) from bilans b where b.parcours_id = p.id and b.date <= :end), p.date_debut)) as dernier
              from parcours p where p.date_debut <= :end and (p.date_sortie is null or p.date_sortie > :end))
           where date(dernier, '+' || :bilan_months || ' months', 'floor') < :end`,
  },
  // Freins of the salariés, open in the year, and who supported each person on it: the structure, a partner, both.
  {
    id: 'accompagnement.freins',
    ids: FREIN_IDS,
    sql: `with concerned as (
            select distinct s.dispositif, f.type, s.personne_id from plain_sal s join freins f on f.personne_id = s.personne_id
             where f.date_identification <= :end and (f.date_levee is null or f.date_levee >= :start)),
          actions as (
            select s.personne_id, s.dispositif, a.type_frein as type, max(a.prestataire = 'interne') as interne, max(a.prestataire = 'externe') as externe
              from actions_freins a join plain_sal s on s.id = a.parcours_id where a.date between :start and :end group by 1, 2, 3),
          person as materialized (
            select c.type, c.personne_id, coalesce(max(a.interne), 0) as interne, coalesce(max(a.externe), 0) as externe
              from concerned c left join actions a on a.personne_id = c.personne_id and a.dispositif = c.dispositif and a.type = c.type
             group by c.type, c.personne_id)
          select 'accompagnement.freins.' || type || '.concernes', count(*) from person group by type
          union all select 'accompagnement.freins.' || type || '.interne', count(*) from person where interne and not externe group by type
          union all select 'accompagnement.freins.' || type || '.externe', count(*) from person where externe and not interne group by type
          union all select 'accompagnement.freins.' || type || '.les_deux', count(*) from person where interne and externe group by type`,
  },
  // Exits dated in the year, counted by the thresholds of their dispositif, in their category and motif; mean length.
  {
    id: 'sorties',
    ids: EXIT_IDS,
    sql: `with exits as materialized (
            select p.dispositif, p.date_debut, p.date_sortie, p.motif_sortie,
                   (select coalesce(sum(h.centiemes), 0) from contrats c join heures h on h.contrat_id = c.id where c.parcours_id = p.id) as total,
                   (select coalesce(sum(h.centiemes), 0) from contrats c join heures h on h.contrat_id = c.id where c.parcours_id = p.id and h.date between :start and :end) as annee
              from parcours p where p.date_sortie between :start and :end and p.date_debut is not null),
          judged as materialized (
            select *, case when dispositif in ('ACI', 'EI') then date_sortie >= date(date_debut, '+' || :exit_months || ' months', 'floor') and annee > 0
                           when dispositif in ('AI', 'ETTI') then total >= :exit_hours * 100 else 1 end as counted,
                   coalesce((select value from json_each(:mapping) where key = motif_sortie), 'AUTRE') as category
              from exits)
          select 'sorties.non_comptabilisees', count(*) from judged where not counted
          union all select 'sorties.constatees', count(*) from judged where counted
          union all select 'sorties.retraits', count(*) from judged where counted and category = 'RETRAIT'
          union all select 'sorties.examinees', count(*) from judged where counted and category <> 'RETRAIT'
          union all select case category when 'EMPLOI_DURABLE' then 'sorties.emploi_durable' when 'EMPLOI_TRANSITION' then 'sorties.emploi_transition'
                                         when 'SORTIE_POSITIVE' then 'sorties.sorties_positives' else 'sorties.autres' end, count(*)
                      from judged where counted and category <> 'RETRAIT' group by category
          union all select 'sorties.par_motif.' || motif_sortie, count(*) from judged where counted and motif_sortie is not null group by motif_sortie
          union all select 'sorties.duree_moyenne_parcours_mois', round(avg(julianday(date_sortie) - julianday(date_debut)) / 30.4375, 1) from judged where counted`,
  },
  // The fiche salarié's situation at hire of each salarié (their latest parcours), the State's profile lines.
  {
    id: 'public.situation',
    ids: ['rsa', 'ass', 'aah', 'rqth', 'inscrit_ft_12_23_mois', 'inscrit_ft_24_mois_et_plus', 'qpv', 'zrr', 'formation_infra_cap', 'formation_cap_bep', 'formation_bac_et_plus'].map((l) => `public.situation.${l}`),
    sql: `${SALARIES}, fiche as materialized (select f.* from principal pr join fiches_salarie f on f.parcours_id = pr.id)
          select 'public.situation.rsa', count(*) from fiche where rsa in ('OUI-M', 'OUI-NM')
          union all select 'public.situation.ass', count(*) from fiche where ass = 1
          union all select 'public.situation.aah', count(*) from fiche where aah = 1
          union all select 'public.situation.rqth', count(*) from fiche where rqth = 1
          union all select 'public.situation.inscrit_ft_12_23_mois', count(*) from fiche where inscrit_ft = 1 and inscrit_ft_depuis = '03'
          union all select 'public.situation.inscrit_ft_24_mois_et_plus', count(*) from fiche where inscrit_ft = 1 and inscrit_ft_depuis = '04'
          union all select 'public.situation.qpv', count(*) from fiche where qpv = 1
          union all select 'public.situation.zrr', count(*) from fiche where zrr = 1
          union all select 'public.situation.formation_infra_cap', count(*) from fiche where niveau_formation in ('00', '01', '60', '70')
          union all select 'public.situation.formation_cap_bep', count(*) from fiche where niveau_formation in ('50', '51')
          union all select 'public.situation.formation_bac_et_plus', count(*) from fiche where niveau_formation in ('10', '20', '30', '40', '41')`,
  },
  // AI persons past the cap of their placements with companies and the like (L5132-9 2°) within a 24-month window
  // that overlaps the year: windows chained from each person's first placement, walked by a recursive query over the
  // placements of the persons over the cap since 1 January two years before (only they can be past it in the year).
  // The joins are ordered (CROSS JOIN) from the capped clients' hours and from the candidates, as a careful author
  // would: left to the planner, it walked every AI parcours twice (146 ms against 25).
  {
    id: 'activite.depassements_480h',
    sql: `with recursive
          candidates as materialized (
            select p.personne_id
              from (select h.contrat_id, sum(h.centiemes) as centiemes from clients cl cross join heures h on h.client_id = cl.id
                     where cl.soumis_plafond_480 = 1 and h.date between :window_start and :end group by h.contrat_id) t
              cross join contrats c on c.id = t.contrat_id cross join parcours p on p.id = c.parcours_id
             where p.dispositif = 'AI' group by p.personne_id having sum(t.centiemes) > :cap * 100),
          placements as materialized (
            select p.personne_id, h.date, sum(h.centiemes) as centiemes,
                   row_number() over (partition by p.personne_id order by h.date) as n
              from candidates k cross join parcours p on p.personne_id = k.personne_id cross join contrats c on c.parcours_id = p.id
              cross join heures h on h.contrat_id = c.id cross join clients cl on cl.id = h.client_id
             where +p.dispositif = 'AI' and cl.soumis_plafond_480 = 1 and h.date <= :end group by p.personne_id, h.date),
          walk (personne_id, n, debut, fin, cumul, depasse_le) as (
            select personne_id, n, date, date(date, '+24 months', 'floor', '-1 day'), centiemes, case when centiemes > :cap * 100 then date end
              from placements where n = 1
            union all
            select w.personne_id, pl.n,
                   iif(pl.date <= w.fin, w.debut, pl.date),
                   iif(pl.date <= w.fin, w.fin, date(pl.date, '+24 months', 'floor', '-1 day')),
                   iif(pl.date <= w.fin, w.cumul + pl.centiemes, pl.centiemes),
                   iif(pl.date <= w.fin, coalesce(w.depasse_le, iif(w.cumul + pl.centiemes > :cap * 100, pl.date, null)), iif(pl.centiemes > :cap * 100, pl.date, null))
              from walk w join placements pl on pl.personne_id = w.personne_id and pl.n = w.n + 1)
          select count(distinct personne_id) from walk
           where depasse_le is not null and debut <= :end and fin >= :start and (:derogation = '' or depasse_le > :derogation)`,
  },
  // ETP (REPORT-SPEC §2.3): hours ÷ H_ref of their dispositif, the annexe's own H_ref on the days its version in force
  // states one; ETP conventionnés, each annexe's version in force day by day, pro rata of the year's days.
  {
    id: 'activite.etp',
    ids: ['activite.etp_realises', 'activite.etp_conventionnes'],
    sql: `with recursive days(d) as (select :start union all select date(d, '+1 day') from days where d < :end),
          in_force as materialized (
            select * from (
              select days.d, a.id as annexe, substr(a.mesure, 1, instr(a.mesure, '_') - 1) as kind, v.id as version,
                     v.etp_conventionnes_dix_milliemes as etp, v.h_ref_centiemes as href,
                     row_number() over (partition by a.id, days.d order by v.avenant desc, v.modification desc) as rn
                from annexes_financieres a join annexes_financieres_versions v on v.annexe_id = a.id join days on days.d between v.date_debut and v.date_fin)
             where rn = 1),
          stated as materialized (
            select kind, href, min(d) as debut, max(d) as fin from in_force where href is not null group by annexe, version),
          hours as materialized (
            select p.dispositif as kind, sum(t.centiemes) as centiemes
              from (select contrat_id, sum(centiemes) as centiemes from heures where date between :start and :end group by contrat_id) t
              join contrats c on c.id = t.contrat_id join parcours p on p.id = c.parcours_id group by p.dispositif),
          realised as (
            select h.kind, h.centiemes / 100.0 / (select value from json_each(:h_ref) where key = h.kind)
                   + coalesce((select sum((select coalesce(sum(hh.centiemes), 0) / 100.0 from heures hh join contrats c on c.id = hh.contrat_id join parcours p on p.id = c.parcours_id
                                            where p.dispositif = s.kind and hh.date between s.debut and s.fin)
                                          * (100.0 / s.href - 1.0 / (select value from json_each(:h_ref) where key = s.kind)))
                                 from stated s where s.kind = h.kind), 0) as etp
              from hours h where h.centiemes > 0)
          select 'activite.etp_realises', round(sum(etp), 2) from realised
          union all select 'activite.etp_conventionnes', round(coalesce(sum(etp), 0) / 10000.0 / (julianday(:end) - julianday(:start) + 1), 2) from in_force`,
  },
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
    const end = `${year}-12-31`;
    const rules = open.indicators.parametresOfYear(year);
    const params = {
      start: `${year}-01-01`,
      end,
      cer_days: rules.delai_cer_jours,
      bilan_months: rules.intervalle_bilan_mois,
      exit_months: open.parametres.valueAt('seuil_sortie_aci_ei_mois', end),
      exit_hours: open.parametres.valueAt('seuil_sortie_ai_etti_heures', end),
      mapping: JSON.stringify(rules.mapping_sorties),
      cap: rules.plafond_ai_entreprises_heures,
      window_start: `${year - 2}-01-01`,
      h_ref: JSON.stringify(rules.h_ref),
      derogation: open.parametres.valueAt('derogation_480h_jusquau', end),
    };
    // The temporary table exists before the queries that read it are prepared.
    const drop = open.sqlite.prepare(SALARIES_DROP);
    const create = open.sqlite.prepare(SALARIES_CREATE);
    const materialise = () => {
      drop.run();
      create.run(params);
    };
    materialise();
    const statements = QUERIES.map((q) => ({ query: q, statement: q.ids ? open.sqlite.prepare(q.sql).raw() : open.sqlite.prepare(q.sql).pluck() }));
    /** Each query's values by indicator id. */
    const run = () => {
      materialise();
      return statements.flatMap(({ query, statement }): Array<[string, number]> => {
        if (!query.ids) return [[query.id, Number((statement.get(params) as number | null) ?? 0)]];
        const found = new Map((statement.all(params) as Array<[string, number | null]>).map(([id, value]) => [id, Number(value ?? 0)]));
        return query.ids.map((id) => [id, found.get(id) ?? 0]);
      });
    };
    const engine = open.indicators.computeFresh(year).indicateurs;
    const differences: string[] = [];
    const plainValues = run();
    for (const [id, plain] of plainValues) {
      const custom = QUERIES.find((q) => q.id === id)?.engine;
      const computed = custom ? custom(engine) : (engine[id] ?? 0);
      if (typeof computed !== 'number' || Math.abs(plain - computed) > 0.01) differences.push(`${id} : SQL ${plain}, moteur ${String(computed)}`);
    }
    // Warm, alternated in one run, so that both see the same machine.
    const sql: number[] = [];
    const eng: number[] = [];
    for (let i = 0; i < runs; i++) {
      sql.push(cpuMs(run));
      eng.push(cpuMs(() => open.indicators.computeFresh(year)));
    }
    const sqlCpuMs = Math.round(median(sql) * 10) / 10;
    const engineCpuMs = Math.round(median(eng) * 10) / 10;
    return { groups: QUERIES.length, values: plainValues.length, sqlCpuMs, engineCpuMs, ratio: Math.round((engineCpuMs / sqlCpuMs) * 100) / 100, differences };
  } finally {
    runtime.close();
  }
}
