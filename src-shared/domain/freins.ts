/**
 * Obstacles to employment ("freins"), the ASP typology (domain-reference §4.3): keys and labels as the State's
 * pilotage reads them, gip-inclusion/pilotage-airflow `dbt/seeds/acc_freins_libelle.csv` (issue 15 §7), word for word
 * but one letter: the seed's « Illetrisme » is written « Illettrisme » (the key keeps the State's spelling).
 */
import { sensitiveCodes } from './need-to-know';
export const FREIN_TYPES = {
  illetrisme: 'Illettrisme / analphabétisme / Français langues étrangères',
  demarch: 'Démarches administratives et accès aux droits',
  heberg: 'Hébergement / Logement',
  mobilite: 'Manque de mobilité',
  sante: 'Santé (addiction, souffrance et handicap psy, autres)',
  justice: 'Justice',
  surendet: 'Surendettement et finances',
  manque_dispo: 'Manque de disponibilité',
} as const;
export type FreinType = keyof typeof FREIN_TYPES;
export const FREIN_TYPE_KEYS = Object.keys(FREIN_TYPES) as FreinType[];

/** Health (RGPD art. 9) and justice (art. 10): visible to need-to-know roles only. */
export const FREINS_SENSIBLES: readonly FreinType[] = sensitiveCodes('frein');

export const FREIN_NIVEAUX = { 1: 'Léger', 2: 'Modéré', 3: 'Important' } as const;
export type FreinNiveau = 1 | 2 | 3;
