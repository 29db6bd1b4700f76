/**
 * Small-cell suppression that holds against arithmetic (REPORT-SPEC §3 amended, issue 17 §1): on the signed report of
 * the worked example, an attacker tries to recover every masked value by adding or subtracting the published members
 * of its additive groups — in the JSON, in the CSV and in the PDF's tables. None can be.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReport } from '../../src-main/services/observatoire/report-verifier';
import type { ReportPayload } from '../../src-shared/observatoire/report-format';
import { additiveGroupsOf } from '../../src-shared/observatoire/suppression';
import { TestApp } from '../helpers/app';
import { EXEMPLE_2024, importFolder } from '../helpers/import';
import { tempDir } from '../helpers/temp';

let app: TestApp;
let payload: ReportPayload;
let entries: Record<string, Uint8Array>;

beforeAll(async () => {
  app = await TestApp.start();
  const open = app.runtime.openOrNull()!;
  expect((await importFolder(open, EXEMPLE_2024)).ok).toBe(true);
  const made = await open.reports.produce(2024, { id: null, name: 'Martine Durand' }, new Date('2026-03-02T09:00:00Z'));
  payload = (await verifyReport(made.zip)).payload!;
  entries = unzipSync(made.zip);
}, 60_000);
afterAll(() => app?.close());

/** Every way to get a masked value back from one group: all its other members published. */
function recoverable(values: Map<string, number | 'masque' | null>): string[] {
  const ids = [...values.keys()];
  const found: string[] = [];
  for (const [id, value] of values) {
    if (value !== 'masque') continue;
    for (const group of additiveGroupsOf(id, ids)) {
      const others = group.filter((m) => m !== id);
      if (others.length > 0 && others.every((m) => typeof values.get(m) === 'number')) found.push(`${id} = f(${others.join(', ')})`);
    }
  }
  return found;
}

/** Groups with a masked member and a published one: the rule masks groups whole (stricter than `recoverable`). */
function partlyMaskedGroups(values: Map<string, number | 'masque' | null>): string[] {
  const ids = [...values.keys()];
  const found = new Set<string>();
  for (const [id, value] of values) {
    if (value !== 'masque') continue;
    for (const group of additiveGroupsOf(id, ids)) if (group.some((m) => typeof values.get(m) === 'number')) found.add(group.join(' + '));
  }
  return [...found];
}

describe('suppression that holds', () => {
  it('in the JSON: no masked value follows from the published members of its groups', () => {
    expect(payload.suppressed.length).toBeGreaterThan(10);
    const values = new Map(Object.entries(payload.indicateurs).map(([id, v]) => [id, payload.suppressed.includes(id) ? ('masque' as const) : v]));
    expect(recoverable(values)).toEqual([]);
    expect(partlyMaskedGroups(values)).toEqual([]);
    for (const id of payload.suppressed) expect(payload.indicateurs[id], id).toBeNull();
    // The case of the report: AAH was « structure 5, AI s, ACI 4 ». A group is masked whole or not at all.
    for (const id of payload.suppressed) for (const group of additiveGroupsOf(id, Object.keys(payload.indicateurs))) for (const m of group) expect(payload.suppressed, `${m} (groupe de ${id})`).toContain(m);
  });

  it('in the CSV: « s » for a masked value, empty for a missing one, and nothing to recover', () => {
    const text = new TextDecoder().decode(entries['indicateurs.csv']).replace(/^\uFEFF/, '');
    const rows = text.trim().split(/\r\n/).slice(1).map((l) => l.split(';') as [string, string]);
    const values = new Map(rows.map(([id, v]) => [id, v === 's' ? ('masque' as const) : v === '' ? null : Number(v)]));
    expect(rows.filter(([, v]) => v === 's').map(([id]) => id).sort()).toEqual([...payload.suppressed].sort());
    const missing = Object.entries(payload.indicateurs).filter(([id, v]) => v === null && !payload.suppressed.includes(id)).map(([id]) => id);
    for (const id of missing) expect(values.get(id), id).toBeNull();
    expect(recoverable(values)).toEqual([]);
    expect(partlyMaskedGroups(values)).toEqual([]);
  });

  it('in the PDF: no table row, and no frein’s four rows, mix a masked cell with published numbers', () => {
    const dir = tempDir('cedre-suppression-');
    writeFileSync(join(dir, 'rapport.pdf'), entries['rapport.pdf']!);
    const lines = execFileSync('pdftotext', ['-layout', join(dir, 'rapport.pdf'), '-'], { encoding: 'utf8' }).split('\n');
    // A row: its label, then the structure and each dispositif's value, separated by wide spaces.
    const rows = lines
      .map((line) => line.trim().split(/\s{2,}/))
      .filter((cells) => cells.length >= 3 && cells.slice(1).every((c) => c === 's' || c === '—' || /^-?[\d\s  ]+(,\d+)?\s?%?$/.test(c)));
    const masked = rows.filter((cells) => cells.slice(1).includes('s'));
    expect(masked.length).toBeGreaterThan(5);
    // « — » is an id absent from that dispositif (no value at all), not a published number.
    const isNumber = (c: string) => c !== 's' && c !== '—';
    for (const cells of masked) expect(cells.slice(1).filter(isNumber), cells[0]).toEqual([]);
    const freinRows = new Map<string, string[][]>();
    for (const cells of rows) {
      const frein = /^Frein « ([^»]+)/.exec(cells[0]!)?.[1];
      if (frein) freinRows.set(frein, [...(freinRows.get(frein) ?? []), cells.slice(1)]);
    }
    for (const [frein, group] of freinRows) {
      const flat = group.flat();
      if (flat.includes('s')) expect(flat.filter(isNumber), frein).toEqual([]);
    }
  });
});
