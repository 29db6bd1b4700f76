/**
 * The look shared by every PDF the app prints: DejaVu Sans (it has every glyph French typography and people's names
 * need, U+202F included), an A4 page with the structure in the header and page numbers in the footer.
 *
 * @react-pdf/renderer is ESM-only and tsx's CommonJS hook (npm run web, the CLI) cannot require it, so it is loaded
 * with a dynamic import of the package (which stays a real import everywhere) on first use — it also stays off the
 * start-up path. Templates receive its components through the kit and import only its types.
 */
import { join } from 'node:path';
import type * as ReactPdfModule from '@react-pdf/renderer';
import { Children, createElement, type ReactElement, type ReactNode } from 'react';
import { format } from 'date-fns';
import type { StructureView } from '../../../src-shared/views';
import { formatLongDate } from '../../../src-shared/format/french-date';
import { PDF_FONT_DIR, pdfSafeText } from './pdf-text';

export type ReactPdf = typeof ReactPdfModule;
export type PdfKit = ReturnType<typeof createKit>;

let kit: Promise<PdfKit> | null = null;

export function loadPdfKit(): Promise<PdfKit> {
  kit ??= import('@react-pdf/renderer').then((module) => createKit(module));
  return kit;
}

export function frenchDate(iso: string | null | undefined): string {
  return iso ? formatLongDate(iso) : '—';
}

export interface Column<T> {
  title: string;
  width: string;
  cell: (row: T) => string;
}

function createKit(pdf: ReactPdf) {
  const { Document, Font, Page, StyleSheet, Text: RawText, View, renderToBuffer } = pdf;
  /** The kit's Text: every string it holds goes through pdfSafeText first, whatever the template passes. */
  const Text = (props: ReactPdfModule.TextProps & { children?: ReactNode }) => createElement(RawText, props, ...Children.toArray(props.children).map((c) => (typeof c === 'string' ? pdfSafeText(c) : c)));
const fontDir = PDF_FONT_DIR;
Font.register({
  family: 'DejaVu Sans',
  fonts: [
    { src: join(fontDir, 'DejaVuSans.ttf') },
    { src: join(fontDir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    { src: join(fontDir, 'DejaVuSans-Oblique.ttf'), fontStyle: 'italic' },
  ],
});
// French text is hyphenated by words, never split mid-word by the default algorithm.
Font.registerHyphenationCallback((word) => [word]);

const TEAL = '#0c8599';

const styles = StyleSheet.create({
  page: { fontFamily: 'DejaVu Sans', fontSize: 10, paddingTop: 56, paddingBottom: 56, paddingHorizontal: 48, lineHeight: 1.4, color: '#212529' },
  header: { position: 'absolute', top: 22, left: 48, right: 48, flexDirection: 'row', justifyContent: 'space-between', fontSize: 8, color: '#868e96' },
  // `bottom` is ignored for fixed elements by @react-pdf 4 (the footer silently vanished): placed from the top of A4 (841.9 pt).
  footer: { position: 'absolute', top: 808, left: 48, right: 48, flexDirection: 'row', justifyContent: 'space-between', fontSize: 8, color: '#868e96' },
  title: { fontSize: 18, fontWeight: 'bold', color: TEAL, marginBottom: 8, lineHeight: 1.2 },
  subtitle: { fontSize: 10, color: '#495057', marginBottom: 16 },
  h2: { fontSize: 12, fontWeight: 'bold', color: TEAL, marginTop: 14, marginBottom: 6, paddingBottom: 2, borderBottomWidth: 1, borderBottomColor: '#c5f6fa' },
  paragraph: { marginBottom: 6 },
  muted: { color: '#868e96' },
  row: { flexDirection: 'row', marginBottom: 3 },
  label: { width: 170, color: '#495057' },
  value: { flex: 1 },
  table: { borderWidth: 1, borderColor: '#dee2e6', marginTop: 4 },
  tr: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#dee2e6' },
  th: { padding: 4, fontWeight: 'bold', backgroundColor: '#f1f3f5' },
  td: { padding: 4 },
  signatures: { flexDirection: 'row', marginTop: 24, gap: 24 },
  signatureBox: { flex: 1, borderWidth: 1, borderColor: '#adb5bd', height: 70, padding: 6, fontSize: 8, color: '#495057' },
});

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View style={styles.row} wrap={false}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{children}</Text>
    </View>
  );
}

function Table<T>({ columns, rows, empty }: { columns: Column<T>[]; rows: T[]; empty: string }) {
  if (rows.length === 0) return <Text style={[styles.paragraph, styles.muted]}>{empty}</Text>;
  return (
    <View style={styles.table}>
      <View style={styles.tr} fixed>
        {columns.map((c) => (
          <Text key={c.title} style={[styles.th, { width: c.width }]}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={styles.tr} wrap={false}>
          {columns.map((c) => (
            <Text key={c.title} style={[styles.td, { width: c.width }]}>
              {c.cell(row)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function A4({ structure, title, confidential, children }: { structure: StructureView; title: string; confidential: boolean; children: ReactNode }) {
  return (
    <Document title={title} author={structure.nom} creator="Cèdre Parcours" producer="Cèdre Parcours" language="fr-FR">
      <Page size="A4" style={styles.page}>
        <View style={styles.header} fixed>
          <Text>{structure.nom}</Text>
          <Text>{confidential ? 'Document confidentiel — données personnelles' : title}</Text>
        </View>
        {children}
        <View style={styles.footer} fixed>
          <Text>Édité le {frenchDate(format(new Date(), 'yyyy-MM-dd'))} avec Cèdre Parcours</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

async function render(element: ReactElement, fileName: string): Promise<{ fileName: string; base64: string }> {
  const buffer = await renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
  return { fileName, base64: Buffer.from(buffer).toString('base64') };
}

  return { Document, Page, Text, View, styles, Field, Table, A4, render };
}
