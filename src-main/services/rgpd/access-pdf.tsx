/** The readable half of the right-of-access export: each section of the person's data, field by field. */
import type { StructureView } from '../../../src-shared/views';
import { frenchDate, type PdfKit } from '../documents/pdf-layout';
import type { PersonDataSection } from './access-export';

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

export function AccessPdf({ kit, structure, sections, now }: { kit: PdfKit; structure: StructureView; sections: PersonDataSection[]; now: string }) {
  const { A4, Text, View, Field, styles } = kit;
  const person = sections[0]!.lignes[0]!;
  return (
    <A4 structure={structure} title="Données vous concernant" confidential>
      <Text style={styles.title}>Les données que nous gardons sur vous</Text>
      <Text style={styles.subtitle}>
        {`${show(person.prenom)} ${show(person.nom)} — document remis le ${frenchDate(now.slice(0, 10))} au titre de votre droit d’accès (article 15 du RGPD). Vous pouvez demander la rectification d’une information inexacte.`}
      </Text>
      {sections.map((section) => (
        <View key={section.key}>
          <Text style={styles.h2} minPresenceAhead={160}>
            {`${section.titre} (${section.lignes.length})`}
          </Text>
          {section.lignes.length === 0 && <Text style={[styles.paragraph, styles.muted]}>Aucune information.</Text>}
          {section.lignes.map((row, i) => (
            <View key={i} style={{ marginBottom: 6 }} wrap={false}>
              {Object.entries(row)
                .filter(([k]) => k !== 'id' && !k.endsWith('_id'))
                .map(([k, v]) => (
                  <Field key={k} label={k.replace(/_/g, ' ')}>
                    {show(v)}
                  </Field>
                ))}
            </View>
          ))}
        </View>
      ))}
    </A4>
  );
}
