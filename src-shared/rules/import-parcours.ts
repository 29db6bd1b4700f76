/**
 * How an import rebuilds parcours (IMPORT-FORMAT "A parcours is not a sheet"): a person's contracts grouped by
 * dispositif and date, a contract starting after the exit of its dispositif opening a new parcours, each exit
 * closing the parcours open on its date; and where a dated row (CER, bilan, training…) belongs.
 */

export interface ContractEvent {
  key: string;
  kind: string;
  dateDebut: string;
}

export interface ExitEvent {
  key: string;
  date: string;
}

export interface ParcoursGroup {
  kind: string;
  contracts: string[];
  start: string;
  exit: string | null;
  exitKey: string | null;
}

export interface GroupingResult {
  groups: ParcoursGroup[];
  /** Exits with no parcours open on their date. */
  unplacedExits: string[];
}

export function groupIntoParcours(contracts: readonly ContractEvent[], exits: readonly ExitEvent[]): GroupingResult {
  // A contract starting on the exit day belongs to the parcours that exit closes: contracts sort first on a tie.
  const events = [
    ...contracts.map((c) => ({ date: c.dateDebut, order: 0, contract: c, exit: null as ExitEvent | null })),
    ...exits.map((e) => ({ date: e.date, order: 1, contract: null as ContractEvent | null, exit: e })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const groups: ParcoursGroup[] = [];
  const openByKind = new Map<string, ParcoursGroup>();
  const unplacedExits: string[] = [];
  for (const e of events) {
    if (e.contract) {
      const open = openByKind.get(e.contract.kind);
      if (open && open.exit === null) open.contracts.push(e.contract.key);
      else {
        const g: ParcoursGroup = { kind: e.contract.kind, contracts: [e.contract.key], start: e.contract.dateDebut, exit: null, exitKey: null };
        groups.push(g);
        openByKind.set(g.kind, g);
      }
    } else if (e.exit) {
      const open = groups.filter((g) => g.exit === null && g.start <= e.exit!.date);
      const target = open.sort((a, b) => (a.start < b.start ? 1 : -1))[0];
      if (!target) unplacedExits.push(e.exit.key);
      else {
        target.exit = e.exit.date;
        target.exitKey = e.exit.key;
      }
    }
  }
  return { groups, unplacedExits };
}

export interface ParcoursSpan {
  id: string;
  dateDebut: string | null;
  dateSortie: string | null;
}

/**
 * The parcours a dated row belongs to: the one open on its date (the latest started if several), else the next one
 * (a CER signed the week before the first contract), else the latest earlier one; null when the person has none.
 */
export function parcoursForDate(spans: readonly ParcoursSpan[], date: string): string | null {
  const started = spans.filter((s): s is ParcoursSpan & { dateDebut: string } => s.dateDebut !== null);
  const open = started.filter((s) => s.dateDebut <= date && (s.dateSortie === null || date <= s.dateSortie)).sort((a, b) => (a.dateDebut < b.dateDebut ? 1 : -1));
  if (open[0]) return open[0].id;
  const next = started.filter((s) => s.dateDebut > date).sort((a, b) => (a.dateDebut < b.dateDebut ? -1 : 1));
  if (next[0]) return next[0].id;
  const earlier = started.filter((s) => s.dateDebut < date).sort((a, b) => (a.dateDebut < b.dateDebut ? 1 : -1));
  return earlier[0]?.id ?? null;
}
