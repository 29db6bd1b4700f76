import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { calculateJwkThumbprint, exportJWK, FlattenedSign } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataKeyProtector, PROTECTION_KEY_FILE } from '../../src-main/services/observatoire/key-protector';
import { consolidate, consolidateFolder } from '../../src-main/services/observatoire/consolidation';
import { verifyReport } from '../../src-main/services/observatoire/report-verifier';
import { SigningKeyService } from '../../src-main/services/observatoire/signing-keys';
import type { ReportPayload } from '../../src-shared/observatoire/report-format';
import { TestApp } from '../helpers/app';
import { csvFolder, EXEMPLE_2024, EXEMPLE_2024_SITUATION, exampleCopy, importFolder, readCsv, splitSituationLines, writeCsv } from '../helpers/import';
import { tempDir } from '../helpers/temp';

const NOW = new Date('2026-03-02T09:00:00Z');
const SIGNER = { id: null, name: 'Martine Durand' };

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

async function exampleRuntime(dir = EXEMPLE_2024) {
  app = await TestApp.start();
  const open = app.runtime.openOrNull()!;
  expect((await importFolder(open, dir)).ok).toBe(true);
  return open;
}

/** Rebuilds the archive with one entry changed. */
function rezip(zip: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(zip);
  change(entries);
  return zipSync(entries);
}

function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('signed annual report', () => {
  let zip: Uint8Array;
  let kid: string;
  let expected: { indicateurs: Record<string, number | null>; suppressed: string[] };

  beforeAll(async () => {
    const open = await exampleRuntime();
    const made = await open.reports.produce(2024, SIGNER, NOW);
    zip = made.zip;
    kid = made.kid;
    expected = JSON.parse(readFileSync(join(EXEMPLE_2024, 'expected.json'), 'utf8'));
    expect(made.fileName).toBe('rapport-52000001500013-2024.zip');
    app!.close();
    app = null;
  }, 60_000);

  it('holds the three documents, and the signed payload carries exactly the expected indicators', async () => {
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['indicateurs.csv', 'rapport.json', 'rapport.pdf']);
    const result = await verifyReport(zip, { thumbprint: kid });
    expect(result.echecs).toEqual([]);
    expect(result.valide).toBe(true);
    const p = result.payload!;
    // REPORT-SPEC's frame exactly, plus the State's situation lines (issue 15 §2).
    const { frame, situation } = splitSituationLines(p.indicateurs);
    expect(frame).toEqual(expected.indicateurs);
    expect(situation).toEqual(EXEMPLE_2024_SITUATION);
    expect(p.suppressed.filter((id) => !id.includes('public.situation.'))).toEqual(expected.suppressed);
    expect(p).toMatchObject({ format: 'cadre-commun-rapport-annuel', version: 1, annee: 2024, structure: { siret: '52000001500013', departement: '07' } });
    expect(p.structure.dispositifs).toEqual([
      { kind: 'AI', annexe_financiere: 'AI 007 24 0101', etp_conventionnes: 3 },
      { kind: 'ACI', annexe_financiere: 'ACI 007 24 0100', etp_conventionnes: 4.5 },
    ]);
    expect(p.parametres.h_ref.ACI).toBe(1820);
    expect(p.parametres.mapping_sorties['15']).toBe('RETRAIT');
    // No personal data: no name, birth date or free text of the example anywhere in the file.
    const text = JSON.stringify(p);
    for (const personal of ['Arnaud', 'Julie', '1996-05-02', 'Objectifs définis']) expect(text).not.toContain(personal);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(unzipSync(zip)['indicateurs.csv']);
    expect(csv.startsWith('\uFEFFid;valeur\r\n')).toBe(true);
    // A masked value is « s », a missing one empty (REPORT-SPEC §3 amended).
    expect(csv).toContain('\r\npublic.criteres.AAH;s\r\n');
    expect(csv).toContain('\r\nactivite.taux_realisation;0.1396\r\n');
    const header = JSON.parse(new TextDecoder().decode(unzipSync(zip)['rapport.json']));
    expect(Object.keys(header).sort()).toEqual(['payload', 'protected', 'signature']);
  });

  it('fails with the right message when any byte of any entry changes', async () => {
    const entries = unzipSync(zip);
    const cases: Array<[string, RegExp]> = [
      ['rapport.pdf', /^Empreinte du document : le SHA-256 de rapport\.pdf ne correspond pas/],
      ['indicateurs.csv', /^Empreinte du document : le SHA-256 de indicateurs\.csv ne correspond pas/],
    ];
    for (const [name, message] of cases) {
      for (const at of [0, Math.floor(entries[name]!.length / 2), entries[name]!.length - 1]) {
        const result = await verifyReport(rezip(zip, (e) => void (e[name] = flipByte(e[name]!, at))));
        expect(result.valide, `${name} @${at}`).toBe(false);
        expect(result.echecs.join('\n')).toMatch(message);
      }
    }
    const json = entries['rapport.json']!;
    const text = new TextDecoder().decode(json);
    // A byte of the signed payload, of the signature, of the protected header; and a byte that breaks the JSON.
    const inPayload = text.indexOf('"payload": "') + 40;
    const inSignature = text.indexOf('"signature": "') + 20;
    const inHeader = text.indexOf('"protected": "') + 30;
    for (const [at, message] of [
      [inPayload, /^Signature invalide/],
      [inSignature, /^Signature invalide/],
      [inHeader, /^Signature/],
      [0, /^Archive malformée : rapport\.json n’est pas un JSON lisible/],
    ] as const) {
      const result = await verifyReport(rezip(zip, (e) => void (e['rapport.json'] = flipByte(json, at))));
      expect(result.valide).toBe(false);
      expect(result.echecs[0]).toMatch(message);
    }
  });

  it('reports a malformed archive, a missing or extra entry, and an unknown key', async () => {
    expect((await verifyReport(zip.slice(0, 200))).echecs).toEqual(['Archive malformée : ce fichier n’est pas une archive ZIP lisible.']);
    expect((await verifyReport(new TextEncoder().encode('pas un zip'))).echecs[0]).toMatch(/^Archive malformée/);
    expect((await verifyReport(rezip(zip, (e) => void delete e['rapport.json']))).echecs).toEqual(['Archive malformée : le fichier rapport.json est absent.']);
    expect((await verifyReport(rezip(zip, (e) => void delete e['rapport.pdf']))).echecs).toEqual(['Empreinte du document : rapport.pdf est listé dans le rapport signé mais absent de l’archive.']);
    expect((await verifyReport(rezip(zip, (e) => void (e['notes.txt'] = new Uint8Array([65]))))).echecs).toEqual(['Archive malformée : le fichier notes.txt n’est pas couvert par la signature.']);
    const unknown = await verifyReport(zip, { thumbprint: 'une-autre-cle' });
    expect(unknown.valide).toBe(false);
    expect(unknown.echecs).toEqual([`Clé inconnue : le rapport est signé par la clé ${kid}, alors que la clé enregistrée pour cette structure est une-autre-cle.`]);
  });

  it('refuses another format version even when correctly signed', async () => {
    const payload = JSON.parse(JSON.stringify((await verifyReport(zip)).payload)) as Omit<ReportPayload, 'version'> & { version: number };
    payload.version = 2;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = await exportJWK(publicKey);
    const jws = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid: await calculateJwkThumbprint(jwk, 'sha256'), jwk })
      .sign(privateKey);
    const forged = rezip(zip, (e) => void (e['rapport.json'] = new TextEncoder().encode(JSON.stringify(jws))));
    expect((await verifyReport(forged)).echecs).toEqual(['Version de format non prise en charge : « cadre-commun-rapport-annuel » version 2 (attendu : cadre-commun-rapport-annuel version 1).']);
  });
});

describe('signing keys and report history', () => {
  it('never stores the private key in clear, rotates and keeps older reports verifiable, and keeps an append-only history', async () => {
    const open = await exampleRuntime();
    const first = await open.reports.produce(2024, SIGNER, NOW);
    const row = open.sqlite.prepare('select private_key_wrapped from cles_signature').pluck().get() as string;
    expect(row.startsWith('v1.')).toBe(true);
    expect(row).not.toContain('MC4CAQAwBQYDK2Vw'); // the DER prefix of an Ed25519 PKCS#8 key, in base64
    // The thumbprint computed at creation is RFC 7638's, as any JOSE library computes it.
    const created = open.signingKeys.current()!;
    expect(created.kid).toBe(await calculateJwkThumbprint(created.publicJwk, 'sha256'));
    const rotated = open.signingKeys.rotate(NOW, null);
    expect(rotated.kid).not.toBe(first.kid);
    const second = await open.reports.produce(2024, SIGNER, NOW);
    expect(second.kid).toBe(rotated.kid);
    expect((await verifyReport(first.zip, { thumbprint: first.kid })).valide).toBe(true);
    expect(open.signingKeys.list().map((k) => k.retiredAt === null)).toEqual([true, false]);
    const history = open.reports.history();
    expect(history.map((h) => [h.annee, h.kid, h.chaineIntacte])).toEqual([
      [2024, second.kid, true],
      [2024, first.kid, true],
    ]);
    expect(history[0]!.sha256).toBe(second.sha256);
    expect(() => open.sqlite.prepare("update rapports_annuels set signe_par_nom = 'x'").run()).toThrow(/ne peut pas être modifié/);
    expect(() => open.sqlite.prepare('delete from rapports_annuels').run()).toThrow(/ne peut pas être effacé/);
    // Another installation's data key cannot unwrap it: a clear message, no crash. No protection file any more.
    const elsewhere = new SigningKeyService(open.sqlite, new DataKeyProtector(randomBytes(32)));
    expect(() => elsewhere.privateKey(rotated.kid)).toThrow(/ne peut pas être déverrouillée sur ce poste/);
    expect(existsSync(join(app!.dataDir, PROTECTION_KEY_FILE))).toBe(false);
  }, 60_000);
});

describe('federation consolidation', () => {
  it('verifies every report, refuses the invalid ones, totals by département and dispositif with recomputed rates', async () => {
    const folder = tempDir('cedre-federation-');
    const first = await exampleRuntime();
    writeFileSync(join(folder, 'a.zip'), (await first.reports.produce(2024, SIGNER, NOW)).zip);
    app!.close();
    const other = exampleCopy();
    writeCsv(other, 'structure', readCsv(other, 'structure').replace('52000001500013', '73282932000074').replace('Chantier des Coteaux (exemple)', 'Atelier du Lac').replace(';07;', ';26;'));
    writeCsv(other, 'heures', readCsv(other, 'heures').replace('A1;2024-06;100', 'A1;2024-06;300'));
    const second = await exampleRuntime(other);
    const made = await second.reports.produce(2024, SIGNER, NOW);
    writeFileSync(join(folder, 'b.zip'), made.zip);
    writeFileSync(join(folder, 'c-modifie.zip'), rezip(made.zip, (e) => void (e['indicateurs.csv'] = flipByte(e['indicateurs.csv']!, 10))));
    writeFileSync(join(folder, 'd-pas-un-zip.zip'), 'bonjour');
    const result = await consolidateFolder(folder);
    expect(result.refuses.map((r) => r.fichier)).toEqual(['c-modifie.zip', 'd-pas-un-zip.zip']);
    const structures = result.lignes.filter((l) => l.niveau === 'structure');
    expect(structures.map((s) => s.siret)).toEqual(['52000001500013', '73282932000074']);
    const total = result.lignes.find((l) => l.niveau === 'ensemble')!.valeurs;
    expect(total['activite.heures_travaillees']).toBe(1890 + 2090);
    expect(total['activite.etp_conventionnes']).toBe(15);
    // (1770/1820 + 120/1607) + (1970/1820 + 120/1607) = 2.2087 ETP → rate recomputed: not the mean of the two rates.
    expect(total['activite.taux_realisation']).toBe(Math.round(((1.05 + 1.16) / 15) * 10000) / 10000);
    expect(total['sorties.taux_sorties_dynamiques']).toBe(1);
    expect(total['public.criteres.AAH']).toBeNull(); // a suppressed cell makes its total suppressed
    expect(total['accueil.delai_median_decision_jours']).toBeNull(); // medians do not add
    expect(result.lignes.filter((l) => l.niveau === 'departement').map((l) => l.libelle)).toEqual(['Total département 07', 'Total département 26']);
    const aci = result.lignes.find((l) => l.libelle === 'Total ACI')!.valeurs;
    expect(aci['activite.heures_travaillees']).toBe(1770 + 1970);
    expect(aci['sorties.duree_moyenne_parcours_mois']).toBe(11.7);
  }, 90_000);

  it('recomputes rates from summed numerators and denominators', () => {
    const report = (siret: string, v: Record<string, number>) =>
      ({ structure: { nom: siret, siret, departement: '07', dispositifs: [] }, annee: 2024, indicateurs: v }) as unknown as ReportPayload;
    const c = consolidate([
      report('1', { 'sorties.emploi_durable': 1, 'sorties.emploi_transition': 0, 'sorties.sorties_positives': 0, 'sorties.examinees': 1, 'sorties.taux_emploi_durable': 1 }),
      report('2', { 'sorties.emploi_durable': 0, 'sorties.emploi_transition': 0, 'sorties.sorties_positives': 0, 'sorties.examinees': 9, 'sorties.taux_emploi_durable': 0 }),
    ]);
    // 1 of 10, not the mean of 100 % and 0 %.
    expect(c.lignes.find((l) => l.niveau === 'ensemble')!.valeurs['sorties.taux_emploi_durable']).toBe(0.1);
  });

  it('consolidates a report written before the situation lines with a newer one: those totals are unknown, never partial', () => {
    const report = (siret: string, v: Record<string, number>) =>
      ({ structure: { nom: siret, siret, departement: '07', dispositifs: [] }, annee: 2024, indicateurs: v }) as unknown as ReportPayload;
    const c = consolidate([report('1', { 'public.entrees': 4 }), report('2', { 'public.entrees': 6, 'public.situation.rsa': 3 })]);
    const ensemble = c.lignes.find((l) => l.niveau === 'ensemble')!.valeurs;
    expect(ensemble['public.entrees']).toBe(10);
    expect(ensemble['public.situation.rsa']).toBeNull();
  });
});

describe('hand-built structures', () => {
  it('a structure without conventions has a null realisation rate in its report', async () => {
    const open = await exampleRuntime(csvFolder({ structure: [{ nom: 'Sans convention', siret: '52000001500013', departement: '07' }], dispositifs: [{ kind: 'ACI', annee: 2024 }] }));
    expect(open.reports.preview(2024, NOW).payload.indicateurs['activite.taux_realisation']).toBeNull();
  });
});
