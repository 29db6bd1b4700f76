/**
 * The human-readable annual report (REPORT-SPEC §4 `rapport.pdf`): a cover, one section per mission with tables (total
 * and per dispositif) and bar charts, the parameters used, and on the last page the key thumbprint and the signature
 * date. It prints the values of the federation file: suppressed small cells show as "s".
 */
import type { ReactNode } from 'react';
import { CATEGORIES_SORTIE, MOTIFS_SORTIE, type MotifSortie } from '../../../src-shared/domain/insertion';
import { ORIENTEURS, type Orienteur } from '../../../src-shared/domain/asp-codes';
import { INDICATOR_DEFINITIONS, SECTION_LABELS, type IndicatorSection } from '../../../src-shared/observatoire/indicateurs';
import { formatIndicator } from '../../../src-shared/observatoire/format-value';
import type { ReportPayload } from '../../../src-shared/observatoire/report-format';
import { SIAE_KIND_LABELS } from '../../../src-shared/siae';
import { frenchDate, type PdfKit } from '../documents/pdf-layout';

export interface ReportPdfProps {
  kit: PdfKit;
  payload: Omit<ReportPayload, 'documents'>;
  /** `journal`: the audit chain's head at signature time, an anchor the federation keeps (issue 20 §5). */
  signature: { kid: string; signeLe: string; signePar: string; journal: { seq: number; hash: string } | null };
}

const BAR_COLORS = ['#0c8599', '#f08c00', '#5c940d', '#862e9c', '#c92a2a', '#1864ab'];

const MISSIONS: Array<{ title: string; intro: string; sections: IndicatorSection[] }> = [
  { title: 'Mission accueil', intro: 'Les personnes accueillies, l’offre d’insertion présentée, les diagnostics et les décisions prises avec elles.', sections: ['accueil'] },
  { title: 'Mission insertion', intro: 'Les salariés en parcours, le travail réalisé, l’accompagnement et les sorties.', sections: ['public', 'activite', 'accompagnement', 'sorties'] },
  { title: 'Mission observatoire', intro: 'La qualité, l’amélioration continue et les besoins du territoire.', sections: ['qualite'] },
];

export function ReportPdf({ kit, payload, signature }: ReportPdfProps) {
  const { Document, Page, Text, View, styles } = kit;
  const v = payload.indicateurs;
  const suppressed = new Set(payload.suppressed);
  const kinds = payload.structure.dispositifs.map((d) => d.kind);
  const value = (id: string, kind: string | null = null) => {
    const key = kind ? `par_dispositif.${kind}.${id}` : id;
    return formatIndicator(id, v[key], suppressed.has(key));
  };
  const Framed = ({ children }: { children: ReactNode }) => (
    <Page size="A4" style={styles.page}>
      <View style={styles.header} fixed>
        <Text>{payload.structure.nom}</Text>
        <Text>Rapport annuel {payload.annee} — cadre commun v{payload.version}</Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text>SIRET {payload.structure.siret} — clé {signature.kid.slice(0, 12)}…</Text>
        <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} / ${totalPages}`} />
      </View>
    </Page>
  );

  const sectionTable = (section: IndicatorSection) => {
    const defs = INDICATOR_DEFINITIONS.filter((d) => d.section === section && !(section === 'public' && d.id.startsWith('public.criteres.') && v[d.id] === 0));
    const dynamic = Object.keys(v)
      .filter((id) => (section === 'public' && id.startsWith('public.orienteur.')) || (section === 'sorties' && id.startsWith('sorties.par_motif.')))
      .sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
    const rows = [...defs.map((d) => ({ id: d.id, label: d.label, perDispositif: d.perDispositif })), ...dynamic.map((id) => ({ id, label: dynamicLabel(id), perDispositif: true }))];
    const perKind = rows.some((r) => r.perDispositif) && kinds.length > 1;
    const labelWidth = perKind ? `${100 - 14 * (kinds.length + 1)}%` : '80%';
    return (
      <View style={styles.table}>
        <View style={styles.tr} fixed>
          <Text style={[styles.th, { width: labelWidth }]}>Indicateur</Text>
          <Text style={[styles.th, { width: perKind ? '14%' : '20%', textAlign: 'right' }]}>Total</Text>
          {perKind && kinds.map((k) => <Text key={k} style={[styles.th, { width: '14%', textAlign: 'right' }]}>{k}</Text>)}
        </View>
        {rows.map((r) => (
          <View key={r.id} style={styles.tr} wrap={false}>
            <Text style={[styles.td, { width: labelWidth }]}>{r.label}</Text>
            <Text style={[styles.td, { width: perKind ? '14%' : '20%', textAlign: 'right' }]}>{value(r.id)}</Text>
            {perKind && kinds.map((k) => <Text key={k} style={[styles.td, { width: '14%', textAlign: 'right' }]}>{r.perDispositif ? value(r.id, k) : ''}</Text>)}
          </View>
        ))}
      </View>
    );
  };

  const bars = (title: string, items: Array<{ label: string; value: number | null }>) => {
    const max = Math.max(1, ...items.map((i) => i.value ?? 0));
    return (
      <View style={{ marginTop: 10, marginBottom: 6 }} wrap={false}>
        <Text style={{ fontWeight: 'bold', marginBottom: 4 }}>{title}</Text>
        {items.map((item, i) => (
          <View key={item.label} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 3 }}>
            <Text style={{ width: 150, fontSize: 8, color: '#495057' }}>{item.label}</Text>
            <View style={{ flex: 1, flexDirection: 'row', alignItems: 'center' }}>
              <View style={{ width: `${Math.max(0.5, ((item.value ?? 0) / max) * 85)}%`, height: 10, backgroundColor: BAR_COLORS[i % BAR_COLORS.length] }} />
              <Text style={{ fontSize: 8, marginLeft: 4 }}>{item.value === null ? 's' : new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(item.value)}</Text>
            </View>
          </View>
        ))}
      </View>
    );
  };

  const charts: Record<IndicatorSection, ReactNode> = {
    accueil: bars('Décisions prises dans l’année', [
      { label: 'Entrée en parcours', value: v['accueil.decisions.entree'] ?? 0 },
      { label: 'Réorientation', value: v['accueil.decisions.reorientation'] ?? 0 },
      { label: 'Refus de la personne', value: v['accueil.decisions.refus_personne'] ?? 0 },
      { label: 'Non éligible', value: v['accueil.decisions.non_eligible'] ?? 0 },
      { label: 'Sans suite', value: v['accueil.decisions.sans_suite'] ?? 0 },
    ]),
    public: bars('Âge au début du parcours', [
      { label: 'Moins de 26 ans', value: v['public.moins_26_ans'] ?? 0 },
      { label: '26 à 49 ans', value: v['public.de_26_a_49_ans'] ?? 0 },
      { label: '50 ans et plus', value: v['public.50_ans_et_plus'] ?? 0 },
    ]),
    activite: bars('ETP réalisés et conventionnés', kinds.flatMap((k) => [
      { label: `${k} — réalisés`, value: v[`par_dispositif.${k}.activite.etp_realises`] ?? 0 },
      { label: `${k} — conventionnés`, value: v[`par_dispositif.${k}.activite.etp_conventionnes`] ?? 0 },
    ])),
    accompagnement: null,
    sorties: bars('Sorties constatées par catégorie', [
      { label: CATEGORIES_SORTIE.EMPLOI_DURABLE, value: v['sorties.emploi_durable'] ?? 0 },
      { label: CATEGORIES_SORTIE.EMPLOI_TRANSITION, value: v['sorties.emploi_transition'] ?? 0 },
      { label: CATEGORIES_SORTIE.SORTIE_POSITIVE, value: v['sorties.sorties_positives'] ?? 0 },
      { label: CATEGORIES_SORTIE.AUTRE, value: v['sorties.autres'] ?? 0 },
      { label: 'Retraits', value: v['sorties.retraits'] ?? 0 },
    ]),
    qualite: null,
  };

  return (
    <Document title={`Rapport annuel ${payload.annee} — ${payload.structure.nom}`} author={payload.structure.nom} creator="Cèdre Parcours" producer="Cèdre Parcours" language="fr-FR">
      <Page size="A4" style={styles.page}>
        <View style={{ marginTop: 120 }}>
          <Text style={{ fontSize: 11, color: '#868e96', marginBottom: 8 }}>Démarche CEDRE — cadre commun de la fédération</Text>
          <Text style={[styles.title, { fontSize: 30 }]}>Rapport annuel {payload.annee}</Text>
          <Text style={{ fontSize: 16, marginBottom: 30 }}>{payload.structure.nom}</Text>
          <kit.Field label="SIRET">{payload.structure.siret}</kit.Field>
          <kit.Field label="Département">{payload.structure.departement}</kit.Field>
          {payload.structure.dispositifs.map((d) => (
            <kit.Field key={d.kind} label={`${SIAE_KIND_LABELS[d.kind]} (${d.kind})`}>
              {`Annexe financière ${d.annexe_financiere ?? 'non renseignée'} — ${d.etp_conventionnes === null ? 'ETP conventionnés non renseignés' : `${formatIndicator('activite.etp_conventionnes', d.etp_conventionnes)} ETP conventionnés`}`}
            </kit.Field>
          ))}
          <kit.Field label="Période">{`Du 1er janvier au 31 décembre ${payload.annee}`}</kit.Field>
          <kit.Field label="Produit le">{frenchDate(payload.genere_le.slice(0, 10))}</kit.Field>
          <Text style={[styles.paragraph, styles.muted, { marginTop: 40 }]}>
            Ce rapport accompagne le fichier signé rapport.json que la fédération vérifie. Il ne contient aucune donnée nominative. Les petits effectifs (1 ou 2
            personnes) sur des informations sensibles (santé, justice) sont masqués et notés « s ».
          </Text>
        </View>
      </Page>
      {MISSIONS.map((mission) => (
        <Framed key={mission.title}>
          <Text style={styles.title}>{mission.title}</Text>
          <Text style={styles.subtitle}>{mission.intro}</Text>
          {mission.sections.map((section) => (
            <View key={section}>
              <Text style={styles.h2} minPresenceAhead={120}>
                {SECTION_LABELS[section]}
              </Text>
              {charts[section]}
              {sectionTable(section)}
            </View>
          ))}
        </Framed>
      ))}
      <Framed>
        <Text style={styles.title}>Paramètres et signature</Text>
        <Text style={styles.h2}>Paramètres utilisés (en vigueur au 31 décembre {payload.annee})</Text>
        <kit.Field label="Heures de référence (H_ref)">{Object.entries(payload.parametres.h_ref).map(([k, h]) => `${k} ${h} h`).join(' · ')}</kit.Field>
        <kit.Field label="Délai de signature du CER">{`${payload.parametres.delai_cer_jours} jours`}</kit.Field>
        <kit.Field label="Intervalle entre deux bilans">{`${payload.parametres.intervalle_bilan_mois} mois`}</kit.Field>
        <kit.Field label="Catégories de sortie">
          {Object.entries(CATEGORIES_SORTIE)
            .map(([cat, label]) => `${label} : ${Object.entries(payload.parametres.mapping_sorties).filter(([, c]) => c === cat).map(([m]) => m).join(', ') || '—'}`)
            .join('\n')}
        </kit.Field>
        <Text style={styles.h2}>Signature électronique</Text>
        <Text style={styles.paragraph}>
          Le fichier rapport.json est signé (JWS, EdDSA / Ed25519) avec la clé de la structure. La fédération vérifie la signature, l’empreinte de la clé
          enregistrée pour ce SIRET et l’empreinte SHA-256 de ce document et du fichier indicateurs.csv.
        </Text>
        <kit.Field label="Empreinte de la clé (kid)">{signature.kid}</kit.Field>
        <kit.Field label="Date de signature">{frenchDate(signature.signeLe.slice(0, 10))}</kit.Field>
        <kit.Field label="Signé par">{signature.signePar}</kit.Field>
        {signature.journal && (
          <kit.Field label="Journal d’audit à la signature">{`ligne ${signature.journal.seq}, empreinte ${signature.journal.hash}`}</kit.Field>
        )}
        {signature.journal && (
          <Text style={styles.paragraph}>
            Cette ancre permet de vérifier plus tard que le journal d’audit de la structure n’a été ni tronqué ni réécrit avant cette date : la ligne indiquée doit
            toujours y porter cette empreinte.
          </Text>
        )}
      </Framed>
    </Document>
  );
}

function dynamicLabel(id: string): string {
  const code = id.split('.').at(-1)!;
  if (id.startsWith('public.orienteur.')) return `Entrées orientées par : ${ORIENTEURS[code as Orienteur] ?? code} (${code})`;
  return `Sorties motif ${code} : ${MOTIFS_SORTIE[code as MotifSortie] ?? ''}`;
}
