import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import type { EditableUnitFragment } from '../gql/graphql.ts';
import type { Scope } from '../lib/rights.ts';
import { addressLine, STATUS_TEXT } from '../lib/texts.ts';
import { href } from '../lib/use-hash-route.ts';
import { AddressEditor } from './address-editor.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import {
  CloseUnitMutation,
  CreateAddressMutation,
  MoveUnitMutation,
  UnitAddressesQuery,
  UpdateUnitMutation,
} from './documents.ts';
import { Field, FormMessage } from './field.tsx';
import { useOwnDaycare } from './own-daycare.ts';
import { assignmentUnitInput, unitInput, UnitFields, wellFormed } from './unit-fields.tsx';
import { useDryRun } from './use-dry-run.ts';
import { useFormWrite } from './use-form-write.ts';
import { useWrite } from './use-write.ts';

interface Daycare {
  number: string;
  name: string;
  administeringMunicipality: { code: number };
}

/** Where a unit may move: the identity's other daginstitutioner in the same administrating municipality. */
function MoveTarget({
  form,
  scope,
  daycare,
  error,
}: {
  form: string;
  scope: Scope;
  daycare: Daycare;
  error: string | undefined;
}) {
  const { data } = useOwnDaycare(scope, { municipalityCode: String(daycare.administeringMunicipality.code) });
  const targets = (data?.daycareInstitutions.edges ?? [])
    .map((e) => e.node)
    .filter((d) => d.number !== daycare.number);
  return (
    <Field form={form} name="toDaycareInstitutionNumber" label="Flyt til daginstitution" error={error}>
      {(p) =>
        scope.kind === 'admin' ? (
          <input {...p} autoComplete="off" />
        ) : (
          <select {...p} defaultValue="">
            <option value="">Vælg …</option>
            {targets.map((t) => (
              <option key={t.number} value={t.number}>
                {t.name} ({t.number})
              </option>
            ))}
          </select>
        )
      }
    </Field>
  );
}

/** One anvisningsenhed: edit, move, close, and its alternative adresser. */
export function UnitEditor({
  unit,
  daycare,
  siblings,
  scope,
  editable,
  onSaved,
}: {
  unit: EditableUnitFragment;
  daycare: Daycare;
  siblings: EditableUnitFragment[];
  scope: Scope;
  editable: boolean;
  onSaved: (notice: string) => void;
}) {
  const write = useWrite();
  const edit = useFormWrite();
  const move = useFormWrite();
  const addAddress = useFormWrite();
  const [confirm, setConfirm] = useState<null | { kind: 'close' } | { kind: 'move'; to: string }>(null);
  const [closeError, setCloseError] = useState<string | undefined>(undefined);
  const form = `enhed-${unit.number}`;
  const active = unit.status === 'ACTIVE';
  // A unit's alternative adresser are read when they are opened: a daginstitution may have a
  // hundred units, and one query for all their addresses would exceed the gateway's cost limit.
  const [addressesOpen, setAddressesOpen] = useState(false);
  const [{ data: addressData }] = useQuery({
    query: UnitAddressesQuery,
    variables: { number: unit.number },
    pause: !addressesOpen,
  });
  const addresses =
    addressData?.institution?.__typename === 'AssignmentUnit'
      ? addressData.institution.alternativeAddresses
      : [];

  const sendEdit = (values: FormData, validateOnly: boolean) =>
    write(
      UpdateUnitMutation,
      { input: { number: unit.number, ...assignmentUnitInput(values, '') }, validateOnly },
      (d) => d.updateAssignmentUnit.userErrors,
    );
  // The edit form is checked by the register's rules as it is filled in, like the create form.
  const checked = useDryRun((values) => sendEdit(values, true), wellFormed);
  const onEdit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const saved = await edit.run(async () => {
      const result = await sendEdit(values, false);
      checked.saved(result.fieldErrors);
      return result;
    });
    if (saved !== undefined) onSaved(`Anvisningsenheden ${unit.number} er gemt.`);
  };
  const onMoveAsk = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to = String(new FormData(event.currentTarget).get('toDaycareInstitutionNumber') ?? '')
      .trim()
      .toUpperCase();
    if (to !== '') setConfirm({ kind: 'move', to });
  };
  const onMove = async (to: string) => {
    setConfirm(null);
    const saved = await move.run(() =>
      write(
        MoveUnitMutation,
        { input: { number: unit.number, toDaycareInstitutionNumber: to } },
        (d) => d.moveAssignmentUnit.userErrors,
      ),
    );
    if (saved !== undefined) onSaved(`Anvisningsenheden ${unit.number} er flyttet til ${to}.`);
  };
  const onClose = async () => {
    setConfirm(null);
    const result = await write(
      CloseUnitMutation,
      { input: { number: unit.number } },
      (d) => d.closeAssignmentUnit.userErrors,
    );
    setCloseError(result.formError ?? Object.values(result.fieldErrors)[0]);
    if (result.data !== undefined) onSaved(`Anvisningsenheden ${unit.number} er nedlagt.`);
  };
  const onAddAddress = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const input = {
      assignmentUnitNumber: unit.number,
      alternativeAddress: unitInput(new FormData(target), 'alternativeAddress'),
    };
    const saved = await addAddress.run(() =>
      write(CreateAddressMutation, { input }, (d) => d.createAlternativeAddress.userErrors),
    );
    if (saved?.createAlternativeAddress.alternativeAddress != null) {
      onSaved(
        `Den alternative adresse ${saved.createAlternativeAddress.alternativeAddress.number} er oprettet.`,
      );
      target.reset();
    }
  };

  return (
    <article className="panel" aria-labelledby={`${form}-titel`}>
      <h3 id={`${form}-titel`}>
        {unit.name} ({unit.number})
      </h3>
      <p>
        {unit.institutionType.text} · {addressLine(unit.address)} · P-nummer{' '}
        {unit.pNumber ?? 'ikke registreret'} · {STATUS_TEXT[unit.status]} ·{' '}
        <a href={href(`/institution/${unit.number}`)}>Offentlig side</a>
      </p>
      {editable && active && (
        <>
          <details>
            <summary>Redigér {unit.name}</summary>
            <form
              onSubmit={(event) => void onEdit(event)}
              onBlur={checked.onBlur}
              onChange={checked.onChange}
              noValidate
              aria-label={`Redigér ${unit.name}`}
            >
              <UnitFields
                form={form}
                prefix=""
                values={{ ...unit, institutionTypeCode: unit.institutionType.code }}
                errors={checked.errors}
                withType
              />
              <FormMessage error={edit.formError} saved={undefined} />
              <button type="submit" disabled={edit.busy}>
                Gem anvisningsenhed
              </button>
            </form>
          </details>
          <form className="search-form" onSubmit={onMoveAsk} aria-label={`Flyt ${unit.name}`}>
            <MoveTarget
              form={form}
              scope={scope}
              daycare={daycare}
              error={move.errors.toDaycareInstitutionNumber}
            />
            <button type="submit" className="secondary">
              Flyt …
            </button>
          </form>
          <FormMessage error={move.formError} saved={undefined} />
          <p>
            <button type="button" className="danger" onClick={() => setConfirm({ kind: 'close' })}>
              Nedlæg {unit.name} …
            </button>
          </p>
          <FormMessage error={closeError} saved={undefined} />
        </>
      )}
      {confirm?.kind === 'close' && (
        <ConfirmDialog
          title={`Nedlæg ${unit.name}?`}
          confirmLabel="Nedlæg anvisningsenheden"
          onConfirm={() => void onClose()}
          onCancel={() => setConfirm(null)}
        >
          <p>
            Anvisningsenheden får status Nedlagt. Den beholder nummeret {unit.number}, kan stadig ses i
            registeret og kan ikke ændres igen. Der kan ikke længere oprettes Unilogin-brugere på den.
          </p>
          <p>
            Har den aktive alternative adresser, skal de nedlægges eller flyttes først: ellers afviser
            registeret nedlæggelsen.
          </p>
        </ConfirmDialog>
      )}
      {confirm?.kind === 'move' && (
        <ConfirmDialog
          title={`Flyt ${unit.name} til ${confirm.to}?`}
          confirmLabel="Flyt anvisningsenheden"
          onConfirm={() => void onMove(confirm.to)}
          onCancel={() => setConfirm(null)}
        >
          <p>
            Anvisningsenheden flytter fra {daycare.name} ({daycare.number}) til daginstitution {confirm.to}{' '}
            med sine alternative adresser. Den beholder sit nummer {unit.number}. Begge daginstitutioner skal
            være dine og have samme administrerende kommune.
          </p>
          {siblings.length === 0 && (
            <p>
              Det er daginstitutionens sidste aktive anvisningsenhed, og en daginstitution skal beholde én:
              registeret afviser flytningen.
            </p>
          )}
        </ConfirmDialog>
      )}
      <details onToggle={(event) => setAddressesOpen(event.currentTarget.open)}>
        <summary>Alternative adresser under {unit.name}</summary>
        {addressData !== undefined && addresses.length === 0 && <p>Ingen alternative adresser.</p>}
        {addresses.map((address) => (
          <AddressEditor
            key={address.id}
            address={address}
            unit={unit}
            siblings={siblings}
            editable={editable && active}
            onSaved={onSaved}
          />
        ))}
        {editable && active && (
          <form
            onSubmit={(event) => void onAddAddress(event)}
            noValidate
            aria-label={`Ny alternativ adresse under ${unit.name}`}
          >
            <h4>Tilføj alternativ adresse</h4>
            <UnitFields
              form={`${form}-ny-adresse`}
              prefix="alternativeAddress"
              errors={addAddress.errors}
              withType={false}
            />
            <FormMessage error={addAddress.formError} saved={undefined} />
            <button type="submit" disabled={addAddress.busy}>
              Opret alternativ adresse
            </button>
          </form>
        )}
      </details>
    </article>
  );
}
