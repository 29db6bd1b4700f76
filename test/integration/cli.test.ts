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
