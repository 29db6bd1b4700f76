import { Checkbox, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, type Control, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ROLE_LABELS, roleIsAbove, ROLES, type Role } from '../../../src-shared/roles';
import { PASSWORD_MIN_LENGTH } from '../../../src-shared/schemas/common';
import { createUserInputSchema, resetPasswordInputSchema, updateUserInputSchema } from '../../../src-shared/schemas/users';
import type { UserView } from '../../../src-shared/views';
import { api } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { applyServerErrors } from '../../lib/forms';
import { ModalActions } from '../../components/ModalActions';
import { useFormGuard } from '../../stores/unsaved-store';
import { useSessionStore } from '../../stores/session-store';

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

/**
 * When the chosen role sees more than the administrator's own, a second account of the direction confirms with its
 * login and password (issue 20 §2); the main process checks the same rule.
 */
function SecondDirectionFields({ form, role }: { form: UseFormReturn<{ confirmation?: { login: string; password: string } | null }>; role: Role }) {
  const me = useSessionStore((st) => st.session!.user);
  if (!roleIsAbove(role, me.role)) return null;
  const errors = form.formState.errors.confirmation;
  return (
    <Paper withBorder p="sm" bg="orange.0">
      <Text size="sm" mb="xs">
        Le rôle « {ROLE_LABELS[role]} » donne accès à plus que le vôtre : une autre personne de la direction confirme ici, avec son identifiant et son mot de passe.
      </Text>
      <Group grow>
        <TextInput label="Identifiant (direction)" autoComplete="off" {...form.register('confirmation.login')} error={errors?.login?.message} />
        <PasswordInput label="Son mot de passe" autoComplete="off" {...form.register('confirmation.password')} error={errors?.password?.message} />
      </Group>
    </Paper>
  );
}

interface Props {
  onClose: () => void;
  onSaved: (user: UserView) => void;
}

export function CreateUserModal({ onClose, onSaved }: Props) {
  const me = useSessionStore((st) => st.session!.user);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createUserInputSchema>>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: { displayName: '', login: '', role: 'cip', isAdmin: false, temporaryPassword: '', confirmation: null },
  });
  const role = form.watch('role');
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await api('users.create', { ...values, confirmation: roleIsAbove(values.role, me.role) ? values.confirmation : null }));
    } catch (err) {
      setError(applyServerErrors(err, form.setError, ['displayName', 'login', 'role', 'temporaryPassword', 'confirmation.login', 'confirmation.password']));
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
          <SecondDirectionFields form={form as never} role={role} />
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
  const me = useSessionStore((st) => st.session!.user);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof updateUserInputSchema>>({
    resolver: zodResolver(updateUserInputSchema),
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, isAdmin: user.isAdmin, active: user.active, confirmation: null },
  });
  const role = form.watch('role');
  useFormGuard(form);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await api('users.update', { ...values, confirmation: role !== user.role && roleIsAbove(values.role, me.role) ? values.confirmation : null }));
    } catch (err) {
      setError(applyServerErrors(err, form.setError, ['displayName', 'role', 'confirmation.login', 'confirmation.password']));
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Modifier le compte « ${user.login} »`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={error} />
          <TextInput label="Prénom et nom" required data-autofocus {...form.register('displayName')} error={form.formState.errors.displayName?.message} />
          <RoleAndAdminFields control={form.control} />
          {role !== user.role && <SecondDirectionFields form={form as never} role={role} />}
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
