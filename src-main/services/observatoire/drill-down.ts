/**
 * The persons behind a count of the observatoire (issue 5 §2): the same definitions as the indicator engine (its
 * temporary table of the year's salariés, its exits and freins rows), so the list always has as many persons as
 * the count. Sums of hours, ETP and rates have no list.
 */
import type Database from 'better-sqlite3';
import { CATEGORIES_SORTIE, MOTIFS_SORTIE } from '../../../src-shared/domain/insertion';
import { DECISIONS } from '../../../src-shared/domain/accueil';
import { NIVEAUX_FORMATION, type NiveauFormation } from '../../../src-shared/domain/asp-codes';
import { CRITERES, type Critere } from '../../../src-shared/domain/criteres';
import { SITUATION_LINES, type SituationLine } from '../../../src-shared/observatoire/situation';
import { SITUATION_SQL } from './situation-sql';
import { AppError } from '../../../src-shared/errors';
import { baseId, hasPersonList, indicatorDefinition } from '../../../src-shared/observatoire/indicateurs';
import type { SiaeKind } from '../../../src-shared/siae';
import type { DrillDown, DrillDownPerson } from '../../../src-shared/views-observatoire';
import { AGE_SQL, exitIndicators, INFRA_BAC, supportByPerson, type IndicatorsService } from './indicators-service';
import { shortFrenchDate } from '../../../src-shared/rules/dates';

type Row = { personne_id: string; dispositif: SiaeKind | null; precision: string };

const PROVIDER_LABELS = { interne: 'Accompagnement par la structure', externe: 'Accompagnement par un partenaire', les_deux: 'Accompagnement par la structure et un partenaire' } as const;

/**
 * The detail line as a person reads it (issue 14 §7): the SQL writes ISO dates and codes, shown here as French dates
 * and labels; no code or ISO date reaches the screen.
 */
export function readablePrecision(precision: string): string {
  const level = /^Niveau ASP (\w+)$/.exec(precision)?.[1];
  if (level) return `Niveau de formation : ${NIVEAUX_FORMATION[level as NiveauFormation] ?? 'non renseigné'}`;
  const critere = /^Critère (\w+)$/.exec(precision)?.[1];
  if (critere) return `Critère : ${CRITERES[critere as Critere]?.label ?? critere}`;
  return precision.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => shortFrenchDate(iso));
}

const NO_LIST = 'Cet indicateur (une somme, un taux, ou un nombre d’actions) n’a pas de liste de personnes.';



export class DrillDownService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly indicators: IndicatorsService,
  ) {}

  persons(annee: number, id: string): DrillDown {
    if (!hasPersonList(id)) throw new AppError('NOT_FOUND', NO_LIST);
    const kind = (/^par_dispositif\.([A-Z]+)\./.exec(id)?.[1] ?? null) as SiaeKind | null;
    const base = baseId(id);
    const start = `${annee}-01-01`;
    const end = `${annee}-12-31`;
    const run = () => {
      this.indicators.gatherSalaries(start, end);
      return this.rows(base, kind, start, end, annee);
    };
    const rows = this.sqlite.inTransaction ? run() : this.sqlite.transaction(run)();
    if (!rows) throw new AppError('NOT_FOUND', NO_LIST);
    const kept = rows.filter((r) => kind === null || r.dispositif === kind);
    const names = this.namesOf([...new Set(kept.map((r) => r.personne_id))]);
    const personnes: DrillDownPerson[] = kept
      .map((r) => ({ personneId: r.personne_id, ...names.get(r.personne_id)!, dispositif: r.dispositif, precision: readablePrecision(r.precision) }))
      .sort((a, b) => a.nom.localeCompare(b.nom, 'fr') || a.prenom.localeCompare(b.prenom, 'fr'));
    return { id, libelle: indicatorDefinition(id)?.label ?? id, personnes };
  }

  /** Names of the listed persons, read by batches rather than one query per row. */
  private namesOf(ids: string[]): Map<string, { nom: string; prenom: string }> {
    const names = new Map<string, { nom: string; prenom: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      const rows = this.sqlite.prepare(`select id, nom, prenom from personnes where id in (${batch.map(() => '?').join(', ')})`).all(...batch) as Array<{ id: string; nom: string; prenom: string }>;
      for (const r of rows) names.set(r.id, { nom: r.nom, prenom: r.prenom });
    }
    return names;
  }

  /** Rows for one base id; `null` when the indicator is not a count of persons or events about persons. */
  private rows(base: string, kind: SiaeKind | null, start: string, end: string, annee: number): Row[] | null {
    const all = <T>(sql: string, ...p: unknown[]) => this.sqlite.prepare(sql).all(...p) as T[];
    // Per dispositif, a person is described by their latest parcours in it; in the totals, by their latest overall.
    const principal = kind ? 's.principal_dispositif = 1' : 's.principal = 1';
    const salaries = (where: string, precision: string) =>
      all<Row>(`select s.personne_id, s.dispositif, ${precision} as precision from obs_salaries s join personnes pe on pe.id = s.personne_id where ${principal} and ${where}`);

    switch (base) {
      case 'public.salaries_en_parcours':
        return salaries('1', "'Parcours commencé le ' || coalesce(s.date_debut, '')");
      case 'public.femmes':
        return salaries("pe.civilite = 'MME'", "'Madame'");
      case 'public.hommes':
        return salaries("pe.civilite = 'M'", "'Monsieur'");
      case 'public.moins_26_ans':
        return salaries(`${AGE_SQL} < 26`, `${AGE_SQL} || ' ans au début du parcours'`);
      case 'public.de_26_a_49_ans':
        return salaries(`${AGE_SQL} between 26 and 49`, `${AGE_SQL} || ' ans au début du parcours'`);
      case 'public.50_ans_et_plus':
        return salaries(`${AGE_SQL} >= 50`, `${AGE_SQL} || ' ans au début du parcours'`);
      case 'public.niveau_infra_bac':
        return salaries(`pe.niveau_formation in (${INFRA_BAC.map((c) => `'${c}'`).join(', ')})`, "'Niveau ASP ' || pe.niveau_formation");
      case 'public.entrees':
        return all<Row>("select personne_id, dispositif, 'Entrée le ' || date_debut as precision from parcours where date_debut between ? and ?", start, end);
      case 'accueil.personnes_accueillies':
        return all<Row>(
          "select personne_id, null as dispositif, 'Premier contact le ' || min(date_premier_contact) as precision from accueils where date_premier_contact between ? and ? group by personne_id",
          start,
          end,
        );
      case 'accueil.en_attente_fin_annee':
        return all<Row>(
          `select personne_id, null as dispositif, 'Premier contact le ' || date_premier_contact as precision from accueils
            where date_premier_contact <= ? and (decision is null or date_decision > ?)`,
          end,
          end,
        );
      case 'accompagnement.salaries_avec_bilan':
        return all<Row>(
          `select s.personne_id, s.dispositif, 'Bilan du ' || max(b.date) as precision from obs_salaries s join bilans b on b.parcours_id = s.parcours_id
            where b.date between ? and ? group by s.personne_id${kind ? ', s.dispositif' : ''}`,
          start,
          end,
        );
      case 'accompagnement.formation.salaries_formes':
        return all<Row>(
          `select p.personne_id, p.dispositif, min(f.intitule) as precision from formations f join parcours p on p.id = f.parcours_id
            where f.date_debut <= ? and (f.date_fin is null or f.date_fin >= ?) and f.parcours_id in (select parcours_id from obs_salaries)
            group by p.personne_id${kind ? ', p.dispositif' : ''}`,
          end,
          start,
        );
    }
    if (base.startsWith('public.situation.')) {
      const line = base.slice('public.situation.'.length) as SituationLine;
      if (!(line in SITUATION_SQL)) return null;
      return all<Row>(
        `select s.personne_id, s.dispositif, ? as precision from obs_salaries s join fiches_salarie f on f.parcours_id = s.parcours_id
          where ${principal} and ${SITUATION_SQL[line]}`,
        SITUATION_LINES[line].label,
      );
    }
    if (base.startsWith('public.criteres.')) {
      const critere = base.slice('public.criteres.'.length);
      return all<Row>(
        `select distinct s.personne_id, s.dispositif, 'Critère ' || ce.critere as precision from obs_salaries s join criteres_eligibilite ce on ce.diagnostic_id = s.diagnostic_id
          where ${principal} and ce.critere = ?`,
        critere,
      );
    }
    if (base.startsWith('public.orienteur.')) {
      return all<Row>(
        `select p.personne_id, p.dispositif, 'Entrée le ' || p.date_debut as precision from parcours p join personnes pe on pe.id = p.personne_id
          where p.date_debut between ? and ? and pe.orienteur = ?`,
        start,
        end,
        base.slice('public.orienteur.'.length),
      );
    }
    if (base.startsWith('accueil.decisions.')) {
      const decision = base.slice('accueil.decisions.'.length);
      if (!(decision in DECISIONS)) return null;
      return all<Row>("select personne_id, null as dispositif, 'Décision du ' || date_decision as precision from accueils where decision = ? and date_decision between ? and ?", decision, start, end);
    }
    // The rows below are those the indicator engine counts (same functions), shown with a readable detail.
    const params = () => this.indicators.parametresOfYear(annee);
    if (base === 'accompagnement.cer_signes' || base === 'accompagnement.cer_signes_dans_delai') {
      return this.indicators
        .signedCerOfYear(start, end, params())
        .filter((p) => base === 'accompagnement.cer_signes' || p.inTime)
        .map((p) => ({ personne_id: p.personne_id, dispositif: p.dispositif, precision: `Signé le ${shortFrenchDate(p.signe)}, parcours du ${shortFrenchDate(p.date_debut)}` }));
    }
    if (base === 'accompagnement.bilans_en_retard_fin_annee') {
      return this.indicators
        .overdueBilansAt(end, params())
        .map((p) => ({ personne_id: p.personne_id, dispositif: p.dispositif, precision: p.dernier ? `Dernier bilan le ${shortFrenchDate(p.dernier)}` : 'Aucun bilan' }));
    }
    if (base.startsWith('accompagnement.freins.')) {
      const [, , type, measure] = base.split('.');
      return supportByPerson(this.indicators.freinsOfYear(start, end), kind)
        .filter((m) => m.type === type && (measure === 'concernes' || m.provider === measure))
        .map((m) => ({ personne_id: m.personne_id, dispositif: kind ? m.dispositif : null, precision: m.provider ? PROVIDER_LABELS[m.provider] : 'Sans action dans l’année' }));
    }
    if (base.startsWith('sorties.')) {
      return this.indicators
        .exitsOfYear(start, end, params())
        .filter((e) => (exitIndicators(e) as string[]).includes(base))
        .map((e) => ({
          personne_id: e.personne_id,
          dispositif: e.dispositif,
          precision: `Sortie le ${shortFrenchDate(e.date_sortie)} — ${e.motif_sortie ? `motif ${e.motif_sortie} (${MOTIFS_SORTIE[e.motif_sortie]})` : 'sans motif'} — ${CATEGORIES_SORTIE[e.category]}`,
        }));
    }
    return null;
  }
}
