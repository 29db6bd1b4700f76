import { Alert, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { addMonths, format, parseISO } from 'date-fns';
import { useEffect, useState } from 'react';
import { labelOrWithheld } from '../../../src-shared/domain/need-to-know';
import { CONTRAT_TYPES, MOTIFS_SORTIE } from '../../../src-shared/domain/insertion';
import { formatMonth } from '../../../src-shared/format/french-date';
import type { EtatMensuelView } from '../../../src-shared/views-insertion';
import { api, ApiError } from '../../api';
import { MonthField } from '../../components/fields/MonthField';
import { NumberField } from '../../components/fields/NumberField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { downloadBlob } from '../../lib/download';
import { formatDate, formatNumber } from '../../lib/format';
import { can } from '../../lib/permissions';
import { askToConfirm } from '../../stores/confirm-store';
import { useSessionStore } from '../../stores/session-store';

/**
 * The ASP's monthly statement (issue 15 §3), as the Extranet IAE 2.0 asks for it: by dispositif and annexe
 * financière, one line per contract of the month with 0 hours too, ACI paid hours typed beside the hours worked;
 * printed or exported to type it in, then validated, which closes the month.
 */
export function EtatMensuelPage() {
  const user = useSessionStore((s) => s.session!.user);
  const [mois, setMois] = useState(format(addMonths(new Date(), -1), 'yyyy-MM'));
  const [view, setView] = useState<EtatMensuelView | null>(null);
  const [payees, setPayees] = useState<Record<string, number | null>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (v: EtatMensuelView) => {
    setView(v);
    setPayees(Object.fromEntries(v.groupes.flatMap((g) => g.lignes.filter((l) => l.dispositif === 'ACI').map((l) => [l.contratId, l.heuresPayees]))));
    setErrors({});
  };

  useEffect(() => {
    let current = true;
    api('etatMensuel.get', { mois }).then(
      (v) => {
        if (!current) return;
        setMessage(null);
        show(v);
      },
      (err: unknown) => current && setMessage(err instanceof ApiError ? err.message : 'Chargement impossible.'),
    );
    return () => {
      current = false;
    };
  }, [mois]);

  const aciLines = view?.groupes.flatMap((g) => g.lignes.filter((l) => l.dispositif === 'ACI')) ?? [];
  const changed = aciLines.filter((l) => (payees[l.contratId] ?? null) !== l.heuresPayees);

  const savePaid = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const lignes = changed.map((l) => ({ contratId: l.contratId, heures: payees[l.contratId] ?? null }));
      show(await api('etatMensuel.savePayees', { mois, lignes }));
      notifications.show({ message: 'Heures payées enregistrées.' });
    } catch (err) {
      if (err instanceof ApiError) {
        setMessage(err.message);
        // lignes.N → the contract of the N-th changed line.
        setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, m]) => [changed[Number(k.split('.')[1])]?.contratId ?? k, m])));
      } else setMessage('Enregistrement impossible.');
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    try {
      const csv = await api('heures.exportMonth', { mois });
      downloadBlob(csv.fileName, new Blob([csv.content], { type: 'text/csv;charset=utf-8' }));
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : 'Export impossible.');
    }
  };

  const validate = async () => {
    const ok = await askToConfirm({
      title: `Valider ${formatMonth(mois)} ?`,
      points: ['À faire une fois l’état saisi dans l’Extranet IAE 2.0.', 'Le mois est clôturé : ses heures, travaillées et payées, ne pourront plus être modifiées.'],
      confirmLabel: 'Valider le mois',
    });
    if (!ok) return;
    try {
      await api('heures.closeMonth', { mois });
      show(await api('etatMensuel.get', { mois }));
      notifications.show({ color: 'teal', message: 'Mois validé.' });
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : 'Validation impossible.');
    }
  };

  const shift = (months: number) => setMois(format(addMonths(parseISO(`${mois}-01`), months), 'yyyy-MM'));

  return (
    <>
      <div className="no-print">
        <PageHeader title="État mensuel (ASP)" description="L’état mensuel individualisé à saisir dans l’Extranet IAE 2.0 : chaque contrat du mois, même sans heures, par annexe financière." />
        <Group mb="md" align="flex-end">
          <Button variant="default" onClick={() => shift(-1)} aria-label="Mois précédent">
            ‹
          </Button>
          <MonthField label="Mois" value={mois} onChange={(m) => m && setMois(m)} w={160} />
          <Button variant="default" onClick={() => shift(1)} aria-label="Mois suivant">
            ›
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
            Imprimer
          </Button>
          <Button variant="default" onClick={() => void exportCsv()}>
            Exporter (CSV)
          </Button>
          {view && !view.valide && can(user, 'heures.close') && <Button onClick={() => void validate()}>Valider le mois (saisi dans l’Extranet)</Button>}
        </Group>
      </div>
      <FormAlert message={message} />
      {view && (
        <>
          <Group mb="sm" justify="space-between">
            <Title order={2} size="h3">
              État mensuel — {formatMonth(view.mois)}
            </Title>
            {view.valide ? <Badge color="teal">Validé</Badge> : <Badge color="gray">À saisir dans l’Extranet</Badge>}
          </Group>
          {view.groupes.length === 0 && <Alert color="blue">Aucun contrat ne court pendant ce mois.</Alert>}
          {view.groupes.map((g) => (
            <Paper withBorder p="sm" mb="md" key={`${g.dispositif}-${g.annexeFinanciere}`}>
              <Text fw={600} mb="xs">
                {g.dispositif} — annexe financière {g.annexeFinanciere || 'non renseignée'}
              </Text>
              <Table aria-label={`État mensuel ${g.dispositif} ${g.annexeFinanciere}`} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>PASS IAE</Table.Th>
                    <Table.Th>Salarié·e</Table.Th>
                    <Table.Th>Contrat</Table.Th>
                    <Table.Th ta="right">Heures travaillées</Table.Th>
                    {g.dispositif === 'ACI' && <Table.Th ta="right">Heures payées</Table.Th>}
                    <Table.Th>Toujours accompagné·e</Table.Th>
                    <Table.Th>Fin réelle / sortie</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.lignes.map((l) => (
                    <Table.Tr key={l.contratId}>
                      <Table.Td>{l.numeroPass ?? '—'}</Table.Td>
                      <Table.Td>
                        {l.nom.toUpperCase()} {l.prenom}
                        <Text size="xs" c="dimmed">
                          né·e le {formatDate(l.dateNaissance)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {CONTRAT_TYPES[l.typeContrat]}
                        <Text size="xs" c="dimmed">
                          du {formatDate(l.debutContrat)}
                          {l.finPrevue ? ` au ${formatDate(l.finPrevue)}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(l.heuresTravaillees, 2)}</Table.Td>
                      {g.dispositif === 'ACI' && (
                        <Table.Td ta="right" w={150}>
                          {view.valide ? (
                            (l.heuresPayees === null ? '—' : formatNumber(l.heuresPayees, 2))
                          ) : (
                            <NumberField
                              aria-label={`Heures payées de ${l.prenom} ${l.nom}`}
                              value={payees[l.contratId] ?? null}
                              onChange={(v) => setPayees({ ...payees, [l.contratId]: v })}
                              min={0}
                              size="xs"
                              error={errors[l.contratId]}
                            />
                          )}
                        </Table.Td>
                      )}
                      <Table.Td>{l.toujoursAccompagne ? 'oui' : 'non'}</Table.Td>
                      <Table.Td>
                        {l.finReelleDansLeMois ? `Fin le ${formatDate(l.finReelleDansLeMois)}` : ''}
                        {l.dateSortie && (
                          <Text size="xs">
                            Sortie le {formatDate(l.dateSortie)} : {l.motifSortie ? labelOrWithheld(MOTIFS_SORTIE, l.motifSortie) : ''}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ))}
          {!view.valide && aciLines.length > 0 && (
            <Group className="no-print" justify="flex-end">
              <Button onClick={() => void savePaid()} loading={busy} disabled={changed.length === 0}>
                Enregistrer les heures payées
              </Button>
            </Group>
          )}
        </>
      )}
    </>
  );
}
