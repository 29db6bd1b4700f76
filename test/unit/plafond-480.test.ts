import { describe, expect, it } from 'vitest';
import { windows480 } from '../../src-shared/rules/heures';
import { defaultSubjectTo480, derogation480Covers, subjectTo480 } from '../../src-shared/rules/plafond-480';

describe('which clients count towards the AI cap (L5132-9 2°)', () => {
  it('companies and public bodies always, associations never, whatever the structure says', () => {
    expect([subjectTo480('entreprise', false), subjectTo480('collectivite', false), subjectTo480('association', true)]).toEqual([true, true, false]);
  });
  it('a private individual only for professional needs, « autre » unless a private non-profit body', () => {
    expect([defaultSubjectTo480('particulier'), defaultSubjectTo480('autre')]).toEqual([false, true]);
    expect([subjectTo480('particulier', true), subjectTo480('particulier', null), subjectTo480('autre', false), subjectTo480('autre', undefined)]).toEqual([true, false, false, true]);
  });
});

describe('windows and derogations', () => {
  it('knows the day a window went past the cap', () => {
    const [w] = windows480(
      [
        { date: '2025-07-01', heures: 300 },
        { date: '2025-09-01', heures: 180 },
        { date: '2025-10-01', heures: 1 },
      ],
      480,
    );
    expect(w).toEqual({ debut: '2025-07-01', fin: '2027-06-30', heures: 481, depassementLe: '2025-10-01' });
  });
  it('a derogation covers the days up to its end, none when empty', () => {
    expect([derogation480Covers('2028-08-31', '2028-08-31'), derogation480Covers('2028-08-31', '2028-09-01'), derogation480Covers('', '2025-01-01')]).toEqual([true, false, false]);
  });
});
