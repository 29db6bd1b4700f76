import { Alert, Button, FileInput, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { VerificationView } from '../../../src-shared/views-observatoire';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { fileToUpload } from '../../lib/files';
import { formatDateTime, formatSiret } from '../../lib/format';

/** Checks a report file as the federation does: signature, key, format version, and the hash of every document. */
export function VerifierPage() {
  const [file, setFile] = useState<File | null>(null);
  const [thumbprint, setThumbprint] = useState('');
  const [result, setResult] = useState<VerificationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api('rapports.verify', { file: await fileToUpload(file), thumbprint: thumbprint.trim() || null }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Vérification impossible.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Vérifier un rapport" description="Contrôlez qu’un rapport annuel est bien celui signé par la structure, et qu’il n’a pas été modifié depuis." />
      <Paper withBorder p="md" mb="md" maw={720}>
        <Stack>
          <FileInput label="Rapport (.zip)" placeholder="Choisir le fichier rapport-….zip" accept=".zip,application/zip" value={file} onChange={(f) => { setFile(f); setResult(null); }} clearable />
          <TextInput
            label="Empreinte de clé enregistrée (facultatif)"
            description="Celle de la fiche d’enregistrement : le rapport doit avoir été signé avec cette clé. Laissée vide, le registre des membres (s’il est tenu) est consulté."
            value={thumbprint}
            onChange={(e) => setThumbprint(e.currentTarget.value)}
          />
          <div>
            <Button leftSection={<IconShieldCheck size={18} />} onClick={() => void verify()} disabled={!file} loading={busy}>
              Vérifier
            </Button>
          </div>
        </Stack>
      </Paper>
      <FormAlert message={error} />
      {result &&
        (result.valide ? (
          <Alert color={result.cleVerifiee ? 'teal' : 'orange'} title={result.cleVerifiee ? 'Rapport valide, signé par la clé enregistrée' : 'Intègre, mais clé non vérifiée'} maw={720}>
            {!result.cleVerifiee && (
              <Text size="sm" fw={600} mb={4}>
                Le rapport n’a pas été modifié depuis sa signature, mais rien ne dit encore qui l’a signé : comparez l’empreinte {result.kid} à celle de la
                fiche d’enregistrement de la structure, ou saisissez-la ci-dessus.
              </Text>
            )}
            <Text size="sm">
              {result.structure!.nom} — SIRET {formatSiret(result.structure!.siret)} — département {result.structure!.departement}
            </Text>
            <Text size="sm">
              Année {result.annee}, produit le {formatDateTime(result.genereLe!)}, signé avec la clé {result.kid}.
            </Text>
            <Text size="sm">La signature, la version du format et l’empreinte de chaque document sont correctes.</Text>
            {result.registre && (
              <Text size="sm" fw={600} mt={4}>
                {result.registre}
              </Text>
            )}
          </Alert>
        ) : (
          <Alert color="red" title="Rapport refusé" maw={720}>
            <List size="sm">
              {result.echecs.map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
          </Alert>
        ))}
    </>
  );
}
