/**
 * Which indicators are sensitive (small cells suppressed in the federation file, hidden from roles without
 * need-to-know) comes from the domain's sensitive codes (issue 18 §2): a code classed there is covered here, and
 * REPORT-SPEC §3's own list stays covered.
 */
import { describe, expect, it } from 'vitest';
import { SENSITIVE_VALUES } from '../../src-shared/domain/need-to-know';
import { isSensitiveIndicator, suppressSmallCells } from '../../src-shared/observatoire/suppression';

describe('sensitive indicators', () => {
  it('hold REPORT-SPEC §3’s list, per dispositif too', () => {
    for (const id of ['public.criteres.AAH', 'public.criteres.TH', 'public.criteres.DETENTION_MJ', 'public.orienteur.09', 'public.orienteur.10', 'accompagnement.freins.sante.concernes', 'accompagnement.freins.justice.les_deux']) {
      expect(isSensitiveIndicator(id), id).toBe(true);
      expect(isSensitiveIndicator(`par_dispositif.ACI.${id}`), id).toBe(true);
    }
  });

  it('follow every code the domain classes as health, justice or protection', () => {
    for (const code of Object.keys(SENSITIVE_VALUES.critere)) expect(isSensitiveIndicator(`public.criteres.${code}`), code).toBe(true);
    for (const code of Object.keys(SENSITIVE_VALUES.orienteur)) expect(isSensitiveIndicator(`public.orienteur.${code}`), code).toBe(true);
    for (const code of Object.keys(SENSITIVE_VALUES.motifSortie)) expect(isSensitiveIndicator(`sorties.par_motif.${code}`), code).toBe(true);
    for (const frein of Object.keys(SENSITIVE_VALUES.frein)) expect(isSensitiveIndicator(`accompagnement.freins.${frein}.interne`), frein).toBe(true);
    expect(isSensitiveIndicator('public.situation.aah')).toBe(true);
    expect(isSensitiveIndicator('public.situation.rqth')).toBe(true);
  });

  it('leave harmless counts published', () => {
    for (const id of ['public.criteres.RSA', 'public.orienteur.01', 'sorties.par_motif.9', 'accompagnement.freins.mobilite.concernes', 'public.situation.rsa', 'public.femmes']) {
      expect(isSensitiveIndicator(id), id).toBe(false);
    }
  });

  it('mask a single exit for long sick leave in the federation file (it was published before the domain list was used)', () => {
    const { indicateurs, suppressed } = suppressSmallCells({ 'sorties.par_motif.16': 1, 'par_dispositif.ACI.sorties.par_motif.16': 1, 'sorties.par_motif.9': 1 });
    expect(indicateurs).toEqual({ 'sorties.par_motif.16': null, 'par_dispositif.ACI.sorties.par_motif.16': null, 'sorties.par_motif.9': 1 });
    expect(suppressed).toEqual(['par_dispositif.ACI.sorties.par_motif.16', 'sorties.par_motif.16']);
  });
});
