import { useState, type FormEvent } from 'react';
import { useFilterOptions } from '../components/filter-options.ts';
import { PageHeading } from '../components/page-heading.tsx';
import type { Scope } from '../lib/rights.ts';
import { href } from '../lib/use-hash-route.ts';
import { CreateDaycareMutation } from './documents.ts';
import { CodeField, FormMessage, TextField } from './field.tsx';
import { assignmentUnitInput, formValue, requiredCode, UnitFields, wellFormed } from './unit-fields.tsx';
import { useDryRun } from './use-dry-run.ts';
import { useWrite } from './use-write.ts';

const FORM = 'opret';

/** InsertDaginstitution: a new daginstitution with its first anvisningsenhed, as the register requires. */
export function CreateDaycare({ scope }: { scope: Scope }) {
  const options = useFilterOptions();
  const write = useWrite();
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = (form: FormData, validateOnly: boolean) =>
    write(
      CreateDaycareMutation,
      {
        input: {
          name: formValue(form, 'name') ?? '',
          ownershipCode: requiredCode(form, 'ownershipCode'),
          legalBasisCode: requiredCode(form, 'legalBasisCode'),
          municipalityCode: formValue(form, 'municipalityCode') ?? '',
          firstUnit: assignmentUnitInput(form, 'firstUnit'),
        },
        validateOnly,
      },
      (data) => data.createDaycareInstitution.userErrors,
    );
  const { errors, onBlur, onChange, saved } = useDryRun((form) => send(form, true), wellFormed);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await send(form, false);
    setBusy(false);
    saved(result.fieldErrors);
    setFormError(result.formError);
    const created = result.data?.createDaycareInstitution.daycareInstitution;
    if (created != null) window.location.hash = href(`/vedligehold/${created.number}`, { gemt: 'oprettet' });
    else if (result.formError === undefined && Object.keys(result.fieldErrors).length > 0)
      setFormError('Daginstitutionen blev ikke oprettet. Ret fejlene ved felterne.');
  };
  return (
    <>
      <PageHeading title="Opret daginstitution">Opret daginstitution</PageHeading>
      <form
        onSubmit={(event) => void onSubmit(event)}
        onBlur={onBlur}
        onChange={onChange}
        noValidate
        aria-label="Opret daginstitution"
      >
        <fieldset>
          <legend>Daginstitutionen</legend>
          <TextField form={FORM} name="name" label="Daginstitutionens navn" error={errors.name} />
          <CodeField
            form={FORM}
            name="ownershipCode"
            label="Ejerform"
            error={errors.ownershipCode}
            options={options.ownerships}
            defaultValue={scope.kind === 'privat' ? 3 : scope.kind === 'kommune' ? 1 : null}
          />
          <CodeField
            form={FORM}
            name="legalBasisCode"
            label="Lovgrundlag"
            error={errors.legalBasisCode}
            options={options.legalBases}
          />
          <CodeField
            form={FORM}
            name="municipalityCode"
            label="Administrerende kommune"
            error={errors.municipalityCode}
            options={options.municipalities}
            defaultValue={scope.kind === 'kommune' ? scope.municipalityCode : null}
          />
        </fieldset>
        <fieldset>
          <legend>Første anvisningsenhed</legend>
          <UnitFields form={FORM} prefix="firstUnit" errors={errors} withType />
        </fieldset>
        <FormMessage error={formError} saved={undefined} />
        <button type="submit" disabled={busy}>
          Opret
        </button>
      </form>
    </>
  );
}
