import { RestoreFromFileForm } from '../system/RestoreFromFileForm';
import { Alert, Button, Checkbox, Group, PasswordInput, SimpleGrid, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { PASSWORD_MIN_LENGTH } from '../../../src-shared/schemas/common';
import { setupInputSchema, type SetupInput } from '../../../src-shared/schemas/setup';
import { SIAE_KIND_LABELS, SIAE_KINDS } from '../../../src-shared/siae';
import { api, ApiError } from '../../api';
import type { StructureView } from '../../../src-shared/views';
import { CenteredCard } from '../../components/CenteredCard';
import { FormAlert } from '../../components/FormAlert';
import { applyServerErrors } from '../../lib/forms';
import { useSessionStore } from '../../stores/session-store';

const STEP_FIELDS: FieldPath<SetupInput>[][] = [
  ['structure.nom', 'structure.siret', 'structure.departement', 'structure.adresse', 'structure.codePostal', 'structure.commune'],
  ['dispositifs'],
  ['admin.displayName', 'admin.login', 'admin.password', 'admin.passwordConfirmation'],
];
const ALL_FIELDS = STEP_FIELDS.flat();

/** First run: the structure, the dispositifs it runs, and its first administrator, saved together at the end. */
export function SetupWizard({ onDone, preset }: { onDone: () => Promise<void>; preset: StructureView | null }) {
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);

  const openDemo = async () => {
    setDemoBusy(true);
    setError(null);
    try {
      useSessionStore.getState().setStatus(await api('setup.demo'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'La démonstration n’a pas pu être créée.');
      setDemoBusy(false);
    }
  };
  const form = useForm<SetupInput>({
    resolver: zodResolver(setupInputSchema),
    mode: 'onTouched',
    defaultValues: {
      structure: preset
        ? { nom: preset.nom, siret: preset.siret, departement: preset.departement, adresse: preset.adresse, codePostal: preset.codePostal, commune: preset.commune }
        : { nom: '', siret: '', departement: '', adresse: '', codePostal: '', commune: '' },
      dispositifs: preset?.dispositifs ?? [],
      admin: { displayName: '', login: '', password: '', passwordConfirmation: '' },
    },
  });
  const errors = form.formState.errors;

  const next = async () => {
    if (await form.trigger(STEP_FIELDS[step])) setStep((s) => s + 1);
  };

  const submit = form.handleSubmit(
    async (values) => {
      setError(null);
      try {
        useSessionStore.getState().setSession(await api('setup.complete', values));
        await onDone();
      } catch (err) {
        setError(applyServerErrors(err, form.setError, ALL_FIELDS));
        const firstBad = STEP_FIELDS.findIndex((fields) => fields.some((f) => form.getFieldState(f).invalid));
        if (firstBad >= 0) setStep(firstBad);
      }
    },
    () => {
      const firstBad = STEP_FIELDS.findIndex((fields) => fields.some((f) => form.getFieldState(f).invalid));
      if (firstBad >= 0) setStep(firstBad);
    },
  );

  // Enter moves to the next step; on the last one it submits.
  const onFormSubmit = (e: React.FormEvent) => {
    if (step < STEP_FIELDS.length - 1) {
      e.preventDefault();
      void next();
      return;
    }
    void submit(e);
  };

  if (restoring) {
    return (
      <CenteredCard title="Reprendre les données d’un autre poste" subtitle="Une sauvegarde copiée sur clé USB, et la feuille de clé de secours." width={620}>
        <Stack>
          <RestoreFromFileForm />
          <Button variant="default" onClick={() => setRestoring(false)}>
            Revenir à la première configuration
          </Button>
        </Stack>
      </CenteredCard>
    );
  }

  return (
    <CenteredCard
      title="Première configuration"
      subtitle={preset ? 'Votre structure a été importée : vérifiez-la et créez le compte administrateur.' : 'Quelques informations pour préparer l’application de votre structure.'}
      width={760}
    >
      <form onSubmit={onFormSubmit} noValidate>
        <Stack gap="lg">
          {!preset && step === 0 && (
            <Alert color="teal" variant="light" title="Envie de découvrir d’abord ?">
              <Group justify="space-between" align="center" wrap="wrap">
                <Text size="sm" maw={460}>
                  Ouvrez une structure de démonstration fictive (une AI et un ACI, cinq ans de parcours, ses partenaires) pour parcourir l’application avant d’y mettre vos données.
                </Text>
                <Button variant="white" onClick={() => void openDemo()} loading={demoBusy}>
                  Découvrir avec la démonstration
                </Button>
              </Group>
              <Group mt="xs">
                <Text size="sm">Vous changez d’ordinateur ?</Text>
                <Button variant="subtle" size="compact-sm" onClick={() => setRestoring(true)}>
                  Reprendre une sauvegarde avec la clé de secours
                </Button>
              </Group>
            </Alert>
          )}
          <Stepper active={step} onStepClick={(i) => i < step && setStep(i)} size="sm" allowNextStepsSelect={false}>
            <Stepper.Step label="Structure" description="Identité">
              <Stack mt="md">
                <TextInput label="Nom de la structure" required {...form.register('structure.nom')} error={errors.structure?.nom?.message} data-autofocus autoFocus />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label="SIRET"
                    description="14 chiffres, espaces acceptés"
                    required
                    inputMode="numeric"
                    {...form.register('structure.siret')}
                    error={errors.structure?.siret?.message}
                  />
                  <TextInput
                    label="Département"
                    description="Numéro, par exemple 07, 2A ou 974"
                    required
                    {...form.register('structure.departement')}
                    error={errors.structure?.departement?.message}
                  />
                </SimpleGrid>
                <TextInput label="Adresse" {...form.register('structure.adresse')} error={errors.structure?.adresse?.message} />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label="Code postal" inputMode="numeric" {...form.register('structure.codePostal')} error={errors.structure?.codePostal?.message} />
                  <TextInput label="Commune" {...form.register('structure.commune')} error={errors.structure?.commune?.message} />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label="Dispositifs" description="Ce que vous portez">
              <Controller
                control={form.control}
                name="dispositifs"
                render={({ field, fieldState }) => (
                  <Checkbox.Group
                    mt="md"
                    label="Dispositifs portés par la structure"
                    description="Un ensemblier en coche plusieurs. Vous pourrez en ajouter plus tard."
                    value={field.value}
                    onChange={(v) => field.onChange(v)}
                    error={fieldState.error?.message}
                  >
                    <Stack mt="sm" gap="sm">
                      {SIAE_KINDS.map((kind) => (
                        <Checkbox key={kind} value={kind} label={`${SIAE_KIND_LABELS[kind]} (${kind})`} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                )}
              />
            </Stepper.Step>
            <Stepper.Step label="Administrateur" description="Premier compte">
              <Stack mt="md">
                <Text size="sm" c="dimmed">
                  Ce compte, de rôle « Direction », pourra créer ceux de l’équipe. Gardez son mot de passe en lieu sûr.
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label="Prénom et nom" required {...form.register('admin.displayName')} error={errors.admin?.displayName?.message} />
                  <TextInput
                    label="Identifiant de connexion"
                    description="Par exemple : m.durand"
                    required
                    autoComplete="username"
                    {...form.register('admin.login')}
                    error={errors.admin?.login?.message}
                  />
                  <PasswordInput
                    label="Mot de passe"
                    description={`Au moins ${PASSWORD_MIN_LENGTH} caractères`}
                    required
                    autoComplete="new-password"
                    {...form.register('admin.password')}
                    error={errors.admin?.password?.message}
                  />
                  <PasswordInput
                    label="Confirmation du mot de passe"
                    required
                    autoComplete="new-password"
                    {...form.register('admin.passwordConfirmation')}
                    error={errors.admin?.passwordConfirmation?.message}
                  />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
          </Stepper>
          <FormAlert message={error} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0}>
              Précédent
            </Button>
            {step < STEP_FIELDS.length - 1 ? (
              <Button type="submit">Suivant</Button>
            ) : (
              <Button type="submit" loading={form.formState.isSubmitting}>
                Terminer la configuration
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </CenteredCard>
  );
}
