import type { CleParametre } from './parametres';

export const PARAMETRE_LABELS: Record<CleParametre, { label: string; description: string }> = {
  h_ref: { label: 'Heures de référence d’un ETP (H_ref)', description: 'Nombre d’heures annuelles d’un poste à temps plein, par dispositif : ETP = heures ÷ H_ref.' },
  delai_cer_jours: { label: 'Délai de signature du CER (jours)', description: 'Le contrat d’engagement est attendu au plus tard ce nombre de jours après le début du parcours.' },
  intervalle_bilan_mois: { label: 'Intervalle entre deux bilans (mois)', description: 'Un bilan est attendu au moins à cet intervalle.' },
  plafond_ai_entreprises_heures: {
    label: 'AI : plafond d’heures de mise à disposition sur 24 mois',
    description: '480 heures par la loi (article L5132-9 : entreprises, collectivités, besoins professionnels des particuliers ; pas les associations ni les besoins personnels). Une dérogation préfectorale se saisit plus bas.',
  },
  mapping_sorties: { label: 'Catégorie de chaque motif de sortie', description: 'Table utilisée pour classer les sorties ; elle est écrite dans chaque rapport annuel.' },
  seuil_sortie_aci_ei_mois: {
    label: 'ACI, EI : durée de parcours pour qu’une sortie soit constatée (mois)',
    description: 'Règle de l’État (tableaux de bord de pilotage de l’inclusion) : 3 mois, avec des heures dans l’année de la sortie.',
  },
  seuil_sortie_ai_etti_heures: {
    label: 'AI, ETTI : heures travaillées pour qu’une sortie soit constatée',
    description: 'Règle de l’État (tableaux de bord de pilotage de l’inclusion) : 150 heures sur le parcours.',
  },
  derogation_480h_jusquau: {
    label: 'AI : dérogation préfectorale au plafond de 480 heures',
    description: 'Date de fin de la dérogation accordée par le préfet (3 ans au plus, renouvelable), valable à partir de la date de l’arrêté. Tant qu’elle court, le dépassement n’est ni signalé ni compté.',
  },
  validite_justificatifs_mois: {
    label: 'Durée de validité des justificatifs d’éligibilité (mois)',
    description:
      'Âge maximal de chaque justificatif à la date de l’embauche, fixé par l’arrêté du 1er septembre 2021 (modifié le 4 septembre 2025). Si un nouvel arrêté change ces durées, saisissez-les à partir de sa date d’effet : les embauches antérieures gardent l’ancienne règle.',
  },
  fin_experimentation_eiti: {
    label: 'Fin de l’expérimentation EITI',
    description: 'Le 22 décembre 2026 sauf prolongation : un contrat EITI qui va au-delà de cette date est signalé. Saisissez la nouvelle date à partir du jour où une prolongation est publiée.',
  },
};
