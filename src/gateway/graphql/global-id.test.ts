import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { fromGlobalId, requireInstitutionNumber, toGlobalId } from './global-id.ts';

describe('global ids', () => {
  it('are base64 of the type name and the number, and decode back', () => {
    const id = toGlobalId('AssignmentUnit', 'G10662');
    expect(Buffer.from(id, 'base64').toString()).toBe('AssignmentUnit:G10662');
    expect(fromGlobalId(id)).toEqual({ kind: 'AssignmentUnit', number: 'G10662' });
    expect(fromGlobalId(toGlobalId('DaycareInstitution', 'D10041')).kind).toBe('DaycareInstitution');
  });

  it.each([
    ['not base64 at all', '!!!'],
    ['an unknown type', Buffer.from('Kindergarten:G10662').toString('base64')],
    ['a bad number', Buffer.from('AssignmentUnit:12345').toString('base64')],
    ['no separator', Buffer.from('AssignmentUnit').toString('base64')],
    ['junk after the base64', `${toGlobalId('AssignmentUnit', 'G10662')}xyz`],
  ])('refuse %s with BAD_USER_INPUT', (_, id) => {
    expect(() => fromGlobalId(id)).toThrow(AppError);
    try {
      fromGlobalId(id);
    } catch (error) {
      expect((error as AppError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('institution numbers are a capital letter and 5 digits', () => {
    expect(requireInstitutionNumber('D10041')).toBe('D10041');
    expect(() => requireInstitutionNumber('G1066')).toThrow(/not an institutionsnummer/);
    expect(() => requireInstitutionNumber('g10662')).toThrow(/not an institutionsnummer/);
  });
});
