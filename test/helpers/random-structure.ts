/**
 * Random structures in the import format, for property tests of the indicators (issue 21). Deterministic per seed,
 * and biased toward the edges of REPORT-SPEC's rules: parcours starting around 1 January, ACI/EI exits 3 months to
 * the day ± 1, AI/ETTI parcours with 149.99, 150 or 150.01 hours, birthdays on the age-band limits, freins lifted
 * on 1 January or 31 December, CER signed 29–31 days after the start, trainings straddling the year, empty
 * education levels and orienteurs.
 */
import { addDays, addMonths, addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { contractDaysInMonth } from '../../src-shared/rules/plausibility';
import { NIVEAU_FORMATION_CODES, ORIENTEUR_CODES } from '../../src-shared/domain/asp-codes';
import { DECISIONS_AVEC_MOTIF, MOTIFS_DECISION } from '../../src-shared/domain/accueil';
import { CRITERE_KEYS } from '../../src-shared/domain/criteres';
import { FREIN_TYPE_KEYS } from '../../src-shared/domain/freins';
import { BILAN_TYPES, CLIENT_TYPES, CONTRATS_PAR_DISPOSITIF, MOTIFS_SORTIE } from '../../src-shared/domain/insertion';
import type { SiaeKind } from '../../src-shared/siae';
import { seededRandom } from '../../src-main/services/demo/demo-generator';
import { STRUCTURE_ROW, type SheetRows } from './import';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const frDecimal = (n: number) => n.toFixed(2).replace('.', ',');

/** First and last day a random structure may use: three report years, 2023 to 2025. */
export const RANDOM_YEARS = [2023, 2024, 2025] as const;
const FIRST = parseISO('2023-01-01');
const LAST = parseISO('2025-12-31');

export function randomStructure(seed: number, persons = 24): SheetRows {
  const rnd = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
  const chance = (p: number) => rnd() < p;
  const between = (from: Date, to: Date) => addDays(from, Math.floor(rnd() * (differenceInCalendarDays(to, from) + 1)));
  const clamp = (d: Date) => (d > LAST ? LAST : d);
  /** A date near a year boundary half the time, anywhere in the three years otherwise. */
  const edgyDate = (from: Date, to: Date): Date => {
    if (chance(0.5)) {
      const boundary = parseISO(`${pick([2024, 2025])}-01-01`);
      const d = addDays(boundary, pick([-1, 0, 1, -2, 2]));
      if (d >= from && d <= to) return d;
    }
    return between(from, to);
  };

  const allKinds: SiaeKind[] = ['ACI', 'AI', 'EI', 'ETTI', 'EITI'];
  const kinds = allKinds.filter(() => chance(0.6));
  if (kinds.length === 0) kinds.push(pick(allKinds));
  const sheets: Required<Pick<SheetRows, string>> = {
    structure: [STRUCTURE_ROW],
    dispositifs: [],
    clients: [],
    personnes: [],
    accueils: [],
    criteres: [],
    contrats: [],
    heures: [],
    cer: [],
    bilans: [],
    freins: [],
    actions_freins: [],
    formations: [],
    pmsmp: [],
    sorties: [],
  };
  for (const kind of kinds) {
    for (const annee of RANDOM_YEARS) {
      // Three decimals, as an annexe may state them: the report sums them unrounded.
      if (chance(0.8)) sheets.dispositifs!.push({ kind, annee, annexe_financiere: `${kind} ${annee}`, etp_conventionnes: (Math.floor(rnd() * 12_000) / 1000).toFixed(3).replace('.', ',') });
    }
    if (!sheets.dispositifs!.some((d) => d.kind === kind)) sheets.dispositifs!.push({ kind, annee: 2025 });
  }
  const clientRefs = Object.keys(CLIENT_TYPES).map((type, i) => {
    sheets.clients!.push({ ref: `CL${i}`, nom: `Client ${type}`, type });
    return `CL${i}`;
  });

  for (let i = 0; i < persons; i++) {
    const ref = `P${i}`;
    const hired = chance(0.8);
    const start = edgyDate(parseISO('2023-03-01'), parseISO('2025-11-15'));
    // Age at the start on a band's limit (25/26, 49/50) with a birthday the day before, on, or after.
    const age = chance(0.6) ? pick([25, 26, 49, 50]) : 18 + Math.floor(rnd() * 45);
    const birth = addDays(addYears(start, -age), pick([-1, 0, 1, -40, 90]));
    sheets.personnes!.push({
      ref,
      civilite: pick(['M', 'MME']),
      nom: `Nom${seed}x${i}`,
      prenom: 'Aléa',
      date_naissance: iso(birth),
      niveau_formation: chance(0.3) ? '' : pick(NIVEAU_FORMATION_CODES),
      orienteur: chance(0.3) ? '' : pick(ORIENTEUR_CODES),
    });
    for (const critere of CRITERE_KEYS) if (chance(0.08)) sheets.criteres!.push({ ref_personne: ref, critere });

    const contact = addDays(start, -Math.floor(rnd() * 45));
    if (!hired) {
      // Intakes only: decided around a year end, or still waiting.
      const decided = chance(0.6);
      const decision = decided ? pick(DECISIONS_AVEC_MOTIF) : null;
      sheets.accueils!.push({
        ref_personne: ref,
        date_premier_contact: iso(contact),
        date_offre_presentee: chance(0.5) ? iso(contact) : '',
        date_diagnostic: chance(0.5) ? iso(addDays(contact, 3)) : '',
        decision: decision ?? '',
        date_decision: decision ? iso(clamp(edgyDate(contact, addDays(contact, 60)))) : '',
        motif_decision: decision && chance(0.5) ? pick(Object.keys(MOTIFS_DECISION)) : '',
      });
      continue;
    }
    sheets.accueils!.push({ ref_personne: ref, date_premier_contact: iso(contact), date_offre_presentee: iso(contact), decision: 'entree', date_decision: iso(start) });

    const kind = pick(kinds);
    const exit = chance(0.6) ? exitDate(kind, start) : null;
    const end = exit ?? LAST;
    const contrat = `C${i}`;
    const finPrevue = chance(0.5) ? iso(addDays(end, Math.floor(rnd() * 60))) : '';
    sheets.contrats!.push({
      ref: contrat,
      ref_personne: ref,
      kind,
      type: CONTRATS_PAR_DISPOSITIF[kind][0]!,
      date_debut: iso(start),
      date_fin_prevue: finPrevue,
      heures_hebdo: kind === 'EITI' || kind === 'ETTI' || kind === 'AI' ? '' : pick(['20', '26', '35']),
    });
    if (exit) sheets.sorties!.push({ ref_personne: ref, date: iso(exit), motif: pick(Object.keys(MOTIFS_SORTIE)) });

    // Hours on days of the contract; AI and ETTI parcours often total 150 h ± 0.01, the counting limit.
    // Monthly lines (dated on the month's first day) on months the contract covers.
    const target = (kind === 'AI' || kind === 'ETTI') && chance(0.7) ? pick([149.99, 150, 150.01]) : 10 + Math.floor(rnd() * 60_000) / 100;
    const months = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => iso(between(start, end)).slice(0, 7)))].sort();
    // Sometimes no hours at all in the exit's year, so that an ACI exit is not counted.
    const kept = exit && chance(0.2) ? months.filter((m) => m.slice(0, 4) !== iso(exit).slice(0, 4)) : months;
    // A month holds at most 24 h for each day of the contract in it (the hours grid's rule, which the import applies):
    // what a short month cannot hold goes to the others, so the totals at the counting edges stay exact.
    const contractEnd = exit ? iso(exit) : finPrevue || null;
    const capacity = kept.map((mois) => contractDaysInMonth(mois, { dateDebut: iso(start), dateFin: contractEnd }) * 24 * 100);
    let left = Math.round(target * 100);
    const shares = kept.map((_, n) => {
      const share = Math.min(capacity[n]!, n === kept.length - 1 ? left : Math.floor(left / (kept.length - n)));
      left -= share;
      return share;
    });
    for (let n = 0; n < kept.length && left > 0; n++) {
      const more = Math.min(left, capacity[n]! - shares[n]!);
      shares[n]! += more;
      left -= more;
    }
    kept.forEach((mois, n) => {
      sheets.heures!.push({ ref_contrat: contrat, mois, heures: frDecimal(shares[n]! / 100), ref_client: kind === 'AI' || kind === 'ETTI' ? pick(clientRefs) : '' });
    });

    if (chance(0.7)) sheets.cer!.push({ ref_personne: ref, date_signature: iso(clamp(addDays(start, pick([0, 29, 30, 31, 45])))) });
    const bilans = Math.floor(rnd() * 3);
    for (let b = 0; b < bilans; b++) sheets.bilans!.push({ ref_personne: ref, date: iso(between(start, end)), type: pick(Object.keys(BILAN_TYPES)) });
    if (chance(0.6)) {
      const type = pick(FREIN_TYPE_KEYS);
      const identified = clamp(edgyDate(addDays(start, -400), end));
      const lifted = chance(0.5) ? clamp(edgyDate(identified, addDays(identified, 500))) : null;
      sheets.freins!.push({ ref_personne: ref, type, date_identification: iso(identified), date_levee: lifted ? iso(lifted) : '' });
      for (let a = Math.floor(rnd() * 3); a > 0; a--) sheets.actions_freins!.push({ ref_personne: ref, type_frein: type, date: iso(between(start, end)), prestataire: pick(['interne', 'externe']) });
    }
    if (chance(0.5)) {
      // A training may straddle a year end, start before the parcours, or outlive it.
      const debut = clamp(edgyDate(addDays(start, -30), addDays(end, 30)));
      const fin = chance(0.7) ? clamp(addDays(debut, Math.floor(rnd() * 90))) : null;
      sheets.formations!.push({ ref_personne: ref, intitule: `Formation ${i}`, date_debut: iso(debut), date_fin: fin ? iso(fin) : '', heures: frDecimal(Math.floor(rnd() * 20_000) / 100), qualifiante: pick(['oui', 'non']) });
    }
    if (chance(0.3)) sheets.pmsmp!.push({ ref_personne: ref, date_debut: iso(edgyDate(start, end)) });
  }
  return Object.fromEntries(Object.entries(sheets).filter(([, rows]) => rows!.length > 0)) as SheetRows;

  function exitDate(kind: SiaeKind, start: Date): Date | null {
    // ACI/EI: on the 3-month limit to the day ± 1 half the time.
    const d = (kind === 'ACI' || kind === 'EI') && chance(0.5) ? addDays(addMonths(start, 3), pick([-1, 0, 1])) : addDays(start, 1 + Math.floor(rnd() * 500));
    return d > LAST || d < FIRST ? null : d;
  }
}
