/**
 * Verification of a signed annual report (REPORT-SPEC §4), for the app's "Vérifier un rapport" screen, `cedre verify`
 * and the federation's consolidation: the archive, the JWS signature against the embedded key, the key's thumbprint
 * against the one registered for the SIRET (when given), the format version, and the SHA-256 of every listed
 * document. Every failure is reported as one French line saying what failed; nothing throws.
 */
import { readZipBounded, ZipRefusedError } from '../../lib/bounded-zip';
import { REPORT_FORMAT, REPORT_JSON, REPORT_VERSION, type ReportPayload } from '../../../src-shared/observatoire/report-format';
import { sha256Hex } from '../../lib/sha256';
import { verifyFlattenedEd25519 } from '../../lib/flattened-jws';

export interface VerificationResult {
  valide: boolean;
  echecs: string[];
  kid: string | null;
  payload: ReportPayload | null;
  /**
   * The signing key is the one registered for the structure (a thumbprint was given and matches). Without it, a valid
   * report is only *intact*: anyone can sign a report with a key of their own (issue 20 §4).
   */
  cleVerifiee: boolean;
}

const MAX_ENTRIES = 16;
/** A report holds a JSON, a PDF and a few CSVs: a few megabytes. Counted on the bytes really inflated (bounded-zip.ts). */
const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

export async function verifyReport(zip: Uint8Array, options: { thumbprint?: string | null } = {}): Promise<VerificationResult> {
  const echecs: string[] = [];
  const fail = (message: string): VerificationResult => ({ valide: false, echecs: [...echecs, message], kid: null, payload: null, cleVerifiee: false });

  let entries: Map<string, Uint8Array>;
  try {
    entries = await readZipBounded(zip, { maxEntries: MAX_ENTRIES, maxInflatedBytes: MAX_INFLATED_BYTES });
  } catch (err) {
    if (!(err instanceof ZipRefusedError)) throw err;
    if (err.reason === 'trop_de_fichiers' || err.reason === 'trop_volumineux') return fail('Archive malformée : trop de fichiers ou trop volumineuse pour un rapport annuel.');
    if (err.reason === 'taille_mensongere') return fail('Archive malformée : les tailles annoncées par l’archive sont fausses (fichier modifié ou fabriqué).');
    return fail('Archive malformée : ce fichier n’est pas une archive ZIP lisible.');
  }
  const json = entries.get(REPORT_JSON);
  if (!json) return fail(`Archive malformée : le fichier ${REPORT_JSON} est absent.`);

  const checked = verifyFlattenedEd25519(json, REPORT_JSON);
  if (!checked.ok) return checked.tampered ? { valide: false, echecs: [checked.message], kid: checked.kid, payload: null, cleVerifiee: false } : fail(checked.message);
  const { kid, payloadBytes } = checked;
  if (options.thumbprint && options.thumbprint !== kid) {
    echecs.push(`Clé inconnue : le rapport est signé par la clé ${kid}, alors que la clé enregistrée pour cette structure est ${options.thumbprint}.`);
  }

  let payload: ReportPayload;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes)) as ReportPayload;
  } catch {
    return { valide: false, echecs: [...echecs, 'Format : le contenu signé n’est pas un JSON lisible.'], kid, payload: null, cleVerifiee: false };
  }
  if (payload.format !== REPORT_FORMAT || payload.version !== REPORT_VERSION) {
    echecs.push(`Version de format non prise en charge : « ${String(payload.format)} » version ${String(payload.version)} (attendu : ${REPORT_FORMAT} version ${REPORT_VERSION}).`);
    return { valide: false, echecs, kid, payload: null, cleVerifiee: false };
  }
  const listed = new Set<string>([REPORT_JSON]);
  for (const doc of Array.isArray(payload.documents) ? payload.documents : []) {
    listed.add(doc.nom);
    const bytes = entries.get(doc.nom);
    if (!bytes) echecs.push(`Empreinte du document : ${doc.nom} est listé dans le rapport signé mais absent de l’archive.`);
    else if (sha256Hex(bytes) !== doc.sha256) echecs.push(`Empreinte du document : le SHA-256 de ${doc.nom} ne correspond pas au rapport signé (document modifié).`);
  }
  for (const name of entries.keys()) if (!listed.has(name)) echecs.push(`Archive malformée : le fichier ${name} n’est pas couvert par la signature.`);
  return { valide: echecs.length === 0, echecs, kid, payload, cleVerifiee: echecs.length === 0 && !!options.thumbprint && options.thumbprint === kid };
}
