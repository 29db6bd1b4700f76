import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli';
import { TestApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('cedre command line', () => {
  it('prints its help in French and exits 0', async () => {
    expect(await runCli(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/Utilisation : cedre <commande>/);
    expect(await runCli([])).toBe(0);
  });

  it('exits 2 on a misspelt command or a missing option value', async () => {
    expect(await runCli(['imprt'])).toBe(2);
    expect(err.join('\n')).toMatch(/Commande inconnue : « imprt »/);
    expect(await runCli(['check', '--db'])).toBe(2);
  });

  it('checks, backs up, lists and restores a database', async () => {
    const dataDir = tempDir();
    const app = await TestApp.start(dataDir);
    await app.setUp();
    app.close();
    const db = join(dataDir, 'cedre.sqlite');
    expect(await runCli(['check', '--db', db])).toBe(0);
    expect(out.join('\n')).toMatch(/Structure : Chantier des Coteaux/);
    expect(await runCli(['backup', '--db', db])).toBe(0);
    expect(out.join('\n')).toMatch(/Sauvegarde vérifiée : .*manuelle\.sqlite/);
    expect(await runCli(['backups', '--db', db])).toBe(0);
    writeFileSync(db, 'abîmée');
    expect(await runCli(['check', '--db', db])).toBe(1);
    expect(err.join('\n')).toMatch(/endommagée/);
    expect(await runCli(['restore', '--db', db])).toBe(0);
    expect(out.join('\n')).toMatch(/Restauré depuis/);
    expect(await runCli(['check', '--db', db])).toBe(0);
  });

  it('refuses to check or back up a database that does not exist, without creating it', async () => {
    const db = join(tempDir(), 'absente.sqlite');
    expect(await runCli(['check', '--db', db])).toBe(1);
    expect(await runCli(['backup', '--db', db])).toBe(1);
    expect(existsSync(db)).toBe(false);
  });
});

describe('cedre import / export / template', () => {
  it('imports into a new file, lists every error and exits 1 on a bad workbook, exports', async () => {
    const { exampleCopy, appendCsv, EXEMPLE_2024 } = await import('../helpers/import');
    const db = join(tempDir(), 'nouvelle.sqlite');
    const bad = exampleCopy();
    appendCsv(bad, 'sorties', 'E4;2024-07-20;99', 'E9;2024-07-20;7');
    expect(await runCli(['import', bad, '--db', db])).toBe(1);
    expect(err.join('\n')).toContain('sorties, ligne 6, colonne motif : « 99 » n’est pas une valeur connue.');
    expect(err.join('\n')).toContain('sorties, ligne 7, colonne ref_personne : Personne inconnue');
    expect(err.join('\n')).toContain('rien n’a été enregistré');
    expect(await runCli(['import', EXEMPLE_2024, '--db', db])).toBe(0);
    expect(out.join("\n")).toMatch(/personnes\s+6\u00a0lignes : 6\u00a0créées/);
    const dest = join(tempDir(), 'export.xlsx');
    expect(await runCli(['export', '--db', db, '--out', dest])).toBe(0);
    expect(existsSync(dest)).toBe(true);
    expect(await runCli(['import', '--db', db])).toBe(2);
    expect(await runCli(['template', '--out', join(tempDir(), 'modele.csv')])).toBe(2);
  });
});

describe('cedre report / verify / consolidate', () => {
  it('produces the signed ZIP headlessly, verifies it (0, "valide"), refuses a tampered one (1), consolidates', async () => {
    const { EXEMPLE_2024 } = await import('../helpers/import');
    const { unzipSync, zipSync } = await import('fflate');
    const { readFileSync } = await import('node:fs');
    const dir = tempDir();
    const db = join(dir, 'base.sqlite');
    expect(await runCli(['import', EXEMPLE_2024, '--db', db])).toBe(0);
    const outDir = join(dir, 'rapports');
    out = [];
    expect(await runCli(['report', '--db', db, '--year', '2024', '--out', outDir])).toBe(0);
    const zip = join(outDir, 'rapport-52000001500013-2024.zip');
    expect(out).toEqual([zip]);
    out = [];
    // Without the registered thumbprint: intact, never a bare "valide" (issue 20 §4), exit code 2.
    expect(await runCli(['verify', zip])).toBe(2);
    expect(out[0]).toMatch(/^intègre, mais clé non vérifiée — Chantier des Coteaux \(exemple\) \(SIRET 52000001500013\), année 2024, clé /);
    const kid = /clé (\S+)$/.exec(out[0]!)![1]!;
    out = [];
    expect(await runCli(['verify', zip, '--thumbprint', kid])).toBe(0);
    expect(out[0]).toMatch(/^valide — Chantier des Coteaux \(exemple\) \(SIRET 52000001500013\), année 2024, clé \S+ \(clé enregistrée\)$/);
    expect(await runCli(['verify', zip, '--thumbprint', 'cle-de-quelqu-un-d-autre'])).toBe(1);
    expect(err.join('\n')).toMatch(/^Clé inconnue/m);
    const entries = unzipSync(readFileSync(zip));
    entries['indicateurs.csv']![5] = entries['indicateurs.csv']![5]! ^ 1;
    const tampered = join(outDir, 'modifie.zip');
    writeFileSync(tampered, zipSync(entries));
    err = [];
    expect(await runCli(['verify', tampered])).toBe(1);
    expect(err).toEqual(['Empreinte du document : le SHA-256 de indicateurs.csv ne correspond pas au rapport signé (document modifié).']);
    const xlsx = join(dir, 'consolidation.xlsx');
    expect(await runCli(['consolidate', outDir, '--out', xlsx])).toBe(1);
    expect(existsSync(xlsx)).toBe(true);
    expect(err.join('\n')).toMatch(/Refusé : modifie\.zip/);
    expect(await runCli(['report', '--db', db, '--year', 'deux-mille'])).toBe(2);
  }, 60_000);
});
