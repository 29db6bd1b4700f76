import { Anchor, Badge, Loader, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { DrillDown } from '../../../src-shared/views-observatoire';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';

/** The persons behind one count of the observatoire; each links to the person's file. */
export function DrillDownModal({ annee, id, onClose }: { annee: number; id: string | null; onClose: () => void }) {
  // Results are kept with the id they answer, so a new id shows the loader instead of the previous list.
  const [result, setResult] = useState<{ id: string; data: DrillDown | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!id) return;
    let current = true;
    api('observatoire.detail', { annee, id }).then(
      (d) => current && setResult({ id, data: d, error: null }),
      (err: unknown) => current && setResult({ id, data: null, error: err instanceof ApiError ? err.message : 'Chargement impossible.' }),
    );
    return () => {
      current = false;
    };
  }, [annee, id]);
  const data = result?.id === id ? result.data : null;
  const error = result?.id === id ? result.error : null;
  return (
    <Modal opened={id !== null} onClose={onClose} size="xl" title={data ? `${data.libelle} — ${annee}` : 'Personnes concernées'}>
      <FormAlert message={error} />
      {!data && !error && <Loader size="sm" />}
      {data && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {data.personnes.length} ligne{data.personnes.length > 1 ? 's' : ''}. Cette liste est nominative : elle reste dans la structure.
          </Text>
          <Table.ScrollContainer minWidth={500} mah={480}>
            <Table striped aria-label="Personnes concernées">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Personne</Table.Th>
                  <Table.Th>Dispositif</Table.Th>
                  <Table.Th>Précision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.personnes.map((p, i) => (
                  <Table.Tr key={`${p.personneId}-${i}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/personnes/${p.personneId}`} onClick={onClose}>
                        {p.nom.toUpperCase()} {p.prenom}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.dispositif && <Badge variant="light">{p.dispositif}</Badge>}</Table.Td>
                    <Table.Td>{p.precision}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Modal>
  );
}
