/**
 * Which backups to keep (issue 7): the 3 most recent of today, then the most recent of each of the 10 previous days,
 * then the most recent of each of the 12 previous months. Everything else may be deleted. Pure, so it is tested on
 * names alone; the latest backup is always kept, whatever its age.
 */
import { addDays, addMonths, format, parseISO } from 'date-fns';

export interface DatedFile {
  file: string;
  createdAt: string;
}

export const KEEP_TODAY = 3;
export const KEEP_DAYS = 10;
export const KEEP_MONTHS = 12;

export function backupsToDelete<T extends DatedFile>(backups: readonly T[], now: Date): T[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const today = format(now, 'yyyy-MM-dd');
  const oldestDay = format(addDays(now, -KEEP_DAYS), 'yyyy-MM-dd');
  const oldestMonth = format(addMonths(now, -KEEP_MONTHS), 'yyyy-MM');
  const keep = new Set<string>();
  const daysKept = new Set<string>();
  const monthsKept = new Set<string>();
  let todayKept = 0;
  newestFirst.forEach((b, i) => {
    const local = parseISO(b.createdAt);
    const day = format(local, 'yyyy-MM-dd');
    const month = format(local, 'yyyy-MM');
    if (i === 0) keep.add(b.file);
    if (day === today && todayKept < KEEP_TODAY) {
      keep.add(b.file);
      todayKept++;
    } else if (day < today && day >= oldestDay && !daysKept.has(day)) {
      keep.add(b.file);
      daysKept.add(day);
    } else if (day < oldestDay && month >= oldestMonth && !monthsKept.has(month)) {
      keep.add(b.file);
      monthsKept.add(month);
    }
  });
  return newestFirst.filter((b) => !keep.has(b.file));
}
