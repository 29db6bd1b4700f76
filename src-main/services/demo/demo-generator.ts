/**
 * A fictitious ensemblier (an AI and an ACI in Ardèche) written in the import format, so that the demo goes through
 * the same checks as a real structure's workbook. Deterministic for a seed: the same seed gives the same rows.
 * Names are common French first and last names drawn at random, places are real communes; the people do not exist.
 *
 * Scale 1 is a typical structure: about 120 entries and 240 intakes a year, about 150 salariés en parcours a year.
 */
import { addDays, addMonths, differenceInYears, endOfMonth, format } from 'date-fns';
import type { SheetTable } from '../import/workbook-writer';
import { rowsOfRecords, type CoreSheet, type SheetRecordOf } from '../../../src-shared/import-format';
import { parseIsoDate } from '../../../src-shared/rules/dates';

export interface DemoOptions {
  scale: number;
  years: number;
  seed: number;
  /** Nothing is dated after this day. */
  today: string;
  /**
   * The structure's records start on this day, as when it moved into the app then: the persons none of whose dates
   * (intake, contract, hours, exit…) reaches it, and the annexes ended before it, are left out; the others are kept
   * whole. Same seed and years: the years after it are the same rows, only the history before it differs (the
   * benchmark's « 10 ans / 3 ans », issue 19 §2).
   */
  recordsSince?: string;
}

/** mulberry32: small, fast and good enough for fictitious data; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRENOMS_F = ['Julie', 'Sonia', 'Laura', 'Nadia', 'Sandrine', 'Céline', 'Aurélie', 'Fatima', 'Karine', 'Émilie', 'Chloé', 'Inès', 'Manon', 'Sabrina', 'Nathalie', 'Audrey', 'Mélanie', 'Leïla', 'Christelle', 'Océane', 'Amandine', 'Samia', 'Virginie', 'Élodie'];
const PRENOMS_M = ['Kevin', 'Omar', 'Paul', 'Julien', 'Mehdi', 'Thomas', 'Nicolas', 'Sébastien', 'Karim', 'Anthony', 'Jérôme', 'Yanis', 'Dylan', 'Mathieu', 'Rachid', 'Franck', 'Loïc', 'Bruno', 'Hugo', 'Sofiane', 'Cédric', 'Jordan', 'Patrice', 'Théo'];
const NOMS = ['Arnaud', 'Barre', 'Caron', 'Denis', 'Étienne', 'Fabre', 'Garnier', 'Henry', 'Imbert', 'Jacquet', 'Lambert', 'Marchand', 'Noël', 'Olivier', 'Perrin', 'Roche', 'Sauvage', 'Teyssier', 'Vidal', 'Bouvier', 'Chabert', 'Delorme', 'Faure', 'Gauthier', 'Hébrard', 'Jullien', 'Laurent', 'Mercier', 'Nicolas', 'Pons', 'Rey', 'Soulier', 'Valette', 'Blanc', 'Chapuis', 'Dumas', 'Fournier', 'Gras', 'Haddad', 'Benali', 'Martins', 'Ferreira', 'Diallo', 'Nguyen', 'Moulin', 'Brunel', 'Courtial', 'Rouvière'];
const COMMUNES: Array<[string, string]> = [['07000', 'Privas'], ['07200', 'Aubenas'], ['07100', 'Annonay'], ['07300', 'Tournon-sur-Rhône'], ['07400', 'Le Teil'], ['07130', 'Saint-Péray'], ['07500', 'Guilherand-Granges'], ['07800', 'La Voulte-sur-Rhône'], ['07160', 'Le Cheylard'], ['07600', 'Vals-les-Bains']];
const CLIENTS_AI: Array<[string, string]> = [
  ['particulier', 'M. et Mme Rouvière'], ['particulier', 'Mme Chabert'], ['particulier', 'M. Valette'], ['particulier', 'Mme Teyssier'], ['particulier', 'M. Courtial'],
  ['association', 'Foyer rural de Privas'], ['association', 'Les Restos du cœur — antenne d’Aubenas'], ['collectivite', 'Mairie de Privas'], ['collectivite', 'Communauté de communes Privas Centre Ardèche'],
  ['collectivite', 'Mairie du Teil'], ['entreprise', 'Transports Giraud'], ['entreprise', 'Espaces verts Martin'], ['entreprise', 'Nettoyage Service 07'], ['entreprise', 'Boulangerie Faure'], ['autre', 'Gîte des Châtaigniers'],
];
const FORMATIONS: Array<[string, number, boolean]> = [['Permis B', 30, false], ['CACES R489', 35, true], ['CQP agent de propreté', 70, true], ['Sauveteur secouriste du travail', 14, false], ['Français langue étrangère', 60, false], ['Titre professionnel agent de service', 280, true], ['Remise à niveau numérique', 21, false]];
const ENTREPRISES_PMSMP = ['Espaces verts Martin', 'Maison de retraite Les Tilleuls', 'Supermarché du Teil', 'Menuiserie Chabert', 'Camping des Gorges'];
const OBJECTIFS = ['Obtenir le permis B et découvrir les métiers des espaces verts', 'Reprendre un rythme de travail et trouver un logement', 'Se former au métier d’agent de propreté', 'Valider un projet dans l’aide à domicile', 'Améliorer le français à l’oral et à l’écrit', 'Construire un projet professionnel dans le bâtiment'];
const MOTIFS_EXIT: Array<[string, number]> = [['1', 3], ['3', 8], ['9', 10], ['13', 3], ['10', 10], ['14', 6], ['2', 6], ['5', 6], ['12', 3], ['7', 20], ['6', 6], ['8', 6], ['21', 2], ['22', 2], ['15', 2], ['16', 4], ['17', 1], ['20', 2]];
const FREINS = ['illetrisme', 'demarch', 'heberg', 'mobilite', 'sante', 'justice', 'surendet', 'manque_dispo'];
const ORIENTEURS: Array<[string, number]> = [['03', 40], ['01', 15], ['05', 12], ['07', 10], ['02', 5], ['04', 5], ['11', 4], ['12', 3], ['09', 3], ['99', 3]];
const NIVEAUX: Array<[string, number]> = [['00', 10], ['01', 3], ['50', 20], ['51', 20], ['60', 5], ['70', 20], ['40', 12], ['41', 6], ['30', 3], ['20', 1]];

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const addD = (s: string, n: number) => iso(addDays(parseIsoDate(s), n));
const addM = (s: string, n: number) => iso(addMonths(parseIsoDate(s), n));
const minIso = (a: string, b: string) => (a < b ? a : b);

/** A valid SIRET (Luhn) that belongs to no one: the SIREN prefix 999 is not attributed. */
export const DEMO_SIRET = '99900001500019';

export function generateDemo(options: DemoOptions): SheetTable {
  const random = seededRandom(options.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = (list: ReadonlyArray<[string, number]>): string => {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1]![0];
  };
  const chance = (p: number) => random() < p;

  const today = options.today;
  const firstYear = Number(today.slice(0, 4)) - options.years + 1;
  const start = `${firstYear}-01-01`;
  // Rows by column name (typed by the format's columns), turned into the writers' rows at the end.
  const t: { [S in CoreSheet]: Array<SheetRecordOf<S>> } = {
    structure: [{ nom: 'Ensemble Solidaire des Coteaux (démonstration)', siret: DEMO_SIRET, departement: '07', adresse: '4 rue des Mûriers', code_postal: '07000', commune: 'Privas' }],
    dispositifs: [], annexes_financieres: [], clients: [], personnes: [], accueils: [], criteres: [], pass_iae: [], contrats: [], heures: [], cer: [], bilans: [], freins: [], actions_freins: [], formations: [], pmsmp: [], sorties: [],
  };
  const clientRefs = CLIENTS_AI.map(([type, nom], i) => {
    t.clients.push({ ref: `CL-${i + 1}`, nom, type });
    return { ref: `CL-${i + 1}`, type };
  });
  const hoursByYearKind = new Map<string, number>();
  let personSeq = 0;
  let contractSeq = 0;
  let passSeq = 0;

  // Intakes arrive every month; about half lead to an entry.
  const monthsCount = (Number(today.slice(0, 4)) - firstYear) * 12 + Number(today.slice(5, 7));
  for (let m = 0; m < monthsCount; m++) {
    const monthStart = addM(start, m);
    const intakes = Math.round(16 * options.scale * (0.8 + random() * 0.4));
    for (let i = 0; i < intakes; i++) {
      const contact = addD(monthStart, int(0, 27));
      if (contact > today) continue;
      personSeq++;
      const ref = `D${String(personSeq).padStart(6, '0')}`;
      const femme = chance(0.45);
      const age = weighted([['20', 22], ['30', 35], ['42', 25], ['53', 18]]);
      const naissance = addD(contact, -Math.round((Number(age) + random() * 8 - 4) * 365.25));
      const [cp, commune] = pick(COMMUNES);
      const orienteur = weighted(ORIENTEURS);
      // Properties are evaluated in this order: the random draws, hence the demo, stay as they were.
      const personRow: SheetRecordOf<'personnes'> = {
        ref,
        civilite: femme ? 'MME' : 'M',
        nom: pick(NOMS),
        prenom: pick(femme ? PRENOMS_F : PRENOMS_M),
        date_naissance: naissance,
        code_postal: cp,
        commune,
        telephone: `06 ${int(10, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`,
        niveau_formation: weighted(NIVEAUX),
        identifiant_ft: chance(0.7) ? `${int(1000000, 9999999)}X` : '',
        orienteur,
      };
      t.personnes.push(personRow);
      const offre = chance(0.92) ? contact : '';
      const diagnostic = chance(0.75) ? addD(contact, int(0, 10)) : '';
      const decisionDate = addD(contact, int(3, 40));
      if (decisionDate > today) {
        t.accueils.push({ ref_personne: ref, date_premier_contact: contact, date_offre_presentee: offre, date_diagnostic: diagnostic > today ? '' : diagnostic });
        continue;
      }
      const decision = weighted([['entree', 50], ['reorientation', 15], ['refus_personne', 10], ['non_eligible', 7], ['sans_suite', 18]]);
      const motif = {
        entree: '',
        reorientation: chance(0.4) ? 'no_position' : pick(['lacking_skills', 'incompatible', 'not_mobile']),
        sans_suite: chance(0.4) ? 'no_position' : pick(['did_not_come', 'did_not_come_to_interview', 'hired_elsewhere']),
        refus_personne: pick(['not_interested', 'training', 'other']),
        non_eligible: 'non_eligible',
      }[decision]!;
      t.accueils.push({ ref_personne: ref, date_premier_contact: contact, date_offre_presentee: offre, date_diagnostic: diagnostic, decision, date_decision: decisionDate, motif_decision: motif });
      // This person's freins, kept for their actions below (searching the whole list for them made the generator
      // quadratic: 2.2 times the time per person at ×30 as at ×10).
      const freinsOfPerson: string[] = [];
      for (const f of FREINS) {
        if (chance(f === 'mobilite' ? 0.35 : f === 'sante' || f === 'justice' ? 0.08 : 0.15)) {
          const identified = diagnostic || contact;
          const lifted = chance(0.4) ? addD(identified, int(60, 500)) : '';
          t.freins.push({ ref_personne: ref, type: f, date_identification: identified, date_levee: lifted && lifted <= today ? lifted : '' });
          freinsOfPerson.push(f);
        }
      }
      if (decision !== 'entree') continue;

      const kind = chance(0.42) ? 'ACI' : 'AI';
      const debut = addD(decisionDate, int(3, 20));
      if (debut > today) continue;
      const ageAtStart = differenceInYears(parseIsoDate(debut), parseIsoDate(naissance));
      const criteres = new Set<string>();
      if (ageAtStart < 26) criteres.add('JEUNE');
      if (ageAtStart >= 50) criteres.add('SENIOR');
      if (chance(0.35)) criteres.add('RSA');
      else if (chance(0.2)) criteres.add('ASS');
      if (chance(0.3)) criteres.add(chance(0.5) ? 'DETLD' : 'DELD');
      if (chance(0.2)) criteres.add('QPV');
      if (chance(0.08)) criteres.add('TH');
      if (chance(0.04)) criteres.add('AAH');
      if (orienteur === '09' || chance(0.02)) criteres.add('DETENTION_MJ');
      if (chance(0.1)) criteres.add('PI');
      if (chance(0.06)) criteres.add('PSH_PR');
      if (criteres.size === 0) criteres.add('DELD');
      for (const c of criteres) t.criteres.push({ ref_personne: ref, critere: c, date_justificatif: diagnostic || contact });
      // The person's situation as the diagnosis found it (adresse, nir, qpv, zrr, rsa, registration, no income): what
      // their fiche salarié starts from at hire; the RSA is majoré for an isolated parent. No random draw, so the
      // rest of the demo stays as it was.
      const registration = criteres.has('DETLD') ? '04' : criteres.has('DELD') ? '03' : '';
      Object.assign(personRow, { qpv: criteres.has('QPV') ? 'oui' : 'non', zrr: 'non', rsa: criteres.has('RSA') ? (criteres.has('PI') ? 'OUI-M' : 'OUI-NM') : 'NON', duree_inscription_ft: registration, sans_ressources: 'non' } satisfies SheetRecordOf<'personnes'>);
      passSeq++;
      t.pass_iae.push({ ref_personne: ref, numero: `99999${String(passSeq).padStart(7, '0')}`, date_debut: debut, date_fin: addD(addM(debut, 24), -1) });

      // The parcours: successive contracts up to its planned length (24 months at most), then the exit.
      const length = kind === 'ACI' ? int(4, 24) : int(2, 20);
      const plannedEnd = addD(addM(debut, length), -1);
      let contractStart = debut;
      const hebdo = pick([20, 24, 26, 26, 30]);
      const contracts: Array<{ ref: string; from: string; to: string }> = [];
      while (contractStart <= plannedEnd) {
        const months = kind === 'ACI' ? Math.min(int(4, 6), length) : int(1, 6);
        const to = minIso(addD(addM(contractStart, months), -1), plannedEnd);
        contractSeq++;
        const cref = `K${String(contractSeq).padStart(6, '0')}`;
        t.contrats.push({ ref: cref, ref_personne: ref, kind, type: kind === 'ACI' ? 'CDDI' : 'CDD_USAGE', date_debut: contractStart, date_fin_prevue: to, heures_hebdo: kind === 'ACI' ? String(hebdo) : '' });
        contracts.push({ ref: cref, from: contractStart, to });
        contractStart = addD(to, 1);
        if (contractStart > today) break;
      }
      const exitDate = plannedEnd <= today ? plannedEnd : null;
      const myClients = kind === 'AI' ? [pick(clientRefs), pick(clientRefs)] : [];
      for (const c of contracts) {
        for (let month = c.from.slice(0, 7); `${month}-01` <= minIso(c.to, today); month = addM(`${month}-01`, 1).slice(0, 7)) {
          const from = c.from > `${month}-01` ? c.from : `${month}-01`;
          const to = minIso(minIso(c.to, iso(endOfMonth(parseIsoDate(`${month}-01`)))), today);
          const share = (Number(to.slice(8)) - Number(from.slice(8)) + 1) / Number(iso(endOfMonth(parseIsoDate(`${month}-01`))).slice(8));
          if (kind === 'ACI') {
            // Absences, sick leave and the weeks between two contracts: about 70 % of the contract's hours are worked.
            const h = Math.round(hebdo * 4.33 * share * (0.55 + random() * 0.3) * 100) / 100;
            if (h > 0) t.heures.push({ ref_contrat: c.ref, mois: month, heures: String(h).replace('.', ',') });
            hoursByYearKind.set(`${month.slice(0, 4)}-ACI`, (hoursByYearKind.get(`${month.slice(0, 4)}-ACI`) ?? 0) + h);
          } else {
            for (const client of chance(0.3) ? myClients : myClients.slice(0, 1)) {
              // AIs watch the 480-hour cap: placements with companies stay small.
              const h = Math.round((client.type === 'entreprise' ? int(6, 22) : int(15, 60)) * share * 100) / 100;
              if (h > 0) t.heures.push({ ref_contrat: c.ref, mois: month, heures: String(h).replace('.', ','), ref_client: client.ref });
              hoursByYearKind.set(`${month.slice(0, 4)}-AI`, (hoursByYearKind.get(`${month.slice(0, 4)}-AI`) ?? 0) + h);
            }
          }
        }
      }
      const cerDate = addD(debut, weighted([['0', 20], ['7', 30], ['20', 30], ['28', 10], ['45', 10]]) === '45' ? int(31, 60) : int(0, 29));
      if (cerDate <= today && chance(0.9)) t.cer.push({ ref_personne: ref, date_signature: cerDate, objectifs: pick(OBJECTIFS) });
      const lastDay = exitDate ?? today;
      for (let b = addD(debut, int(20, 40)), n = 0; b < lastDay; b = addD(addM(b, 3), int(-10, 25)), n++) t.bilans.push({ ref_personne: ref, date: b, type: n === 0 ? 'entree' : 'etape' });
      if (exitDate) t.bilans.push({ ref_personne: ref, date: exitDate, type: 'sortie' });
      for (const frein of freinsOfPerson) {
        if (chance(0.6)) {
          const d = addD(debut, int(10, 120));
          if (d <= lastDay) t.actions_freins.push({ ref_personne: ref, type_frein: frein, date: d, prestataire: weighted([['interne', 60], ['externe', 40]]) });
        }
      }
      if (chance(0.3)) {
        const [intitule, heures, qualifiante] = pick(FORMATIONS);
        const d = addD(debut, int(20, 150));
        if (d <= lastDay) t.formations.push({ ref_personne: ref, intitule, date_debut: d, date_fin: minIso(addD(d, Math.ceil(heures / 7) * 2), lastDay), heures: String(heures), qualifiante: qualifiante ? 'oui' : 'non' });
      }
      if (chance(0.15)) {
        const d = addD(debut, int(30, 200));
        if (addD(d, 11) <= lastDay) t.pmsmp.push({ ref_personne: ref, date_debut: d, date_fin: addD(d, 11), entreprise: pick(ENTREPRISES_PMSMP) });
      }
      if (exitDate) t.sorties.push({ ref_personne: ref, date: exitDate, motif: weighted(MOTIFS_EXIT) });
    }
  }
  // Annexes financières sized on the activity, as a DDETS would: the realisation rate comes out between 85 % and
  // 105 %. One annexe per dispositif and calendar year (ASP numbers: measure, department 007, millésime, order
  // number); last year's ACI annexe has an avenant from 1 July adding half an ETP.
  for (const kind of ['ACI', 'AI']) t.dispositifs.push({ kind, annee: String(firstYear) });
  for (let y = firstYear; y <= Number(today.slice(0, 4)); y++) {
    for (const [kind, href] of [['ACI', 1820], ['AI', 1607]] as const) {
      const etp = Math.max(1, Math.round(((hoursByYearKind.get(`${y}-${kind}`) ?? 0) / href / (0.85 + random() * 0.2)) * 2) / 2);
      const ref = `AF-${kind}-${y}`;
      const numero = `${kind}007${String(y).slice(2)}0${kind === 'ACI' ? 100 : 101}`;
      const version = { ref, numero, mesure: `${kind}_DC`, modification: '0', date_fin: `${y}-12-31` };
      t.annexes_financieres.push({ ...version, avenant: '0', date_debut: `${y}-01-01`, etp_conventionnes: decimalFr(etp) });
      if (kind === 'ACI' && y === Number(today.slice(0, 4)) - 1) t.annexes_financieres.push({ ...version, avenant: '1', date_debut: `${y}-07-01`, etp_conventionnes: decimalFr(etp + 0.5) });
    }
  }
  if (options.recordsSince) keepRecordsSince(t, options.recordsSince);
  return Object.fromEntries((Object.keys(t) as CoreSheet[]).map((sheet) => [sheet, rowsOfRecords(sheet, t[sheet] as Array<SheetRecordOf<typeof sheet>>)]));
}

/** DemoOptions.recordsSince: leaves out, in place, the persons whose latest date is before `since`, and the annexes ended before it. */
function keepRecordsSince(t: { [S in CoreSheet]: Array<SheetRecordOf<S>> }, since: string): void {
  const latest = new Map<string, string>();
  const reach = (ref: string, date: string) => {
    if (date > (latest.get(ref) ?? '')) latest.set(ref, date);
  };
  // Dates of what happened: a PASS's end or a contract's planned end may lie after a person has left.
  const datesOf = (sheet: CoreSheet, row: Record<string, string>) =>
    Object.entries(row)
      .filter(([column, v]) => column !== 'date_fin_prevue' && !(sheet === 'pass_iae' && column === 'date_fin') && /^\d{4}-\d{2}(-\d{2})?$/.test(v))
      .map(([, v]) => v);
  const personOfContract = new Map(t.contrats.map((c) => [String(c.ref), String(c.ref_personne)]));
  for (const sheet of Object.keys(t) as CoreSheet[]) {
    for (const row of t[sheet] as Array<Record<string, string>>) {
      const ref = sheet === 'personnes' ? row.ref : sheet === 'heures' ? personOfContract.get(row.ref_contrat!) : row.ref_personne;
      // An hours' month (YYYY-MM) reaches its last day: compared with a day, its first would come before it.
      if (ref) for (const d of datesOf(sheet, row)) reach(ref, d.length === 7 ? `${d}-31` : d);
    }
  }
  const kept = (ref: string | undefined) => ref !== undefined && (latest.get(ref) ?? '') >= since;
  for (const sheet of Object.keys(t) as CoreSheet[]) {
    const rows = t[sheet] as Array<Record<string, string>>;
    const keep = (row: Record<string, string>) =>
      sheet === 'personnes' ? kept(row.ref) : sheet === 'heures' ? kept(personOfContract.get(row.ref_contrat!)) : sheet === 'annexes_financieres' ? row.date_fin! >= since : 'ref_personne' in row ? kept(row.ref_personne) : true;
    (t as Record<CoreSheet, unknown[]>)[sheet] = rows.filter(keep);
  }
}

function decimalFr(value: number): string {
  return String(value).replace('.', ',');
}
