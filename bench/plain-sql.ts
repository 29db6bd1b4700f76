/**
 * The indicators' engine beside hand-written SQL for the same figures (issue 19: the engine may cost at most 1.2× a
 * plain version, measured side by side in one run). Each query is the figure's definition written directly
 * (REPORT-SPEC.md §2, docs/report-spec.md §5), with no JavaScript rule, **in every scope the engine computes**: the
 * structure and each dispositif (`par_dispositif.<KIND>.`). Every value of the engine's year is checked against it; the
 * rates alone are divided in JavaScript from the plain values by their shared definition (DERIVATIONS), as the engine
 * does, since a division is not a query.
 *
 * Each query returns rows (scope, indicator id, value): scope null for the structure, else the dispositif. Person
 * counts in a dispositif describe each person by their latest parcours in it (`principal_dispositif`), over the
 * structure by their latest parcours (`principal`), as docs/report-spec.md §5.1 says. The ETP query was also checked
 * on a copy of a demo whose versions state their own H_ref (the demo's do not).
 */
import { appPaths } from '../src-main/app-paths';
import { AppRuntime } from '../src-main/app-runtime';
import { ORIENTEURS } from '../src-shared/domain/asp-codes';
import { CRITERES as CRITERE_CODES } from '../src-shared/domain/criteres';
import { FREIN_TYPES } from '../src-shared/domain/freins';
import { CLIENT_TYPES as CLIENT_TYPE_LABELS, MOTIFS_SORTIE } from '../src-shared/domain/insertion';
import { baseId, INDICATOR_DEFINITIONS, RATIOS, ratioValue, UNIT_DECIMALS, type IndicatorId } from '../src-shared/observatoire/indicateurs';
import { round } from '../src-shared/rules/heures';

interface PlainQuery {
  /** A name for the group. */
  id: string;
  /** The indicator ids (without the dispositif prefix) it computes: every engine value of these ids is compared. */
  ids: readonly string[];
  /** Rows of (scope, indicator id, value). */
  sql: string;
}

/**
 * The year's salariés (REPORT-SPEC §2.2): parcours with hours in the year, EITI parcours open during it; `principal`:
 * each person's latest parcours started, `principal_dispositif`: their latest in its dispositif (docs/report-spec.md
 * §5.1). Materialised once per computation, as a careful hand-written version would (and as the reference
 * did): counted in the plain SQL's time.
 */
export const TABLES = `create temp table if not exists plain_hours (parcours_id text not null, dispositif text not null, client_id text, centiemes integer not null);
  create temp table if not exists plain_sal (id text primary key, personne_id text not null, dispositif text not null, date_debut text, diagnostic_id text,
    age_debut integer, principal integer not null, principal_dispositif integer not null)`;
/** The year's hours by parcours and client (read by the salariés, the hours and the ETP): summed by contract first. */
export const HOURS_FILL = `insert into plain_hours
     select c.parcours_id, p.dispositif, t.client_id, sum(t.centiemes)
       from (select contrat_id, client_id, sum(centiemes) as centiemes from heures where date between :start and :end group by contrat_id, client_id) t
       join contrats c on c.id = t.contrat_id join parcours p on p.id = c.parcours_id
      group by c.parcours_id, t.client_id`;
export const SALARIES_FILL = `insert into plain_sal
     select p.id, p.personne_id, p.dispositif, p.date_debut, p.diagnostic_id, p.age_debut,
            row_number() over (partition by p.personne_id order by p.date_debut desc, p.id desc) = 1,
            row_number() over (partition by p.personne_id, p.dispositif order by p.date_debut desc, p.id desc) = 1
       from parcours p
      where p.id in (select parcours_id from temp.plain_hours group by parcours_id having sum(centiemes) > 0)
         or (p.dispositif = 'EITI' and p.date_debut <= :end and (p.date_sortie is null or p.date_sortie >= :start))`;
/** Each salarié in the scopes their parcours describes them in: the structure (scope null) and its dispositif. */
const DESCRIBED = `with sal as (select * from temp.plain_sal),
  described as (select *, null as scope from sal where principal union all select *, dispositif as scope from sal where principal_dispositif)`;
/** Rows of `table` in the structure's scope and in their dispositif's. */
const inBothScopes = (table: string) => `select *, null as scope from ${table} union all select *, dispositif as scope from ${table}`;

const CRITERES = Object.keys(CRITERE_CODES);
const DECISIONS = ['entree', 'reorientation', 'refus_personne', 'non_eligible', 'sans_suite'];
const CLIENT_TYPES = Object.keys(CLIENT_TYPE_LABELS);
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const FREIN_IDS = Object.keys(FREIN_TYPES).flatMap((type) => ['concernes', 'interne', 'externe', 'les_deux'].map((p) => `accompagnement.freins.${type}.${p}`));
const EXIT_IDS = [
  'sorties.non_comptabilisees', 'sorties.constatees', 'sorties.retraits', 'sorties.examinees', 'sorties.emploi_durable', 'sorties.emploi_transition',
  'sorties.sorties_positives', 'sorties.autres', 'sorties.duree_moyenne_parcours_mois', ...Object.keys(MOTIFS_SORTIE).map((m) => `sorties.par_motif.${m}`),
];
const SITUATION_IDS = ['rsa', 'ass', 'aah', 'rqth', 'inscrit_ft_12_23_mois', 'inscrit_ft_24_mois_et_plus', 'qpv', 'zrr', 'formation_infra_cap', 'formation_cap_bep', 'formation_bac_et_plus'].map(
  (l) => `public.situation.${l}`,
);

/**
 * Bound parameters: :start and :end, the year's first and last day; the structure's rules in force on 31 December:
 * :cer_days, :bilan_months, :exit_months, :exit_hours, :mapping (the exit categories, JSON), :cap and :derogation (the
 * 480-hour cap and the end of a prefect's derogation). The engine reads the exit thresholds at each exit's date and the
 * derogation at each overrun's: the same here while they did not change during the year (the demo's case).
 * Months are added as date-fns does (the last day of a shorter month: SQLite's `floor`).
 */
export const QUERIES: PlainQuery[] = [
  {
    id: 'public',
    ids: ['public.salaries_en_parcours', 'public.femmes', 'public.hommes', 'public.moins_26_ans', 'public.de_26_a_49_ans', 'public.50_ans_et_plus', 'public.niveau_infra_bac'],
    sql: `${DESCRIBED}, profile as materialized (
            select d.scope, pe.civilite, pe.niveau_formation as niveau,
                   coalesce(d.age_debut, cast(strftime('%Y', d.date_debut) as integer) - cast(strftime('%Y', pe.date_naissance) as integer)
                     - (strftime('%m-%d', d.date_debut) < strftime('%m-%d', pe.date_naissance))) as age
              from described d join personnes pe on pe.id = d.personne_id)
          select scope, 'public.salaries_en_parcours', count(*) from profile group by scope
          union all select scope, 'public.femmes', count(*) from profile where civilite = 'MME' group by scope
          union all select scope, 'public.hommes', count(*) from profile where civilite = 'M' group by scope
          union all select scope, 'public.moins_26_ans', count(*) from profile where age < 26 group by scope
          union all select scope, 'public.de_26_a_49_ans', count(*) from profile where age between 26 and 49 group by scope
          union all select scope, 'public.50_ans_et_plus', count(*) from profile where age >= 50 group by scope
          union all select scope, 'public.niveau_infra_bac', count(*) from profile where niveau in ('00', '01', '50', '51', '60', '70') group by scope`,
  },
  {
    id: 'public.criteres',
    ids: CRITERES.map((c) => `public.criteres.${c}`),
    sql: `${DESCRIBED} select d.scope, 'public.criteres.' || ce.critere, count(distinct d.personne_id)
            from described d join criteres_eligibilite ce on ce.diagnostic_id = d.diagnostic_id group by d.scope, ce.critere`,
  },
  // The fiche salarié's situation at hire of each salarié described, the State's profile lines.
  {
    id: 'public.situation',
    ids: SITUATION_IDS,
    sql: `${DESCRIBED}, fiche as materialized (select d.scope, f.* from described d join fiches_salarie f on f.parcours_id = d.id)
          select scope, 'public.situation.rsa', count(*) from fiche where rsa in ('OUI-M', 'OUI-NM') group by scope
          union all select scope, 'public.situation.ass', count(*) from fiche where ass = 1 group by scope
          union all select scope, 'public.situation.aah', count(*) from fiche where aah = 1 group by scope
          union all select scope, 'public.situation.rqth', count(*) from fiche where rqth = 1 group by scope
          union all select scope, 'public.situation.inscrit_ft_12_23_mois', count(*) from fiche where inscrit_ft = 1 and inscrit_ft_depuis = '03' group by scope
          union all select scope, 'public.situation.inscrit_ft_24_mois_et_plus', count(*) from fiche where inscrit_ft = 1 and inscrit_ft_depuis = '04' group by scope
          union all select scope, 'public.situation.qpv', count(*) from fiche where qpv = 1 group by scope
          union all select scope, 'public.situation.zrr', count(*) from fiche where zrr = 1 group by scope
          union all select scope, 'public.situation.formation_infra_cap', count(*) from fiche where niveau_formation in ('00', '01', '60', '70') group by scope
          union all select scope, 'public.situation.formation_cap_bep', count(*) from fiche where niveau_formation in ('50', '51') group by scope
          union all select scope, 'public.situation.formation_bac_et_plus', count(*) from fiche where niveau_formation in ('10', '20', '30', '40', '41') group by scope`,
  },
  // Parcours started in the year, and who oriented the person (the ASP's orienteur codes).
  {
    id: 'public.entrees',
    ids: ['public.entrees', ...Object.keys(ORIENTEURS).map((o) => `public.orienteur.${o}`)],
    sql: `with started as materialized (select p.dispositif, pe.orienteur from parcours p join personnes pe on pe.id = p.personne_id where p.date_debut between :start and :end),
               scoped as (${inBothScopes('started')})
          select scope, 'public.entrees', count(*) from scoped group by scope
          union all select scope, 'public.orienteur.' || orienteur, count(*) from scoped where orienteur in (${quoted(Object.keys(ORIENTEURS))}) group by scope, orienteur`,
  },
  // The year's hours by dispositif and client: hours worked, active clients, hours by client type (AI and ETTI).
  {
    id: 'activite.heures',
    ids: ['activite.heures_travaillees', 'activite.clients_actifs', ...CLIENT_TYPES.map((t) => `activite.heures_par_type_client.${t}`)],
    sql: `with by_client as materialized (
            select h.dispositif, h.client_id, cl.type, sum(h.centiemes) as centiemes
              from temp.plain_hours h left join clients cl on cl.id = h.client_id group by h.dispositif, h.client_id),
               scoped as (${inBothScopes('by_client')})
          select scope, 'activite.heures_travaillees', sum(centiemes) / 100.0 from scoped group by scope
          union all select scope, 'activite.clients_actifs', count(distinct client_id) from scoped where client_id is not null group by scope
          union all select scope, 'activite.heures_par_type_client.' || type, sum(centiemes) / 100.0 from scoped
                     where dispositif in ('AI', 'ETTI') and type in (${quoted(CLIENT_TYPES)}) group by scope, type`,
  },
  {
    id: 'accueil',
    ids: ['accueil.personnes_accueillies', 'accueil.offre_presentee', 'accueil.diagnostics_realises', 'accueil.en_attente_fin_annee', ...DECISIONS.map((d) => `accueil.decisions.${d}`)],
    sql: `select null, 'accueil.personnes_accueillies', count(distinct personne_id) from accueils where date_premier_contact between :start and :end
          union all select null, 'accueil.offre_presentee', count(*) from accueils where date_premier_contact between :start and :end and date_offre_presentee is not null
          union all select null, 'accueil.diagnostics_realises', count(*) from accueils where date_premier_contact between :start and :end and date_diagnostic is not null
          union all select null, 'accueil.decisions.' || decision, count(*) from accueils where decision is not null and date_decision between :start and :end group by decision
          union all select null, 'accueil.en_attente_fin_annee', (select count(*) from accueils where decision is null and date_premier_contact <= :end)
                                                                + (select count(*) from accueils where decision is not null and date_decision > :end and date_premier_contact <= :end)`,
  },
  {
    id: 'accueil.delai_median_decision_jours',
    ids: ['accueil.delai_median_decision_jours'],
    sql: `with d as (select julianday(date_decision) - julianday(date_premier_contact) as delai from accueils where decision is not null and date_decision between :start and :end),
               o as (select delai, row_number() over (order by delai) as rn, count(*) over () as n from d)
          select null, 'accueil.delai_median_decision_jours', avg(delai) from o where rn in ((n + 1) / 2, (n + 2) / 2)`,
  },
  // Intakes decided for want of a place, and clients' requests not served.
  {
    id: 'territoire.demandes_non_satisfaites',
    ids: ['territoire.demandes_non_satisfaites'],
    sql: `select null, 'territoire.demandes_non_satisfaites',
                 (select count(*) from accueils where decision in ('reorientation', 'sans_suite') and motif_decision = 'no_position' and date_decision between :start and :end)
               + (select count(*) from besoins_non_satisfaits where nature = 'client' and date between :start and :end)`,
  },
  {
    id: 'accompagnement.bilans',
    ids: ['accompagnement.bilans_realises', 'accompagnement.salaries_avec_bilan'],
    sql: `with done as materialized (select p.dispositif, count(*) as n from bilans b join parcours p on p.id = b.parcours_id where b.date between :start and :end group by p.dispositif),
               with_bilan as materialized (select distinct s.personne_id, s.dispositif from temp.plain_sal s join bilans b on b.parcours_id = s.id where b.date between :start and :end)
          select dispositif, 'accompagnement.bilans_realises', n from done
          union all select null, 'accompagnement.bilans_realises', coalesce(sum(n), 0) from done
          union all select dispositif, 'accompagnement.salaries_avec_bilan', count(*) from with_bilan group by dispositif
          union all select null, 'accompagnement.salaries_avec_bilan', count(distinct personne_id) from with_bilan`,
  },
  // Trainings starting in the year (actions, hours, qualifying), and the salariés with a training touching the year.
  {
    id: 'accompagnement.formation',
    ids: ['accompagnement.formation.actions', 'accompagnement.formation.heures', 'accompagnement.formation.qualifiantes', 'accompagnement.formation.salaries_formes'],
    sql: `with started as materialized (select p.dispositif, f.heures, f.qualifiante from formations f join parcours p on p.id = f.parcours_id where f.date_debut between :start and :end),
               scoped as (${inBothScopes('started')}),
               trained as materialized (
                 select distinct s.personne_id, s.dispositif from formations f join temp.plain_sal s on s.id = f.parcours_id
                  where f.date_debut <= :end and (f.date_fin is null or f.date_fin >= :start))
          select scope, 'accompagnement.formation.actions', count(*) from scoped group by scope
          union all select scope, 'accompagnement.formation.heures', coalesce(sum(heures), 0) / 100.0 from scoped group by scope
          union all select scope, 'accompagnement.formation.qualifiantes', count(*) from scoped where qualifiante = 1 group by scope
          union all select dispositif, 'accompagnement.formation.salaries_formes', count(*) from trained group by dispositif
          union all select null, 'accompagnement.formation.salaries_formes', count(distinct personne_id) from trained`,
  },
  {
    id: 'accompagnement.pmsmp',
    ids: ['accompagnement.pmsmp'],
    sql: `with done as materialized (select p.dispositif, count(*) as n from pmsmp m join parcours p on p.id = m.parcours_id where m.date_debut between :start and :end group by p.dispositif)
          select dispositif, 'accompagnement.pmsmp', n from done union all select null, 'accompagnement.pmsmp', coalesce(sum(n), 0) from done`,
  },
  {
    id: 'qualite',
    ids: ['qualite.actions_amelioration_ouvertes_fin_annee', 'qualite.actions_amelioration_realisees', 'qualite.reclamations', 'qualite.satisfaction_moyenne'],
    sql: `select null, 'qualite.actions_amelioration_ouvertes_fin_annee', count(*) from actions_amelioration where date_ouverture <= :end and (date_cloture is null or date_cloture > :end)
          union all select null, 'qualite.actions_amelioration_realisees', count(*) from actions_amelioration where date_cloture between :start and :end
          union all select null, 'qualite.reclamations', count(*) from reclamations where date between :start and :end
          union all select null, 'qualite.satisfaction_moyenne', avg(note) from reponses_satisfaction where date between :start and :end`,
  },
  // CER (REPORT-SPEC §2.4): parcours started in the year with a signed CER, and those signed within the delay.
  {
    id: 'accompagnement.cer',
    ids: ['accompagnement.cer_signes', 'accompagnement.cer_signes_dans_delai'],
    sql: `with started as materialized (select p.dispositif, p.date_debut, (select min(c.date_signature) from cer c where c.parcours_id = p.id and c.date_signature is not null) as signe
                             from parcours p where p.date_debut between :start and :end),
               scoped as (${inBothScopes('started')})
          select scope, 'accompagnement.cer_signes', count(*) from scoped where signe is not null group by scope
          union all select scope, 'accompagnement.cer_signes_dans_delai', count(*) from scoped where signe <= date(date_debut, '+' || :cer_days || ' days') group by scope`,
  },
  // Parcours open on 31 December whose next bilan (one interval after the latest, or after the start) was due before.
  {
    id: 'accompagnement.bilans_en_retard_fin_annee',
    ids: ['accompagnement.bilans_en_retard_fin_annee'],
    sql: `with overdue as materialized (
            select dispositif from (
              select p.dispositif, max(p.date_debut, coalesce((select max(b.date) from bilans b where b.parcours_id = p.id and b.date <= :end), p.date_debut)) as dernier
                from parcours p where p.date_sortie is null and +p.date_debut <= :end
              union all
              select p.dispositif, max(p.date_debut, coalesce((select max(b.date) from bilans b where b.parcours_id = p.id and b.date <= :end), p.date_debut))
                from parcours p where p.date_sortie > :end and +p.date_debut <= :end)
             where date(dernier, '+' || :bilan_months || ' months', 'floor') < :end)
          select dispositif, 'accompagnement.bilans_en_retard_fin_annee', count(*) from overdue group by dispositif
          union all select null, 'accompagnement.bilans_en_retard_fin_annee', count(*) from overdue`,
  },
  // Freins of the salariés, open in the year, and who supported each person on it: the structure, a partner, both.
  // In a dispositif, the actions of that dispositif; over the structure, a person counts once, supported by either.
  {
    id: 'accompagnement.freins',
    ids: FREIN_IDS,
    sql: `with concerned as (
            select distinct s.dispositif, f.type, s.personne_id from temp.plain_sal s join freins f on f.personne_id = s.personne_id
             where f.date_identification <= :end and (f.date_levee is null or f.date_levee >= :start)),
          actions as (
            select s.personne_id, s.dispositif, a.type_frein as type, max(a.prestataire = 'interne') as interne, max(a.prestataire = 'externe') as externe
              from actions_freins a join temp.plain_sal s on s.id = a.parcours_id where a.date between :start and :end group by 1, 2, 3),
          in_dispositif as materialized (
            select c.dispositif, c.type, c.personne_id, coalesce(a.interne, 0) as interne, coalesce(a.externe, 0) as externe
              from concerned c left join actions a on a.personne_id = c.personne_id and a.dispositif = c.dispositif and a.type = c.type),
          person as materialized (
            select dispositif as scope, type, interne, externe from in_dispositif
            union all select null, type, max(interne), max(externe) from in_dispositif group by type, personne_id)
          select scope, 'accompagnement.freins.' || type || '.concernes', count(*) from person group by scope, type
          union all select scope, 'accompagnement.freins.' || type || '.interne', count(*) from person where interne and not externe group by scope, type
          union all select scope, 'accompagnement.freins.' || type || '.externe', count(*) from person where externe and not interne group by scope, type
          union all select scope, 'accompagnement.freins.' || type || '.les_deux', count(*) from person where interne and externe group by scope, type`,
  },
  // Exits dated in the year, counted by the thresholds of their dispositif, in their category and motif; mean length.
  {
    id: 'sorties',
    ids: EXIT_IDS,
    // The year's hours from the materialised ones; the whole parcours' hours only where the threshold is in hours.
    sql: `with in_year as materialized (select parcours_id, sum(centiemes) as centiemes from temp.plain_hours group by parcours_id),
          exits as materialized (
            select p.dispositif, p.date_debut, p.date_sortie, p.motif_sortie,
                   case when p.dispositif in ('AI', 'ETTI') then (select coalesce(sum(h.centiemes), 0) from contrats c join heures h on h.contrat_id = c.id where c.parcours_id = p.id) end as total,
                   coalesce(y.centiemes, 0) as annee
              from parcours p left join in_year y on y.parcours_id = p.id where p.date_sortie between :start and :end and p.date_debut is not null),
          judged as materialized (
            select *, case when dispositif in ('ACI', 'EI') then date_sortie >= date(date_debut, '+' || :exit_months || ' months', 'floor') and annee > 0
                           when dispositif in ('AI', 'ETTI') then total >= :exit_hours * 100 else 1 end as counted,
                   coalesce((select value from json_each(:mapping) where key = motif_sortie), 'AUTRE') as category
              from exits),
          scoped as (${inBothScopes('judged')})
          select scope, 'sorties.non_comptabilisees', count(*) from scoped where not counted group by scope
          union all select scope, 'sorties.constatees', count(*) from scoped where counted group by scope
          union all select scope, 'sorties.retraits', count(*) from scoped where counted and category = 'RETRAIT' group by scope
          union all select scope, 'sorties.examinees', count(*) from scoped where counted and category <> 'RETRAIT' group by scope
          union all select scope, case category when 'EMPLOI_DURABLE' then 'sorties.emploi_durable' when 'EMPLOI_TRANSITION' then 'sorties.emploi_transition'
                                         when 'SORTIE_POSITIVE' then 'sorties.sorties_positives' else 'sorties.autres' end, count(*)
                      from scoped where counted and category <> 'RETRAIT' group by scope, category
          union all select scope, 'sorties.par_motif.' || motif_sortie, count(*) from scoped where counted and motif_sortie is not null group by scope, motif_sortie
          union all select scope, 'sorties.duree_moyenne_parcours_mois', avg(julianday(date_sortie) - julianday(date_debut)) / 30.4375 from scoped where counted group by scope`,
  },
  // AI persons past the cap of their placements with companies and the like (L5132-9 2°) within a 24-month window
  // that overlaps the year: windows chained from each person's first placement, walked by a recursive query over the
  // placements of the persons over the cap since 1 January two years before (only they can be past it in the year).
  // The joins are ordered (CROSS JOIN) from the capped clients' hours and from the candidates, as a careful author
  // would: left to the planner, it walked every AI parcours twice (146 ms against 25). Counted in AI and the structure.
  {
    id: 'activite.depassements_480h',
    ids: ['activite.depassements_480h'],
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
              from walk w join placements pl on pl.personne_id = w.personne_id and pl.n = w.n + 1),
          overruns as materialized (
            select count(distinct personne_id) as n from walk
             where depasse_le is not null and debut <= :end and fin >= :start and (:derogation = '' or depasse_le > :derogation))
          select null, 'activite.depassements_480h', n from overruns union all select 'AI', 'activite.depassements_480h', n from overruns`,
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
          hours as materialized (select dispositif as kind, sum(centiemes) as centiemes from temp.plain_hours group by dispositif),
          realised as materialized (
            select h.kind, h.centiemes / 100.0 / (select value from json_each(:h_ref) where key = h.kind)
                   + coalesce((select sum((select coalesce(sum(hh.centiemes), 0) / 100.0 from heures hh join contrats c on c.id = hh.contrat_id join parcours p on p.id = c.parcours_id
                                            where p.dispositif = s.kind and hh.date between s.debut and s.fin)
                                          * (100.0 / s.href - 1.0 / (select value from json_each(:h_ref) where key = s.kind)))
                                 from stated s where s.kind = h.kind), 0) as etp
              from hours h),
          conventionnes as materialized (
            select kind, sum(etp) / 10000.0 / (julianday(:end) - julianday(:start) + 1) as etp from in_force group by kind)
          select kind, 'activite.etp_realises', etp from realised
          union all select null, 'activite.etp_realises', coalesce(sum(etp), 0) from realised
          union all select kind, 'activite.etp_conventionnes', etp from conventionnes
          union all select null, 'activite.etp_conventionnes', coalesce(sum(etp), 0) from conventionnes`,
  },
];

/** Every indicator id the queries cover, and the rates divided from them. */
const COVERED = new Set<string>([...QUERIES.flatMap((q) => q.ids), ...RATIOS.map((r) => r.id)]);
const UNIT_OF = new Map(INDICATOR_DEFINITIONS.map((d) => [d.id as string, d.unit]));
/** Counts, hours and ETP absent from a query's rows are 0; a mean, median or rate without data has no value. */
const unitOf = (id: string) => UNIT_OF.get(id) ?? 'count';
const absentValue = (id: string): number | null => (['count', 'hours', 'etp'].includes(unitOf(id)) ? 0 : null);
const keyOf = (scope: string | null, id: string) => (scope ? `par_dispositif.${scope}.${id}` : id);

export interface PlainSqlComparison {
  groups: number;
  /** Values compared: every engine value of the year, and any the SQL gives that the engine does not. */
  values: number;
  engineValues: number;
  /** The plain side's first computation in a fresh process (tables made, statements prepared, pages first read). */
  sqlColdCpuMs: number;
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
    // The temporary tables, made once and filled for each computation (as the engine's salariés table is), exist
    // before the queries that read them are prepared. The first computation, from the tables' creation to its values,
    // is the plain side's cold one: the first thing this process does after opening the base, as the engine's cold
    // measure is in its own process.
    const coldStart = process.cpuUsage();
    open.sqlite.exec(TABLES);
    const fills = [open.sqlite.prepare('delete from plain_hours'), open.sqlite.prepare('delete from plain_sal'), open.sqlite.prepare(HOURS_FILL), open.sqlite.prepare(SALARIES_FILL)];
    const materialise = () => {
      for (const fill of fills) fill.run(fill.source.includes(':start') ? params : {});
    };
    materialise();
    const statements = QUERIES.map((q) => open.sqlite.prepare(q.sql).raw());
    /** Every value by its key (`par_dispositif.<KIND>.` in a dispositif), rounded as the engine's are; rates divided. */
    const run = () => {
      materialise();
      const values = new Map<string, number | null>();
      const scopes = new Set<string | null>([null]);
      for (const statement of statements) {
        for (const [scope, id, value] of statement.all(params) as Array<[string | null, string, number | null]>) {
          scopes.add(scope);
          values.set(keyOf(scope, id), value);
        }
      }
      // Rates from the unrounded parts, as the engine divides them; then every value rounded as the engine's are.
      const valueOf = (scope: string | null) => (id: IndicatorId) => values.get(keyOf(scope, id)) ?? absentValue(id);
      for (const { id, derivation } of RATIOS) for (const scope of scopes) values.set(keyOf(scope, id), ratioValue(derivation, valueOf(scope)));
      for (const [key, value] of values) if (value !== null) values.set(key, round(value, UNIT_DECIMALS[unitOf(baseId(key))]));
      return values;
    };
    const plain = run();
    const coldUsed = process.cpuUsage(coldStart);
    const sqlColdCpuMs = Math.round((coldUsed.user + coldUsed.system) / 100) / 10;
    const engine = open.indicators.computeFresh(year).indicateurs;
    // Every engine value of a covered id, and every plain value, each compared with the other side's.
    const compared = new Set([...Object.keys(engine).filter((key) => COVERED.has(baseId(key))), ...plain.keys()]);
    const differences: string[] = [];
    for (const key of compared) {
      const absent = absentValue(baseId(key));
      const fromSql = plain.has(key) ? plain.get(key)! : absent;
      const fromEngine = key in engine ? engine[key]! : absent;
      if (fromSql !== fromEngine) differences.push(`${key} : SQL ${String(fromSql)}, moteur ${String(fromEngine)}`);
    }
    const uncovered = Object.keys(engine).filter((key) => !COVERED.has(baseId(key)));
    if (uncovered.length > 0) differences.push(`non écrits en SQL : ${uncovered.join(', ')}`);
    // Warm, alternated in one run, so that both see the same machine.
    const sql: number[] = [];
    const eng: number[] = [];
    for (let i = 0; i < runs; i++) {
      sql.push(cpuMs(run));
      eng.push(cpuMs(() => open.indicators.computeFresh(year)));
    }
    const sqlCpuMs = Math.round(median(sql) * 10) / 10;
    const engineCpuMs = Math.round(median(eng) * 10) / 10;
    return { groups: QUERIES.length, values: compared.size, engineValues: Object.keys(engine).length, sqlColdCpuMs, sqlCpuMs, engineCpuMs, ratio: Math.round((engineCpuMs / sqlCpuMs) * 100) / 100, differences };
  } finally {
    runtime.close();
  }
}
