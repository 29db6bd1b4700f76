import { labelOrWithheld } from '../../../src-shared/domain/need-to-know';
import { CANAUX, DECISIONS, EN_ATTENTE_LABEL, MOTIFS_DECISION, NIVEAUX_COMPETENCE } from '../../../src-shared/domain/accueil';
import { CIVILITES, NIVEAUX_FORMATION, ORIENTEURS } from '../../../src-shared/domain/asp-codes';
import { CRITERES } from '../../../src-shared/domain/criteres';
import { FREIN_NIVEAUX, FREIN_TYPES } from '../../../src-shared/domain/freins';
import { formatPassNumber } from '../../../src-shared/rules/identity';
import { SIAE_KIND_LABELS } from '../../../src-shared/siae';
import type { StructureView } from '../../../src-shared/views';
import type { AccueilView, PersonneFile } from '../../../src-shared/views-accueil';
import { frenchDate, type PdfKit } from './pdf-layout';

/** The intake summary handed to the CIP's file: what was said, found and decided at this intake. */
export function IntakeSummary({ kit, structure, file, accueil }: { kit: PdfKit; structure: StructureView; file: PersonneFile; accueil: AccueilView }) {
  const { A4, Field, Table, Text, View, styles } = kit;
  const p = file.personne;
  const diagnostic = file.diagnostics?.[0];
  const freins = file.freins ?? [];
  return (
    <A4 structure={structure} title="Synthèse d'accueil" confidential>
      <Text style={styles.title}>Synthèse d’accueil</Text>
      <Text style={styles.subtitle}>
        {CIVILITES[p.civilite]} {p.prenom} {p.nom.toUpperCase()} — premier contact le {frenchDate(accueil.datePremierContact)}
      </Text>

      <Text style={styles.h2}>La personne</Text>
      <Field label="Née ou né le">{frenchDate(p.dateNaissance)}</Field>
      <Field label="Adresse">{[p.adresse, `${p.codePostal} ${p.commune}`.trim()].filter(Boolean).join(', ') || '—'}</Field>
      <Field label="Quartier prioritaire / ZRR">{`${p.qpv ? 'QPV' : ''}${p.qpv && p.zrr ? ', ' : ''}${p.zrr ? 'ZRR' : ''}` || 'Non'}</Field>
      <Field label="Téléphone, courriel">{[p.telephone, p.email].filter(Boolean).join(' — ') || '—'}</Field>
      <Field label="Niveau de formation">{p.niveauFormation ? NIVEAUX_FORMATION[p.niveauFormation] : '—'}</Field>
      <Field label="Identifiant France Travail">{p.identifiantFt ?? '—'}</Field>
      <Field label="Orientée par">{p.orienteur ? labelOrWithheld(ORIENTEURS, p.orienteur) : '—'}</Field>

      <Text style={styles.h2}>L’accueil</Text>
      <Field label="Premier contact">{`${frenchDate(accueil.datePremierContact)} (${CANAUX[accueil.canal]})`}</Field>
      <Field label="Offre d’insertion présentée">
        {accueil.dateOffrePresentee ? `le ${frenchDate(accueil.dateOffrePresentee)}${accueil.offrePresenteePar ? ` par ${accueil.offrePresenteePar.displayName}` : ''}` : 'Pas encore'}
      </Field>
      <Field label="Notice sur les données remise">{accueil.dateNoticeRgpd ? `le ${frenchDate(accueil.dateNoticeRgpd)}` : 'Pas encore'}</Field>
      <Field label="Diagnostic socio-professionnel">{accueil.dateDiagnostic ? `le ${frenchDate(accueil.dateDiagnostic)}` : 'Pas encore'}</Field>

      <Text style={styles.h2}>Ce que la personne souhaite, avec ses mots</Text>
      <Text style={styles.paragraph}>{accueil.souhaits || '—'}</Text>

      <Text style={styles.h2}>Freins identifiés</Text>
      <Table
        empty="Aucun frein enregistré."
        rows={freins}
        columns={[
          { title: 'Frein', width: '34%', cell: (f) => FREIN_TYPES[f.type] },
          { title: 'Niveau', width: '12%', cell: (f) => FREIN_NIVEAUX[f.niveau] },
          { title: 'Identifié le', width: '16%', cell: (f) => frenchDate(f.dateIdentification) },
          { title: 'Levé le', width: '14%', cell: (f) => (f.dateLevee ? frenchDate(f.dateLevee) : '—') },
          { title: 'Commentaire', width: '24%', cell: (f) => f.commentaire },
        ]}
      />

      <Text style={styles.h2}>Compétences et métiers</Text>
      <Table
        empty="Aucune compétence évaluée."
        rows={file.competences}
        columns={[
          { title: 'Compétence ou métier', width: '50%', cell: (c) => `${c.libelle}${c.codeRome ? ` (${c.codeRome})` : ''}` },
          { title: 'Niveau', width: '25%', cell: (c) => NIVEAUX_COMPETENCE[c.niveau] },
          { title: 'Évalué le', width: '25%', cell: (c) => frenchDate(c.dateEvaluation) },
        ]}
      />

      <Text style={styles.h2}>Éligibilité à l’IAE</Text>
      {diagnostic ? (
        <View>
          <Field label="Diagnostic">{`du ${frenchDate(diagnostic.date)}, ${diagnostic.auteur === 'structure' ? 'par la structure' : `par ${diagnostic.prescripteur} (prescripteur habilité)`}, pour ${diagnostic.dispositif}`}</Field>
          <Field label="Résultat">{diagnostic.eligible ? 'Éligible' : 'Non éligible en l’état'}</Field>
          <Field label="Critères retenus">{diagnostic.criteres.map((c) => CRITERES[c.critere].label).join(' ; ') || '—'}</Field>
          {file.pass?.[0] && <Field label="PASS IAE">{`${formatPassNumber(file.pass[0].numero)}, jusqu’au ${frenchDate(file.pass[0].finCalculee)}`}</Field>}
        </View>
      ) : (
        <Text style={[styles.paragraph, styles.muted]}>Pas encore de diagnostic d’éligibilité.</Text>
      )}

      <Text style={styles.h2}>Décision</Text>
      <Field label="Décision">{accueil.decision ? `${DECISIONS[accueil.decision]}, le ${frenchDate(accueil.dateDecision)}` : EN_ATTENTE_LABEL}</Field>
      {accueil.motifDecision && <Field label="Motif">{MOTIFS_DECISION[accueil.motifDecision]}</Field>}
      {accueil.reorientationVers && <Field label="Réorientée vers">{accueil.reorientationVers}</Field>}
      {accueil.dispositif && <Field label="Dispositif">{SIAE_KIND_LABELS[accueil.dispositif]}</Field>}
      <Field label="Référent·e">{accueil.referent?.displayName ?? '—'}</Field>

      <View style={styles.signatures} wrap={false}>
        <Text style={styles.signatureBox}>La personne accueillie (date et signature)</Text>
        <Text style={styles.signatureBox}>Pour la structure (nom, date et signature)</Text>
      </View>
    </A4>
  );
}
