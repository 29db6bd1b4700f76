/**
 * Annexes financières: the State's funding documents of each dispositif, with their amendments (avenants), as
 * les-emplois and the ASP know them. Pure rules shared by the screens and the services.
 *
 * Sources: les-emplois `itou/companies/models.py` (SiaeFinancialAnnex: number = measure + department + millésime +
 * order number, then the AnMm suffix of the amendment), `itou/utils/validators.py` (validate_af_number),
 * `itou/asp/models.py` (SiaeKind: the ASP measure codes). Code du travail R5132-1-1 to R5132-1-4 (annexe financière
 * of the convention, ETP conventionnés, aid amounts: socle and modulated part).
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { SiaeKind } from '../siae';

/** The ASP measures a SIAE of this app can be funded under (FDI_DC, the departmental fund, is not a dispositif). */
export const MESURES_ASP = {
  ACI_DC: { kind: 'ACI', label: 'Droit commun – Atelier et chantier d’insertion' },
  AI_DC: { kind: 'AI', label: 'Droit commun – Association intermédiaire' },
  EI_DC: { kind: 'EI', label: 'Droit commun – Entreprise d’insertion' },
  ETTI_DC: { kind: 'ETTI', label: 'Droit commun – Entreprise de travail temporaire d’insertion' },
  EITI_DC: { kind: 'EITI', label: 'Droit commun – Entreprise d’insertion par le travail indépendant' },
  ACI_MP: { kind: 'ACI', label: 'Milieu pénitentiaire – Atelier et chantier d’insertion' },
  EI_MP: { kind: 'EI', label: 'Milieu pénitentiaire – Entreprise d’insertion' },
} as const satisfies Record<string, { kind: SiaeKind; label: string }>;
export type MesureAsp = keyof typeof MESURES_ASP;
export const MESURES_ASP_CODES = Object.keys(MESURES_ASP) as MesureAsp[];

export function kindOfMesure(mesure: MesureAsp): SiaeKind {
  return MESURES_ASP[mesure].kind;
}

/** Base number of an annexe, without the amendment suffix: ACI + 2 digits + digit or letter + 6 digits (validators.py). */
const BASE_NUMBER = /^(ACI|EI|AI|ETTI|EITI)\d{2}[A-Z\d]\d{6}$/;

/** The number as typed, normalised: upper case, no spaces or dots (the ASP prints it with spaces). */
export function normaliseNumeroAnnexe(typed: string): string {
  return typed.toUpperCase().replace(/[\s.]/g, '');
}

/**
 * A warning when the base number does not look like the ASP's, or names another dispositif. Not blocking: older
 * annexes were typed in other forms, and the number is printed as typed.
 */
export function numeroAnnexeWarning(numero: string, mesure: MesureAsp): string | null {
  if (numero === '') return null;
  const normalised = normaliseNumeroAnnexe(numero);
  if (/A\dM\d$/.test(normalised) && BASE_NUMBER.test(normalised.slice(0, -4))) return 'Saisissez le numéro sans le suffixe d’avenant (A0M0) : l’avenant se saisit à part.';
  if (!BASE_NUMBER.test(normalised)) return 'Ce numéro n’a pas la forme des numéros de l’ASP (par exemple ACI075240013).';
  const prefix = /^[A-Z]+/.exec(normalised)![0];
  if (prefix !== kindOfMesure(mesure)) return `Ce numéro est celui d’un dispositif ${prefix}, pas ${kindOfMesure(mesure)}.`;
  return null;
}

/** The full number of a version, as the ASP prints it: the base number and its AnMm suffix when the base is an ASP one. */
export function numeroComplet(numero: string, avenant: number, modification: number): string {
  const normalised = normaliseNumeroAnnexe(numero);
  if (BASE_NUMBER.test(normalised)) return `${normalised}A${avenant}M${modification}`;
  if (numero === '') return '';
  return avenant === 0 && modification === 0 ? numero : `${numero} (avenant ${avenant}${modification ? `, modification ${modification}` : ''})`;
}

export interface AnnexeVersionFigures {
  avenant: number;
  modification: number;
  dateDebut: string;
  dateFin: string;
  /** Ten-thousandths of an ETP, as stored; null when not stated. */
  etpDixMilliemes: number | null;
  /** Hundredths of an hour; null when the annexe states none (the dated parameter applies). */
  hRefCentiemes: number | null;
}

function laterAmendment(a: AnnexeVersionFigures, b: AnnexeVersionFigures): boolean {
  return a.avenant !== b.avenant ? a.avenant > b.avenant : a.modification > b.modification;
}

/** The version in force on a day: the highest amendment whose period covers it, or null. */
export function versionInForce<V extends AnnexeVersionFigures>(versions: readonly V[], day: string): V | null {
  let found: V | null = null;
  for (const v of versions) if (v.dateDebut <= day && day <= v.dateFin && (!found || laterAmendment(v, found))) found = v;
  return found;
}

/** The dates where the version in force may change inside [from, to]: each version's start and the day after its end. */
function segments<V extends AnnexeVersionFigures>(versions: readonly V[], from: string, to: string): Array<{ debut: string; fin: string; version: V | null }> {
  const cuts = new Set<string>([from]);
  for (const v of versions) {
    if (v.dateDebut > from && v.dateDebut <= to) cuts.add(v.dateDebut);
    const after = nextDay(v.dateFin);
    if (after > from && after <= to) cuts.add(after);
  }
  const starts = [...cuts].sort();
  return starts.map((debut, i) => ({ debut, fin: i + 1 < starts.length ? previousDay(starts[i + 1]!) : to, version: versionInForce(versions, debut) }));
}

function shiftDay(iso: string, days: number): string {
  const d = parseISO(iso);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const nextDay = (iso: string) => shiftDay(iso, 1);
const previousDay = (iso: string) => shiftDay(iso, -1);

function daysBetween(debut: string, fin: string): number {
  return differenceInCalendarDays(parseISO(fin), parseISO(debut)) + 1;
}

/**
 * The ETP conventionnés an annexe contributes to a period (a calendar year for the report), in ten-thousandths:
 * each version's ETP weighted by the days it is in force within the period, over the days of the period. A version
 * covering the whole period counts in full; an annexe from July to June counts about half in each year. Sums stay
 * in integers until the one division, so a full year gives back exactly the stated value.
 * Null when no version in force during the period states ETP.
 */
export function etpConventionnesProrata(versions: readonly AnnexeVersionFigures[], debut: string, fin: string): number | null {
  let weighted = 0;
  let stated = false;
  for (const s of segments(versions, debut, fin)) {
    if (!s.version || s.version.etpDixMilliemes === null) continue;
    stated = true;
    weighted += s.version.etpDixMilliemes * daysBetween(s.debut, s.fin);
  }
  return stated ? weighted / daysBetween(debut, fin) : null;
}

/** Whether an annexe has a version in force on at least one day of the period. */
export function inForceDuring(versions: readonly AnnexeVersionFigures[], debut: string, fin: string): boolean {
  return versions.some((v) => v.dateDebut <= fin && v.dateFin >= debut);
}

/** The periods of [debut, fin] where a version states its own H_ref, with that H_ref in hours. */
export function statedHrefPeriods(versions: readonly AnnexeVersionFigures[], debut: string, fin: string): Array<{ debut: string; fin: string; hRef: number }> {
  return segments(versions, debut, fin)
    .filter((s) => s.version?.hRefCentiemes != null)
    .map((s) => ({ debut: s.debut, fin: s.fin, hRef: s.version!.hRefCentiemes! / 100 }));
}

/** Problems that make a version impossible to save (French, for the form). */
export function versionProblems(v: { dateDebut: string; dateFin: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (v.dateFin < v.dateDebut) problems.dateFin = 'La fin d’effet précède le début.';
  else if (daysBetween(v.dateDebut, v.dateFin) > 3 * 366) problems.dateFin = 'Une annexe financière couvre au plus trois ans.';
  return problems;
}
