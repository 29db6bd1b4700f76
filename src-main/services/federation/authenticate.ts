/**
 * Authenticity of a report against a register of member keys (issue 20 §4, issue 17 §2): the signature proves the
 * report is intact; the register says whether the key is the member's. Used by the verification screen, `cedre
 * verify --cles` and the consolidation, so the three say the same thing.
 */
import { verifyReport, type VerificationResult } from '../observatoire/report-verifier';
import type { KeyCheck } from './member-registry';

/** What the app's register (database) and a `siret;kid` key list (command line) both answer. */
export interface KeyRegister {
  isEmpty(): boolean;
  check(siret: string, kid: string, generatedOn: string): KeyCheck;
}

export interface AuthenticatedReport extends VerificationResult {
  /** The register's verdict in one French sentence; null without a register or a thumbprint typed. */
  registre: string | null;
}

/**
 * Verifies a report; with a thumbprint typed, against it; otherwise, when a register is kept, against the keys
 * registered for the report's SIRET. A key other than the registered one, or one retired before the report, makes the
 * report invalid; a SIRET absent from the register leaves it intact but not authenticated, and says so.
 */
export async function authenticateReport(bytes: Uint8Array, thumbprint: string | null, register: KeyRegister | null): Promise<AuthenticatedReport> {
  const result = await verifyReport(bytes, { thumbprint });
  if (thumbprint || !register || register.isEmpty() || !result.valide || !result.payload || !result.kid) return { ...result, registre: null };
  const { siret, nom } = result.payload.structure;
  const check = register.check(siret, result.kid, result.payload.genere_le.slice(0, 10));
  switch (check.kind) {
    case 'registered':
      return { ...result, cleVerifiee: true, registre: `Clé enregistrée pour ${check.nom} (SIRET ${siret}) dans le registre des membres.` };
    case 'unknown_siret':
      return { ...result, registre: `Le SIRET ${siret} (${nom}) n’est pas dans le registre des membres : la clé ne peut pas être vérifiée. Enregistrez sa fiche, ou comparez l’empreinte à la main.` };
    case 'other_key':
      return {
        ...result,
        valide: false,
        cleVerifiee: false,
        echecs: [...result.echecs, `Clé refusée : le rapport est signé par la clé ${result.kid}, qui n’est pas celle enregistrée pour le SIRET ${siret} (${check.kids.join(', ')}).`],
        registre: 'Clé différente de celle du registre des membres.',
      };
    case 'retired':
      return {
        ...result,
        valide: false,
        cleVerifiee: false,
        echecs: [...result.echecs, `Clé refusée : la clé ${result.kid} du SIRET ${siret} a été retirée le ${check.retireeLe}, avant ce rapport.`],
        registre: 'Clé retirée du registre des membres avant ce rapport.',
      };
  }
}
