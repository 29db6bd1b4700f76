/**
 * The audit pack (issue 8 §8): what an external auditor reads — the self-assessment grid with its evidence figures
 * and ratings, the improvement plan, the year's quality indicators, the manual and the certification history — as a
 * PDF, in a ZIP with the same tables in CSV. The lists of persons behind the evidence are added only when the user
 * chooses to (`avecPersonnes`); otherwise the pack holds no personal data of the persons accompanied.
 */
import { csvDocument } from '../../../src-shared/format/csv';
import { createElement } from 'react';
import { strToU8, zipSync } from 'fflate';
import type { GridRow } from '../../../src-shared/qualite/grid';
import { formatEvidence, formatTarget } from '../../../src-shared/qualite/evidence-format';
import { ENGAGEMENTS, MISSIONS, NIVEAUX } from '../../../src-shared/qualite/grid';
import { TYPES_AUDIT } from '../../../src-shared/qualite/registers';
import { ORIGINES_ACTION } from '../../../src-shared/domain/qualite';
import { formatIndicator } from '../../../src-shared/observatoire/format-value';
import { INDICATOR_DEFINITIONS, hasPersonList } from '../../../src-shared/observatoire/indicateurs';
import type { StructureView } from '../../../src-shared/views';
import { toIsoDate } from '../../../src-shared/rules/dates';
import type { OpenRuntime } from '../../app-runtime';
import { frenchDate, loadPdfKit, type PdfKit } from '../documents/pdf-layout';
import { getStructure } from '../structure/structure-service';
import { plural } from '../../../src-shared/format/french-number';

interface PackData {
  structure: StructureView;
  annee: number;
  grid: GridRow[];
  actions: Array<{ intitule: string; origine: string; responsable: string; echeance: string | null; dateCloture: string | null; resultat: string; dateOuverture: string }>;
  indicators: Array<{ label: string; value: string }>;
  documents: Array<Record<string, string | number | null>>;
  audits: Array<Record<string, string | number | null>>;
  equipe: { presents: number; formes: number; heures: number };
}

function AuditPackPdf({ kit, data }: { kit: PdfKit; data: PackData }) {
  const { A4, Text, Table, Field, styles } = kit;
  const late = (a: PackData['actions'][number]) => !a.dateCloture && a.echeance !== null && a.echeance < `${data.annee}-12-31`;
  return (
    <A4 structure={data.structure} title={`Dossier d’audit qualité ${data.annee}`} confidential={false}>
      <Text style={styles.title}>Dossier d’audit qualité — {data.annee}</Text>
      <Text style={styles.subtitle}>
        Démarche CEDRE : auto-évaluation avec les preuves tirées des données, plan d’amélioration continue, indicateurs qualité de l’année, manuel et
        certification. Sans donnée personnelle des personnes accompagnées.
      </Text>
      <Field label="Structure">{data.structure.nom}</Field>
      <Field label="Année évaluée">{String(data.annee)}</Field>
      <Field label="Équipe au 31 décembre">{`${plural(data.equipe.presents, 'personne')}, dont ${plural(data.equipe.formes, 'formée', 'formées')} dans les trois dernières années (${data.equipe.heures} h de formation dans l’année)`}</Field>
      {(Object.keys(MISSIONS) as Array<keyof typeof MISSIONS>).map((mission) => (
        <kit.View key={mission}>
          <Text style={styles.h2}>Auto-évaluation — mission {MISSIONS[mission].toLowerCase()}</Text>
          <Table
            columns={[
              { title: 'Exigence', width: '34%', cell: (r: GridRow) => `${r.code} — ${r.libelle}\n${ENGAGEMENTS[r.engagement]}` },
              { title: 'Preuve', width: '21%', cell: (r: GridRow) => (r.evidence ? `${formatEvidence(r.evidence)}\n${r.evidence.label}` : '—') },
              { title: 'Cible', width: '13%', cell: (r: GridRow) => `${formatTarget(r)}${r.cibleAtteinte === null ? '' : r.cibleAtteinte ? '\natteinte' : '\nnon atteinte'}` },
              { title: 'Auto-évaluation', width: '32%', cell: (r: GridRow) => (r.niveau ? `${NIVEAUX[r.niveau]}${r.commentaire ? ` — ${r.commentaire}` : ''}` : 'Non évaluée') },
            ]}
            rows={data.grid.filter((r) => r.mission === mission)}
            empty="Aucune exigence pour cette mission."
          />
        </kit.View>
      ))}
      <Text style={styles.h2}>Plan d’amélioration continue</Text>
      <Table
        columns={[
          { title: 'Action', width: '34%', cell: (a: PackData['actions'][number]) => a.intitule },
          { title: 'Origine', width: '16%', cell: (a: PackData['actions'][number]) => ORIGINES_ACTION[a.origine as keyof typeof ORIGINES_ACTION] ?? a.origine },
          { title: 'Responsable', width: '14%', cell: (a: PackData['actions'][number]) => a.responsable || '—' },
          { title: 'Échéance', width: '14%', cell: (a: PackData['actions'][number]) => `${a.echeance ? frenchDate(a.echeance) : '—'}${late(a) ? '\nen retard' : ''}` },
          { title: 'État, résultat', width: '22%', cell: (a: PackData['actions'][number]) => (a.dateCloture ? `Close le ${frenchDate(a.dateCloture)}${a.resultat ? ` — ${a.resultat}` : ''}` : 'En cours') },
        ]}
        rows={data.actions}
        empty="Aucune action dans le plan pour cette année."
      />
      <Text style={styles.h2}>Indicateurs qualité et territoire de l’année</Text>
      <Table
        columns={[
          { title: 'Indicateur', width: '75%', cell: (i: PackData['indicators'][number]) => i.label },
          { title: 'Valeur', width: '25%', cell: (i: PackData['indicators'][number]) => i.value },
        ]}
        rows={data.indicators}
        empty="—"
      />
      <Text style={styles.h2}>Manuel qualité (dernières versions approuvées)</Text>
      <Table
        columns={[
          { title: 'Procédure', width: '50%', cell: (d: Record<string, string | number | null>) => String(d.titre) },
          { title: 'Version', width: '12%', cell: (d: Record<string, string | number | null>) => String(d.version) },
          { title: 'Approuvée', width: '38%', cell: (d: Record<string, string | number | null>) => `le ${frenchDate(String(d.approuveLe))} par ${d.approuvePar}` },
        ]}
        rows={data.documents}
        empty="Aucune procédure enregistrée."
      />
      <Text style={styles.h2}>Audits et certification</Text>
      <Table
        columns={[
          { title: 'Date', width: '14%', cell: (a: Record<string, string | number | null>) => frenchDate(String(a.date)) },
          { title: 'Type', width: '22%', cell: (a: Record<string, string | number | null>) => TYPES_AUDIT[a.type as keyof typeof TYPES_AUDIT] ?? String(a.type) },
          { title: 'Auditeur', width: '20%', cell: (a: Record<string, string | number | null>) => String(a.auditeur) },
          { title: 'Constats', width: '30%', cell: (a: Record<string, string | number | null>) => String(a.constats) },
          { title: 'Certifiée jusqu’au', width: '14%', cell: (a: Record<string, string | number | null>) => (a.certifieJusquAu ? frenchDate(String(a.certifieJusquAu)) : '—') },
        ]}
        rows={data.audits}
        empty="Aucun audit enregistré."
      />
    </A4>
  );
}

/** A CSV for a spreadsheet in French, through the app's one writer (decimal comma, formulas neutralised). */
function csv(header: string[], rows: Array<Array<string | number | null>>): Uint8Array {
  return strToU8(csvDocument(header, rows));
}

/**
 * The auditor's ZIP. `onStep` reports the steps (label, done, total) for the progress bar; it may throw to cancel:
 * nothing is written before the caller's audit row.
 */
export async function buildAuditPack(
  open: OpenRuntime,
  annee: number,
  withPersons: boolean,
  now: Date,
  onStep: (label: string, done: number, total: number) => void = () => {},
): Promise<{ fileName: string; base64: string }> {
  const steps = withPersons ? 4 : 3;
  onStep('Rassemblement des preuves', 0, steps);
  const data = open.transaction(() => {
    open.selfAssessment.ensureGrid(now);
    const grid = open.selfAssessment.view(annee).rows;
    const end = `${annee}-12-31`;
    const actions = open.quality
      .all()
      .actions.filter((a) => a.dateOuverture <= end && (!a.dateCloture || a.dateCloture >= `${annee}-01-01`)) as PackData['actions'];
    const computed = open.indicators.compute(annee).indicateurs as Record<string, number | null>;
    const indicators = INDICATOR_DEFINITIONS.filter((d) => d.section === 'qualite').map((d) => ({ label: d.label, value: formatIndicator(d.id, computed[d.id]) }));
    const latest = new Map<string, Record<string, string | number | null>>();
    for (const d of open.registers.list('documents')) {
      if (String(d.approuveLe) > end) continue;
      const current = latest.get(String(d.titre));
      if (!current || Number(d.version) > Number(current.version)) latest.set(String(d.titre), d);
    }
    const audits = open.registers.list('audits').filter((a) => String(a.date) <= end);
    const present = open.sqlite.prepare('select id from personnel where date_entree <= ? and (date_sortie is null or date_sortie >= ?)').pluck().all(end, end) as string[];
    const trained = open.sqlite
      .prepare(`select count(distinct personnel_id) from formations_personnel where date between ? and ? and personnel_id in (${present.map(() => '?').join(',') || "''"})`)
      .pluck()
      .get(`${annee - 2}-01-01`, end, ...present) as number;
    const heures = (open.sqlite.prepare('select coalesce(sum(heures), 0) from formations_personnel where date between ? and ?').pluck().get(`${annee}-01-01`, end) as number) ?? 0;
    return {
      structure: getStructure(open.db),
      annee,
      grid,
      actions,
      indicators,
      documents: [...latest.values()].sort((a, b) => String(a.titre).localeCompare(String(b.titre), 'fr')),
      audits,
      equipe: { presents: present.length, formes: trained, heures },
    } satisfies PackData;
  });
  onStep('Mise en page du dossier PDF', 1, steps);
  const kit = await loadPdfKit();
  const pdf = await kit.render(createElement(AuditPackPdf, { kit, data }), 'dossier-audit.pdf');
  const files: Record<string, Uint8Array> = {
    'dossier-audit.pdf': Buffer.from(pdf.base64, 'base64'),
    'grille-auto-evaluation.csv': csv(
      ['code', 'mission', 'engagement', 'exigence', 'preuve', 'valeur', 'numerateur', 'denominateur', 'cible', 'cible_atteinte', 'auto_evaluation', 'commentaire'],
      data.grid.map((r) => [
        r.code,
        MISSIONS[r.mission],
        ENGAGEMENTS[r.engagement],
        r.libelle,
        r.evidence?.label ?? '',
        r.evidence?.value ?? null,
        r.evidence?.numerator ?? null,
        r.evidence?.denominator ?? null,
        r.cible,
        r.cibleAtteinte === null ? '' : r.cibleAtteinte ? 'oui' : 'non',
        r.niveau ? NIVEAUX[r.niveau] : '',
        r.commentaire,
      ]),
    ),
    'plan-amelioration.csv': csv(
      ['action', 'origine', 'responsable', 'ouverture', 'echeance', 'cloture', 'resultat'],
      data.actions.map((a) => [a.intitule, ORIGINES_ACTION[a.origine as keyof typeof ORIGINES_ACTION] ?? a.origine, a.responsable, a.dateOuverture, a.echeance, a.dateCloture, a.resultat]),
    ),
    'indicateurs-qualite.csv': csv(['indicateur', 'valeur'], data.indicators.map((i) => [i.label, i.value])),
  };
  if (withPersons) {
    onStep('Listes des personnes', 2, steps);
    // The persons behind each person-based evidence figure, for an auditor who checks files on site.
    const lists = new Set(data.grid.map((r) => r.evidence?.link).filter((l): l is { indicator: string } => !!l && 'indicator' in l && hasPersonList(l.indicator)).map((l) => l.indicator));
    for (const id of lists) {
      const list = open.drillDown.persons(annee, id);
      files[`listes/${id}.csv`] = csv(['nom', 'prenom', 'dispositif', 'precision'], list.personnes.map((p) => [p.nom, p.prenom, p.dispositif, p.precision]));
    }
  }
  onStep('Création de l’archive', steps - 1, steps);
  const zip = zipSync(files, { level: 6 });
  return { fileName: `dossier-audit-${data.structure.siret}-${annee}${withPersons ? '-avec-listes' : ''}-${toIsoDate(now)}.zip`, base64: Buffer.from(zip).toString('base64') };
}
