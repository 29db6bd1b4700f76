import { Alert, Badge, Button, Checkbox, Group, List, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CRITERE_KEYS, CRITERES, CRITERES_SENSIBLES, type Critere } from '../../../../src-shared/domain/criteres';
import { NIVEAUX_IMPLIQUANT_CAP_BEP } from '../../../../src-shared/domain/asp-codes';
import { isIsoDate, toIsoDate } from '../../../../src-shared/rules/dates';
import { CRITERES_A_ECHEANCE, evaluateEligibility, isDiploma, type AuteurDiagnostic, type StatutJustificatif } from '../../../../src-shared/rules/eligibility';
import { SIAE_KINDS, type SiaeKind } from '../../../../src-shared/siae';
import { VALIDITE_JUSTIFICATIFS_2021, valueOnDate } from '../../../../src-shared/domain/parametres';
import { api } from '../../../api';
import { DateField } from '../../../components/fields/DateField';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../lib/format';
import type { TabProps } from '../PersonneFilePage';
import { saveFile } from './save-file';
import { askToConfirm } from '../../../stores/confirm-store';
import type { DiagnosticView } from '../../../../src-shared/views-accueil';

const STATUT: Record<StatutJustificatif, { label: string; color: string }> = {
  valide: { label: 'Justificatif valable', color: 'teal' },
  perime: { label: 'Plus valable à l’embauche', color: 'orange' },
  manquant: { label: 'Justificatif à compléter', color: 'orange' },
  posterieur: { label: 'Daté après l’embauche', color: 'orange' },
};

/** A new eligibility diagnostic, or the correction of one (`correcting`): the same form and the same checks. */
function NewDiagnostic({ file, onChange, correcting = null, onDone }: TabProps & { correcting?: DiagnosticView | null; onDone?: () => void }) {
  const defaultDispositif = file.accueils?.[0]?.dispositif ?? 'ACI';
  const [date, setDate] = useState(correcting?.date ?? toIsoDate(new Date()));
  const [auteur, setAuteur] = useState<AuteurDiagnostic>(correcting?.auteur ?? 'structure');
  const [prescripteur, setPrescripteur] = useState(correcting?.prescripteur ?? '');
  const [dispositif, setDispositif] = useState<SiaeKind>(correcting?.dispositif ?? defaultDispositif);
  const [checked, setChecked] = useState<Partial<Record<Critere, string>>>(() =>
    correcting
      ? Object.fromEntries(correcting.criteres.map((c) => [c.critere, c.dateJustificatif ?? '']))
      : file.personne.niveauFormation && NIVEAUX_IMPLIQUANT_CAP_BEP.includes(file.personne.niveauFormation)
        ? { CAP_BEP: '' }
        : {},
  );
  // TH and REF_DA: the end of validity of the decision or title; CAP_BEP: a diploma rather than an attestation.
  const [finValidite, setFinValidite] = useState<Partial<Record<Critere, string>>>(() =>
    Object.fromEntries((correcting?.criteres ?? []).filter((c) => c.dateFinValidite).map((c) => [c.critere, c.dateFinValidite!])),
  );
  const [diplome, setDiplome] = useState(() => isDiploma(correcting?.criteres.find((c) => c.critere === 'CAP_BEP')?.typeJustificatif));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const whole = (v: string | undefined | null) => (v && isIsoDate(v) ? v : null);
  const criteres = (Object.keys(checked) as Critere[]).map((critere) => ({
    critere,
    dateJustificatif: checked[critere] || null,
    typeJustificatif: critere === 'CAP_BEP' && diplome ? 'Diplôme' : '',
    dateFinValidite: CRITERES_A_ECHEANCE.includes(critere) ? finValidite[critere] || null : null,
  }));
  // The preview never computes with a date still being typed: until it is whole, today and no proof date.
  const result = evaluateEligibility({
    dispositif,
    auteur,
    dateDiagnostic: isIsoDate(date) ? date : toIsoDate(new Date()),
    dateEmbauche: correcting?.dateEmbauche ?? null,
    // The validity months in force on the hire (a dated parameter); the arrêté of 2021's for what the file leaves out.
    validitesAt: (day) => ({ ...VALIDITE_JUSTIFICATIFS_2021, ...(file.validitesJustificatifs ? valueOnDate(file.validitesJustificatifs, day) : {}) }),
    criteres: criteres.map((c) => ({ ...c, dateJustificatif: whole(c.dateJustificatif), dateFinValidite: whole(c.dateFinValidite) })),
  });
  const visible = CRITERE_KEYS.filter((k) => file.droits.sensibles || !CRITERES_SENSIBLES.includes(k));

  const save = async () => {
    setSaving(true);
    setError(
      await saveFile(
        () => api('eligibilite.save', { id: correcting?.id ?? null, personneId: file.personne.id, date, auteur, prescripteur, dispositif, criteres }),
        onChange,
        'Diagnostic d’éligibilité enregistré.',
      ),
    );
    setSaving(false);
  };

  return (
    <Paper withBorder p="lg">
      <Title order={3} size="h4" mb="md">
        {correcting ? `Corriger le diagnostic du ${formatDate(correcting.date)}` : 'Nouveau diagnostic d’éligibilité'}
      </Title>
      <Stack>
        <FormAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Date du diagnostic" value={date} onChange={setDate} />
          <Select label="Dispositif visé" data={SIAE_KINDS.map((k) => ({ value: k, label: k }))} value={dispositif} onChange={(v) => v && setDispositif(v as SiaeKind)} allowDeselect={false} />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Fait par
            </Text>
            <SegmentedControl
              value={auteur}
              onChange={(v) => setAuteur(v as AuteurDiagnostic)}
              data={[
                { value: 'structure', label: 'La structure' },
                { value: 'prescripteur', label: 'Un prescripteur habilité' },
              ]}
            />
          </div>
        </SimpleGrid>
        {auteur === 'prescripteur' && <TextInput label="Prescripteur habilité" placeholder="Par exemple : France Travail Privas" value={prescripteur} onChange={(e) => setPrescripteur(e.currentTarget.value)} />}
        <Table aria-label="Critères administratifs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Critère</Table.Th>
              <Table.Th w={90}>Niveau</Table.Th>
              <Table.Th w={180}>Date du justificatif</Table.Th>
              <Table.Th w={200}>Justificatif</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((k) => {
              const on = k in checked;
              const evaluated = result.criteres.find((c) => c.critere === k);
              return (
                <Table.Tr key={k}>
                  <Table.Td>
                    <Checkbox
                      label={CRITERES[k].label}
                      checked={on}
                      onChange={(e) => {
                        const next = { ...checked };
                        if (e.currentTarget.checked) next[k] = '';
                        else delete next[k];
                        setChecked(next);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>{CRITERES[k].niveau}</Table.Td>
                  <Table.Td>
                    {on && (
                      <Stack gap={4}>
                        <DateField aria-label={`Date du justificatif : ${CRITERES[k].label}`} value={checked[k] ?? ''} onChange={(v) => setChecked({ ...checked, [k]: v })} size="xs" />
                        {CRITERES_A_ECHEANCE.includes(k) && (
                          <DateField
                            label="Valable jusqu’au"
                            aria-label={`Fin de validité : ${CRITERES[k].label}`}
                            value={finValidite[k] ?? ''}
                            onChange={(v) => setFinValidite({ ...finValidite, [k]: v })}
                            size="xs"
                          />
                        )}
                        {k === 'CAP_BEP' && <Checkbox size="xs" label="Diplôme (sans limite de durée)" checked={diplome} onChange={(e) => setDiplome(e.currentTarget.checked)} />}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {on && evaluated && (
                      <Badge color={STATUT[evaluated.statut].color} variant="light" tt="none" title={CRITERES[k].justificatif}>
                        {STATUT[evaluated.statut].label}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Alert color={result.eligible ? 'teal' : 'orange'} title={result.eligible ? 'Éligible à l’IAE' : 'Pas encore éligible en l’état'} role="status">
          {auteur === 'structure' ? (
            <Text size="sm">
              Critères déclarés : {result.niveau1} de niveau 1, {result.niveau2} de niveau 2 (il faut 1 critère de niveau 1 ou {result.niveau2Requis} de niveau 2 en {dispositif}).
            </Text>
          ) : (
            <Text size="sm">Un prescripteur habilité n’a pas de nombre minimal de critères à réunir.</Text>
          )}
          {result.problemes.length > 0 && (
            <List size="sm" mt="xs">
              {result.problemes.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          )}
        </Alert>
        {result.avertissements.length > 0 && (
          <Alert color="yellow" title="Justificatifs à compléter avant un contrôle">
            <Text size="sm">Ils n’empêchent pas l’embauche : le contrôle a posteriori les vérifiera{correcting?.dateEmbauche ? `, à la date de l’embauche (${formatDate(correcting.dateEmbauche)})` : ', à la date de l’embauche'}.</Text>
            <List size="sm" mt="xs">
              {result.avertissements.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={!date}>
            {correcting ? 'Enregistrer la correction' : 'Enregistrer le diagnostic'}
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Annuler
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function EligibiliteTab({ file, onChange }: TabProps) {
  const diagnostics = file.diagnostics ?? [];
  const [correcting, setCorrecting] = useState<DiagnosticView | null>(null);
  const canWrite = file.droits.diagnosticWrite;
  const remove = async (d: DiagnosticView) => {
    const yes = await askToConfirm({ title: 'Supprimer ce diagnostic ?', points: [`Le diagnostic d’éligibilité du ${formatDate(d.date)} (${d.dispositif}) et ses critères seront supprimés. La suppression est inscrite au journal d’audit.`], confirmLabel: 'Supprimer le diagnostic', color: 'red' });
    if (yes) await saveFile(() => api('eligibilite.delete', { id: d.id }), onChange, 'Diagnostic supprimé.');
  };
  return (
    <Stack gap="lg" maw={980}>
      {diagnostics.map((d, i) => (
        <Paper withBorder p="lg" key={d.id}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              {i === 0 ? 'Dernier diagnostic' : 'Diagnostic précédent'} du {formatDate(d.date)} — {d.dispositif}
            </Title>
            <Group gap="xs">
              <Badge color={d.eligible ? 'teal' : 'orange'} size="lg" tt="none">
                {d.eligible ? 'Éligible' : 'Non éligible en l’état'}
              </Badge>
              {canWrite && (
                <Button size="compact-sm" variant="subtle" onClick={() => setCorrecting(d)} aria-label={`Corriger le diagnostic du ${formatDate(d.date)}`}>
                  Corriger
                </Button>
              )}
              {canWrite && (
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => void remove(d)} aria-label={`Supprimer le diagnostic du ${formatDate(d.date)}`}>
                  Supprimer
                </Button>
              )}
            </Group>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {d.auteur === 'structure' ? 'Fait par la structure' : `Fait par ${d.prescripteur} (prescripteur habilité)`} ; valable jusqu’au {formatDate(d.valableJusquau)}
            {d.valableJusquau < toIsoDate(new Date()) ? ' (échu, sauf PASS IAE en cours)' : ''}.
          </Text>
          <List size="sm">
            {d.criteres.map((c) => (
              <List.Item key={c.critere}>
                {CRITERES[c.critere].label} — {c.typeJustificatif}
                {c.dateJustificatif ? ` du ${formatDate(c.dateJustificatif)}` : ''}
                {c.dateFinValidite ? `, valable jusqu’au ${formatDate(c.dateFinValidite)}` : ''}{' '}
                <Badge color={STATUT[c.statut].color} variant="light" tt="none" size="sm">
                  {STATUT[c.statut].label}
                </Badge>
              </List.Item>
            ))}
          </List>
          {d.problemes.length > 0 && (
            <Alert color="orange" mt="sm">
              {d.problemes.join(' ')}
            </Alert>
          )}
          {d.avertissements.length > 0 && (
            <Alert color="yellow" mt="sm" title="Justificatifs à compléter avant un contrôle">
              {d.dateEmbauche ? `Mesurés à la date de l’embauche (${formatDate(d.dateEmbauche)}). ` : ''}
              {d.avertissements.join(' ')}
            </Alert>
          )}
        </Paper>
      ))}
      {canWrite && correcting && (
        <NewDiagnostic
          key={correcting.id}
          file={file}
          correcting={correcting}
          onDone={() => setCorrecting(null)}
          onChange={(next) => {
            onChange(next);
            setCorrecting(null);
          }}
        />
      )}
      {canWrite && !correcting ? <NewDiagnostic file={file} onChange={onChange} /> : !canWrite && diagnostics.length === 0 && <Text c="dimmed">Pas encore de diagnostic d’éligibilité.</Text>}
    </Stack>
  );
}
