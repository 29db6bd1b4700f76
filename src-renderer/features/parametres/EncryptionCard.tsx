import { Alert, Badge, Button, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { useSessionStore } from '../../stores/session-store';
import { useSecurityStatusStore } from '../../stores/security-status-store';
import { RecoverySheetModal } from '../system/RecoverySheetModal';

const PROTECTION: Record<string, string> = {
  safeStorage: 'par le compte Windows de ce poste',
  'fichier-developpement': 'par un fichier de développement (à ne pas utiliser en production)',
};

/** Encryption at rest: how the data key is kept, the recovery sheet, and a new recovery key when one was lost. */
export function EncryptionCard() {
  const { data, error } = useRouteData('securite.status', useSecurityStatusStore((s) => s.version));
  const isAdmin = useSessionStore((s) => s.session?.user.isAdmin ?? false);
  const [sheetOpen, setSheetOpen] = useState<'print' | 'confirm' | null>(null);
  const [replaceOpen, setReplaceOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [replaceError, setReplaceError] = useState<string | null>(null);

  const replace = async () => {
    setBusy(true);
    setReplaceError(null);
    try {
      await api('securite.replaceRecoveryKey', { motDePasse: password });
      setReplaceOpen(false);
      setPassword('');
      useSecurityStatusStore.getState().changed();
      notifications.show({ color: 'teal', message: 'Nouvelle clé de secours créée : imprimez-la maintenant.' });
      setSheetOpen('print');
    } catch (err) {
      setReplaceError(err instanceof ApiError ? err.message : 'Opération impossible.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={2} size="h4" mb="xs">
        Chiffrement des données
      </Title>
      <FormAlert message={error} />
      {data && (
        <Stack gap="xs">
          <Text size="sm">
            La base et chaque sauvegarde sont chiffrées ({data.chiffrement.toUpperCase()}, clé {data.identifiantCle}).{' '}
            {data.protection ? `La clé est gardée ${PROTECTION[data.protection]}.` : 'Aucune clé n’est gardée sur ce poste : la clé de secours est demandée à chaque démarrage.'}
          </Text>
          {data.avertissement && (
            <Alert color="orange" variant="light">
              {data.avertissement}
            </Alert>
          )}
          <Group gap="xs">
            <Text size="sm">Feuille de clé de secours :</Text>
            {data.feuilleConfirmeeLe ? (
              <Badge color="teal" variant="light" tt="none">
                imprimée et vérifiée le {formatDateTime(data.feuilleConfirmeeLe)}
              </Badge>
            ) : (
              <Badge color="orange" variant="light" tt="none">
                à imprimer
              </Badge>
            )}
          </Group>
          {isAdmin && (
            <Group>
              {data.feuilleDUnDemarragePrecedent && (
                <Button variant="outline" onClick={() => setSheetOpen('confirm')}>
                  J’ai déjà imprimé la feuille
                </Button>
              )}
              {data.feuilleAImprimer && (
                <Button onClick={() => setSheetOpen('print')}>{data.feuilleDUnDemarragePrecedent ? 'Imprimer une nouvelle feuille' : 'Imprimer la feuille de clé de secours'}</Button>
              )}
              <Button variant="default" onClick={() => setReplaceOpen(true)}>
                Générer une nouvelle clé de secours…
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <RecoverySheetModal
        opened={sheetOpen !== null}
        confirmOnly={sheetOpen === 'confirm'}
        onClose={() => setSheetOpen(null)}
        onConfirmed={() => setSheetOpen(null)}
      />
      <Modal opened={replaceOpen} onClose={() => setReplaceOpen(false)} title="Nouvelle clé de secours">
        <Stack>
          <Text size="sm">
            À faire si la feuille est perdue ou a pu être vue. L’ancienne clé n’ouvrira plus ce poste ni ses sauvegardes ; les copies déjà faites sur
            clé USB gardent l’ancienne : refaites une copie après.
          </Text>
          <PasswordInput label="Votre mot de passe" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
          <FormAlert message={replaceError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReplaceOpen(false)}>
              Annuler
            </Button>
            <Button color="orange" loading={busy} onClick={() => void replace()}>
              Générer
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
