import { Badge, Button, Code, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconKey, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { SigningKeyInfo } from '../../../src-shared/views-observatoire';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { ModalActions } from '../../components/ModalActions';
import { PageHeader } from '../../components/PageHeader';
import { printPdf } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';

/** The structure's signing key: its thumbprint, the registration sheet for the federation, and key rotation. */
export function ClePage() {
  const { data, error, reload } = useRouteData('cles.list');
  const [list, setList] = useState<SigningKeyInfo[] | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const keys = list ?? data ?? [];
  const current = keys.find((k) => k.retiredAt === null) ?? null;

  const run = async (route: 'cles.create' | 'cles.rotate') => {
    setBusy(true);
    try {
      setList(await api(route));
      setConfirm(false);
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : 'Action impossible.');
    } finally {
      setBusy(false);
      reload();
    }
  };

  return (
    <>
      <PageHeader title="Clé de signature" description="La clé avec laquelle la structure signe ses rapports annuels ; la fédération enregistre son empreinte pour votre SIRET." />
      <FormAlert message={actionError ?? error} />
      <Paper withBorder p="md" mb="md">
        {current ? (
          <Stack>
            <Text size="sm" c="dimmed">
              Empreinte de la clé en service (à comparer avec celle enregistrée par la fédération)
            </Text>
            <Code block fz="lg" aria-label="Empreinte de la clé">
              {current.kid.match(/.{1,4}/g)!.join(' ')}
            </Code>
            <Text size="sm">
              Créée le {formatDateTime(current.createdAt)}
              {current.createdByName ? ` par ${current.createdByName}` : ''}.
            </Text>
            <Group>
              <Button leftSection={<IconPrinter size={18} />} onClick={() => void printPdf(() => api('cles.fiche'), setActionError)}>
                Imprimer la fiche d’enregistrement
              </Button>
              <Button leftSection={<IconRefresh size={18} />} variant="default" onClick={() => setConfirm(true)}>
                Changer de clé
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <Text>La structure n’a pas encore de clé de signature. Elle sera aussi créée automatiquement à la signature du premier rapport.</Text>
            <Group>
              <Button leftSection={<IconKey size={18} />} onClick={() => void run('cles.create')} loading={busy}>
                Créer la clé
              </Button>
            </Group>
          </Stack>
        )}
      </Paper>
      {keys.length > 1 && (
        <>
          <Title order={4} mb="xs">
            Clés précédentes
          </Title>
          <Paper withBorder>
            <Table aria-label="Clés">
              <Table.Tbody>
                {keys
                  .filter((k) => k.retiredAt)
                  .map((k) => (
                    <Table.Tr key={k.kid}>
                      <Table.Td>
                        <Text ff="monospace" size="sm">
                          {k.kid}
                        </Text>
                      </Table.Td>
                      <Table.Td>Créée le {formatDateTime(k.createdAt)}</Table.Td>
                      <Table.Td>
                        <Badge color="gray" variant="light">
                          Retirée le {formatDateTime(k.retiredAt!)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Changer de clé de signature ?">
        <Text size="sm">
          Une nouvelle clé signera les prochains rapports. L’ancienne est conservée : les rapports déjà envoyés restent vérifiables. Imprimez ensuite la fiche de la
          nouvelle clé et envoyez-la à la fédération, sans quoi elle refusera vos prochains rapports.
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run('cles.rotate');
          }}
        >
          <Stack mt="md">
            <ModalActions onCancel={() => setConfirm(false)} submitLabel="Créer une nouvelle clé" loading={busy} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
