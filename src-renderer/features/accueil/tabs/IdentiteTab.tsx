import { Button, Paper, Stack } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { updatePersonneInputSchema } from '../../../../src-shared/schemas/personne';
import { api } from '../../../api';
import { FormAlert } from '../../../components/FormAlert';
import { IDENTITY_FIELDS, IdentityFields, identityOf } from '../IdentityFields';
import type { TabProps } from '../PersonneFilePage';
import { saveFile } from './save-file';
import { useFormGuard } from '../../../stores/unsaved-store';
import { isWithheld } from '../../../../src-shared/domain/need-to-know';

export function IdentiteTab({ file, onChange }: TabProps) {
  const p = file.personne;
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof updatePersonneInputSchema>>({
    resolver: zodResolver(updatePersonneInputSchema),
    defaultValues: { id: p.id, ...identityOf(p) },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    const message = await saveFile(() => api('personnes.update', values), onChange, 'Identité enregistrée.', form.setError, IDENTITY_FIELDS);
    setError(message);
    if (!message) form.reset(values);
  });
  const readOnly = !file.droits.personnesWrite;
  return (
    <Paper withBorder p="lg" maw={980}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <IdentityFields form={form} showNir={file.droits.nir} showSensitive={file.droits.sensibles} orienteurWithheld={isWithheld(file.personne.orienteur)} readOnly={readOnly} />
          {!readOnly && (
            <div>
              <Button type="submit" loading={form.formState.isSubmitting}>
                Enregistrer l’identité
              </Button>
            </div>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
