/**
 * The recovery sheet (issue 7 §1): printed once, kept in a safe place away from the PC. With a backup, it reopens
 * every data of the structure on a new PC; without it (and without this PC's Windows account), nothing opens.
 */
import type { StructureView } from '../../src-shared/views';
import { formatSiret } from '../../src-shared/siret';
import { frenchDate, type PdfKit } from '../services/documents/pdf-layout';

export function RecoverySheet({ kit, structure, recoveryKey, keyId, printedOn }: { kit: PdfKit; structure: StructureView; recoveryKey: string; keyId: string; printedOn: string }) {
  const { A4, Text, View, Field, styles } = kit;
  return (
    <A4 structure={structure} title="Clé de secours des données" confidential>
      <Text style={styles.title}>Clé de secours des données</Text>
      <Text style={styles.subtitle}>À imprimer, puis à ranger sous clé, loin de l’ordinateur (coffre, armoire fermée de la direction).</Text>
      <Field label="Structure">{structure.nom}</Field>
      <Field label="SIRET">{formatSiret(structure.siret)}</Field>
      <Field label="Identifiant des données">{keyId.slice(0, 16)}</Field>
      <Field label="Imprimée le">{frenchDate(printedOn)}</Field>
      <View style={{ marginVertical: 14, padding: 14, borderWidth: 2, borderColor: '#0c8599', alignItems: 'center' }}>
        <Text style={{ fontSize: 18, fontWeight: 'bold', letterSpacing: 1.5, fontFamily: 'Courier' }}>{recoveryKey}</Text>
      </View>
      <Text style={styles.h2}>À quoi sert-elle ?</Text>
      <Text style={styles.paragraph}>
        Les données des personnes accompagnées sont chiffrées sur le disque et dans chaque sauvegarde. Au quotidien, le compte Windows de ce poste
        les ouvre sans rien demander. Cette clé est nécessaire dans trois cas : un nouvel ordinateur, une réinstallation de Windows, ou la reprise d’une
        sauvegarde (clé USB) sur un autre poste.
      </Text>
      <Text style={styles.h2}>Règles</Text>
      <Text style={styles.paragraph}>• Ne la photographiez pas, ne l’envoyez pas par courriel, ne la collez pas sur l’ordinateur.</Text>
      <Text style={styles.paragraph}>• Sans cette clé ni le poste d’origine, personne — pas même l’éditeur — ne peut récupérer les données.</Text>
      <Text style={styles.paragraph}>• Si elle est perdue ou a pu être vue, générez-en une nouvelle (Paramètres → Sauvegardes) et détruisez celle-ci.</Text>
      <Text style={styles.paragraph}>• Les lettres O, I et L n’existent pas dans la clé : ce sont les chiffres 0 et 1.</Text>
      <View style={styles.signatures}>
        <View style={styles.signatureBox}>
          <Text>Rangée le, par (nom et signature)</Text>
        </View>
        <View style={styles.signatureBox}>
          <Text>Lieu de rangement</Text>
        </View>
      </View>
    </A4>
  );
}
