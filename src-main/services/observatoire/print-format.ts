/** "520 000 015 00013": the SIRET as printed on letterheads. */
export function formatSiretForPrint(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
}
