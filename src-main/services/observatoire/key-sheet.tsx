/**
 * The key registration sheet (issue 5 §3): what the structure prints, signs and sends to the federation so that the
 * federation registers its key's thumbprint for its SIRET and can tell its reports from anyone else's.
 */
import type { StructureView } from '../../../src-shared/views';
import type { SigningKeyInfo } from '../../../src-shared/views-observatoire';
import { formatSiret } from '../../../src-shared/siret';
import { frenchDate, type PdfKit } from '../documents/pdf-layout';

export function KeySheet({ kit, structure, cle: key }: { kit: PdfKit; structure: StructureView; cle: SigningKeyInfo }) {
  const { A4, Text, View, Field, styles } = kit;
  // Groups of four characters are easier to read aloud and compare over the phone.
  const grouped = key.kid.match(/.{1,4}/g)!.join(' ');
  return (
    <A4 structure={structure} title="Fiche d’enregistrement de la clé de signature" confidential={false}>
      <Text style={styles.title}>Fiche d’enregistrement de la clé de signature</Text>
      <Text style={styles.subtitle}>À signer et à envoyer à votre fédération : elle enregistre cette clé pour votre SIRET et vérifie ainsi vos rapports annuels.</Text>
      <Text style={styles.h2}>Structure</Text>
      <Field label="Nom">{structure.nom}</Field>
      <Field label="SIRET">{formatSiret(structure.siret)}</Field>
      <Field label="Département">{structure.departement}</Field>
      <Field label="Adresse">{[structure.adresse, structure.codePostal, structure.commune].filter(Boolean).join(' ') || '—'}</Field>
      <Text style={styles.h2}>Clé</Text>
      <Field label="Algorithme">Ed25519 (EdDSA), signature JWS</Field>
      <Field label="Empreinte (kid, RFC 7638)">{key.kid}</Field>
      <View style={{ marginVertical: 10, padding: 10, borderWidth: 1, borderColor: '#0c8599' }}>
        <Text style={{ fontSize: 12, fontWeight: 'bold', letterSpacing: 0.5 }}>{grouped}</Text>
      </View>
      <Field label="Créée le">{frenchDate(key.createdAt.slice(0, 10))}</Field>
      <Field label="Par">{key.createdByName ?? '—'}</Field>
      <Text style={[styles.paragraph, styles.muted, { marginTop: 8 }]}>
        Cette empreinte identifie la clé publique jointe à chaque rapport. La clé privée ne quitte jamais le poste de la structure. Si vous changez de clé,
        envoyez une nouvelle fiche : les rapports déjà signés restent vérifiables.
      </Text>
      <View style={styles.signatures}>
        <View style={styles.signatureBox}>
          <Text>Pour la structure — nom, qualité, date et signature</Text>
        </View>
        <View style={styles.signatureBox}>
          <Text>Pour la fédération — enregistrée le, par</Text>
        </View>
      </View>
    </A4>
  );
}
