import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CLIENT_TYPES } from '../../../src-shared/domain/insertion';
import { clientInputSchema } from '../../../src-shared/schemas/insertion';
import type { ClientView } from '../../../src-shared/views-insertion';
import { api } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { ModalActions } from '../../components/ModalActions';
import { applyServerErrors } from '../../lib/forms';
import { options } from '../../lib/options';

/** A client of the AI or ETTI: its type decides whether the 480-hour rule applies (companies only). */
export function ClientModal({ client, onClose, onSaved }: { client?: ClientView; onClose: () => void; onSaved: (clients: ClientView[]) => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof clientInputSchema>>({
    resolver: zodResolver(clientInputSchema),
    defaultValues: client ? { id: client.id, nom: client.nom, type: client.type, siret: client.siret } : { nom: '', type: undefined, siret: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await api('clients.save', values));
    } catch (err) {
      setError(applyServerErrors(err, form.setError, ['nom', 'type', 'siret']));
    }
  });
  return (
    <Modal opened onClose={onClose} title={client ? `Modifier ${client.nom}` : 'Nouveau client'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <TextInput label="Nom" required data-autofocus {...form.register('nom')} error={form.formState.errors.nom?.message} />
          <Controller
            control={form.control}
            name="type"
            render={({ field, fieldState }) => <Select label="Type" required data={options(CLIENT_TYPES)} value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />}
          />
          <TextInput label="SIRET" description="Facultatif" {...form.register('siret')} error={form.formState.errors.siret?.message} />
          <ModalActions onCancel={onClose} submitLabel={client ? 'Enregistrer' : 'Créer le client'} loading={form.formState.isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}
