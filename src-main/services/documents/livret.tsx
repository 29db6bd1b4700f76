import type { OffreInsertion } from '../../../src-shared/schemas/diagnostic';
import { SIAE_KIND_LABELS } from '../../../src-shared/siae';
import type { StructureView } from '../../../src-shared/views';
import type { PdfKit } from './pdf-layout';

const SECTIONS: Array<[keyof OffreInsertion, string]> = [
  ['presentation', 'Qui sommes-nous ?'],
  ['activites', 'Les activités et les métiers'],
  ['formations', 'Les formations'],
  ['accompagnement', 'L’accompagnement'],
  ['regles', 'Les règles de fonctionnement'],
];

/** The welcome booklet (livret d'accueil): the structure's insertion offer as entered in the settings. */
export function Livret({ kit, structure, offre }: { kit: PdfKit; structure: StructureView; offre: OffreInsertion }) {
  const { A4, Text, View, styles } = kit;
  const address = [structure.adresse, `${structure.codePostal} ${structure.commune}`.trim()].filter(Boolean).join(', ');
  return (
    <A4 structure={structure} title="Livret d'accueil" confidential={false}>
      <Text style={styles.title}>Bienvenue à {structure.nom}</Text>
      <Text style={styles.subtitle}>Livret d’accueil{address ? ` — ${address}` : ''}</Text>
      <Text style={styles.paragraph}>
        {structure.dispositifs.length > 1 ? 'La structure porte : ' : 'La structure est une '}
        {structure.dispositifs.map((k) => SIAE_KIND_LABELS[k].toLowerCase()).join(', ')}.
      </Text>
      {SECTIONS.filter(([key]) => offre[key]).map(([key, title]) => (
        <View key={key}>
          <Text style={styles.h2}>{title}</Text>
          {offre[key].split(/\n{2,}/).map((para, i) => (
            <Text key={i} style={styles.paragraph}>
              {para}
            </Text>
          ))}
        </View>
      ))}
    </A4>
  );
}
