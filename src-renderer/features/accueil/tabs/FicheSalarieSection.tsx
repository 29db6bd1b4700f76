import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { codeOptions, DUREES_ASP, MOTIFS_ABSENCE_NIR, NIVEAUX_FORMATION, RSA_SITUATIONS } from '../../../../src-shared/domain/asp-codes';
import { isWithheld, WITHHELD_LABEL } from '../../../../src-shared/domain/need-to-know';
import type { RouteInput } from '../../../../src-shared/contract';
import type { FicheSalarieView } from '../../../../src-shared/views-insertion';
import { api, ApiError } from '../../../api';
import { FormAlert } from '../../../components/FormAlert';
import { LabelledValue } from '../../../components/LabelledValue';

type FicheInput = RouteInput<'fiches.save'>;

/** The form's values: what the screen sends, health facts included only when the role may read them. */
function inputOf(f: FicheSalarieView): FicheInput {
  const health = (v: boolean | 'reserve') => (isWithheld(v) ? false : v);
  return {
    parcoursId: f.parcoursId,
    niveauFormation: f.niveauFormation,
    sansRessources: f.sansRessources,
    rqth: health(f.rqth),
    oeth: health(f.oeth),
    inscritFt: f.inscritFt,
    inscritFtDepuis: f.inscritFtDepuis,
    sansEmploiDepuis: f.sansEmploiDepuis,
    rsa: f.rsa,
    rsaDepuis: f.rsaDepuis,
    ass: f.ass,
    assDepuis: f.assDepuis,
    aah: health(f.aah),
    aahDepuis: isWithheld(f.aahDepuis) ? null : f.aahDepuis,
    qpv: f.qpv,
    zrr: f.zrr,
    communeNaissance: f.communeNaissance ?? '',
    paysNaissance: f.paysNaissance ?? '',
    motifAbsenceNir: f.motifAbsenceNir,
  };
}

const durees = codeOptions(DUREES_ASP);
const yesNo = (v: boolean | 'reserve') => (isWithheld(v) ? WITHHELD_LABEL : v ? 'oui' : 'non');
const label = <K extends string>(labels: Record<K, string>, v: K | null) => (v ? `${v} — ${labels[v]}` : 'non renseigné');

/**
 * The fiche salarié of a parcours (issue 15 §2): the situation at hire the ASP records, with its codes and labels.
 * Made from the person's file when the parcours opens; the CIP checks and completes it.
 */
export function FicheSalarieSection({ parcoursId, canWrite }: { parcoursId: string; canWrite: boolean }) {
  const [fiche, setFiche] = useState<FicheSalarieView | null>(null);
  const [form, setForm] = useState<FicheInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api('fiches.get', { parcoursId }).then(
      (f) => current && setFiche(f),
      (err: unknown) => current && setMessage(err instanceof ApiError ? err.message : 'Chargement impossible.'),
    );
    return () => {
      current = false;
    };
  }, [parcoursId]);

  const save = async () => {
    if (!form) return;
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      setFiche(await api('fiches.save', form));
      setForm(null);
      notifications.show({ message: 'Fiche salarié enregistrée.' });
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fields);
        setMessage(err.message);
      } else setMessage('Enregistrement impossible.');
    } finally {
      setBusy(false);
    }
  };

  const set = (patch: Partial<FicheInput>) => {
    if (!form) return;
    setForm({ ...form, ...patch });
    // A corrected field loses its old message.
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in patch))));
  };
  const withheld = fiche !== null && isWithheld(fiche.rqth);

  return (
    <Paper withBorder p="md" mt="md" aria-label="Fiche salarié">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          Fiche salarié (situation à l’embauche, ASP)
        </Title>
        {canWrite && fiche && !form && (
          <Button size="xs" variant="light" onClick={() => setForm(inputOf(fiche))}>
            Compléter la fiche salarié
          </Button>
        )}
      </Group>
      <FormAlert message={message} />
      {fiche && !form && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
          <LabelledValue label="Niveau de formation" value={label(NIVEAUX_FORMATION, fiche.niveauFormation)} />
          <LabelledValue label="RSA" value={fiche.rsa ? `${RSA_SITUATIONS[fiche.rsa]}${fiche.rsaDepuis ? `, ${DUREES_ASP[fiche.rsaDepuis].toLowerCase()}` : ''}` : 'non renseigné'} />
          <LabelledValue label="ASS" value={fiche.ass ? `oui${fiche.assDepuis ? `, ${DUREES_ASP[fiche.assDepuis].toLowerCase()}` : ''}` : 'non'} />
          <LabelledValue label="AAH" value={yesNo(fiche.aah)} />
          <LabelledValue label="RQTH / OETH" value={isWithheld(fiche.rqth) ? WITHHELD_LABEL : `${yesNo(fiche.rqth)} / ${yesNo(fiche.oeth)}`} />
          <LabelledValue label="Inscrit à France Travail" value={fiche.inscritFt ? `oui${fiche.inscritFtDepuis ? `, ${DUREES_ASP[fiche.inscritFtDepuis].toLowerCase()}` : ''}` : 'non'} />
          <LabelledValue label="Sans emploi depuis" value={fiche.sansEmploiDepuis ? DUREES_ASP[fiche.sansEmploiDepuis] : 'non renseigné'} />
          <LabelledValue label="Sans ressources" value={yesNo(fiche.sansRessources)} />
          <LabelledValue label="QPV / ZRR" value={`${yesNo(fiche.qpv)} / ${yesNo(fiche.zrr)}`} />
          <LabelledValue label="Naissance (code INSEE)" value={[fiche.communeNaissance, fiche.paysNaissance].filter(Boolean).join(' · ') || 'non renseigné'} />
          {!fiche.nirConnu && <LabelledValue label="NIR absent" value={label(MOTIFS_ABSENCE_NIR, fiche.motifAbsenceNir)} />}
        </SimpleGrid>
      )}
      {form && fiche && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select label="Niveau de formation (ASP)" data={codeOptions(NIVEAUX_FORMATION)} value={form.niveauFormation} onChange={(v) => set({ niveauFormation: v as FicheInput['niveauFormation'] })} clearable error={errors.niveauFormation} />
            <Select label="Situation RSA" data={codeOptions(RSA_SITUATIONS)} value={form.rsa} onChange={(v) => set({ rsa: v as FicheInput['rsa'], rsaDepuis: v === 'OUI-M' || v === 'OUI-NM' ? form.rsaDepuis : null })} clearable error={errors.rsa} />
            <Select label="Allocataire du RSA depuis" data={durees} value={form.rsaDepuis} onChange={(v) => set({ rsaDepuis: v as FicheInput['rsaDepuis'] })} clearable disabled={form.rsa !== 'OUI-M' && form.rsa !== 'OUI-NM'} error={errors.rsaDepuis} />
            <Select label="Sans emploi depuis" data={durees} value={form.sansEmploiDepuis} onChange={(v) => set({ sansEmploiDepuis: v as FicheInput['sansEmploiDepuis'] })} clearable error={errors.sansEmploiDepuis} />
            <Checkbox label="Inscrit à France Travail" checked={form.inscritFt} onChange={(e) => set({ inscritFt: e.currentTarget.checked, inscritFtDepuis: e.currentTarget.checked ? form.inscritFtDepuis : null })} />
            <Select label="Inscrit à France Travail depuis" data={durees} value={form.inscritFtDepuis} onChange={(v) => set({ inscritFtDepuis: v as FicheInput['inscritFtDepuis'] })} clearable disabled={!form.inscritFt} error={errors.inscritFtDepuis} />
            <Checkbox label="Allocataire de l’ASS" checked={form.ass} onChange={(e) => set({ ass: e.currentTarget.checked, assDepuis: e.currentTarget.checked ? form.assDepuis : null })} />
            <Select label="Allocataire de l’ASS depuis" data={durees} value={form.assDepuis} onChange={(v) => set({ assDepuis: v as FicheInput['assDepuis'] })} clearable disabled={!form.ass} error={errors.assDepuis} />
            {withheld ? (
              <Text size="sm" c="dimmed">
                AAH, RQTH, OETH : {WITHHELD_LABEL.toLowerCase()}.
              </Text>
            ) : (
              <>
                <Checkbox label="Allocataire de l’AAH" checked={form.aah} onChange={(e) => set({ aah: e.currentTarget.checked, aahDepuis: e.currentTarget.checked ? form.aahDepuis : null })} />
                <Select label="Allocataire de l’AAH depuis" data={durees} value={form.aahDepuis} onChange={(v) => set({ aahDepuis: v as FicheInput['aahDepuis'] })} clearable disabled={!form.aah} error={errors.aahDepuis} />
                <Checkbox label="Reconnaissance travailleur handicapé (RQTH)" checked={form.rqth} onChange={(e) => set({ rqth: e.currentTarget.checked })} />
                <Checkbox label="Bénéficiaire de l’obligation d’emploi (OETH)" checked={form.oeth} onChange={(e) => set({ oeth: e.currentTarget.checked })} />
              </>
            )}
            <Checkbox label="Sans ressources" checked={form.sansRessources} onChange={(e) => set({ sansRessources: e.currentTarget.checked })} />
            <Group>
              <Checkbox label="Réside en QPV" checked={form.qpv} onChange={(e) => set({ qpv: e.currentTarget.checked })} />
              <Checkbox label="Réside en ZRR" checked={form.zrr} onChange={(e) => set({ zrr: e.currentTarget.checked })} />
            </Group>
            <TextInput label="Commune de naissance (code INSEE)" description="Né·e en France, par exemple 07186" value={form.communeNaissance ?? ''} onChange={(e) => set({ communeNaissance: e.currentTarget.value })} error={errors.communeNaissance} maxLength={5} />
            <TextInput label="Pays de naissance (code INSEE)" description="Né·e à l’étranger, par exemple 99109" value={form.paysNaissance ?? ''} onChange={(e) => set({ paysNaissance: e.currentTarget.value })} error={errors.paysNaissance} maxLength={5} />
            {!fiche.nirConnu && <Select label="Motif d’absence du NIR" data={codeOptions(MOTIFS_ABSENCE_NIR, false)} value={form.motifAbsenceNir} onChange={(v) => set({ motifAbsenceNir: v as FicheInput['motifAbsenceNir'] })} clearable error={errors.motifAbsenceNir} />}
          </SimpleGrid>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setForm(null)}>
              Annuler
            </Button>
            <Button type="submit" loading={busy}>
              Enregistrer la fiche salarié
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
