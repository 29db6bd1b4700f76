import { Button, FileInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { fileToUpload } from '../../lib/files';
import { useSessionStore } from '../../stores/session-store';

/**
 * A new PC, or data that cannot be unlocked: a backup copied from a USB key (the .sqlite file and its .cle key file)
 * and the recovery key printed at set-up. Nothing is replaced unless the backup opens with that key.
 */
export function RestoreFromFileForm() {
  const [files, setFiles] = useState<File[]>([]);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const restore = async () => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const uploads = await Promise.all(files.map(fileToUpload));
      useSessionStore.getState().setStatus(await api('system.restoreFromFile', { files: uploads, cle: key }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'La restauration a échoué.');
      if (err instanceof ApiError) setFieldErrors(err.fields ?? {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        Sur la clé USB, chaque sauvegarde est un fichier <strong>.sqlite</strong> accompagné de son fichier de clé <strong>.cle</strong> (même nom).
        Sélectionnez les deux, puis saisissez la clé de secours imprimée lors de la mise en service.
      </Text>
      <FileInput
        label="Sauvegarde et fichier de clé"
        placeholder="Choisir les fichiers…"
        multiple
        accept=".sqlite,.cle"
        value={files}
        onChange={setFiles}
        error={fieldErrors.fichiers}
        clearable
      />
      <TextInput
        label="Clé de secours"
        description="6 groupes de 5 caractères, tirets facultatifs"
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
        error={fieldErrors.cle}
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
      />
      <FormAlert message={error} />
      <Button onClick={() => void restore()} loading={busy} disabled={files.length === 0}>
        Restaurer cette sauvegarde
      </Button>
    </Stack>
  );
}
