import { useState, type ReactNode } from 'react';

/** Makes ids unique per form: the same field key appears in several forms on one page. */
export const fieldId = (form: string, key: string) => `${form}-${key.replace(/\./g, '-')}`;

/** A labelled input or select whose error, if any, is shown beneath it and tied to it for screen readers. */
export function Field({
  form,
  name,
  label,
  error,
  children,
}: {
  form: string;
  name: string;
  label: string;
  error: string | undefined;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => ReactNode;
}) {
  const id = fieldId(form, name);
  const errorId = `${id}-fejl`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        'aria-invalid': error !== undefined,
        ...(error !== undefined && { 'aria-describedby': errorId }),
      })}
      {error !== undefined && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A text input field. `check` runs when the field is left: a format the API would refuse is said
 * at once, in Danish; the register's own rules are checked when the form is sent.
 */
export function TextField(props: {
  form: string;
  name: string;
  label: string;
  error: string | undefined;
  defaultValue?: string | null;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
  required?: boolean;
  check?: (value: string) => string | undefined;
}) {
  const [local, setLocal] = useState<string | undefined>(undefined);
  const { check } = props;
  return (
    <Field form={props.form} name={props.name} label={props.label} error={props.error ?? local}>
      {(p) => (
        <input
          {...p}
          type="text"
          defaultValue={props.defaultValue ?? ''}
          inputMode={props.inputMode ?? 'text'}
          required={props.required ?? false}
          autoComplete="off"
          {...(check !== undefined && {
            onBlur: (event) => {
              const value = event.currentTarget.value.trim();
              setLocal(value === '' ? undefined : check(value));
            },
          })}
        />
      )}
    </Field>
  );
}

/** A select of codes: `{ code, text }` rows of a code table. */
export function CodeField(props: {
  form: string;
  name: string;
  label: string;
  error: string | undefined;
  options: readonly { code: number; text: string }[];
  defaultValue?: number | null;
}) {
  return (
    <Field form={props.form} name={props.name} label={props.label} error={props.error}>
      {(p) => (
        // Remounted when the options arrive, so that the default is chosen among them.
        <select
          {...p}
          key={props.options.length}
          defaultValue={props.defaultValue == null ? '' : String(props.defaultValue)}
        >
          <option value="">Vælg …</option>
          {props.options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What a form shows above its button: the error for the form as a whole, or that it was saved. */
export function FormMessage({ error, saved }: { error: string | undefined; saved: string | undefined }) {
  if (error !== undefined)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (saved !== undefined)
    return (
      <p role="status" className="success">
        {saved}
      </p>
    );
  return null;
}
