import type { SelectHTMLAttributes } from 'react';

/**
 * A filter of the search and export pages: a labelled select of a code table's entries (or the
 * municipalities), with the empty value first meaning "all". Controlled or not, as the select
 * attributes given make it.
 */
export function FilterSelect({
  id,
  label,
  all,
  options,
  ...select
}: {
  id: string;
  label: string;
  /** The text of the empty value: no filter. */
  all: string;
  options: readonly { code: number | string; text: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
