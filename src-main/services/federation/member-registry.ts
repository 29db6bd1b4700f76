/**
 * The federation's register of its members' keys (issue 17 §3): what makes a report *authentic* and not only intact
 * (issue 20 §4). A report is authenticated when its key is registered for its SIRET and was not retired before the
 * report was generated. Every verification in the app and the consolidation look here on their own.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/errors';
import type { memberKeyInputSchema } from '../../../src-shared/schemas/federation';
import type { MemberKeyView } from '../../../src-shared/views-observatoire';
import { uuidv7 } from '../../lib/uuid';

interface Row {
  id: string;
  siret: string;
  nom: string;
  kid: string;
  date_fiche: string;
  retiree_le: string | null;
}

export type KeyCheck = { kind: 'registered'; nom: string } | { kind: 'unknown_siret' } | { kind: 'other_key'; kids: string[] } | { kind: 'retired'; retireeLe: string };

export class MemberRegistry {
  constructor(private readonly sqlite: Database.Database) {}

  list(): MemberKeyView[] {
    return (this.sqlite.prepare('select id, siret, nom, kid, date_fiche, retiree_le from cles_membres order by nom, siret, date_fiche').all() as Row[]).map(toView);
  }

  isEmpty(): boolean {
    return this.sqlite.prepare('select 1 from cles_membres limit 1').get() === undefined;
  }

  save(input: z.output<typeof memberKeyInputSchema>, now: Date): MemberKeyView[] {
    const at = now.toISOString();
    const same = this.sqlite.prepare('select id from cles_membres where siret = ? and kid = ?').get(input.siret, input.kid) as { id: string } | undefined;
    if (same && same.id !== input.id) throw new AppError('CONFLICT', 'Cette clé est déjà enregistrée pour ce SIRET.', { kid: 'Déjà enregistrée pour ce SIRET.' });
    const other = this.sqlite.prepare('select siret from cles_membres where kid = ? and siret <> ?').get(input.kid, input.siret) as { siret: string } | undefined;
    if (other) throw new AppError('CONFLICT', `Cette clé est déjà enregistrée pour un autre SIRET (${other.siret}) : une clé n’appartient qu’à une structure.`, { kid: 'Clé d’une autre structure.' });
    if (input.id) {
      const changed = this.sqlite
        .prepare('update cles_membres set siret = ?, nom = ?, kid = ?, date_fiche = ?, retiree_le = ?, updated_at = ? where id = ?')
        .run(input.siret, input.nom, input.kid, input.dateFiche, input.retireeLe, at, input.id);
      if (changed.changes === 0) throw new AppError('NOT_FOUND', 'Cette clé n’est plus dans le registre.');
    } else {
      this.sqlite
        .prepare('insert into cles_membres (id, siret, nom, kid, date_fiche, retiree_le, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(uuidv7(now.getTime()), input.siret, input.nom, input.kid, input.dateFiche, input.retireeLe, at, at);
    }
    // The member's name follows its latest sheet on all its keys.
    this.sqlite.prepare('update cles_membres set nom = ? where siret = ?').run(input.nom, input.siret);
    return this.list();
  }

  remove(id: string): MemberKeyView[] {
    if (this.sqlite.prepare('delete from cles_membres where id = ?').run(id).changes === 0) throw new AppError('NOT_FOUND', 'Cette clé n’est plus dans le registre.');
    return this.list();
  }

  /** Whether `kid` authenticates a report of `siret` generated on `generatedOn` (AAAA-MM-JJ). */
  check(siret: string, kid: string, generatedOn: string): KeyCheck {
    const rows = this.sqlite.prepare('select id, siret, nom, kid, date_fiche, retiree_le from cles_membres where siret = ?').all(siret) as Row[];
    if (rows.length === 0) return { kind: 'unknown_siret' };
    const row = rows.find((r) => r.kid === kid);
    if (!row) return { kind: 'other_key', kids: rows.map((r) => r.kid) };
    if (row.retiree_le !== null && generatedOn >= row.retiree_le) return { kind: 'retired', retireeLe: row.retiree_le };
    return { kind: 'registered', nom: row.nom };
  }

  /** The `siret;kid` map the consolidation takes (keys in use only). */
  activeKeys(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const r of this.sqlite.prepare('select siret, kid from cles_membres where retiree_le is null').all() as Array<{ siret: string; kid: string }>) {
      map.set(r.siret, [...(map.get(r.siret) ?? []), r.kid]);
    }
    return map;
  }
}

function toView(r: Row): MemberKeyView {
  return { id: r.id, siret: r.siret, nom: r.nom, kid: r.kid, dateFiche: r.date_fiche, retireeLe: r.retiree_le };
}
