import { Alert, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { MESURES_ASP, MESURES_ASP_CODES, numeroAnnexeWarning, type MesureAsp } from '../../../src-shared/domain/annexes-financieres';
import type { AnnexeVersionView, AnnexeView } from '../../../src-shared/views-observatoire';
import { api, ApiError } from '../../api';
import { DateField } from '../../components/fields/DateField';
import { NumberField } from '../../components/fields/NumberField';
import { FormAlert } from '../../components/FormAlert';
import { LabelledValue } from '../../components/LabelledValue';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber, formatShortDate } from '../../lib/format';
import { useRouteData } from '../../lib/useRoute';
import { askToConfirm, withConfirmation } from '../../stores/confirm-store';
import { useSessionStore } from '../../stores/session-store';
import { can } from '../../lib/permissions';

/** A version as the form holds it: a new one has no id yet, and a counter may be cleared while typing. */
type VersionForm = Omit<AnnexeVersionView, 'id' | 'numeroComplet' | 'avenant' | 'modification'> & { id: string | null; avenant: number | null; modification: number | null };

interface EditState {
  title: string;
  annexeId: string | null;
  numero: string;
  mesure: MesureAsp | null;
  version: VersionForm;
}

const euros = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 2)} €`);
const etp = (v: number | null) => (v === null ? '—' : formatNumber(v, 2));

function emptyVersion(year: number): VersionForm {
  return { id: null, avenant: 0, modification: 0, dateDebut: `${year}-01-01`, dateFin: `${year}-12-31`, etpConventionnes: null, hRef: null, aideSocle: null, aideModulee: null };
}

function versionForm({ numeroComplet: _printed, ...v }: AnnexeVersionView): VersionForm {
  return v;
}

/**
 * Paramètres → Annexes financières (issue 15 §1): each annexe with its versions (initial and avenants), the ETP
 * conventionnés, the H_ref and the aid amounts it states, and what was realised under it so far.
 */
export function AnnexesPage() {
  const user = useSessionStore((s) => s.session?.user ?? null);
  const mayEdit = user !== null && can(user, 'parametres.manage');
  const structure = useRouteData('structure.get');
  const kinds = structure.data?.dispositifs ?? [];
  const { data, error } = useRouteData('annexes.list');
  const [rows, setRows] = useState<AnnexeView[] | null>(null);
  const [edit, setEdit] = useState<EditState | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const shown = rows ?? data ?? [];
  const mesures = MESURES_ASP_CODES.filter((m) => (kinds as string[]).includes(MESURES_ASP[m].kind));

  const open = (state: EditState) => {
    setEdit(state);
    setFormError(null);
    setFieldErrors({});
  };

  const save = async () => {
    if (!edit) return;
    setBusy(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const v = edit.version;
      const input = {
        annexeId: edit.annexeId,
        numero: edit.numero,
        mesure: (edit.mesure ?? mesures[0]) as MesureAsp,
        version: { ...v, avenant: v.avenant ?? Number.NaN, modification: v.modification ?? Number.NaN },
      };
      const saved = await withConfirmation((confirme) => api('annexes.save', { ...input, confirme }), 'Une année déjà signée');
      if (saved) {
        setRows(saved);
        setEdit(null);
      }
    } catch (err) {
      if (err instanceof ApiError) {
        setFieldErrors(Object.fromEntries(Object.entries(err.fields).map(([k, m]) => [k.replace(/^version\./, ''), m])));
        setFormError(err.message);
      } else setFormError('Enregistrement impossible.');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (a: AnnexeView, v: AnnexeVersionView) => {
    const last = a.versions.length === 1;
    const ok = await askToConfirm({
      title: last ? 'Supprimer l’annexe ?' : 'Supprimer cette version ?',
      points: [
        `${v.avenant === 0 && v.modification === 0 ? 'Version initiale' : `Avenant ${v.avenant}`} du ${formatShortDate(v.dateDebut)} au ${formatShortDate(v.dateFin)}.`,
        last ? 'C’est sa seule version : l’annexe disparaît, et les ETP conventionnés de sa période avec elle.' : 'Les ETP conventionnés de sa période seront ceux des autres versions.',
      ],
      confirmLabel: 'Supprimer',
      color: 'red',
    });
    if (!ok) return;
    try {
      const saved = await withConfirmation((confirme) => api('annexes.deleteVersion', { id: v.id, confirme }), 'Une année déjà signée');
      if (saved) setRows(saved);
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : 'Suppression impossible.');
    }
  };

  const setVersion = (patch: Partial<VersionForm>) => edit && setEdit({ ...edit, version: { ...edit.version, ...patch } });
  const numeroWarning = edit?.mesure ? numeroAnnexeWarning(edit.numero, edit.mesure) : null;

  return (
    <>
      <PageHeader
        title="Annexes financières"
        description="Les annexes financières de chaque dispositif et leurs avenants : période, ETP conventionnés, heures de référence et montants de l’aide au poste. Les heures d’un contrat comptent pour l’annexe en vigueur à leur date."
      />
      <FormAlert message={error ?? (edit ? null : formError)} />
      {mayEdit && (
        <Group mb="md">
          <Button
            disabled={mesures.length === 0}
            onClick={() => open({ title: 'Nouvelle annexe financière', annexeId: null, numero: '', mesure: mesures[0] ?? null, version: emptyVersion(new Date().getFullYear()) })}
          >
            Nouvelle annexe financière
          </Button>
        </Group>
      )}
      {shown.length === 0 && (
        <Alert color="blue" mb="md">
          Aucune annexe financière saisie : le taux de réalisation restera vide dans les indicateurs et le rapport annuel.
        </Alert>
      )}
      <Stack>
        {shown.map((a) => (
          <Paper withBorder p="md" key={a.id} aria-label={`Annexe ${a.numero || a.kind}`}>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={3} size="h4">
                  {a.numero || 'Numéro non renseigné'} <Badge variant="light">{a.kind}</Badge>
                </Title>
                <Text size="sm" c="dimmed">
                  {MESURES_ASP[a.mesure]?.label ?? a.mesure} · du {formatShortDate(a.debut)} au {formatShortDate(a.fin)}
                </Text>
                {a.avertissement && (
                  <Text size="sm" c="orange.8">
                    {a.avertissement}
                  </Text>
                )}
              </div>
              <SimpleGrid cols={3} spacing="lg">
                <LabelledValue label="Heures réalisées" value={formatNumber(a.realise.heures, 2)} strong />
                <LabelledValue label="ETP réalisés / conventionnés" value={`${etp(a.realise.etpRealises)} / ${etp(a.realise.etpConventionnes)}`} strong />
                <LabelledValue label="Taux de réalisation" value={a.realise.tauxRealisation === null ? '—' : `${formatNumber(a.realise.tauxRealisation * 100, 1)} %`} strong />
              </SimpleGrid>
            </Group>
            <Table mt="sm" aria-label={`Versions de l’annexe ${a.numero || a.kind}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Effet</Table.Th>
                  <Table.Th ta="right">ETP conventionnés</Table.Th>
                  <Table.Th ta="right">H_ref</Table.Th>
                  <Table.Th ta="right">Aide socle</Table.Th>
                  <Table.Th ta="right">Part modulée</Table.Th>
                  {mayEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      {v.avenant === 0 && v.modification === 0 ? 'Initiale' : `Avenant ${v.avenant}${v.modification ? `, modification ${v.modification}` : ''}`}
                      {v.numeroComplet && (
                        <Text size="xs" c="dimmed">
                          {v.numeroComplet}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatShortDate(v.dateDebut)} – {formatShortDate(v.dateFin)}
                    </Table.Td>
                    <Table.Td ta="right">{etp(v.etpConventionnes)}</Table.Td>
                    <Table.Td ta="right">{v.hRef === null ? 'paramètre' : formatNumber(v.hRef, 2)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {euros(v.aideSocle)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {euros(v.aideModulee)}
                    </Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="compact-sm" variant="subtle" onClick={() => open({ title: 'Corriger la version', annexeId: a.id, numero: a.numero, mesure: a.mesure, version: versionForm(v) })}>
                            Corriger
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => void remove(a, v)}>
                            Supprimer
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {mayEdit && (
              <Button
                mt="xs"
                size="compact-sm"
                variant="light"
                onClick={() => {
                  const last = a.versions[a.versions.length - 1]!;
                  open({ title: 'Nouvel avenant', annexeId: a.id, numero: a.numero, mesure: a.mesure, version: { ...versionForm(last), id: null, avenant: Math.min(9, Math.max(...a.versions.map((v) => v.avenant)) + 1), modification: 0 } });
                }}
              >
                Ajouter un avenant
              </Button>
            )}
          </Paper>
        ))}
      </Stack>
      <Modal opened={edit !== null} onClose={() => setEdit(null)} title={edit?.title} size="lg">
        {edit && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <FormAlert message={formError} />
            <SimpleGrid cols={2}>
              <TextInput label="Numéro de l’annexe (sans A0M0)" value={edit.numero} onChange={(e) => setEdit({ ...edit, numero: e.currentTarget.value })} error={fieldErrors.numero} description={numeroWarning ?? 'Par exemple ACI075240013'} disabled={edit.annexeId !== null && edit.version.id === null} />
              <Select
                label="Mesure"
                data={mesures.map((m) => ({ value: m, label: `${m} — ${MESURES_ASP[m].label}` }))}
                value={edit.mesure}
                onChange={(v) => setEdit({ ...edit, mesure: v as MesureAsp })}
                allowDeselect={false}
                error={fieldErrors.mesure}
                disabled={edit.annexeId !== null}
              />
              <NumberField label="Avenant" value={edit.version.avenant} onChange={(v) => setVersion({ avenant: v })} min={0} max={9} integer error={fieldErrors.avenant} description="0 pour l’annexe initiale" />
              <NumberField label="Modification" value={edit.version.modification} onChange={(v) => setVersion({ modification: v })} min={0} max={9} integer error={fieldErrors.modification} />
              <DateField label="Début d’effet" value={edit.version.dateDebut} onChange={(v) => setVersion({ dateDebut: v })} error={fieldErrors.dateDebut} withAsterisk />
              <DateField label="Fin d’effet" value={edit.version.dateFin} onChange={(v) => setVersion({ dateFin: v })} error={fieldErrors.dateFin} withAsterisk />
              <NumberField label="ETP conventionnés" value={edit.version.etpConventionnes} onChange={(v) => setVersion({ etpConventionnes: v })} min={0} error={fieldErrors.etpConventionnes} />
              <NumberField label="Heures de référence d’un ETP (H_ref)" value={edit.version.hRef} onChange={(v) => setVersion({ hRef: v })} min={0} error={fieldErrors.hRef} description="Vide : le paramètre de l’année s’applique" />
              <NumberField label="Aide au poste socle (€)" value={edit.version.aideSocle} onChange={(v) => setVersion({ aideSocle: v })} min={0} error={fieldErrors.aideSocle} />
              <NumberField label="Part modulée (€)" value={edit.version.aideModulee} onChange={(v) => setVersion({ aideModulee: v })} min={0} error={fieldErrors.aideModulee} />
            </SimpleGrid>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => setEdit(null)}>
                Annuler
              </Button>
              <Button type="submit" loading={busy}>
                Enregistrer
              </Button>
            </Group>
          </form>
        )}
      </Modal>
    </>
  );
}
