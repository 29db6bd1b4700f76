import { Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { Controller, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { CIVILITES, DUREES_INSCRIPTION, NIVEAUX_FORMATION, ORIENTEURS, RSA_SITUATIONS } from '../../../src-shared/domain/asp-codes';
import { isWithheld, sensitiveClassOf, WITHHELD_LABEL } from '../../../src-shared/domain/need-to-know';
import { PERSONNE_FIELD_NAMES, type PersonneFieldName, type personneFieldsSchema } from '../../../src-shared/schemas/personne';
import type { PersonneView } from '../../../src-shared/views-accueil';
import { FormDateField } from '../../components/fields/FormDateField';
import { options } from '../../lib/options';

export type IdentityValues = z.input<typeof personneFieldsSchema>;

/** The fields a server error may name: the schema's own list (issue 18 §3). */
export const IDENTITY_FIELDS = PERSONNE_FIELD_NAMES;

/**
 * What each field shows when empty: a text box holds '', a list null, a box unticked. Typed by the schema's fields,
 * so a field added there is refused by the compiler until it has its empty value and its input below.
 */
const EMPTY: Record<PersonneFieldName, string | boolean | null | undefined> = {
  civilite: undefined,
  nom: '',
  prenom: '',
  dateNaissance: '',
  telephone: '',
  email: '',
  adresse: '',
  codePostal: '',
  commune: '',
  qpv: false,
  zrr: false,
  niveauFormation: null,
  identifiantFt: '',
  nir: '',
  orienteur: null,
  rsa: null,
  dureeInscriptionFt: null,
  sansRessources: false,
};

/** A new person's form. */
export function emptyIdentity(): IdentityValues {
  return { ...EMPTY } as IdentityValues;
}

/** A stored person in the form: a withheld orienteur stays as recorded (not sent back), an empty text is ''. */
export function identityOf(p: PersonneView): IdentityValues {
  const values = Object.fromEntries(PERSONNE_FIELD_NAMES.map((name) => [name, p[name] ?? EMPTY[name]]));
  return { ...values, orienteur: isWithheld(p.orienteur) ? null : p.orienteur } as IdentityValues;
}

/**
 * Identity, contact and profile of a person, for creation and edition alike. `showNir` and `showSensitive` follow
 * the user's rights: a field the role may not see is not rendered at all. `orienteurWithheld`: the file's orienteur is
 * not shown to this role (src-shared/domain/need-to-know.ts); it stays as recorded.
 */
export function IdentityFields<T extends IdentityValues & FieldValues>({
  form,
  showNir,
  showSensitive,
  orienteurWithheld = false,
  readOnly = false,
}: {
  form: UseFormReturn<T>;
  showNir: boolean;
  showSensitive: boolean;
  orienteurWithheld?: boolean;
  readOnly?: boolean;
}) {
  const f = form as unknown as UseFormReturn<IdentityValues>;
  const errors = f.formState.errors;
  const orienteurs = options(ORIENTEURS, true).filter((o) => showSensitive || sensitiveClassOf('orienteur', o.value) === null);
  const select = (name: Path<IdentityValues>, label: string, data: Array<{ value: string; label: string }>, extra: object = {}) => (
    <Controller
      control={f.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          data={data}
          value={(field.value as string | null) ?? null}
          onChange={(v) => field.onChange(v)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          clearable
          searchable
          disabled={readOnly}
          nothingFoundMessage="Aucun résultat"
          {...extra}
        />
      )}
    />
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {select('civilite', 'Civilité', options(CIVILITES), { required: true, clearable: false, searchable: false })}
        <TextInput label="Nom" required readOnly={readOnly} {...f.register('nom')} error={errors.nom?.message} />
        <TextInput label="Prénom" required readOnly={readOnly} {...f.register('prenom')} error={errors.prenom?.message} />
        <FormDateField label="Date de naissance" required readOnly={readOnly} control={f.control} name="dateNaissance" />
        <TextInput label="Téléphone" readOnly={readOnly} {...f.register('telephone')} error={errors.telephone?.message} />
        <TextInput label="Courriel" type="email" readOnly={readOnly} {...f.register('email')} error={errors.email?.message} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Adresse" readOnly={readOnly} {...f.register('adresse')} error={errors.adresse?.message} />
        <TextInput label="Code postal" inputMode="numeric" readOnly={readOnly} {...f.register('codePostal')} error={errors.codePostal?.message} />
        <TextInput label="Commune" readOnly={readOnly} {...f.register('commune')} error={errors.commune?.message} />
      </SimpleGrid>
      <Group>
        <Checkbox label="Réside en quartier prioritaire (QPV)" disabled={readOnly} {...f.register('qpv')} />
        <Checkbox label="Réside en ZRR / ZFRR" disabled={readOnly} {...f.register('zrr')} />
        <Checkbox label="Sans ressources" disabled={readOnly} {...f.register('sansRessources')} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {select('niveauFormation', 'Niveau de formation', options(NIVEAUX_FORMATION, true))}
        {orienteurWithheld ? (
          <TextInput label="Orienté·e par" value={WITHHELD_LABEL} readOnly disabled description="Cap emploi, SPIP et PJJ disent la santé ou la justice : l’orienteur n’est montré à aucun autre rôle." />
        ) : (
          select('orienteur', 'Orienté·e par', orienteurs)
        )}
        <TextInput
          label="Identifiant France Travail"
          description="7 chiffres et une lettre, ou 11 chiffres"
          readOnly={readOnly}
          {...f.register('identifiantFt')}
          error={errors.identifiantFt?.message}
        />
        {select('rsa', 'RSA', options(RSA_SITUATIONS))}
        {select('dureeInscriptionFt', 'Inscrit·e à France Travail depuis', options(DUREES_INSCRIPTION))}
        {showNir && (
          <TextInput
            label="Numéro de sécurité sociale"
            description="Seulement pour la fiche salarié de l’ASP"
            readOnly={readOnly}
            autoComplete="off"
            {...f.register('nir')}
            error={errors.nir?.message}
          />
        )}
      </SimpleGrid>
    </>
  );
}
