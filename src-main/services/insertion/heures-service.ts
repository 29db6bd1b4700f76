/** Hours: a month saved in one transaction for a set of contracts, and closed months that no longer change. */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { endOfMonth, format, parseISO } from 'date-fns';
import type { Db } from '../../../db/client';
import { clients, contrats, heures, moisClotures } from '../../../db/schema';
import { AppError } from '../../../src-shared/errors';
import { fromCentiemes, toCentiemes } from '../../../src-shared/rules/heures';
import type { saveMonthInputSchema } from '../../../src-shared/schemas/insertion';
import type { MonthSaved } from '../../../src-shared/views-insertion';
import { uuidv7 } from '../../lib/uuid';

function frMonth(mois: string): string {
  return format(parseISO(`${mois}-01`), 'MM/yyyy');
}

export class HeuresService {
  constructor(private readonly db: Db) {}

  isClosed(mois: string): boolean {
    return this.db.select({ m: moisClotures.mois }).from(moisClotures).where(eq(moisClotures.mois, mois)).get() !== undefined;
  }

  /**
   * Replaces the month's hours of the given contracts. Every entry is checked first (date in the month and in its
   * contract's period, known client); any problem refuses the whole save, with the line it concerns.
   */
  saveMonth(input: z.output<typeof saveMonthInputSchema>, now: Date): MonthSaved {
    if (this.isClosed(input.mois)) throw new AppError('CONFLICT', `Le mois ${frMonth(input.mois)} est clôturé : ses heures ne peuvent plus être modifiées.`);
    const first = `${input.mois}-01`;
    const last = format(endOfMonth(parseISO(first)), 'yyyy-MM-dd');
    const ids = [...new Set(input.contratIds)];
    const known = new Map(this.db.select().from(contrats).where(inArray(contrats.id, ids)).all().map((c) => [c.id, c]));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `${missing.length} contrat(s) de la saisie n'existent pas (ou plus).`);
    const clientIds = new Set(this.db.select({ id: clients.id }).from(clients).all().map((c) => c.id));
    const problems: Record<string, string> = {};
    input.entrees.forEach((e, i) => {
      const c = known.get(e.contratId);
      const end = c?.dateFinReelle ?? c?.dateFinPrevue ?? '9999-12-31';
      if (!c) problems[`entrees.${i}`] = 'Ce contrat ne fait pas partie de la saisie.';
      else if (e.date < first || e.date > last) problems[`entrees.${i}`] = `Date hors du mois ${frMonth(input.mois)}.`;
      else if (e.date > end || (e.date !== first && e.date < c.dateDebut) || (e.date === first && last < c.dateDebut)) {
        problems[`entrees.${i}`] = 'Date en dehors de la période du contrat.';
      } else if (e.clientId && !clientIds.has(e.clientId)) problems[`entrees.${i}`] = 'Client inconnu.';
    });
    if (Object.keys(problems).length) throw new AppError('VALIDATION', `${Object.keys(problems).length} ligne(s) à corriger : rien n'a été enregistré.`, problems);

    this.db.delete(heures).where(and(inArray(heures.contratId, ids), gte(heures.date, first), lte(heures.date, last))).run();
    let total = 0;
    const at = now.toISOString();
    for (const e of input.entrees) {
      const centiemes = toCentiemes(e.heures);
      if (centiemes === 0) continue;
      total += centiemes;
      this.db.insert(heures).values({ id: uuidv7(now.getTime()), contratId: e.contratId, date: e.date, centiemes, clientId: e.clientId, createdAt: at }).run();
    }
    return { mois: input.mois, entrees: input.entrees.filter((e) => toCentiemes(e.heures) !== 0).length, heures: fromCentiemes(total) };
  }

  closeMonth(mois: string, userId: string, now: Date): void {
    if (this.isClosed(mois)) throw new AppError('CONFLICT', `Le mois ${frMonth(mois)} est déjà clôturé.`);
    this.db.insert(moisClotures).values({ mois, clotureLe: now.toISOString(), cloturePar: userId }).run();
  }
}
