import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useFilterOptions } from '../components/filter-options.ts';
import { PageHeading } from '../components/page-heading.tsx';
import { QueryState } from '../components/query-state.tsx';
import { mayChange, type Scope } from '../lib/rights.ts';
import { STATUS_TEXT } from '../lib/texts.ts';
import { href, useHashRoute } from '../lib/use-hash-route.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import {
  CloseDaycareMutation,
  CreateUnitMutation,
  DaycareForEditQuery,
  UpdateDaycareMutation,
} from './documents.ts';
import { CodeField, FormMessage, TextField } from './field.tsx';
import { UnitEditor } from './unit-editor.tsx';
import { assignmentUnitInput, formCode, formValue, UnitFields } from './unit-fields.tsx';
import { useFormWrite } from './use-form-write.ts';
import { useWrite } from './use-write.ts';

const SAVED: Readonly<Record<string, string>> = {
  oprettet: 'Daginstitutionen og dens første anvisningsenhed er oprettet.',
};

/** One daginstitution to maintain: its fields, its units and their alternative adresser. */
export function DaycareEditor({ number, scope }: { number: string; scope: Scope }) {
  const { params } = useHashRoute();
  // Earlier pages' cursors of the units, to page back (undefined: the first page).
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const after = pages[pages.length - 1];
  const [{ data, fetching, error }] = useQuery({ query: DaycareForEditQuery, variables: { number, after } });
  const [notice, setNotice] = useState<string | undefined>(SAVED[params.get('gemt') ?? '']);
  const options = useFilterOptions();
  const write = useWrite();
  const update = useFormWrite();
  const addUnit = useFormWrite();
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | undefined>(undefined);
  const institution = data?.institution;
  if (institution == null || institution.__typename !== 'DaycareInstitution') {
    const parent =
      institution?.__typename === 'AssignmentUnit'
        ? institution.daycareInstitution.number
        : institution?.__typename === 'AlternativeAddress'
          ? institution.assignmentUnit.daycareInstitution.number
          : undefined;
    return (
      <>
        <PageHeading title={number}>{number}</PageHeading>
        <QueryState fetching={fetching} error={error} />
        {parent !== undefined && (
          <p>
            {number} hører under daginstitution <a href={href(`/vedligehold/${parent}`)}>{parent}</a>.
          </p>
        )}
        {data !== undefined && institution === null && (
          <p role="status">Ingen daginstitution har nummer {number}.</p>
        )}
      </>
    );
  }
  const daycare = institution;
  const editable = mayChange(scope, daycare);
  const units = daycare.units.edges.map((e) => e.node);
  const activeUnits = units.filter((u) => u.status === 'ACTIVE');

  const onUpdate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const saved = await update.run(() =>
      write(
        UpdateDaycareMutation,
        {
          input: {
            number: daycare.number,
            name: formValue(form, 'name'),
            ownershipCode: formCode(form, 'ownershipCode'),
            legalBasisCode: formCode(form, 'legalBasisCode'),
            municipalityCode: formValue(form, 'municipalityCode'),
          },
        },
        (d) => d.updateDaycareInstitution.userErrors,
      ),
    );
    if (saved !== undefined) setNotice('Daginstitutionen er gemt.');
  };
  const onAddUnit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const saved = await addUnit.run(() =>
      write(
        CreateUnitMutation,
        { input: { daycareInstitutionNumber: daycare.number, unit: assignmentUnitInput(form, 'unit') } },
        (d) => d.createAssignmentUnit.userErrors,
      ),
    );
    if (saved?.createAssignmentUnit.assignmentUnit != null) {
      setNotice(`Anvisningsenheden ${saved.createAssignmentUnit.assignmentUnit.number} er oprettet.`);
      target.reset();
    }
  };
  const onClose = async () => {
    setClosing(false);
    const result = await write(
      CloseDaycareMutation,
      { input: { number: daycare.number } },
      (d) => d.closeDaycareInstitution.userErrors,
    );
    setCloseError(result.formError ?? Object.values(result.fieldErrors)[0]);
    if (result.data !== undefined) setNotice('Daginstitutionen er nedlagt.');
  };

  return (
    <>
      <p className="breadcrumb">
        <a href={href('/vedligehold')}>Dine daginstitutioner</a> ·{' '}
        <a href={href(`/institution/${daycare.number}`)}>Offentlig side</a>
      </p>
      <PageHeading title={daycare.name}>{daycare.name}</PageHeading>
      <p>
        Daginstitution {daycare.number} · {daycare.ownership.text} · {daycare.administeringMunicipality.name}{' '}
        · {STATUS_TEXT[daycare.status]}
      </p>
      {notice !== undefined && (
        <p role="status" className="success">
          {notice}
        </p>
      )}
      {!editable && (
        <p className="panel">
          {daycare.status === 'CLOSED'
            ? 'Daginstitutionen er nedlagt og kan ikke ændres.'
            : 'Du må ikke ændre denne daginstitution: den er ikke din efter registerets regler for rettigheder.'}
        </p>
      )}
      {editable && (
        <section aria-labelledby="dgi-felter" className="panel">
          <h2 id="dgi-felter">Daginstitutionen</h2>
          <form onSubmit={(event) => void onUpdate(event)} noValidate aria-labelledby="dgi-felter">
            <TextField
              form="dgi"
              name="name"
              label="Navn"
              error={update.errors.name}
              defaultValue={daycare.name}
            />
            <CodeField
              form="dgi"
              name="ownershipCode"
              label="Ejerform"
              error={update.errors.ownershipCode}
              options={options.ownerships}
              defaultValue={daycare.ownership.code}
            />
            <CodeField
              form="dgi"
              name="legalBasisCode"
              label="Lovgrundlag"
              error={update.errors.legalBasisCode}
              options={options.legalBases}
              defaultValue={daycare.legalBasis.code}
            />
            <CodeField
              form="dgi"
              name="municipalityCode"
              label="Administrerende kommune"
              error={update.errors.municipalityCode}
              options={options.municipalities}
              defaultValue={daycare.administeringMunicipality.code}
            />
            <FormMessage error={update.formError} saved={undefined} />
            <button type="submit" disabled={update.busy}>
              Gem daginstitution
            </button>
          </form>
          <h3>Nedlæg daginstitutionen</h3>
          {daycare.activeUnits.totalCount > 0 ? (
            <p>
              En daginstitution med aktive anvisningsenheder kan ikke nedlægges. Nedlæg eller flyt først dens{' '}
              {daycare.activeUnits.totalCount} aktive anvisningsenhed
              {daycare.activeUnits.totalCount === 1 ? '' : 'er'}.
            </p>
          ) : (
            <button type="button" className="danger" onClick={() => setClosing(true)}>
              Nedlæg daginstitution …
            </button>
          )}
          <FormMessage error={closeError} saved={undefined} />
          {closing && (
            <ConfirmDialog
              title={`Nedlæg ${daycare.name}?`}
              confirmLabel="Nedlæg daginstitutionen"
              onConfirm={() => void onClose()}
              onCancel={() => setClosing(false)}
            >
              <p>
                Daginstitutionen får status Nedlagt. Den beholder sit nummer {daycare.number}, som aldrig
                genbruges, og kan stadig ses i registeret, men kan ikke ændres igen, og der kan ikke oprettes
                eller flyttes noget ind under den.
              </p>
            </ConfirmDialog>
          )}
        </section>
      )}
      <section aria-labelledby="enheder">
        <h2 id="enheder">Anvisningsenheder ({daycare.units.totalCount})</h2>
        {(daycare.units.pageInfo.hasNextPage || pages.length > 1) && (
          <nav aria-label="Sider med anvisningsenheder" className="pager">
            <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>
              Forrige 30
            </button>
            <button
              type="button"
              disabled={!daycare.units.pageInfo.hasNextPage}
              onClick={() => setPages([...pages, daycare.units.pageInfo.endCursor ?? undefined])}
            >
              Næste 30
            </button>
          </nav>
        )}
        {units.map((unit) => (
          <UnitEditor
            key={unit.id}
            unit={unit}
            daycare={daycare}
            siblings={activeUnits.filter((u) => u.number !== unit.number)}
            scope={scope}
            editable={editable}
            onSaved={setNotice}
          />
        ))}
      </section>
      {editable && (
        <section aria-labelledby="ny-enhed" className="panel">
          <h2 id="ny-enhed">Tilføj anvisningsenhed</h2>
          <form onSubmit={(event) => void onAddUnit(event)} noValidate aria-labelledby="ny-enhed">
            <UnitFields form="ny-enhed" prefix="unit" errors={addUnit.errors} withType />
            <FormMessage error={addUnit.formError} saved={undefined} />
            <button type="submit" disabled={addUnit.busy}>
              Opret anvisningsenhed
            </button>
          </form>
        </section>
      )}
    </>
  );
}
