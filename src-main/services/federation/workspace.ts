/**
 * The federation's workspace (issue 17 §3): reports dropped on the screen are consolidated like `cedre consolidate`
 * does, against the register of member keys; each registered member gets a status for the year (received, refused
 * and why, missing), the totals by département, dispositif and network, the network's quartiles per indicator (only
 * where at least 5 structures contribute, so that no member can be singled out), and the same exports.
 */
import { baseId, indicatorDefinition } from '../../../src-shared/observatoire/indicateurs';
import type { FederationConsolidationView } from '../../../src-shared/views-observatoire';
import { columnLabel, consolidateFiles, type Consolidation } from '../observatoire/consolidation';
import { consolidationCsv, consolidationXlsx } from '../observatoire/consolidation-writer';
import type { MemberRegistry } from './member-registry';
import { AppError } from '../../../src-shared/errors';
import type { RepereLigne } from '../../../src-shared/observatoire/reperes-format';
import type { FileDownload } from '../../../src-shared/views-observatoire';

/** The figures the screen shows in its totals table (every column is in the exports). */
export const MAIN_COLUMNS = [
  'public.salaries_en_parcours',
  'public.entrees',
  'activite.heures_travaillees',
  'activite.etp_realises',
  'activite.taux_realisation',
  'sorties.constatees',
  'sorties.taux_sorties_dynamiques',
  'sorties.taux_emploi_durable',
] as const;

/** At least this many structures behind a quartile (issue 17 §4). */
export const MIN_CONTRIBUTORS = 5;

/** Signs the network's repères for the members (reperes.ts); given by the route, which holds the signing key. */
export type ReperesSigner = (payload: { annee: number; reperes: RepereLigne[] }) => Promise<FileDownload>;

export async function consolidateUploads(
  files: Array<{ name: string; bytes: Uint8Array }>,
  annee: number | null,
  members: MemberRegistry,
  signReperes: ReperesSigner | null = null,
): Promise<FederationConsolidationView> {
  const c = await consolidateFiles(
    files.map((f) => ({ fichier: f.name, read: () => f.bytes })),
    { register: members, annee },
  );
  const stamp = c.annee ?? 'annee';
  // Per indicator and dispositif in the members' file; the screen shows the structure-wide ones.
  const allReperes = quartiles(c);
  const reperes = allReperes.filter((r) => r.id === baseId(r.id));
  return {
    annee: c.annee ?? null,
    membres: memberStatuses(c, members, reperes),
    refuses: c.refuses.map(({ fichier, echecs }) => ({ fichier, echecs })),
    doublons: c.doublons ?? [],
    totaux: c.lignes
      .filter((l) => l.niveau !== 'structure')
      .map((l) => ({ niveau: l.niveau as 'departement' | 'dispositif' | 'ensemble', libelle: l.libelle, valeurs: Object.fromEntries(MAIN_COLUMNS.map((id) => [id, l.valeurs[id] ?? null])), masques: l.masques.filter((id) => (MAIN_COLUMNS as readonly string[]).includes(id)) })),
    colonnesPrincipales: MAIN_COLUMNS.map((id) => ({ id, libelle: columnLabel(id) })),
    reperes,
    reperesFichier: await reperesFile(c.annee ?? null, allReperes, signReperes),
    xlsx: { fileName: `consolidation-${stamp}.xlsx`, base64: (await consolidationXlsx(c)).toString('base64') },
    csv: { fileName: `consolidation-${stamp}.csv`, base64: Buffer.from(consolidationCsv(c), 'utf8').toString('base64') },
  };
}

/** The signed repères for the members, or why there is none (a year is needed; the key must be usable). */
async function reperesFile(annee: number | null, reperes: FederationConsolidationView['reperes'], sign: ReperesSigner | null): Promise<FederationConsolidationView['reperesFichier']> {
  if (!sign) return { fichier: null, message: 'Repères non signés.' };
  if (annee === null) return { fichier: null, message: 'Choisissez une année pour produire les repères du réseau.' };
  if (reperes.length === 0) return { fichier: null, message: `Aucun indicateur ne réunit ${MIN_CONTRIBUTORS} structures : pas de repères à envoyer.` };
  try {
    return { fichier: await sign({ annee, reperes: reperes.map(({ id, n, q1, mediane, q3 }) => ({ id, n, q1, mediane, q3 })) }), message: null };
  } catch (err) {
    if (err instanceof AppError) return { fichier: null, message: err.message };
    throw err;
  }
}

function memberStatuses(c: Consolidation, members: MemberRegistry, reperes: FederationConsolidationView['reperes']): FederationConsolidationView['membres'] {
  const rows = new Map(c.lignes.filter((l) => l.niveau === 'structure').map((l) => [l.siret, l]));
  const received = new Set(rows.keys());
  // Each member's main figures against the network's quartiles: only the ones outside Q1–Q3 are worth a look.
  const extremes = (siret: string) => {
    const row = rows.get(siret)!;
    return reperes
      .filter((r) => (MAIN_COLUMNS as readonly string[]).includes(r.id) && r.q1 < r.q3 && !row.masques.includes(r.id))
      .flatMap((r): FederationConsolidationView['membres'][number]['quartsExtremes'] => {
        const v = row.valeurs[r.id];
        if (typeof v !== 'number' || (v >= r.q1 && v <= r.q3)) return [];
        return [{ id: r.id, libelle: r.libelle, quart: v > r.q3 ? 'haut' : 'bas' }];
      });
  };
  const bySiret = new Map<string, string>();
  for (const m of members.list()) bySiret.set(m.siret, m.nom);
  return [...bySiret].map(([siret, nom]) => {
    if (received.has(siret)) return { siret, nom, statut: 'recu' as const, detail: 'Rapport valide, signé par la clé enregistrée.', quartsExtremes: extremes(siret) };
    const refused = c.refuses.filter((r) => r.siret === siret);
    if (refused.length) return { siret, nom, statut: 'refuse' as const, detail: refused.map((r) => `${r.fichier} : ${r.echecs.join(' ')}`).join(' ; '), quartsExtremes: [] };
    return { siret, nom, statut: 'absent' as const, detail: `Aucun rapport${c.annee ? ` ${c.annee}` : ''} reçu.`, quartsExtremes: [] };
  });
}

/** Q1, median and Q3 (linear interpolation) of each structure-level indicator, masked values left out. */
function quartiles(c: Consolidation): FederationConsolidationView['reperes'] {
  const rows = c.lignes.filter((l) => l.niveau === 'structure');
  const out: FederationConsolidationView['reperes'] = [];
  for (const id of c.colonnes) {
    // Per indicator and per dispositif (`par_dispositif.ACI.…`): the repères members compare themselves with.
    if (!indicatorDefinition(baseId(id))) continue;
    const values = rows.filter((r) => !r.masques.includes(id)).map((r) => r.valeurs[id]).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    if (values.length < MIN_CONTRIBUTORS) continue;
    const at = (p: number) => {
      const pos = (values.length - 1) * p;
      const lo = Math.floor(pos);
      return Math.round((values[lo]! + (values[Math.min(lo + 1, values.length - 1)]! - values[lo]!) * (pos - lo)) * 10000) / 10000;
    };
    out.push({ id, libelle: columnLabel(id), n: values.length, q1: at(0.25), mediane: at(0.5), q3: at(0.75) });
  }
  return out;
}
