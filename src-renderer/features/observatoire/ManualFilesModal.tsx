import { Anchor, Button, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ManualFileView } from '../../../src-shared/qualite/registers';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { downloadBlob } from '../../lib/download';
import { base64ToBlob, fileToUpload } from '../../lib/files';
import { formatDateTime, formatNumber } from '../../lib/format';

/** The files attached to one version of a procedure: list, download, attach another. */
export function ManualFilesModal({ documentId, title, onClose }: { documentId: string | null; title: string; onClose: () => void }) {
  return (
    <Modal opened={documentId !== null} onClose={onClose} title={`Fichiers — ${title}`} size="lg">
      {documentId && <ManualFiles documentId={documentId} />}
    </Modal>
  );
}

function ManualFiles({ documentId }: { documentId: string }) {
  const [files, setFiles] = useState<ManualFileView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    api('qualite.fichiersDocument', { id: documentId }).then((f) => current && setFiles(f), (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Chargement impossible.'));
    return () => {
      current = false;
    };
  }, [documentId]);

  const attach = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setFiles(await api('qualite.joindreFichier', { documentId, file: await fileToUpload(file) }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Envoi impossible.');
    } finally {
      setBusy(false);
    }
  };
  const download = async (f: ManualFileView) => {
    const d = await api('qualite.telechargerFichier', { id: f.id });
    downloadBlob(d.fileName, base64ToBlob(d.base64, d.mime));
  };

  return (
    <Stack>
      {files && files.length > 0 ? (
        <Table aria-label="Fichiers joints">
          <Table.Tbody>
            {files.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => void download(f)}>
                    {f.nom}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatNumber(Math.max(1, f.taille / 1024))} Ko</Table.Td>
                <Table.Td>{formatDateTime(f.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          Aucun fichier joint à cette version.
        </Text>
      )}
      <FormAlert message={error} />
      <Group justify="flex-end">
        <FileButton onChange={(f) => void attach(f)} accept=".pdf,.docx,.doc,.odt,.xlsx,.ods,.png,.jpg,.jpeg,.txt">
          {(props) => (
            <Button {...props} loading={busy}>
              Joindre un fichier (10 Mo au plus)
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}
