import type { StructureView } from '../../../src-shared/views';
import { frenchDate, type PdfKit } from './pdf-layout';

/**
 * The information notice of RGPD art. 13 handed over at the intake (domain-reference §6.3 item 1). Written for the
 * person, in plain French.
 */
export function Notice({ kit, structure }: { kit: PdfKit; structure: StructureView }) {
  const { A4, Text, View, styles } = kit;
  const address = [structure.adresse, `${structure.codePostal} ${structure.commune}`.trim()].filter(Boolean).join(', ');
  const sections: Array<[string, string]> = [
    [
      'Qui traite vos données ?',
      `${structure.nom} (SIRET ${structure.siret})${address ? `, ${address}` : ''}. La structure est responsable des informations qu’elle garde sur vous.`,
    ],
    [
      'Pourquoi ?',
      "Pour vous accueillir, vérifier avec vous votre éligibilité à un parcours d'insertion, construire et suivre ce parcours (contrat d'engagement, travail, formations, accompagnement, bilans), et remplir les obligations de la structure envers l'État (déclarations à l'Agence de services et de paiement, contrôle de l'éligibilité).",
    ],
    [
      'Sur quelle base ?',
      "Les obligations légales de l'insertion par l'activité économique (Code du travail, articles L5132-1 et suivants) et la mission d'accompagnement social et professionnel de la structure. Les informations de santé ou de justice ne sont notées que si elles sont nécessaires à votre accompagnement, avec votre accord.",
    ],
    [
      'Quelles informations ?',
      "Votre identité et vos coordonnées, votre situation (formation, emploi, ressources), les critères d'éligibilité et leurs justificatifs, les difficultés que vous souhaitez lever et ce que vous voulez faire, puis le suivi de votre parcours.",
    ],
    [
      'Qui les voit ?',
      "Seules les personnes de la structure qui en ont besoin, selon leur rôle : votre conseiller ou conseillère en insertion et la direction ; l'encadrant·e technique ne voit que ce qui concerne le travail. Certaines informations sont transmises, quand la loi l'exige, aux services de l'État (plateforme de l'inclusion, Agence de services et de paiement) et à France Travail. La fédération ne reçoit que des chiffres d'ensemble, jamais votre nom.",
    ],
    [
      'Combien de temps ?',
      "Si vous n'entrez pas en parcours : 2 ans après notre dernier contact. Pendant votre parcours puis 2 ans après le dernier contact pour le dossier d'accompagnement ; 5 ans après votre départ pour les informations de paie et de contrat de travail. Ensuite, les informations sont supprimées ou rendues anonymes.",
    ],
    [
      'Vos droits',
      "Vous pouvez demander à voir toutes les informations que nous avons sur vous et en obtenir une copie, les faire corriger, demander leur effacement quand la loi le permet, ou vous opposer à certains usages. Adressez-vous à l'accueil ou à votre conseiller : nous répondons dans le mois. Si vous n'êtes pas satisfait·e de notre réponse, vous pouvez saisir la CNIL (www.cnil.fr, 3 place de Fontenoy, 75007 Paris).",
    ],
  ];
  return (
    <A4 structure={structure} title="Vos données personnelles" confidential={false}>
      <Text style={styles.title}>Vos données personnelles</Text>
      <Text style={styles.subtitle}>Information remise lors de votre accueil (article 13 du règlement général sur la protection des données)</Text>
      {sections.map(([title, body]) => (
        <View key={title} wrap={false}>
          <Text style={styles.h2}>{title}</Text>
          <Text style={styles.paragraph}>{body}</Text>
        </View>
      ))}
      <View style={styles.signatures} wrap={false}>
        <Text style={styles.signatureBox}>Remise le ……………………… à ………………………………………</Text>
        <Text style={styles.signatureBox}>Signature de la personne (facultative)</Text>
      </View>
      <Text style={[styles.paragraph, styles.muted, { marginTop: 12, fontSize: 8 }]}>Version du {frenchDate(new Date().toISOString().slice(0, 10))}.</Text>
    </A4>
  );
}
