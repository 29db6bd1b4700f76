import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconDownload, IconFileSpreadsheet, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportProblem, ImportReport } from '../../../src-shared/import-format';
import { SHEET_LABELS } from '../../../src-shared/import-format';
import { api, ApiError } from '../../api';
import { JobProgressView } from '../../components/JobProgressView';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { downloadBlob } from '../../lib/download';
import { base64ToBlob, fileToUpload } from '../../lib/files';
import { useFollowedCall } from '../../lib/useFollowedCall';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function ProblemsTable({ problems, label }: { problems: ImportProblem[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={600} mah={360}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Feuille</Table.Th>
            <Table.Th>Ligne</Table.Th>
            <Table.Th>Colonne</Table.Th>
            <Table.Th>Message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>{p.feuille}</Table.Td>
              <Table.Td>{p.ligne || ''}</Table.Td>
              <Table.Td>{p.colonne ?? ''}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Import of a workbook (or CSV files) in the import format: check first (nothing written, the list of what would be
 * created or updated and of every error), then import, all or nothing. Also the template and the full export.
 */
export function ImportPage() {
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'file' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useFollowedCall();

  const run = async (simulation: boolean) => {
    setBusy(simulation ? 'check' : 'import');
    setError(null);
    try {
      const uploads = await Promise.all(files.map(fileToUpload));
      // Followed: the data worker reports the rows written, and « Annuler » rolls the whole import back.
      const result = await job.run('import.run', { files: uploads, simulation });
      if (!result) return;
      setReport(result);
      if (!simulation && result.ok) notifications.show({ color: 'teal', message: `Import terminé en ${result.dureeMs} ms.` });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Import impossible.');
    } finally {
      setBusy(null);
    }
  };

  const download = async (route: 'import.template' | 'import.export') => {
    setBusy('file');
    try {
      const file = await api(route);
      // The export is a ZIP when the quality manual has attached files (the workbook and its « documents » folder).
      downloadBlob(file.fileName, base64ToBlob(file.base64, file.fileName.endsWith('.zip') ? 'application/zip' : XLSX));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Téléchargement impossible.');
    } finally {
      setBusy(null);
    }
  };

  const imported = report && report.ok && !report.simulation;
  return (
    <>
      <PageHeader
        title="Import et export"
        description="Reprenez l’historique tenu dans Excel, ou récupérez toutes vos données dans le même format."
        actions={
          <Group>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void download('import.template')} loading={busy === 'file'}>
              Télécharger le modèle
            </Button>
            <Button variant="default" leftSection={<IconDownload size={18} />} onClick={() => void download('import.export')} loading={busy === 'file'}>
              Exporter toutes les données
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="md" mb="md" maw={820}>
        <Stack>
          <FileInput
            label="Classeur à importer"
            description="Un classeur Excel (.xlsx) ou LibreOffice (.ods) avec une feuille par table, plusieurs fichiers .csv nommés comme les feuilles (personnes.csv, contrats.csv…), ou l’archive .zip d’un export avec ses documents joints."
            placeholder="Choisir le fichier"
            multiple
            accept=".xlsx,.ods,.csv,.zip"
            value={files}
            onChange={(f) => {
              setFiles(f);
              setReport(null);
            }}
            clearable
          />
          <Group>
            <Button leftSection={<IconListCheck size={18} />} onClick={() => void run(true)} disabled={files.length === 0} loading={busy === 'check'}>
              Vérifier le fichier
            </Button>
            <Button leftSection={<IconDatabaseImport size={18} />} color="teal" onClick={() => void run(false)} disabled={!report?.ok || !report.simulation} loading={busy === 'import'}>
              Importer
            </Button>
          </Group>
          {busy && busy !== 'file' && (
            <JobProgressView
              label={busy === 'check' ? 'Lecture et vérification de chaque cellule…' : 'Écriture en une seule transaction…'}
              progress={job.progress}
              onCancel={job.cancel}
            />
          )}
        </Stack>
      </Paper>
      <FormAlert message={error} />
      {report && !report.ok && (
        <Alert color="red" title={`${report.nombreErreurs} erreur${report.nombreErreurs > 1 ? 's' : ''} : rien n’a été enregistré`} mb="md">
          <Text size="sm" mb="sm">
            Corrigez le fichier puis vérifiez-le à nouveau.
            {report.nombreErreurs > report.erreurs.length ? ` Les ${report.erreurs.length} premières sont listées.` : ''}
          </Text>
          <ProblemsTable problems={report.erreurs} label="Erreurs" />
        </Alert>
      )}
      {report && report.ok && (
        <Paper withBorder p="md" mb="md">
          <Title order={4} mb="sm">
            {imported ? 'Import terminé' : 'Le fichier est correct : voici ce que l’import fera'}
          </Title>
          {report.structureCreee && <Text size="sm">La structure sera créée depuis la feuille « structure ».</Text>}
          <Table aria-label="Résumé de l’import">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feuille</Table.Th>
                <Table.Th ta="right">Lignes</Table.Th>
                <Table.Th ta="right">{imported ? 'Créées' : 'À créer'}</Table.Th>
                <Table.Th ta="right">{imported ? 'Mises à jour' : 'À mettre à jour'}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.feuilles.map((f) => (
                <Table.Tr key={f.feuille}>
                  <Table.Td>
                    <Text size="sm">{f.feuille}</Text>
                    <Text size="xs" c="dimmed">
                      {SHEET_LABELS[f.feuille]}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{f.lignes}</Table.Td>
                  <Table.Td ta="right">{f.creees}</Table.Td>
                  <Table.Td ta="right">{f.misesAJour}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {report && report.avertissements.length > 0 && (
        <Alert color="orange" title="Avertissements" mb="md">
          <ProblemsTable problems={report.avertissements} label="Avertissements" />
        </Alert>
      )}
    </>
  );
}
