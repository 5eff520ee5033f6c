import { useState, type FormEvent } from 'react';
import type { EditableAlternativeAddressFragment, EditableUnitFragment } from '../gql/graphql.ts';
import { addressLine, STATUS_TEXT } from '../lib/texts.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { CloseAddressMutation, MoveAddressMutation, UpdateAddressMutation } from './documents.ts';
import { Field, FormMessage } from './field.tsx';
import { unitInput, UnitFields } from './unit-fields.tsx';
import { useFormWrite } from './use-form-write.ts';
import { useWrite } from './use-write.ts';

type Address = EditableAlternativeAddressFragment;

/** One alternative adresse: edit, move to a sibling anvisningsenhed, close. */
export function AddressEditor({
  address,
  unit,
  siblings,
  editable,
  onSaved,
}: {
  address: Address;
  unit: EditableUnitFragment;
  siblings: EditableUnitFragment[];
  editable: boolean;
  onSaved: (notice: string) => void;
}) {
  const write = useWrite();
  const edit = useFormWrite();
  const move = useFormWrite();
  const [confirm, setConfirm] = useState<null | { kind: 'close' } | { kind: 'move'; to: string }>(null);
  const [closeError, setCloseError] = useState<string | undefined>(undefined);
  const form = `adresse-${address.number}`;
  const active = address.status === 'ACTIVE';

  const onEdit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { number: address.number, ...unitInput(new FormData(event.currentTarget), '') };
    const saved = await edit.run(() =>
      write(UpdateAddressMutation, { input }, (d) => d.updateAlternativeAddress.userErrors),
    );
    if (saved !== undefined) onSaved(`Den alternative adresse ${address.number} er gemt.`);
  };
  const onMove = async (to: string) => {
    setConfirm(null);
    const saved = await move.run(() =>
      write(
        MoveAddressMutation,
        { input: { number: address.number, toAssignmentUnitNumber: to } },
        (d) => d.moveAlternativeAddress.userErrors,
      ),
    );
    if (saved !== undefined) onSaved(`Den alternative adresse ${address.number} er flyttet til ${to}.`);
  };
  const onClose = async () => {
    setConfirm(null);
    const result = await write(
      CloseAddressMutation,
      { input: { number: address.number } },
      (d) => d.closeAlternativeAddress.userErrors,
    );
    setCloseError(result.formError ?? Object.values(result.fieldErrors)[0]);
    if (result.data !== undefined) onSaved(`Den alternative adresse ${address.number} er nedlagt.`);
  };
  return (
    <div className="address">
      <p>
        <strong>{address.name}</strong> ({address.number}) · {addressLine(address.address)} ·{' '}
        {STATUS_TEXT[address.status]}
      </p>
      {editable && active && (
        <>
          <details>
            <summary>Redigér {address.name}</summary>
            <form onSubmit={(event) => void onEdit(event)} noValidate aria-label={`Redigér ${address.name}`}>
              <UnitFields form={form} prefix="" values={address} errors={edit.errors} withType={false} />
              <FormMessage error={edit.formError} saved={undefined} />
              <button type="submit" disabled={edit.busy}>
                Gem alternativ adresse
              </button>
            </form>
          </details>
          {siblings.length > 0 && (
            <form
              className="search-form"
              aria-label={`Flyt ${address.name}`}
              onSubmit={(event) => {
                event.preventDefault();
                const to = String(new FormData(event.currentTarget).get('toAssignmentUnitNumber') ?? '');
                if (to !== '') setConfirm({ kind: 'move', to });
              }}
            >
              <Field
                form={form}
                name="toAssignmentUnitNumber"
                label="Flyt til anvisningsenhed"
                error={move.errors.toAssignmentUnitNumber}
              >
                {(p) => (
                  <select {...p} defaultValue="">
                    <option value="">Vælg …</option>
                    {siblings.map((s) => (
                      <option key={s.number} value={s.number}>
                        {s.name} ({s.number})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" className="secondary">
                Flyt …
              </button>
            </form>
          )}
          <FormMessage error={move.formError} saved={undefined} />
          <button type="button" className="danger" onClick={() => setConfirm({ kind: 'close' })}>
            Nedlæg {address.name} …
          </button>
          <FormMessage error={closeError} saved={undefined} />
        </>
      )}
      {confirm?.kind === 'close' && (
        <ConfirmDialog
          title={`Nedlæg ${address.name}?`}
          confirmLabel="Nedlæg den alternative adresse"
          onConfirm={() => void onClose()}
          onCancel={() => setConfirm(null)}
        >
          <p>
            Den alternative adresse får status Nedlagt, beholder nummeret {address.number} og kan ikke ændres
            igen. Der kan ikke længere oprettes Unilogin-brugere på den.
          </p>
        </ConfirmDialog>
      )}
      {confirm?.kind === 'move' && (
        <ConfirmDialog
          title={`Flyt ${address.name} til ${confirm.to}?`}
          confirmLabel="Flyt den alternative adresse"
          onConfirm={() => void onMove(confirm.to)}
          onCancel={() => setConfirm(null)}
        >
          <p>
            Den alternative adresse flytter fra {unit.name} ({unit.number}) til anvisningsenhed {confirm.to}{' '}
            og beholder sit nummer {address.number}. Begge enheder skal ligge i samme kommune.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
