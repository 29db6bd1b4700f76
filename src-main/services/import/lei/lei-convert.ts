/**
 * An export of Les emplois de l'inclusion turned into sheets of the import format (issue 16 §2), so that it goes
 * through the same checks, preview and all-or-nothing write as any workbook. Each person is matched with the one
 * already in the base (same PASS IAE number, or same name and birth date), so that importing a later export updates
 * without duplicates; each application becomes an intake with its decision, its orienteur and its PASS; each hire a
 * contract to complete (its weekly hours and type are not in the export). Lines that cannot be taken (masked
 * identity, no birth date, a hire already entered in the app) are left, each with its reason in the preview.
 */
import type Database from 'better-sqlite3';
import { CONTRATS_PAR_DISPOSITIF } from '../../../../src-shared/domain/insertion';
import { parseDateCell } from '../../../../src-shared/rules/import-cells';
import { shortFrenchDate as frenchDate } from '../../../../src-shared/rules/dates';
import { SIAE_KINDS, type SiaeKind } from '../../../../src-shared/siae';
import { SHEET_COLUMNS, type ImportProblem, type ImportSheet } from '../../../../src-shared/import-format';
import { duplicateKey } from '../../personnes/search-text';
import type { RawRow, RawWorkbook } from '../workbook-reader';
import { decisionOfRefusal, isMasked, leiOrienteur, leiRefusal, leiState, type LeiColumn } from './lei-format';

export interface LeiTable {
  /** The file (and sheet) it came from, for messages. */
  source: string;
  index: Partial<Record<LeiColumn, number>>;
  rows: RawRow[];
}

type Cells = Record<string, string>;

const SHEET = 'candidatures LEI';

export function convertLeiExport(sqlite: Database.Database, lei: LeiTable, book: RawWorkbook): void {
  const out = new Map<ImportSheet, Array<{ line: number; cells: Cells }>>([
    ['personnes', []],
    ['accueils', []],
    ['pass_iae', []],
    ['contrats', []],
  ]);
  const mixed = ['personnes', 'accueils', 'pass_iae', 'contrats'].filter((sheet) => book.sheets.has(sheet as ImportSheet));
  if (mixed.length) {
    book.problems.push({ feuille: SHEET, ligne: 0, colonne: null, message: `Un export des emplois de l’inclusion s’importe seul : importez d’abord les feuilles ${mixed.join(', ')}, puis l’export.` });
    return;
  }
  const leave = (line: number, message: string) => book.warnings.push({ feuille: SHEET, ligne: line, colonne: null, message: `Ligne laissée : ${message}` } satisfies ImportProblem);
  const kinds = new Set(sqlite.prepare('select kind from dispositifs').pluck().all() as string[]);
  const personByPass = sqlite.prepare('select personne_id from pass_iae where numero = ?').pluck();
  const personByKey = sqlite.prepare('select id from personnes where cle_doublon = ? order by id limit 1').pluck();
  const birthOf = sqlite.prepare('select nom, prenom, date_naissance from personnes where id = ?');
  const personRow = sqlite.prepare('select civilite, email, telephone, commune, code_postal, orienteur from personnes where id = ?');
  const intakeRow = sqlite.prepare('select decision, date_decision, motif_decision, dispositif, canal from accueils where personne_id = ? and date_premier_contact = ? order by id limit 1');
  const contractOn = sqlite.prepare('select 1 from contrats c join parcours p on p.id = c.parcours_id where p.personne_id = ? and c.date_debut = ?');
  const openParcours = sqlite.prepare('select 1 from parcours where personne_id = ? and dispositif = ? and date_sortie is null');
  const refsOfFile = new Map<string, string>();
  const personsEmitted = new Map<string, number>();
  const contractsEmitted = new Set<string>();

  for (const row of lei.rows) {
    const cell = (c: LeiColumn) => (lei.index[c] === undefined ? '' : (row.cells[lei.index[c]!] ?? '').trim());
    const date = (c: LeiColumn) => parseDateCell(cell(c)) ?? '';
    const nom = cell('nom');
    const prenom = cell('prenom');
    if (isMasked(nom) || isMasked(prenom)) {
      leave(row.line, 'identité masquée par Les emplois de l’inclusion (votre compte n’y a pas accès) ; demandez l’export à un collègue habilité.');
      continue;
    }
    const naissance = date('naissance');
    if (!nom || !prenom || !naissance) {
      leave(row.line, 'nom, prénom ou date de naissance absent : la personne ne peut pas être reconnue.');
      continue;
    }
    const contact = date('dateCandidature');
    if (!contact) {
      leave(row.line, `date de la candidature illisible (« ${cell('dateCandidature')} »).`);
      continue;
    }
    const state = leiState(cell('statut'));
    if (!state) {
      leave(row.line, `statut inconnu (« ${cell('statut')} »).`);
      continue;
    }
    const numero = cell('numeroPass').replace(/\s/g, '');
    const key = duplicateKey(nom, prenom, naissance);
    // The person: by PASS number, then by name and birth date, in the base and then in this file.
    const byPass = numero ? (personByPass.get(numero) as string | undefined) : undefined;
    if (byPass) {
      // A PASS number names one person: the same birth date, or a conflict a person must look at.
      const holder = birthOf.get(byPass) as { nom: string; prenom: string; date_naissance: string };
      if (holder.date_naissance !== naissance) {
        book.problems.push({
          feuille: SHEET,
          ligne: row.line,
          colonne: 'Numéro PASS IAE',
          message: `Le PASS IAE ${numero} est celui de ${holder.prenom} ${holder.nom} (née ou né le ${frenchDate(holder.date_naissance)}) dans la base, pas de ${prenom} ${nom} : vérifiez la personne dans Les emplois de l’inclusion.`,
        });
        continue;
      }
    }
    const existingId = byPass ?? (personByKey.get(key) as string | undefined);
    const ref = existingId ?? refsOfFile.get(numero || key) ?? refsOfFile.get(key) ?? `LEI:${key}`;
    refsOfFile.set(key, ref);
    if (numero) refsOfFile.set(numero, ref);
    const stored = existingId ? (personRow.get(existingId) as Cells | undefined) : undefined;
    const person: Cells = {
      ref,
      civilite: cell('civilite') || stored?.civilite || '',
      nom,
      prenom,
      date_naissance: naissance,
      email: cell('email') || stored?.email || '',
      telephone: cell('telephone') || stored?.telephone || '',
      commune: cell('ville') || stored?.commune || '',
      code_postal: cell('codePostal') || stored?.code_postal || '',
      orienteur: leiOrienteur(cell('source'), cell('organisation')) ?? stored?.orienteur ?? '',
    };
    if (!person.civilite) {
      leave(row.line, 'civilité absente (Les emplois de l’inclusion ne la donne pas pour cette personne) : complétez-la et importez à nouveau.');
      continue;
    }
    // One line per person: the latest application's details.
    const already = personsEmitted.get(ref);
    if (already !== undefined) out.get('personnes')![already] = { line: row.line, cells: person };
    else {
      personsEmitted.set(ref, out.get('personnes')!.length);
      out.get('personnes')!.push({ line: row.line, cells: person });
    }

    const kind = SIAE_KINDS.includes(cell('typeEmployeur') as SiaeKind) ? (cell('typeEmployeur') as SiaeKind) : null;
    const start = date('debutEmbauche');
    const intake: Cells = { ref_personne: ref, date_premier_contact: contact, canal: 'prescription' };
    const previous = existingId ? (intakeRow.get(existingId, contact) as Cells | undefined) : undefined;
    if (previous?.canal) intake.canal = previous.canal;
    if (state === 'acceptee') Object.assign(intake, { decision: 'entree', date_decision: start && start >= contact ? start : contact, dispositif: kind ?? '' });
    else if (state === 'declinee') {
      const motif = leiRefusal(cell('motifRefus'));
      Object.assign(intake, { decision: decisionOfRefusal(motif), date_decision: contact, motif_decision: motif ?? 'other' });
    } else if (state === 'annulee') Object.assign(intake, { decision: 'sans_suite', date_decision: contact, motif_decision: 'other' });
    else if (state === 'embauche_ailleurs') Object.assign(intake, { decision: 'refus_personne', date_decision: contact, motif_decision: 'hired_elsewhere' });
    else if (previous?.decision) {
      // Still being studied in LEI, already decided in the app: the app's decision stays.
      Object.assign(intake, { decision: previous.decision, date_decision: previous.date_decision, motif_decision: previous.motif_decision ?? '', dispositif: previous.dispositif ?? '' });
    }
    out.get('accueils')!.push({ line: row.line, cells: intake });

    if (numero && date('debutPass') && date('finPass')) out.get('pass_iae')!.push({ line: row.line, cells: { ref_personne: ref, numero, date_debut: date('debutPass'), date_fin: date('finPass') } });
    else if (numero) leave(row.line, `PASS IAE ${numero} sans dates de début et de fin : il n’est pas repris.`);

    if (state === 'acceptee' && start) {
      const contractRef = `LEI:${key}:${start}`;
      if (contractsEmitted.has(contractRef)) continue;
      if (!kind) leave(row.line, `embauche non reprise : « ${cell('typeEmployeur')} » n’est pas un dispositif de l’IAE géré par l’application.`);
      else if (!kinds.has(kind)) leave(row.line, `embauche non reprise : la structure ne déclare pas le dispositif ${kind} (Paramètres → Structure).`);
      else if (existingId && contractOn.get(existingId, start)) leave(row.line, 'embauche déjà présente dans la base (un contrat de cette personne commence ce jour-là) : rien n’est changé.');
      else if (existingId && openParcours.get(existingId, kind)) leave(row.line, `un parcours ${kind} est déjà ouvert dans l’application : ajoutez le contrat depuis la fiche de la personne.`);
      else {
        contractsEmitted.add(contractRef);
        out.get('contrats')!.push({
          line: row.line,
          cells: { ref: contractRef, ref_personne: ref, kind, type: CONTRATS_PAR_DISPOSITIF[kind][0]!, date_debut: start, date_fin_prevue: date('finEmbauche') },
        });
      }
    }
  }

  for (const [sheet, rows] of out) {
    if (rows.length === 0) continue;
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))].filter((h) => SHEET_COLUMNS[sheet].some((c) => c.name === h));
    book.sheets.set(sheet, { name: sheet, headers, rows: rows.map((r) => ({ line: r.line, cells: headers.map((h) => r.cells[h] ?? '') })) });
  }
  const created = out.get('contrats')!.length;
  book.warnings.unshift({
    feuille: SHEET,
    ligne: 0,
    colonne: null,
    message: `Export des emplois de l’inclusion reconnu (${lei.source}, ${lei.rows.length} candidatures). Les lignes citées sont celles de ce fichier.${created ? ` ${created} embauche(s) deviennent des contrats à compléter (type et durée hebdomadaire).` : ''}`,
  });
}
