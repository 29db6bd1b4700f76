/**
 * The condition of each situation line (src-shared/observatoire/situation.ts) on a fiche salarié `f`. The count and
 * its drill-down both read them from here, so a line is defined once.
 */
import { FORMATION_LINES, type SituationLine } from '../../../src-shared/observatoire/situation';

const levels = (codes: readonly string[]) => `f.niveau_formation in (${codes.map((c) => `'${c}'`).join(', ')})`;

export const SITUATION_SQL: Record<SituationLine, string> = {
  rsa: "f.rsa in ('OUI-M', 'OUI-NM')",
  ass: 'f.ass = 1',
  aah: 'f.aah = 1',
  rqth: 'f.rqth = 1',
  inscrit_ft_12_23_mois: "f.inscrit_ft = 1 and f.inscrit_ft_depuis = '03'",
  inscrit_ft_24_mois_et_plus: "f.inscrit_ft = 1 and f.inscrit_ft_depuis = '04'",
  qpv: 'f.qpv = 1',
  zrr: 'f.zrr = 1',
  formation_infra_cap: levels(FORMATION_LINES.formation_infra_cap),
  formation_cap_bep: levels(FORMATION_LINES.formation_cap_bep),
  formation_bac_et_plus: levels(FORMATION_LINES.formation_bac_et_plus),
};
