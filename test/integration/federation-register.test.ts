/**
 * The federation's register of member keys and a consolidation that cannot be fooled (issue 17 §2–3, issue 20 §4):
 * verification says « valide » only for the key registered for the SIRET, refuses another or a retired key, and the
 * consolidation counts a duplicated file once, keeps one report per SIRET and year, never mixes years, and refuses a
 * SIRET without a registered key when a key list is given.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyListFile } from '../../src-main/services/federation/key-list';
import { consolidateFolder } from '../../src-main/services/observatoire/consolidation';
import { TestApp } from '../helpers/app';
import { EXEMPLE_2024, importFolder } from '../helpers/import';
import { resignedAs, validSiret } from '../helpers/signed-reports';
import { tempDir } from '../helpers/temp';

let app: TestApp;
afterEach(() => app?.close());

const SIRET = '52000001500013';

async function producedReport(admin: string, annee: number) {
  const made = await app.call('rapports.produce', { annee }, admin);
  return { ...made, bytes: Buffer.from(made.base64, 'base64') };
}

function verify(admin: string, bytes: Buffer, thumbprint: string | null = null) {
  return app.call('rapports.verify', { file: { name: 'rapport.zip', base64: bytes.toString('base64') }, thumbprint }, admin);
}

describe('the register of member keys', () => {
  it('makes verification say « valide » for the registered key only, and refuse another or a retired one', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    const report = await producedReport(admin, 2025);

    // No register kept: intact, key not verified.
    expect(await verify(admin, report.bytes)).toMatchObject({ valide: true, cleVerifiee: false, registre: null });

    // Registered from the member's sheet (a copy with spaces and line breaks is accepted).
    const spaced = `${report.kid.slice(0, 20)} \n${report.kid.slice(20)}`;
    const members = await app.call('federation.enregistrerMembre', { siret: '520 000 015 00013', nom: 'Chantier des Coteaux', kid: spaced, dateFiche: '2025-01-10' }, admin);
    expect(members).toEqual([expect.objectContaining({ siret: SIRET, kid: report.kid, retireeLe: null })]);
    expect(await verify(admin, report.bytes)).toMatchObject({ valide: true, cleVerifiee: true, registre: expect.stringMatching(/Clé enregistrée pour Chantier des Coteaux/) });

    // Retired before the report was generated: refused, with the date.
    await app.call('federation.enregistrerMembre', { id: members[0]!.id, siret: SIRET, nom: 'Chantier des Coteaux', kid: report.kid, dateFiche: '2025-01-10', retireeLe: '2026-01-01' }, admin);
    const retired = await verify(admin, report.bytes);
    expect(retired.valide).toBe(false);
    expect(retired.echecs.join(' ')).toMatch(/retirée le 2026-01-01, avant ce rapport/);

    // Only another key registered for this SIRET: refused, both keys named.
    await app.call('federation.retirerMembre', { id: members[0]!.id }, admin);
    const other = 'A'.repeat(43);
    await app.call('federation.enregistrerMembre', { siret: SIRET, nom: 'Chantier des Coteaux', kid: other, dateFiche: '2025-01-10' }, admin);
    const foreign = await verify(admin, report.bytes);
    expect(foreign.valide).toBe(false);
    expect(foreign.echecs.join(' ')).toContain(`signé par la clé ${report.kid}, qui n’est pas celle enregistrée pour le SIRET ${SIRET} (${other})`);
    // A thumbprint typed on the screen is still the user's choice.
    expect(await verify(admin, report.bytes, report.kid)).toMatchObject({ valide: true, cleVerifiee: true });

    // A register that does not know this SIRET: intact, not authenticated, and said.
    const [entry] = await app.call('federation.membres', {}, admin);
    await app.call('federation.retirerMembre', { id: entry!.id }, admin);
    await app.call('federation.enregistrerMembre', { siret: '73282932000074', nom: 'Atelier du Lac', kid: other, dateFiche: '2025-02-01' }, admin);
    expect(await verify(admin, report.bytes)).toMatchObject({ valide: true, cleVerifiee: false, registre: expect.stringMatching(/n’est pas dans le registre des membres/) });
  }, 60_000);

  it('refuses a wrong SIRET, a mistyped thumbprint and a key already another member’s, with French messages per field', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    const bad = await app.fail('federation.enregistrerMembre', { siret: '52000001500014', nom: 'X', kid: 'abc', dateFiche: '2025-13-01', retireeLe: null }, admin);
    expect(bad.code).toBe('VALIDATION');
    expect(Object.keys(bad.fields!).sort()).toEqual(['dateFiche', 'kid', 'nom', 'siret']);
    expect(bad.fields!.kid).toMatch(/43 caractères/);
    const kid = 'B'.repeat(43);
    await app.call('federation.enregistrerMembre', { siret: SIRET, nom: 'Chantier des Coteaux', kid, dateFiche: '2025-01-10' }, admin);
    const taken = await app.fail('federation.enregistrerMembre', { siret: '73282932000074', nom: 'Atelier du Lac', kid, dateFiche: '2025-01-10' }, admin);
    expect(taken).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/déjà enregistrée pour un autre SIRET \(52000001500013\)/) });
    expect(await app.call('federation.membres', {}, admin)).toHaveLength(1);
  });
});

describe('a consolidation that cannot be fooled', () => {
  it('counts a duplicated file once, keeps the later of two reports of one SIRET and year, never mixes years, and refuses a SIRET without a registered key', async () => {
    app = await TestApp.start();
    const admin = await app.setUp();
    const folder = tempDir('cedre-consolidation-');
    const early = await producedReport(admin, 2025);
    writeFileSync(join(folder, 'rapport-2025.zip'), early.bytes);
    copyFileSync(join(folder, 'rapport-2025.zip'), join(folder, 'rapport-2025 (1).zip'));
    // A day later (a new session: the first one locked meanwhile), a corrected report of the same year.
    app.clock.advanceMinutes(60 * 24);
    const again = (await app.call('auth.login', { login: 'm.durand', password: 'un chêne solide' })).token;
    const later = await producedReport(again, 2025);
    writeFileSync(join(folder, 'rapport-2025-corrige.zip'), later.bytes);
    writeFileSync(join(folder, 'rapport-2024.zip'), (await producedReport(again, 2024)).bytes);

    const result = await consolidateFolder(folder);
    expect(result.annee).toBe(2025);
    expect(result.lignes.filter((l) => l.niveau === 'structure')).toHaveLength(1);
    expect(result.doublons).toEqual([{ fichier: 'rapport-2025 (1).zip', memeQue: 'rapport-2025.zip' }]);
    const refused = Object.fromEntries(result.refuses.map((r) => [r.fichier, r.echecs.join(' ')]));
    expect(Object.keys(refused).sort()).toEqual(['rapport-2024.zip', 'rapport-2025.zip']);
    expect(refused['rapport-2024.zip']).toMatch(/année 2024 : cette consolidation porte sur 2025.*--annee 2024/);
    expect(refused['rapport-2025.zip']).toMatch(/Deux rapports différents pour 52000001500013.*« rapport-2025-corrige.zip ».*Le plus récent est retenu/);
    // The structure line is the later report's.
    expect(result.lignes.find((l) => l.niveau === 'structure')!.annee).toBe(2025);

    // The other year on its own.
    const y2024 = await consolidateFolder(folder, { annee: 2024 });
    expect(y2024.lignes.filter((l) => l.niveau === 'structure')).toHaveLength(1);
    expect(y2024.refuses.map((r) => r.fichier).sort()).toEqual(['rapport-2025-corrige.zip', 'rapport-2025.zip']);

    // With a key list that does not hold this SIRET: every report refused, the SIRET named.
    const list = new KeyListFile(`siret;kid\n73282932000074;${'C'.repeat(43)}\n`);
    const keyed = await consolidateFolder(folder, { register: list });
    expect(keyed.lignes.filter((l) => l.niveau === 'structure')).toHaveLength(0);
    expect(keyed.refuses.every((r) => /SIRET 52000001500013 .*n’est pas dans le registre/.test(r.echecs.join(' ')))).toBe(true);
    // With its key: accepted.
    const withKey = await consolidateFolder(folder, { register: new KeyListFile(`${SIRET};${later.kid}\n`) });
    expect(withKey.lignes.filter((l) => l.niveau === 'structure')).toHaveLength(1);
  }, 90_000);
});

/** A federation's installation, and the worked example's signed report that members' reports are made from. */
async function federationWithExampleReport(): Promise<{ admin: string; base: Uint8Array }> {
  app = await TestApp.start();
  const admin = await app.setUp();
  const open = app.runtime.openOrNull()!;
  await importFolder(open, EXEMPLE_2024);
  return { admin, base: (await open.reports.produce(2024, { id: null, name: 'Fédération' }, new Date('2026-03-02T09:00:00Z'))).zip };
}

describe('the federation’s consolidation screen', () => {
  it('gives each registered member its status, the totals, quartiles only from 5 structures, and the exports', async () => {
    const { admin, base } = await federationWithExampleReport();
    const sirets = [1, 2, 3, 4, 5, 6].map(validSiret);
    const members = await resignedAs(base, sirets.map((siret, i) => ({ siret, nom: `Membre ${i + 1}`, departement: i < 3 ? '07' : '26' })));
    for (const m of members) await app.call('federation.enregistrerMembre', { siret: m.siret, nom: `Membre ${sirets.indexOf(m.siret) + 1}`, kid: m.kid, dateFiche: '2025-01-10' }, admin);
    const [stranger] = await resignedAs(base, [{ siret: validSiret(99), nom: 'Hors réseau', departement: '07' }]);
    const upload = (name: string, zip: Uint8Array) => ({ name, base64: Buffer.from(zip).toString('base64') });
    const fichiers = [
      ...members.slice(0, 5).map((m) => upload(`rapport-${m.siret}.zip`, m.zip)), // the sixth member sends nothing
      upload('rapport-hors-reseau.zip', stranger!.zip),
    ];
    const result = await app.call('federation.consolider', { annee: null, fichiers }, admin);
    expect(result.annee).toBe(2024);
    expect(result.membres.map((m) => m.statut)).toEqual(['recu', 'recu', 'recu', 'recu', 'recu', 'absent']);
    expect(result.refuses).toEqual([{ fichier: 'rapport-hors-reseau.zip', echecs: [expect.stringMatching(new RegExp(`${validSiret(99)}.*n’est pas dans le registre`))] }]);
    const ensemble = result.totaux.find((t) => t.niveau === 'ensemble')!;
    const one = (await app.call('observatoire.year', { annee: 2024 }, admin)).indicateurs['public.salaries_en_parcours']!;
    expect(ensemble.valeurs['public.salaries_en_parcours']).toBe(5 * one);
    expect(result.totaux.filter((t) => t.niveau === 'departement').map((t) => t.libelle)).toEqual(['Total département 07', 'Total département 26']);
    // Five identical members: every quartile is their value; four would give none.
    expect(result.reperes.find((r) => r.id === 'public.salaries_en_parcours')).toMatchObject({ n: 5, q1: one, mediane: one, q3: one });
    const four = await app.call('federation.consolider', { annee: 2024, fichiers: fichiers.slice(0, 4) }, admin);
    expect(four.reperes).toEqual([]);
    expect(four.membres.filter((m) => m.statut === 'absent')).toHaveLength(2);
    expect(result.membres.every((m) => m.quartsExtremes.length === 0)).toBe(true); // identical members: nobody stands out
    expect(Buffer.from(result.xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(Buffer.from(result.csv.base64, 'base64').toString('utf8')).toMatch(/^\uFEFFniveau;libelle;siret/);
  }, 90_000);

  it('tells a member where it stands: its main figures in the network’s lowest or highest quarter', async () => {
    const { admin, base } = await federationWithExampleReport();
    const sizes = [10, 15, 20, 25, 40];
    const members = await resignedAs(base, sizes.map((n, i) => ({ siret: validSiret(10 + i), nom: `Membre ${n}`, departement: '07', indicateurs: { 'public.salaries_en_parcours': n } })));
    for (const [i, m] of members.entries()) await app.call('federation.enregistrerMembre', { siret: m.siret, nom: `Membre ${sizes[i]}`, kid: m.kid, dateFiche: '2025-01-10' }, admin);
    const result = await app.call('federation.consolider', { annee: 2024, fichiers: members.map((m) => ({ name: `${m.siret}.zip`, base64: Buffer.from(m.zip).toString('base64') })) }, admin);
    expect(result.reperes.find((r) => r.id === 'public.salaries_en_parcours')).toMatchObject({ n: 5, q1: 15, mediane: 20, q3: 25 });
    const where = Object.fromEntries(result.membres.map((m) => [m.nom, m.quartsExtremes.filter((q) => q.id === 'public.salaries_en_parcours').map((q) => q.quart)]));
    expect(where).toEqual({ 'Membre 10': ['bas'], 'Membre 15': [], 'Membre 20': [], 'Membre 25': [], 'Membre 40': ['haut'] });
  }, 90_000);
});

describe('the network’s repères, from the federation to a member (issue 17 §4)', () => {
  it('the federation signs anonymised quartiles (5 members at least); a member checks them against the federation key and sees where it stands', async () => {
    const { admin, base } = await federationWithExampleReport();
    const sizes = [10, 15, 20, 25, 40];
    const members = await resignedAs(base, sizes.map((n, i) => ({ siret: validSiret(20 + i), nom: `Membre ${n}`, departement: '07', indicateurs: { 'public.salaries_en_parcours': n } })));
    for (const [i, m] of members.entries()) await app.call('federation.enregistrerMembre', { siret: m.siret, nom: `Membre ${sizes[i]}`, kid: m.kid, dateFiche: '2025-01-10' }, admin);
    const fichiers = members.map((m) => ({ name: `${m.siret}.zip`, base64: Buffer.from(m.zip).toString('base64') }));
    const result = await app.call('federation.consolider', { annee: 2024, fichiers }, admin);
    const file = result.reperesFichier.fichier!;
    expect(file.fileName).toBe('reperes-reseau-2024.json');
    const federationKid = (await app.call('cles.list', {}, admin)).find((k) => !k.retiredAt)!.kid;
    // Anonymised: quartiles and counts only, per indicator and per dispositif; no SIRET of a member, no member's value.
    const jws = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as { payload: string };
    const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as { reperes: Array<{ id: string; n: number; q1: number; mediane: number; q3: number }>; reseau: { siret: string } };
    expect(payload.reperes.find((r) => r.id === 'public.salaries_en_parcours')).toEqual({ id: 'public.salaries_en_parcours', n: 5, q1: 15, mediane: 20, q3: 25 });
    expect(payload.reperes.some((r) => r.id.startsWith('par_dispositif.ACI.'))).toBe(true);
    expect(payload.reperes.every((r) => r.n >= 5)).toBe(true);
    for (const m of members) expect(JSON.stringify(payload)).not.toContain(m.siret);
    // Four members: no repères to send, and the screen says why.
    const four = await app.call('federation.consolider', { annee: 2024, fichiers: fichiers.slice(0, 4) }, admin);
    expect(four.reperesFichier).toEqual({ fichier: null, message: 'Aucun indicateur ne réunit 5 structures : pas de repères à envoyer.' });
    app.close();

    // A member's installation.
    app = await TestApp.start();
    const director = await app.setUp();
    const upload = { name: file.fileName, base64: file.base64 };
    expect(await app.call('reperes.get', {}, director)).toBeNull();
    expect((await app.fail('reperes.import', { fichier: upload, empreinte: null }, director)).message).toMatch(/^Indiquez l’empreinte de la clé de votre fédération/);
    const otherKid = 'A'.repeat(43);
    expect((await app.fail('reperes.import', { fichier: upload, empreinte: otherKid }, director)).message).toMatch(/^Fichier de repères refusé : il est signé par la clé .*, pas par celle de votre fédération/);
    // One changed figure: the signature no longer holds.
    const tampered = { ...jws, payload: Buffer.from(JSON.stringify({ ...payload, reperes: payload.reperes.map((r) => ({ ...r, mediane: r.mediane + 1 })) })).toString('base64url') };
    const refused = await app.fail('reperes.import', { fichier: { name: 'reperes.json', base64: Buffer.from(JSON.stringify(tampered)).toString('base64') }, empreinte: federationKid }, director);
    expect(refused.message).toMatch(/Signature invalide/);
    expect(await app.call('reperes.get', {}, director)).toBeNull();

    const imported = await app.call('reperes.import', { fichier: upload, empreinte: federationKid }, director);
    expect(imported).toMatchObject({ annee: 2024, kid: federationKid, reseau: { nom: 'Chantier des Coteaux (exemple)' } });
    expect(imported.lignes.find((l) => l.id === 'public.salaries_en_parcours')).toMatchObject({ libelle: 'Salariés en parcours', n: 5, q1: 15, mediane: 20, q3: 25 });
    // The next file is checked against the key remembered from the first import.
    expect((await app.call('reperes.import', { fichier: upload, empreinte: null }, director)).kid).toBe(federationKid);
  }, 120_000);
});
