import { useState } from 'react';
import type { WriteResult } from './use-write.ts';

/** A form's write state: its field errors, its form error and whether it is sending. */
export function useFormWrite() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  /** Runs a write and keeps its errors; true when it was saved. */
  const run = async <D>(send: () => Promise<WriteResult<D>>): Promise<D | undefined> => {
    setBusy(true);
    const result = await send();
    setBusy(false);
    setErrors(result.fieldErrors);
    const atFields = Object.keys(result.fieldErrors).length > 0;
    setFormError(
      result.formError ?? (atFields ? 'Ændringen blev ikke gemt. Ret fejlene ved felterne.' : undefined),
    );
    return result.data;
  };
  return { errors, formError, busy, run };
}
