/** The register of data-protection requests: kinds (with their RGPD article), answers, and what erasure allows. */
export const RGPD_REQUEST_TYPES = ['acces', 'rectification', 'effacement', 'limitation', 'opposition', 'portabilite'] as const;
export type RgpdRequestType = (typeof RGPD_REQUEST_TYPES)[number];

export const RGPD_REQUEST_LABELS: Record<RgpdRequestType, string> = {
  acces: 'Accès (art. 15)',
  rectification: 'Rectification (art. 16)',
  effacement: 'Effacement (art. 17)',
  limitation: 'Limitation (art. 18)',
  portabilite: 'Portabilité (art. 20)',
  opposition: 'Opposition (art. 21)',
};

export const RGPD_ANSWERS = ['acceptee', 'partielle', 'refusee'] as const;
export type RgpdAnswer = (typeof RGPD_ANSWERS)[number];
export type RgpdRequestStatus = 'en_cours' | RgpdAnswer;

export const RGPD_STATUS_LABELS: Record<RgpdRequestStatus, string> = {
  en_cours: 'En cours',
  acceptee: 'Satisfaite',
  partielle: 'Satisfaite en partie',
  refusee: 'Refusée (motivée)',
};

export interface RgpdRequestView {
  id: string;
  personneId: string | null;
  /** "Nom Prénom", "Anonyme" once erased, or null for a request about no identified file. */
  personne: string | null;
  type: RgpdRequestType;
  recueLe: string;
  demandeur: string;
  objet: string;
  /** One month after receipt (RGPD art. 12.3). */
  echeance: string;
  statut: RgpdRequestStatus;
  enRetard: boolean;
  reponseLe: string | null;
  reponse: string;
  traiteeParNom: string | null;
}

/** What the law allows to erase for one person today (domain-reference §6.1 and §6.3.7). */
export interface ErasureCheck {
  etendue: 'totale' | 'partielle' | 'aucune';
  motif: string;
  /** For a partial erasure: until when the identity and the contracts are kept (5 years after the last contract). */
  conserverJusquAu: string | null;
}
