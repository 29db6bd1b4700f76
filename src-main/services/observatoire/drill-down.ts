/**
 * The persons behind a count of the observatoire (issue 5 §2): the very rows the indicator engine counts
 * (counted-rows.ts, issue 18 §2), so the list always has as many lines as the count. Sums of hours, ETP and rates
 * have no list.
 */
import type Database from 'better-sqlite3';
import { NIVEAUX_FORMATION, type NiveauFormation } from '../../../src-shared/domain/asp-codes';
import { CRITERES, type Critere } from '../../../src-shared/domain/criteres';
import { AppError } from '../../../src-shared/errors';
import { baseId, hasPersonList, indicatorDefinition, type IndicatorId } from '../../../src-shared/observatoire/indicateurs';
import type { SiaeKind } from '../../../src-shared/siae';
import type { DrillDown, DrillDownPerson } from '../../../src-shared/views-observatoire';
import { shortFrenchDate } from '../../../src-shared/rules/dates';
import { familyOf } from './counted-rows';
import type { IndicatorsService } from './indicators-service';

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

  /** The rows the engine counted for this indicator in this scope (counted-rows.ts), named and sorted. */
  persons(annee: number, id: string): DrillDown {
    const base = baseId(id);
    // An id no definition knows (a typo, a line of another version) is not found, rather than an empty list.
    const family = hasPersonList(id) && indicatorDefinition(id) ? familyOf(base) : null;
    if (!family) throw new AppError('NOT_FOUND', NO_LIST);
    const kind = (/^par_dispositif\.([A-Z]+)\./.exec(id)?.[1] ?? null) as SiaeKind | null;
    const counted = base as IndicatorId;
    const kept = this.indicators.countedRows(annee, family).filter((r) => r.scope === kind && r.counts[counted] !== undefined);
    const names = this.namesOf([...new Set(kept.map((r) => r.personne_id))]);
    const personnes: DrillDownPerson[] = kept
      .map((r) => ({ personneId: r.personne_id, ...names.get(r.personne_id)!, dispositif: r.dispositif, precision: readablePrecision(r.counts[counted]!) }))
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
}
