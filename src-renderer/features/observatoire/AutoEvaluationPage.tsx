import { Anchor, Badge, Button, Checkbox, FileButton, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ENGAGEMENTS, MISSIONS, NIVEAUX, type EvidenceValue, type GridRow, type Mission, type Niveau, type SelfAssessmentView } from '../../../src-shared/qualite/grid';
import { api, ApiError } from '../../api';
import { JobProgressView } from '../../components/JobProgressView';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { base64ToBlob, fileToUpload } from '../../lib/files';
import { downloadBlob } from '../../lib/download';
import { useFollowedCall } from '../../lib/useFollowedCall';
import { DrillDownModal } from './DrillDownModal';
import { canOpenPage } from '../../app/navigation';
import { can } from '../../lib/permissions';
import { useSessionStore } from '../../stores/session-store';
import { formatEvidence, formatTarget } from '../../../src-shared/qualite/evidence-format';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

/**
 * The CEDRE self-assessment: each requirement of the grid with the figure that shows it in the data (colour: target
 * met or not; click: the persons or the register behind it), the structure's own rating and comment for the year.
 */
export function AutoEvaluationPage() {
  const [annee, setAnnee] = useState(thisYear - 1);
  const [view, setView] = useState<SelfAssessmentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<GridRow | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const [packOpen, setPackOpen] = useState(false);
  useEffect(() => {
    let current = true;
    api('qualite.autoEvaluation', { annee }).then(
      (v) => current && setView(v),
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Chargement impossible.'),
    );
    return () => {
      current = false;
    };
  }, [annee]);
  const shown = view?.annee === annee ? view : null;

  const importGrid = async (file: File | null) => {
    if (!file) return;
    setError(null);
    try {
      await api('qualite.importerGrille', { file: await fileToUpload(file) });
      setView(await api('qualite.autoEvaluation', { annee }));
      notifications.show({ color: 'teal', message: 'Grille importée.' });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Import impossible.');
    }
  };
  const exportGrid = async () => {
    const f = await api('qualite.exporterGrille');
    downloadBlob(f.fileName, base64ToBlob(f.base64, 'application/json'));
  };

  return (
    <>
      <PageHeader
        title="Auto-évaluation CEDRE"
        description="Chaque exigence de la grille, la preuve tirée des données de l’année, et votre appréciation."
        actions={
          <Group>
            <Select aria-label="Année" w={110} data={YEARS} value={String(annee)} onChange={(v) => v && setAnnee(Number(v))} allowDeselect={false} />
            <Button variant="default" onClick={() => void exportGrid()}>
              Exporter la grille
            </Button>
            <FileButton onChange={(f) => void importGrid(f)} accept="application/json,.json">
              {(props) => (
                <Button variant="default" {...props}>
                  Importer une grille…
                </Button>
              )}
            </FileButton>
            <Button onClick={() => setPackOpen(true)}>Dossier d’audit…</Button>
          </Group>
        }
      />
      <FormAlert message={error} />
      {shown &&
        (Object.keys(MISSIONS) as Mission[]).map((mission) => (
          <Paper key={mission} withBorder p="md" mb="md">
            <Title order={2} size="h4" mb="sm">
              Mission {MISSIONS[mission].toLowerCase()}
            </Title>
            <Table verticalSpacing="sm" aria-label={`Exigences : mission ${MISSIONS[mission].toLowerCase()}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="42%">Exigence</Table.Th>
                  <Table.Th w="24%">Preuve ({annee})</Table.Th>
                  <Table.Th>Appréciation</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.rows
                  .filter((r) => r.mission === mission)
                  .map((r) => (
                    <Table.Tr key={r.code}>
                      <Table.Td>
                        <Text size="sm">
                          <strong>{r.code}</strong> — {r.libelle}
                        </Text>
                        <Badge size="xs" variant="light" color="gray" tt="none" mt={4}>
                          {ENGAGEMENTS[r.engagement]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Evidence row={r} onPersons={setDrill} />
                      </Table.Td>
                      <Table.Td>
                        <Group justify="space-between" wrap="nowrap" align="flex-start">
                          <div>
                            {r.niveau ? (
                              <Badge variant="light" color={r.niveau === 'non_atteint' ? 'red' : r.niveau === 'partiel' ? 'orange' : 'teal'} tt="none">
                                {NIVEAUX[r.niveau]}
                              </Badge>
                            ) : (
                              <Text size="sm" c="dimmed">
                                Non évaluée
                              </Text>
                            )}
                            {r.commentaire && (
                              <Text size="xs" mt={4}>
                                {r.commentaire}
                              </Text>
                            )}
                          </div>
                          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)} aria-label={`Évaluer ${r.code}`}>
                            Évaluer
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `Évaluer ${editing.code}` : ''} size="lg">
        {editing && (
          <RatingForm
            row={editing}
            annee={annee}
            onSaved={(v) => {
              setView(v);
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <Modal opened={packOpen} onClose={() => setPackOpen(false)} title={`Dossier d’audit ${annee}`}>
        {packOpen && <AuditPackForm annee={annee} />}
      </Modal>
      <DrillDownModal annee={annee} id={drill} onClose={() => setDrill(null)} />
    </>
  );
}

function Evidence({ row, onPersons }: { row: GridRow; onPersons: (id: string) => void }) {
  const user = useSessionStore((s) => s.session?.user ?? null);
  const e: EvidenceValue | null = row.evidence;
  if (!e) return <Text size="sm" c="dimmed">Pas de preuve chiffrée : appréciez sur pièces.</Text>;
  const color = row.cibleAtteinte === null ? undefined : row.cibleAtteinte ? 'teal' : 'red';
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Text fw={700} c={color}>
          {formatEvidence(e)}
        </Text>
        {row.cible !== null && (
          <Text size="xs" c="dimmed">
            cible {formatTarget(row)}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {e.label}
      </Text>
      {e.link && 'indicator' in e.link && user && can(user, 'personnes.read') && (
        <Anchor size="xs" component="button" style={{ alignSelf: 'flex-start' }} onClick={() => onPersons((e.link as { indicator: string }).indicator)}>
          Voir les personnes
        </Anchor>
      )}
      {e.link && 'page' in e.link && user && canOpenPage(user, e.link.page) && (
        <Anchor size="xs" component={Link} to={e.link.page}>
          Voir le registre
        </Anchor>
      )}
    </Stack>
  );
}

function RatingForm({ row, annee, onSaved }: { row: GridRow; annee: number; onSaved: (v: SelfAssessmentView) => void }) {
  const [niveau, setNiveau] = useState<Niveau | null>(row.niveau);
  const [commentaire, setCommentaire] = useState(row.commentaire);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!niveau) {
      setError('Choisissez le niveau atteint.');
      return;
    }
    try {
      onSaved(await api('qualite.noterExigence', { code: row.code, annee, niveau, commentaire }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Enregistrement impossible.');
    }
  };
  return (
    <Stack>
      <Text size="sm">{row.libelle}</Text>
      <Select label="Niveau atteint" data={Object.entries(NIVEAUX).map(([value, label]) => ({ value, label }))} value={niveau} onChange={(v) => setNiveau(v as Niveau | null)} allowDeselect={false} />
      <Textarea label="Commentaire" description="Ce qui le montre, ce qui manque, ce qui est prévu." autosize minRows={3} value={commentaire} onChange={(e) => setCommentaire(e.currentTarget.value)} />
      <FormAlert message={error} />
      <Group justify="flex-end">
        <Button onClick={() => void save()}>Enregistrer</Button>
      </Group>
    </Stack>
  );
}

function AuditPackForm({ annee }: { annee: number }) {
  const [withPersons, setWithPersons] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useFollowedCall();
  const produce = async () => {
    setBusy(true);
    setError(null);
    try {
      // Followed: the steps (evidence, PDF, lists, archive), and « Annuler » until the file is made.
      const f = await job.run('qualite.dossierAudit', { annee, avecPersonnes: withPersons });
      if (f) downloadBlob(f.fileName, base64ToBlob(f.base64, 'application/zip'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Production impossible.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">
        Un fichier ZIP pour l’auditeur : le PDF (grille et preuves, plan d’amélioration, indicateurs qualité, manuel, audits) et les mêmes tableaux en
        CSV. Sans donnée personnelle des personnes accompagnées.
      </Text>
      <Checkbox
        label="Joindre les listes des personnes derrière les preuves (pour un contrôle sur pièces)"
        checked={withPersons}
        onChange={(e) => setWithPersons(e.currentTarget.checked)}
      />
      {busy && <JobProgressView label="Production du dossier d’audit…" progress={job.progress} onCancel={job.cancel} />}
      <FormAlert message={error} />
      <Group justify="flex-end">
        <Button onClick={() => void produce()} loading={busy}>
          Télécharger le dossier
        </Button>
      </Group>
    </Stack>
  );
}
