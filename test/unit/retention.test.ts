import { describe, expect, it } from 'vitest';
import { backupsToDelete } from '../../db/retention';

const at = (iso: string) => ({ file: `cedre-${iso}.sqlite`, createdAt: iso });

describe('backup retention', () => {
  const now = new Date('2026-11-27T15:00:00');
  it('keeps the 3 most recent of today', () => {
    const today = ['2026-11-27T08:00:00', '2026-11-27T09:00:00', '2026-11-27T10:00:00', '2026-11-27T11:00:00'].map(at);
    expect(backupsToDelete(today, now).map((b) => b.createdAt)).toEqual(['2026-11-27T08:00:00']);
  });
  it('keeps the latest of each of the 10 previous days, then of each of the 12 previous months', () => {
    const files = [
      at('2026-11-26T18:00:00'),
      at('2026-11-26T09:00:00'),
      at('2026-11-17T09:00:00'),
      at('2026-11-16T09:00:00'),
      at('2026-11-10T09:00:00'),
      at('2026-10-31T09:00:00'),
      at('2026-10-02T09:00:00'),
      at('2025-11-30T09:00:00'),
      at('2025-10-30T09:00:00'),
    ];
    expect(backupsToDelete(files, now).map((b) => b.createdAt)).toEqual([
      '2026-11-26T09:00:00', // an older one of a kept day
      '2026-11-10T09:00:00', // same month as 2026-11-16, which is older than 10 days and kept for November
      '2026-10-02T09:00:00', // same month as 2026-10-31
      '2025-10-30T09:00:00', // more than 12 months ago
    ]);
  });
  it('never deletes the latest backup, however old', () => {
    expect(backupsToDelete([at('2020-01-01T09:00:00')], now)).toEqual([]);
  });
});
