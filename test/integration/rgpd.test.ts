import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app';
import { personneInput, team } from '../helpers/accueil';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

describe('right of access', () => {
  it('gives the direction everything held about one person, readable and machine-readable, with who consulted it', async () => {
    app = await TestApp.start();
    const t = await team(app);
    const created = await app.call('personnes.create', personneInput(), t.cip);
    const id = created.personne.id;
    await app.call('personnes.get', { id }, t.encadrant);
    expect((await app.fail('rgpd.access', { id }, t.cip)).code).toBe('FORBIDDEN');
    const file = await app.call('rgpd.access', { id }, t.direction);
    expect(file.fileName).toBe('droit-d-acces-arnaud-julie-2026-03-02.zip');
    const entries = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(entries).sort()).toEqual(['donnees.json', 'donnees.pdf']);
    expect(Buffer.from(entries['donnees.pdf']!).subarray(0, 5).toString()).toBe('%PDF-');
    const json = JSON.parse(Buffer.from(entries['donnees.json']!).toString('utf8')) as { donnees: Record<string, Array<Record<string, unknown>>> };
    expect(json.donnees.personne![0]).toMatchObject({ nom: 'Arnaud', prenom: 'Julie', nir: '296050700012308', date_naissance: '1996-05-02' });
    expect(json.donnees.personne![0]).not.toHaveProperty('recherche');
    expect(json.donnees.accueils).toHaveLength(1);
    expect(json.donnees.consultations!.map((c) => c.utilisateur)).toContain('encadrant.test');
    expect((await app.fail('rgpd.access', { id: 'inconnu' }, t.direction)).code).toBe('NOT_FOUND');
    expect(app.runtime.openOrNull()!.sqlite.prepare("select count(*) from audit_log where action = 'export' and entity = 'personne' and entity_id = ?").pluck().get(id)).toBe(1);
  }, 30_000);
});
