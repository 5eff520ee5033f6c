import { describe, expect, it } from 'vitest';
import { toPayload } from './to-payload.ts';

const refused = { assignmentUnit: null };

describe('toPayload', () => {
  it('a written or valid outcome: its payload, no userErrors', () => {
    const unit = { assignmentUnit: null, note: 'read back' };
    expect(toPayload('UpdateAnvisningsEnhed', { kind: 'written', payload: unit })).toEqual({
      ...unit,
      userErrors: [],
    });
    expect(toPayload('UpdateAnvisningsEnhed', { kind: 'valid', payload: refused })).toEqual({
      ...refused,
      userErrors: [],
    });
  });

  it("places each error in the operation's input, the register's first", () => {
    const payload = toPayload('InsertAnvisningsEnhed', {
      kind: 'refused',
      payload: refused,
      errors: [
        {
          field: 'AnvisningsEnhed/InstType3',
          code: 'KODE_UKENDT',
          message: 'InstType3 9 findes ikke',
          by: 'gateway',
        },
        {
          field: 'AnvisningsEnhed/Adresse/postNummer',
          code: 'POSTNUMMER_UKENDT',
          message: 'ukendt',
          by: 'register',
        },
      ],
    });
    expect(payload).toEqual({
      ...refused,
      userErrors: [
        { field: ['input', 'unit', 'address', 'postalCode'], code: 'POSTNUMMER_UKENDT', message: 'ukendt' },
        {
          field: ['input', 'unit', 'institutionTypeCode'],
          code: 'KODE_UKENDT',
          message: 'InstType3 9 findes ikke',
        },
      ],
    });
  });

  it("leaves out the gateway's code error where the register reported on the same input field", () => {
    const payload = toPayload('UpdateAnvisningsEnhed', {
      kind: 'refused',
      payload: refused,
      errors: [
        { field: 'AnvisningsEnhed/InstType3', code: 'KODE_UKENDT', message: 'fra gatewayen', by: 'gateway' },
        {
          field: 'AnvisningsEnhed/InstType3',
          code: 'INSTTYPE_UKENDT',
          message: 'fra registeret',
          by: 'register',
        },
      ],
    });
    expect(payload.userErrors).toEqual([
      { field: ['input', 'institutionTypeCode'], code: 'INSTTYPE_UKENDT', message: 'fra registeret' },
    ]);
  });
});
