/** The timeline of a parcours: every dated event, oldest first (issue 4 item 1). Pure, so screens and PDFs share it. */
import { labelOrWithheld } from '../domain/need-to-know';
import { BILAN_TYPES, CONTRAT_TYPES, MOTIFS_SORTIE, SITUATIONS_SUIVI } from '../domain/insertion';
import { FREIN_TYPES } from '../domain/freins';
import type { ParcoursView } from '../views-insertion';

export interface Evenement {
  date: string;
  type: 'contrat' | 'fin_contrat' | 'cer' | 'bilan' | 'formation' | 'pmsmp' | 'action' | 'sortie' | 'suivi';
  libelle: string;
}

export function chronologie(p: ParcoursView): Evenement[] {
  const events: Evenement[] = [];
  for (const c of p.contrats) {
    events.push({ date: c.dateDebut, type: 'contrat', libelle: `Début du contrat : ${CONTRAT_TYPES[c.type]}` });
    if (c.dateFinReelle) events.push({ date: c.dateFinReelle, type: 'fin_contrat', libelle: `Fin anticipée du contrat : ${CONTRAT_TYPES[c.type]}` });
  }
  for (const v of p.cer) if (v.dateSignature) events.push({ date: v.dateSignature, type: 'cer', libelle: `Contrat d’engagement signé (version ${v.version})` });
  for (const b of p.bilans) events.push({ date: b.date, type: 'bilan', libelle: BILAN_TYPES[b.type] });
  for (const f of p.formations) events.push({ date: f.dateDebut, type: 'formation', libelle: `Formation : ${f.intitule}${f.qualifiante ? ' (qualifiante)' : ''}` });
  for (const m of p.pmsmp) events.push({ date: m.dateDebut, type: 'pmsmp', libelle: `Immersion chez ${m.entreprise}` });
  for (const a of p.actionsFreins) events.push({ date: a.date, type: 'action', libelle: `Action sur le frein « ${FREIN_TYPES[a.typeFrein]} » ${a.prestataire === 'interne' ? 'par la structure' : `avec ${a.partenaire ?? 'un partenaire'}`}` });
  if (p.sortie) events.push({ date: p.sortie.date, type: 'sortie', libelle: `Sortie : ${labelOrWithheld(MOTIFS_SORTIE, p.sortie.motif)}` });
  for (const s of p.suivis) events.push({ date: s.date, type: 'suivi', libelle: `Suivi à ${s.echeanceMois} mois : ${SITUATIONS_SUIVI[s.situation]}` });
  const order: Evenement['type'][] = ['contrat', 'cer', 'bilan', 'formation', 'pmsmp', 'action', 'fin_contrat', 'sortie', 'suivi'];
  return events.sort((a, b) => a.date.localeCompare(b.date) || order.indexOf(a.type) - order.indexOf(b.type));
}
