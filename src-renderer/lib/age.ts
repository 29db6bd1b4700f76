import { differenceInYears, parseISO } from 'date-fns';

export function ageOn(dateNaissance: string, on: Date = new Date()): number {
  return differenceInYears(on, parseISO(dateNaissance));
}
