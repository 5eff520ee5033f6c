import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  cvrNumberScalar,
  emailScalar,
  institutionNumberScalar,
  municipalityCodeScalar,
  passesCvrModulus11,
  pNumberScalar,
  postalCodeScalar,
  textScalar,
} from './index.ts';
import { ScalarInputError } from './text-scalar.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('accepted');
};

describe('the register’s identifiers as scalars', () => {
  it.each([
    [institutionNumberScalar, ['G30675', 'D10041', ' G10662 '], ['G3067', 'g30675', 'G306755', 'GG0675', '']],
    [cvrNumberScalar, ['64942212', '33178522', '29189641'], ['33178523', '1234567', '6494221x']],
    [pNumberScalar, ['4774805696', '1000000001'], ['477480569', '47748056960', 'abcdefghij']],
    [postalCodeScalar, ['2720', '0800'], ['272', '27200', 'DK-2720']],
    [
      emailScalar,
      ['a@kk.dk', 'børn@æblehaven.dk'],
      ['ikke en e-mail', 'a@b', '@kk.dk', `${'a'.repeat(130)}@kk.dk`],
    ],
  ] as const)('%s accepts the well-formed and refuses the rest', (scalar, good, bad) => {
    for (const value of good) expect(scalar.parseValue(value)).toBe(value.trim());
    for (const value of bad) {
      const error = refusal(() => scalar.parseValue(value));
      expect(error).toBeInstanceOf(ScalarInputError);
      expect((error as ScalarInputError).message).toMatch(new RegExp(`^${scalar.name} must `));
      expect((error as ScalarInputError).extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(() => scalar.parseValue(12345)).toThrow(ScalarInputError);
  });

  it('MunicipalityCode: one of the 98, "101" or "0101" or 101, normalised unpadded', () => {
    expect(municipalityCodeScalar.parseValue('101')).toBe('101');
    expect(municipalityCodeScalar.parseValue('0101')).toBe('101');
    expect(municipalityCodeScalar.parseValue(751)).toBe('751');
    expect(municipalityCodeScalar.parseLiteral({ kind: Kind.INT, value: '860' })).toBe('860');
    for (const bad of ['999', '100', '10', '01011', 'København', 101.5]) {
      expect(() => municipalityCodeScalar.parseValue(bad)).toThrow(/98 official municipality codes/);
    }
  });

  it('literals: strings only (but municipality codes), the same rule', () => {
    expect(pNumberScalar.parseLiteral({ kind: Kind.STRING, value: '4774805696' })).toBe('4774805696');
    expect(() => pNumberScalar.parseLiteral({ kind: Kind.INT, value: '4774805696' })).toThrow(
      ScalarInputError,
    );
    expect(() => institutionNumberScalar.parseLiteral({ kind: Kind.BOOLEAN, value: true })).toThrow(
      /InstitutionNumber must be 6 characters/,
    );
  });

  it('output passes through as the register has it', () => {
    expect(cvrNumberScalar.serialize('12345678')).toBe('12345678');
    expect(() => cvrNumberScalar.serialize(12345678)).toThrow(TypeError);
  });

  it('CVR modulus 11', () => {
    expect(passesCvrModulus11('64942212')).toBe(true);
    expect(passesCvrModulus11('64942213')).toBe(false);
  });

  it('Text: composed (NFC), a lone surrogate refused; every text scalar refuses one', () => {
    expect(textScalar.parseValue('A\u030Abyho\u0308j')).toBe('Åbyhöj');
    expect(textScalar.parseValue('Ølstykke 🌳')).toBe('Ølstykke 🌳');
    expect(() => textScalar.parseValue('Æble\ud800')).toThrow(
      /Text must be Unicode text; got a lone surrogate/,
    );
    expect(() => textScalar.parseValue('\udc00')).toThrow(ScalarInputError);
    expect(() => emailScalar.parseValue('a\ud800@kk.dk')).toThrow(/Email must be Unicode text/);
  });
});
