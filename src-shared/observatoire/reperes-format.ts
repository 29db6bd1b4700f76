/**
 * The network's benchmarks (« repères du réseau », issue 17 §4): what a federation sends back to its members — for each
 * indicator and dispositif, the quartiles of its members' values, only where at least 5 members contribute, and nothing
 * about any one member. The file is a JWS in flattened JSON serialisation, signed by the federation's key, so that a
 * member can check it comes from the federation it trusts (the key's thumbprint, from the federation's key sheet).
 */
export const REPERES_FORMAT = 'cedre-reperes-reseau';
export const REPERES_VERSION = 1;
/** At least this many members behind a quartile: fewer could single one out. */
export const REPERES_MIN_CONTRIBUTEURS = 5;

export interface RepereLigne {
  id: string;
  /** Members behind the quartiles. */
  n: number;
  q1: number;
  mediane: number;
  q3: number;
}

export interface ReperesPayload {
  format: typeof REPERES_FORMAT;
  version: typeof REPERES_VERSION;
  annee: number;
  reseau: { nom: string; siret: string };
  genere_le: string;
  min_contributeurs: number;
  reperes: RepereLigne[];
}

/** What a member's observatoire shows: the file it imported, checked. */
export interface ReperesView {
  annee: number;
  reseau: { nom: string; siret: string };
  genereLe: string;
  importeLe: string;
  /** The federation key's thumbprint the file was checked against. */
  kid: string;
  lignes: Array<RepereLigne & { libelle: string }>;
}
