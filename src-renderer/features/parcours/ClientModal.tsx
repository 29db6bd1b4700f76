import { Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CLIENT_TYPES } from '../../../src-shared/domain/insertion';
import { clientInputSchema } from '../../../src-shared/schemas/insertion';
import { clientTypeFixes480, defaultSubjectTo480 } from '../../../src-shared/rules/plafond-480';
import type { ClientView } from '../../../src-shared/views-insertion';
import { api } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { ModalActions } from '../../components/ModalActions';
import { applyServerErrors } from '../../lib/forms';
import { options } from '../../lib/options';

/**
 * A client of the AI or ETTI. For the AI's 480-hour rule (L5132-9 2°) the type decides, except for a private
 * individual (their professional needs count) and « autre » (a private non-profit body does not): asked then.
 */
export function ClientModal({ client, onClose, onSaved }: { client?: ClientView; onClose: () => void; onSaved: (clients: ClientView[]) => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof clientInputSchema>>({
    resolver: zodResolver(clientInputSchema),
    defaultValues: client ? { id: client.id, nom: client.nom, type: client.type, siret: client.siret, soumisPlafond480: client.soumisPlafond480 } : { nom: '', type: undefined, siret: '', soumisPlafond480: null },
  });
  const type = form.watch('type');
  const fixed = type ? clientTypeFixes480(type) : null;
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
          {type && (
            <Controller
              control={form.control}
              name="soumisPlafond480"
              render={({ field }) => (
                <Checkbox
                  label="AI : ses mises à disposition comptent dans le plafond de 480 heures sur 24 mois"
                  description={
                    fixed === true
                      ? 'Toujours pour une entreprise ou une collectivité (article L5132-9 du code du travail).'
                      : fixed === false
                        ? 'Jamais pour une association : personne morale de droit privé à but non lucratif (L5132-9).'
                        : type === 'particulier'
                          ? 'Cochez si le particulier emploie la personne pour son activité professionnelle (artisan, profession libérale…).'
                          : 'Décochez s’il s’agit d’une personne morale de droit privé à but non lucratif (fondation, mutuelle…).'
                  }
                  checked={fixed ?? field.value ?? defaultSubjectTo480(type)}
                  disabled={fixed !== null}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
          )}
          <ModalActions onCancel={onClose} submitLabel={client ? 'Enregistrer' : 'Créer le client'} loading={form.formState.isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}
