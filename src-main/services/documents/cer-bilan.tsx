import { isWithheld, WITHHELD_LABEL } from '../../../src-shared/domain/need-to-know';
import { BILAN_TYPES } from '../../../src-shared/domain/insertion';
import { formatPassNumber } from '../../../src-shared/rules/identity';
import { SIAE_KIND_LABELS } from '../../../src-shared/siae';
import type { StructureView } from '../../../src-shared/views';
import type { PersonneView } from '../../../src-shared/views-accueil';
import type { BilanView, CerView, ParcoursView } from '../../../src-shared/views-insertion';
import { frenchDate, type PdfKit } from './pdf-layout';

interface Common {
  kit: PdfKit;
  structure: StructureView;
  personne: PersonneView;
  parcours: ParcoursView;
  passNumero: string | null;
}

function Header({ kit, personne, parcours, passNumero }: Omit<Common, 'structure'>) {
  const { Field } = kit;
  return (
    <>
      <Field label="Salarié·e">{`${personne.prenom} ${personne.nom.toUpperCase()}, né·e le ${frenchDate(personne.dateNaissance)}`}</Field>
      <Field label="Dispositif">{SIAE_KIND_LABELS[parcours.dispositif]}</Field>
      <Field label="Parcours commencé le">{frenchDate(parcours.dateDebut)}</Field>
      {passNumero && <Field label="PASS IAE">{formatPassNumber(passNumero)}</Field>}
      <Field label="Référent·e">{parcours.referent?.displayName ?? '—'}</Field>
    </>
  );
}

/** The contrat d'engagement réciproque, to print and sign by both parties. */
export function CerDocument({ kit, structure, personne, parcours, passNumero, cer }: Common & { cer: CerView }) {
  const { A4, Text, View, styles } = kit;
  const section = (title: string, body: string) =>
    body ? (
      <View wrap={false}>
        <Text style={styles.h2}>{title}</Text>
        <Text style={styles.paragraph}>{body}</Text>
      </View>
    ) : null;
  return (
    <A4 structure={structure} title="Contrat d'engagement réciproque" confidential>
      <Text style={styles.title}>Contrat d’engagement réciproque</Text>
      <Text style={styles.subtitle}>Version {cer.version}, établie le {frenchDate(cer.createdAt.slice(0, 10))}</Text>
      <Header kit={kit} personne={personne} parcours={parcours} passNumero={passNumero} />
      {section('Mes objectifs, avec mes mots', cer.objectifs)}
      <Text style={styles.h2}>Ce que la structure s’engage à mettre en œuvre</Text>
      {cer.heuresHebdo !== null && <Text style={styles.paragraph}>Un travail rémunéré de {String(cer.heuresHebdo).replace('.', ',')} heures par semaine.</Text>}
      {section('Formation', cer.moyensFormation)}
      {section('Encadrement', cer.moyensEncadrement)}
      {section('Accompagnement', cer.moyensAccompagnement)}
      <Text style={[styles.paragraph, { marginTop: 12 }]}>
        Ce contrat est revu à chaque bilan ; chaque révision donne une nouvelle version, les précédentes sont conservées.
      </Text>
      <View style={styles.signatures} wrap={false}>
        <Text style={styles.signatureBox}>La personne (date et signature){cer.dateSignature && cer.signePersonne ? `\nSigné le ${frenchDate(cer.dateSignature)}` : ''}</Text>
        <Text style={styles.signatureBox}>Pour {structure.nom} (nom, date et signature){cer.dateSignature && cer.signeStructure ? `\nSigné le ${frenchDate(cer.dateSignature)}` : ''}</Text>
      </View>
    </A4>
  );
}

/** A bilan, with the person's own words given their own place. */
export function BilanDocument({ kit, structure, personne, parcours, passNumero, bilan }: Common & { bilan: BilanView }) {
  const { A4, Text, View, styles } = kit;
  const section = (title: string, body: string) => (
    <View wrap={false}>
      <Text style={styles.h2}>{title}</Text>
      <Text style={styles.paragraph}>{body || '—'}</Text>
    </View>
  );
  return (
    <A4 structure={structure} title={BILAN_TYPES[bilan.type]} confidential>
      <Text style={styles.title}>{BILAN_TYPES[bilan.type]}</Text>
      <Text style={styles.subtitle}>du {frenchDate(bilan.date)}</Text>
      <Header kit={kit} personne={personne} parcours={parcours} passNumero={passNumero} />
      {section('Ce que dit la personne', bilan.parolesPersonne ? `« ${bilan.parolesPersonne} »` : '')}
      {section('Les objectifs du contrat d’engagement', bilan.revueObjectifs)}
      {section('Les freins', isWithheld(bilan.revueFreins) ? WITHHELD_LABEL : bilan.revueFreins)}
      {section('Les compétences', bilan.revueCompetences)}
      {section('Les prochaines étapes', bilan.prochainesEtapes)}
      <View style={styles.signatures} wrap={false}>
        <Text style={styles.signatureBox}>La personne (date et signature)</Text>
        <Text style={styles.signatureBox}>Pour {structure.nom} (nom, date et signature)</Text>
      </View>
    </A4>
  );
}
