/**
 * The State's profile lines of the public accompagné (issue 15 §2): counts of salariés en parcours by the situation
 * their fiche salarié records at hire, as the ASP and the DDETS read it (pilotage-airflow builds its profile from the
 * fiche salarié, `fluxIAE_Salarie`). They sit beside the eligibility-criteria counts, which stay: a prescriber's
 * diagnosis carries no criteria, the fiche salarié does.
 */
export const SITUATION_LINES = {
  rsa: { label: 'Bénéficiaires du RSA', definition: 'Salariés en parcours dont la fiche salarié indique le RSA (majoré ou non) à l’embauche.' },
  ass: { label: 'Bénéficiaires de l’ASS', definition: 'Salariés en parcours dont la fiche salarié indique l’allocation de solidarité spécifique à l’embauche.' },
  aah: { label: 'Bénéficiaires de l’AAH', definition: 'Salariés en parcours dont la fiche salarié indique l’allocation aux adultes handicapés à l’embauche.', classe: 'sante' },
  rqth: { label: 'Travailleurs handicapés (RQTH)', definition: 'Salariés en parcours dont la fiche salarié indique une reconnaissance de la qualité de travailleur handicapé.', classe: 'sante' },
  inscrit_ft_12_23_mois: { label: 'Inscrits à France Travail de 12 à 23 mois', definition: 'Salariés en parcours inscrits à France Travail depuis 12 à 23 mois à l’embauche (code ASP 03).' },
  inscrit_ft_24_mois_et_plus: { label: 'Inscrits à France Travail depuis 24 mois et plus', definition: 'Salariés en parcours inscrits à France Travail depuis 24 mois ou plus à l’embauche (code ASP 04).' },
  qpv: { label: 'Résidents d’un QPV', definition: 'Salariés en parcours résidant en quartier prioritaire de la politique de la ville à l’embauche.' },
  zrr: { label: 'Résidents d’une ZRR', definition: 'Salariés en parcours résidant en zone de revitalisation rurale à l’embauche.' },
  formation_infra_cap: { label: 'Niveau inférieur au CAP-BEP', definition: 'Salariés en parcours de niveau de formation ASP 00, 01, 60 ou 70 à l’embauche.' },
  formation_cap_bep: { label: 'Niveau CAP-BEP', definition: 'Salariés en parcours de niveau de formation ASP 50 ou 51 à l’embauche.' },
  formation_bac_et_plus: { label: 'Niveau bac et plus', definition: 'Salariés en parcours de niveau de formation ASP 10, 20, 30, 40 ou 41 à l’embauche.' },
} as const;
export type SituationLine = keyof typeof SITUATION_LINES;

/** Lines stating a health fact (need-to-know class, src-shared/domain/need-to-know.ts): AAH and RQTH. */
export const SENSITIVE_SITUATION_LINES = (Object.keys(SITUATION_LINES) as SituationLine[]).filter((k) => 'classe' in SITUATION_LINES[k]);
export const SITUATION_LINE_KEYS = Object.keys(SITUATION_LINES) as SituationLine[];

/** Education levels of the three lines (ASP `ref_niveau_formation_v3`). */
export const FORMATION_LINES = {
  formation_infra_cap: ['00', '01', '60', '70'],
  formation_cap_bep: ['50', '51'],
  formation_bac_et_plus: ['10', '20', '30', '40', '41'],
} as const satisfies Partial<Record<SituationLine, readonly string[]>>;
