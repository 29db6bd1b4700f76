/**
 * Spreadsheet import (IMPORT-FORMAT.md), one service for the app and the command line: read the files, check every
 * cell, then write everything in one transaction that is rolled back if any problem was found, or when the user only
 * asked for a preview. The preview is therefore exactly what the import would do.
 */
import type Database from 'better-sqlite3';
import { IMPORT_LIMITS, IMPORT_SHEETS, type ImportReport } from '../../../src-shared/import-format';
import type { AuditLog } from '../audit/audit-log';
import { UNFOLLOWED_JOB, type JobControl } from '../../jobs/job-control';
import { ImportWriter, type ImportCommands } from './import-writer';
import { convertLeiExport } from './lei/lei-convert';
import { parseWorkbook, ProblemList } from './sheet-records';
import { readImportFiles, readImportPath, type ImportFile, type RawWorkbook } from './workbook-reader';

export interface ImportOptions {
  /** Check and count, write nothing. */
  dryRun: boolean;
  now: Date;
  user: { id: string; login: string } | null;
  route: string;
  /** Progress for the screen, and the user's cancellation (honoured until the commit: the transaction rolls back). */
  job?: JobControl;
}

class RollbackSignal extends Error {}

export class ImportService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly audit: AuditLog,
    /** The services' commands and checks: imported rows go through the same rules as the forms (issue 18 §1). */
    private readonly commands: ImportCommands,
  ) {}

  async importPath(path: string, options: ImportOptions): Promise<ImportReport> {
    const started = performance.now();
    (options.job ?? UNFOLLOWED_JOB).report({ step: 'Lecture des fichiers', cancellable: true });
    return this.run(await readImportPath(path), options, started);
  }

  async importFiles(files: ImportFile[], options: ImportOptions): Promise<ImportReport> {
    const started = performance.now();
    (options.job ?? UNFOLLOWED_JOB).report({ step: 'Lecture des fichiers', cancellable: true });
    return this.run(await readImportFiles(files), options, started);
  }

  run(book: RawWorkbook, options: ImportOptions, started = performance.now()): ImportReport {
    const job = options.job ?? UNFOLLOWED_JOB;
    job.throwIfCancelled();
    job.report({ step: 'Vérification des cellules', cancellable: true });
    const problems = new ProblemList(IMPORT_LIMITS.maxListedErrors);
    // An export of Les emplois de l'inclusion becomes sheets of the format, matched against the persons of the base.
    if (book.lei && book.problems.length === 0) convertLeiExport(this.sqlite, book.lei, book);
    for (const p of book.problems) problems.error(p.feuille, p.ligne, p.colonne, p.message);
    for (const w of book.warnings) problems.warn(w.feuille, w.ligne, w.colonne, w.message);
    const parsed = parseWorkbook(book, problems);
    let writer: ImportWriter | null = null;
    let feuilles: ImportReport['feuilles'] = [];
    let committed = false;
    // Even with cell errors the writing pass runs (and is rolled back), so that every error of the file is listed at once.
    const incomplete = IMPORT_SHEETS.some((s) => book.sheets.has(s) && !parsed[s]);
    if (book.problems.length === 0 && !incomplete && problems.errorCount < IMPORT_LIMITS.maxListedErrors) {
      try {
        this.sqlite.transaction(() => {
          writer = new ImportWriter(this.sqlite, parsed, problems, options.now, this.commands, book.attachment, job);
          feuilles = writer.writeAll();
          job.throwIfCancelled();
          if (problems.errorCount > 0 || options.dryRun) throw new RollbackSignal();
          job.report({ step: 'Enregistrement', cancellable: false });
          this.audit.append({
            at: options.now.toISOString(),
            userId: options.user?.id ?? null,
            userLogin: options.user?.login ?? null,
            action: 'create',
            route: options.route,
            entity: 'import',
            detail: { feuilles: Object.fromEntries(feuilles.map((f) => [f.feuille, { creees: f.creees, misesAJour: f.misesAJour }])) },
          });
        })();
        committed = true;
      } catch (err) {
        if (!(err instanceof RollbackSignal)) throw err;
      }
    }
    return {
      ok: problems.errorCount === 0,
      simulation: !committed,
      erreurs: problems.errors,
      nombreErreurs: problems.errorCount,
      avertissements: problems.warnings,
      feuilles: problems.errorCount === 0 ? feuilles : [],
      structureCreee: (writer as ImportWriter | null)?.structureCreated ?? false,
      dureeMs: Math.round(performance.now() - started),
    };
  }
}
