import { useRef, useState, type FocusEvent, type FormEvent } from 'react';
import type { WriteResult } from './use-write.ts';

/**
 * Checks a form as it is filled in: when a field is left, the whole form is sent as a dry run
 * (`validateOnly: true`, the register's own rules, nothing written) and the register's errors are
 * shown at the fields the user has already been in, so an empty field further down is not called
 * wrong before it is reached. After a first save attempt every field's errors are shown. Nothing is
 * sent until `ready` says the form's values are of their kinds (a P-nummer of 10 digits, …).
 */
export function useDryRun(
  check: (form: FormData) => Promise<WriteResult<unknown>>,
  ready: (form: FormData) => boolean,
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const visited = useRef(new Set<string>());
  const submitted = useRef(false);
  // Only the answer to the latest check is shown: an earlier one describes an older form.
  const latest = useRef(0);

  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement) || target.name === '')
      return;
    visited.current.add(target.name);
    const form = new FormData(event.currentTarget);
    const id = ++latest.current;
    if (!ready(form)) return;
    void check(form).then((result) => {
      if (id !== latest.current) return;
      const shown = Object.entries(result.fieldErrors).filter(
        ([key]) => submitted.current || visited.current.has(key),
      );
      setErrors(Object.fromEntries(shown));
    });
  };

  /**
   * A field being changed loses its error at once, and checks still under way are not shown: they
   * describe the value before the change.
   */
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    latest.current++;
    setErrors((shown) => {
      if (shown[target.name] === undefined) return shown;
      const rest = { ...shown };
      delete rest[target.name];
      return rest;
    });
  };

  /** The errors of a real save replace the checked ones; from then on every field's are shown. */
  const saved = (fieldErrors: Record<string, string>) => {
    submitted.current = true;
    latest.current++;
    setErrors(fieldErrors);
  };

  return { errors, onBlur, onChange, saved };
}
