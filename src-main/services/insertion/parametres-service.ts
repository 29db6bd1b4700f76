import type Database from 'better-sqlite3';
import { CLES_PARAMETRES, PARAMETRES_DEFAUT, type CleParametre, type DatedValues, type ParametresValeurs, valueOnDate } from '../../../src-shared/domain/parametres';
import { AppError } from '../../../src-shared/errors';
import type { ParametreView } from '../../../src-shared/views-insertion';
import { uuidv7 } from '../../lib/uuid';

/** The value of a dated parameter on a given day: the latest row valid from that day or before, else the default. */
export class ParametresService {
  private readonly statement: Database.Statement<[string, string], { valeur: string }>;

  constructor(private readonly sqlite: Database.Database) {
    this.statement = sqlite.prepare('select valeur from parametres where cle = ? and valide_du <= ? order by valide_du desc limit 1');
  }

  valueAt<K extends CleParametre>(cle: K, date: string): ParametresValeurs[K] {
    const row = this.statement.get(cle, date);
    return row ? (JSON.parse(row.valeur) as ParametresValeurs[K]) : PARAMETRES_DEFAUT[cle];
  }

  /**
   * The parameter's value on any day from one read of its rows, for a list that applies it to many dates (the due work's
   * parcours starts, the year's exits): a query per date cost milliseconds at ×10. The values are shared: read them,
   * never change them.
   */
  valuesOnDates<K extends CleParametre>(cle: K): (date: string) => ParametresValeurs[K] {
    const dated = this.datedValues(cle);
    return (date) => valueOnDate(dated, date);
  }

  /** A parameter's default and every dated value, for a screen that applies it to several dates itself. */
  datedValues<K extends CleParametre>(cle: K): DatedValues<ParametresValeurs[K]> {
    const rows = this.sqlite.prepare('select valide_du, valeur from parametres where cle = ? order by valide_du').all(cle) as Array<{ valide_du: string; valeur: string }>;
    return { defaut: PARAMETRES_DEFAUT[cle], valeurs: rows.map((r) => ({ valideDu: r.valide_du, valeur: JSON.parse(r.valeur) as ParametresValeurs[K] })) };
  }

  list(today: string): ParametreView[] {
    const rows = this.sqlite
      .prepare('select p.cle, p.valeur, p.valide_du, p.created_at, u.display_name from parametres p left join users u on u.id = p.created_by order by p.valide_du desc')
      .all() as Array<{ cle: CleParametre; valeur: string; valide_du: string; created_at: string; display_name: string | null }>;
    return CLES_PARAMETRES.map((cle) => ({
      cle,
      actuel: this.valueAt(cle, today),
      defaut: PARAMETRES_DEFAUT[cle],
      historique: rows.filter((r) => r.cle === cle).map((r) => ({ valideDu: r.valide_du, valeur: JSON.parse(r.valeur) as unknown, creePar: r.display_name, creeLe: r.created_at })),
    }));
  }

  /** A new value from a date on; the rows before it stay, so past reports keep their numbers. */
  add(cle: CleParametre, valideDu: string, valeur: unknown, userId: string, now: Date): void {
    const taken = this.sqlite.prepare('select 1 from parametres where cle = ? and valide_du = ?').get(cle, valideDu);
    if (taken) throw new AppError('CONFLICT', 'Une valeur de ce paramètre commence déjà à cette date.', { valideDu: 'Date déjà utilisée pour ce paramètre.' });
    this.sqlite
      .prepare('insert into parametres (id, cle, valeur, valide_du, created_by, created_at) values (?, ?, ?, ?, ?, ?)')
      .run(uuidv7(now.getTime()), cle, JSON.stringify(valeur), valideDu, userId, now.toISOString());
  }
}
