import type Database from 'better-sqlite3';
import { PARAMETRES_DEFAUT, type CleParametre, type ParametresValeurs } from '../../../src-shared/domain/parametres';

/** The value of a dated parameter on a given day: the latest row valid from that day or before, else the default. */
export class ParametresService {
  private readonly statement: Database.Statement<[string, string], { valeur: string }>;

  constructor(sqlite: Database.Database) {
    this.statement = sqlite.prepare('select valeur from parametres where cle = ? and valide_du <= ? order by valide_du desc limit 1');
  }

  valueAt<K extends CleParametre>(cle: K, date: string): ParametresValeurs[K] {
    const row = this.statement.get(cle, date);
    return row ? (JSON.parse(row.valeur) as ParametresValeurs[K]) : PARAMETRES_DEFAUT[cle];
  }
}
