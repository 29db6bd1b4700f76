/** The readable half of the right-of-access export: each section of the person's data, in French (access-labels.ts). */
import type { StructureView } from '../../../src-shared/views';
import { frenchDate, type PdfKit } from '../documents/pdf-layout';
import type { PersonDataSection } from './access-export';
import { readableRow } from './access-labels';

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
      {sections.map((section) => {
        const rows = section.lignes.map((row) => readableRow(section.key, row));
        const block = (fields: Array<[string, string]>, i: number) => (
          <View key={i} style={{ marginBottom: 6 }} wrap={false}>
            {fields.map(([label, value]) => (
              <Field key={label} label={label}>
                {value}
              </Field>
            ))}
          </View>
        );
        return (
          <View key={section.key}>
            {/* The heading travels with the first entry: never alone at the foot of a page. */}
            <View wrap={false}>
              <Text style={styles.h2}>{`${section.titre} (${section.lignes.length})`}</Text>
              {rows.length === 0 ? <Text style={[styles.paragraph, styles.muted]}>Aucune information.</Text> : block(rows[0]!, 0)}
            </View>
            {rows.slice(1).map((fields, i) => block(fields, i + 1))}
          </View>
        );
      })}
    </A4>
  );
}
