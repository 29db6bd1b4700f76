/**
 * The signed annual report (REPORT-SPEC §4): the payload of the year's indicators with small cells suppressed, its
 * PDF and CSV, the flattened JWS signed with the structure's Ed25519 key, all in one ZIP; and the history of the
 * reports produced, append-only and hash-chained so that it cannot be altered silently.
 */
import { chainHead } from '../audit/audit-anchors';
import { sha256Hex } from '../../lib/sha256';
import type Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { FlattenedSign } from 'jose';
import { createElement } from 'react';
import { AppError } from '../../../src-shared/errors';
import type { IndicatorMap } from '../../../src-shared/observatoire/indicateurs';
import {
  indicatorsCsv,
  REPORT_CSV,
  REPORT_FORMAT,
  REPORT_JSON,
  REPORT_PDF,
  REPORT_VERSION,
  reportFileName,
  type ReportPayload,
} from '../../../src-shared/observatoire/report-format';
import { suppressSmallCells } from '../../../src-shared/observatoire/suppression';
import { fromDixMilliemes } from '../../../src-shared/rules/heures';
import type { ReportHistoryView } from '../../../src-shared/views-observatoire';
import { APP_NAME, APP_VERSION } from '../../version';
import { loadPdfKit } from '../documents/pdf-layout';
import type { AnnexesFinancieresService } from '../structure/annexes-service';
import { getStructure } from '../structure/structure-service';
import type { Db } from '../../../db/client';
import type { IndicatorsService } from './indicators-service';
import { ReportPdf } from './report-pdf';
import type { SigningKeyService } from './signing-keys';

export const GENESIS = '0'.repeat(64);

export interface ReportPreview {
  payload: Omit<ReportPayload, 'documents'>;
  /** Real values, for the authorised user who previews before signing. */
  valeursReelles: IndicatorMap;
}

export interface ProducedReport {
  fileName: string;
  zip: Uint8Array;
  sha256: string;
  kid: string;
}


export { sha256Hex };

function historyHash(prev: string, row: { annee: number; fichier: string; genereLe: string; kid: string; sha256: string; signeParNom: string }): string {
  return sha256Hex(`${prev}\n${JSON.stringify([row.annee, row.fichier, row.genereLe, row.kid, row.sha256, row.signeParNom])}`);
}

export class AnnualReportService {
  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
    private readonly indicators: IndicatorsService,
    private readonly keys: SigningKeyService,
    private readonly annexes: AnnexesFinancieresService,
  ) {}

  /** What will be signed, computed now: the preview screen shows it before the user signs. */
  preview(annee: number, now: Date): ReportPreview {
    const read = () => {
      const structure = getStructure(this.db);
      const computed = this.indicators.compute(annee);
      const { indicateurs, suppressed } = suppressSmallCells(computed.indicateurs);
      // The annexes financières in force during the year: their base numbers, and the ETP conventionnés pro rata.
      const yearly = this.annexes.yearConventions(annee);
      const { plafond_ai_entreprises_heures: _cap, ...parametres } = computed.parametres;
      const payload: Omit<ReportPayload, 'documents'> = {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        structure: {
          nom: structure.nom,
          siret: structure.siret,
          departement: structure.departement,
          dispositifs: computed.dispositifs.map((kind) => ({
            kind,
            annexe_financiere: yearly.get(kind)?.numeros.join(', ') || null,
            etp_conventionnes: yearly.get(kind)?.etpDixMilliemes == null ? null : fromDixMilliemes(yearly.get(kind)!.etpDixMilliemes!),
          })),
        },
        annee,
        genere_le: now.toISOString(),
        logiciel: { nom: APP_NAME, version: APP_VERSION },
        parametres,
        indicateurs,
        suppressed,
      };
      return { payload, valeursReelles: computed.indicateurs };
    };
    return this.sqlite.inTransaction ? read() : this.sqlite.transaction(read)();
  }

  /**
   * Signs and packs the report, then records it in the history. `onProgress` reports the steps (0 to 1) for the
   * progress bar: computing, the PDF (the slow part), signing, packing.
   */
  async produce(annee: number, signer: { id: string | null; name: string }, now: Date, onProgress: (step: number, label: string) => void = () => {}): Promise<ProducedReport> {
    onProgress(0.05, 'Calcul des indicateurs');
    const { payload } = this.preview(annee, now);
    const key = this.keys.ensure(now, signer.id);
    onProgress(0.3, 'Mise en page du rapport PDF');
    const kit = await loadPdfKit();
    const pdf = (await kit.render(createElement(ReportPdf, { kit, payload, signature: { kid: key.kid, signeLe: now.toISOString(), signePar: signer.name, journal: chainHead(this.sqlite) } }), REPORT_PDF)).base64;
    const pdfBytes = Buffer.from(pdf, 'base64');
    const csvBytes = Buffer.from(indicatorsCsv(payload.indicateurs, payload.suppressed), 'utf8');
    onProgress(0.8, 'Signature');
    const full: ReportPayload = {
      ...payload,
      documents: [
        { nom: REPORT_PDF, sha256: sha256Hex(pdfBytes) },
        { nom: REPORT_CSV, sha256: sha256Hex(csvBytes) },
      ],
    };
    const jws = await new FlattenedSign(Buffer.from(JSON.stringify(full), 'utf8'))
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, jwk: key.publicJwk })
      .sign(this.keys.privateKey(key.kid));
    onProgress(0.9, 'Création de l’archive');
    const mtime = new Date(now.getTime());
    const zip = zipSync(
      {
        [REPORT_JSON]: [Buffer.from(JSON.stringify(jws, null, 2) + '\n', 'utf8'), { mtime }],
        [REPORT_PDF]: [pdfBytes, { mtime, level: 0 }],
        [REPORT_CSV]: [csvBytes, { mtime }],
      },
      { level: 6 },
    );
    const fileName = reportFileName(payload.structure.siret, annee);
    const sha256 = sha256Hex(zip);
    this.record({ annee, fichier: fileName, genereLe: now.toISOString(), kid: key.kid, sha256, signeParNom: signer.name, signePar: signer.id });
    onProgress(1, 'Terminé');
    return { fileName, zip, sha256, kid: key.kid };
  }

  private record(row: { annee: number; fichier: string; genereLe: string; kid: string; sha256: string; signeParNom: string; signePar: string | null }): void {
    this.sqlite.transaction(() => {
      const prev = (this.sqlite.prepare('select hash from rapports_annuels order by seq desc limit 1').get() as { hash: string } | undefined)?.hash ?? GENESIS;
      this.sqlite
        .prepare('insert into rapports_annuels (annee, fichier, genere_le, kid, sha256, signe_par, signe_par_nom, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.annee, row.fichier, row.genereLe, row.kid, row.sha256, row.signePar, row.signeParNom, prev, historyHash(prev, row));
    })();
  }

  history(): ReportHistoryView[] {
    const rows = this.sqlite.prepare('select * from rapports_annuels order by seq').all() as Array<{
      seq: number;
      annee: number;
      fichier: string;
      genere_le: string;
      kid: string;
      sha256: string;
      signe_par_nom: string;
      prev_hash: string;
      hash: string;
    }>;
    let prev = GENESIS;
    let intact = true;
    const out = rows.map((r) => {
      const row = { annee: r.annee, fichier: r.fichier, genereLe: r.genere_le, kid: r.kid, sha256: r.sha256, signeParNom: r.signe_par_nom };
      intact = intact && r.prev_hash === prev && historyHash(prev, row) === r.hash;
      prev = r.hash;
      return { seq: r.seq, ...row, chaineIntacte: intact };
    });
    return out.reverse();
  }
}

export function assertYear(annee: number, today: string): void {
  if (!Number.isInteger(annee) || annee < 2000 || annee > Number(today.slice(0, 4))) throw new AppError('VALIDATION', `Année invalide : ${annee}.`);
}
