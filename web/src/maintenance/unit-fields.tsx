import { useFilterOptions } from '../components/filter-options.ts';
import type { EditableAddressFieldsFragment } from '../gql/graphql.ts';
import { CodeField, TextField } from './field.tsx';

/** The formats the API's scalars require (PNumber, PostalCode, Email), said when a field is left. */
const FORMAT_CHECKS: Readonly<Record<string, (value: string) => string | undefined>> = {
  pNumber: (v) => (/^\d{10}$/.test(v) ? undefined : 'P-nummeret skal være 10 cifre.'),
  'address.postalCode': (v) => (/^\d{4}$/.test(v) ? undefined : 'Postnummeret skal være 4 cifre.'),
  email: (v) =>
    /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) && v.length <= 132
      ? undefined
      : 'E-mailadressen skal have formen navn@domæne.dk.',
};

/** Fields whose scalar refuses an empty value, so that the API would refuse the whole request. */
const REQUIRED_OF_KIND = [
  'pNumber',
  'address.postalCode',
  'municipalityCode',
  'ownershipCode',
  'legalBasisCode',
  'institutionTypeCode',
];

/**
 * Whether every field of the form that the API reads as a scalar holds a value of its kind: only
 * then can a dry run say anything about the rest (the API refuses a request with a malformed
 * variable whole, before the register sees it). Those fields say their format themselves.
 */
export function wellFormed(form: FormData): boolean {
  for (const [key, raw] of form.entries()) {
    const value = String(raw).trim();
    const name = Object.keys(FORMAT_CHECKS).find((k) => key === k || key.endsWith(`.${k}`));
    const required = REQUIRED_OF_KIND.some((k) => key === k || key.endsWith(`.${k}`));
    if (value === '') {
      if (required) return false;
    } else if (name !== undefined && FORMAT_CHECKS[name]?.(value) !== undefined) return false;
  }
  return true;
}

/** The current values of a unit or alternative adresse being edited; none for a new one. */
export interface UnitValues {
  name?: string;
  institutionTypeCode?: number;
  address?: EditableAddressFieldsFragment;
  pNumber?: string | null;
  email?: string | null;
  phone?: string | null;
}

/**
 * The fields of an anvisningsenhed (with its type) or an alternative adresse, named by their input
 * path under `prefix` (e.g. `firstUnit.address.postalCode`) so the register's errors land on them.
 */
export function UnitFields({
  form,
  prefix,
  values = {},
  errors,
  withType,
}: {
  form: string;
  prefix: string;
  values?: UnitValues;
  errors: Record<string, string>;
  withType: boolean;
}) {
  const options = useFilterOptions();
  const key = (name: string) => (prefix === '' ? name : `${prefix}.${name}`);
  const text = (
    name: string,
    label: string,
    value: string | null | undefined,
    inputMode?: 'numeric' | 'email' | 'tel',
  ) => {
    const check = FORMAT_CHECKS[name];
    return (
      <TextField
        form={form}
        name={key(name)}
        label={label}
        error={errors[key(name)]}
        defaultValue={value}
        {...(inputMode !== undefined && { inputMode })}
        {...(check !== undefined && { check })}
      />
    );
  };
  const a = values.address;
  return (
    <>
      {text('name', withType ? 'Enhedsnavn' : 'Navn', values.name)}
      {withType && (
        <CodeField
          form={form}
          name={key('institutionTypeCode')}
          label="Institutionstype"
          error={errors[key('institutionTypeCode')]}
          options={options.institutionTypes}
          defaultValue={values.institutionTypeCode}
        />
      )}
      <fieldset>
        <legend>Adresse</legend>
        {text('address.street', 'Vejnavn', a?.street)}
        {text('address.houseNumber', 'Husnummer', a?.houseNumber)}
        {text('address.floor', 'Etage', a?.floor)}
        {text('address.door', 'Dør', a?.door)}
        {text('address.postalCode', 'Postnummer', a?.postalCode, 'numeric')}
        {text('address.city', 'By', a?.city)}
        <CodeField
          form={form}
          name={key('address.municipalityCode')}
          label="Kommune"
          error={errors[key('address.municipalityCode')]}
          options={options.municipalities}
          defaultValue={a?.municipality.code}
        />
      </fieldset>
      {text('pNumber', 'P-nummer', values.pNumber, 'numeric')}
      {text('email', 'E-mail', values.email, 'email')}
      {text('phone', 'Telefon', values.phone, 'tel')}
    </>
  );
}

/** Reads a form's value by field key; empty text is null (not sent). */
export const formValue = (form: FormData, key: string): string | null => {
  const value = String(form.get(key) ?? '').trim();
  return value === '' ? null : value;
};

/** A code field of a submitted form as the API's `Int` codes take it; null when it is empty. */
export const formCode = (form: FormData, key: string): number | null => {
  const value = formValue(form, key);
  return value === null ? null : Number(value);
};

/**
 * A code the API requires (`Int!`). An empty one keeps a dry run from being sent (wellFormed);
 * should a save send it anyway, 0 is a code no table has, and the register names it at its field.
 */
export const requiredCode = (form: FormData, key: string): number => formCode(form, key) ?? 0;

/** The alternative adresse fields of a submitted form (an anvisningsenhed's, without its type). */
export function unitInput(form: FormData, prefix: string) {
  const v = (name: string) => formValue(form, prefix === '' ? name : `${prefix}.${name}`);
  return {
    name: v('name') ?? '',
    address: {
      street: v('address.street') ?? '',
      houseNumber: v('address.houseNumber') ?? '',
      floor: v('address.floor'),
      door: v('address.door'),
      postalCode: v('address.postalCode') ?? '',
      city: v('address.city') ?? '',
      municipalityCode: v('address.municipalityCode') ?? '',
    },
    pNumber: v('pNumber') ?? '',
    email: v('email'),
    phone: v('phone'),
  };
}

/** An anvisningsenhed's fields of a submitted form. */
export const assignmentUnitInput = (form: FormData, prefix: string) => ({
  ...unitInput(form, prefix),
  institutionTypeCode: requiredCode(
    form,
    prefix === '' ? 'institutionTypeCode' : `${prefix}.institutionTypeCode`,
  ),
});
