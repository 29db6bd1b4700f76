import { Checkbox, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, type Control, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { ROLE_LABELS, ROLES, type Role } from '../../../src-shared/roles';
import { PASSWORD_MIN_LENGTH } from '../../../src-shared/schemas/common';
import { createUserInputSchema, resetPasswordInputSchema, updateUserInputSchema } from '../../../src-shared/schemas/users';
import type { UserView } from '../../../src-shared/views';
import { api } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { applyServerErrors } from '../../lib/forms';
import { ModalActions } from '../../components/ModalActions';
import { useFormGuard } from '../../stores/unsaved-store';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Role and administrator flag, the same in creation and edition. */
function RoleAndAdminFields<T extends { role: Role; isAdmin?: boolean }>({ control }: { control: Control<T> }) {
  return (
    <>
      <Controller
        control={control}
        name={'role' as Path<T>}
        render={({ field, fieldState }) => (
          <Select label="Rôle" required data={ROLE_OPTIONS} value={field.value as string} onChange={(v) => v && field.onChange(v)} allowDeselect={false} error={fieldState.error?.message} />
        )}
      />
      <Controller
        control={control}
        name={'isAdmin' as Path<T>}
        render={({ field }) => (
          <Checkbox
            label="Administrateur des comptes (peut créer et modifier les comptes, régler la sécurité)"
            checked={!!field.value}
            onChange={(e) => field.onChange(e.currentTarget.checked)}
          />
        )}
      />
    </>
  );
}

interface Props {
  onClose: () => void;
  onSaved: (user: UserView) => void;
}

export function CreateUserModal({ onClose, onSaved }: Props) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createUserInputSchema>>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: { displayName: '', login: '', role: 'cip', isAdmin: false, temporaryPassword: '' },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await api('users.create', values));
    } catch (err) {
      setError(applyServerErrors(err, form.setError, ['displayName', 'login', 'role', 'temporaryPassword']));
    }
  });
  return (
    <Modal opened onClose={onClose} title="Nouveau compte" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <TextInput label="Prénom et nom" required data-autofocus {...form.register('displayName')} error={form.formState.errors.displayName?.message} />
          <TextInput label="Identifiant de connexion" description="Par exemple : s.martin" required {...form.register('login')} error={form.formState.errors.login?.message} />
          <RoleAndAdminFields control={form.control} />
          <PasswordInput
            label="Mot de passe temporaire"
            description={`Au moins ${PASSWORD_MIN_LENGTH} caractères. À transmettre de vive voix : il devra être changé à la première connexion.`}
            required
            autoComplete="new-password"
            {...form.register('temporaryPassword')}
            error={form.formState.errors.temporaryPassword?.message}
          />
          <ModalActions onCancel={onClose} submitLabel="Créer le compte" loading={form.formState.isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}

export function EditUserModal({ user, onClose, onSaved }: Props & { user: UserView }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof updateUserInputSchema>>({
    resolver: zodResolver(updateUserInputSchema),
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, isAdmin: user.isAdmin, active: user.active },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await api('users.update', values));
    } catch (err) {
      setError(applyServerErrors(err, form.setError, ['displayName', 'role']));
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Modifier le compte « ${user.login} »`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <TextInput label="Prénom et nom" required data-autofocus {...form.register('displayName')} error={form.formState.errors.displayName?.message} />
          <RoleAndAdminFields control={form.control} />
          <Controller
            control={form.control}
            name="active"
            render={({ field }) => (
              <Switch
                label={field.value ? 'Compte actif' : 'Compte désactivé (la personne ne peut plus se connecter)'}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
          <ModalActions onCancel={onClose} submitLabel="Enregistrer" loading={form.formState.isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose, onSaved }: Props & { user: UserView }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof resetPasswordInputSchema>>({
    resolver: zodResolver(resetPasswordInputSchema),
    defaultValues: { id: user.id, temporaryPassword: '' },
  });
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await api('users.resetPassword', values));
    } catch (err) {
      setError(applyServerErrors(err, form.setError, ['temporaryPassword']));
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Nouveau mot de passe pour ${user.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <PasswordInput
            label="Mot de passe temporaire"
            description="La personne devra le changer à sa prochaine connexion ; ses sessions ouvertes sont fermées."
            required
            data-autofocus
            autoComplete="new-password"
            {...form.register('temporaryPassword')}
            error={form.formState.errors.temporaryPassword?.message}
          />
          <ModalActions onCancel={onClose} submitLabel="Réinitialiser" loading={form.formState.isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}
