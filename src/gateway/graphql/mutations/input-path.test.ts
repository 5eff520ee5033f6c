import { describe, expect, it } from 'vitest';
import { toInputPath } from './input-path.ts';

describe('toInputPath', () => {
  it.each([
    ['InsertDaginstitution', 'Daginstitution/ejerformKode', ['input', 'ownershipCode']],
    ['InsertDaginstitution', 'Daginstitution/admKommuneKode', ['input', 'municipalityCode']],
    ['InsertDaginstitution', 'Daginstitution', ['input']],
    [
      'InsertDaginstitution',
      'AnvisningsEnhed/Adresse/postNummer',
      ['input', 'firstUnit', 'address', 'postalCode'],
    ],
    ['InsertDaginstitution', 'AnvisningsEnhed/Adresse', ['input', 'firstUnit', 'address']],
    ['InsertDaginstitution', 'AnvisningsEnhed/PNummer', ['input', 'firstUnit', 'pNumber']],
    ['InsertDaginstitution', 'AnvisningsEnhed/InstType3', ['input', 'firstUnit', 'institutionTypeCode']],
    ['InsertDaginstitution', 'AnvisningsEnhed/DagInstitutionsNummer', ['input', 'firstUnit']],
    ['UpdateDaginstitution', 'Daginstitution/daginstitutionsNummer', ['input', 'number']],
    ['UpdateDaginstitution', 'Daginstitution/lovgrundlagKode', ['input', 'legalBasisCode']],
    ['DeleteDaginstitution', 'DagInstitutionsNummer', ['input', 'number']],
    ['InsertAnvisningsEnhed', 'AnvisningsEnhed/DagInstitutionsNummer', ['input', 'daycareInstitutionNumber']],
    ['InsertAnvisningsEnhed', 'AnvisningsEnhed/Email', ['input', 'unit', 'email']],
    [
      'InsertAnvisningsEnhed',
      'AnvisningsEnhed/Adresse/husNummer',
      ['input', 'unit', 'address', 'houseNumber'],
    ],
    ['UpdateAnvisningsEnhed', 'AnvisningsEnhed/EnhedsNummer', ['input', 'number']],
    ['UpdateAnvisningsEnhed', 'AnvisningsEnhed/TelefonNummer', ['input', 'phone']],
    ['UpdateAnvisningsEnhed', 'AnvisningsEnhed/Adresse/geoBredde', ['input', 'address', 'latitude']],
    ['DeleteAnvisningsEnhed', 'EnhedsNummer', ['input', 'number']],
    ['MoveAnvisningsEnhed', 'EnhedsNummer', ['input', 'number']],
    ['MoveAnvisningsEnhed', 'DagInstitutionsNummer', ['input', 'toDaycareInstitutionNumber']],
    ['InsertAlternativAdresse', 'AlternativAdresse/EnhedsNummer', ['input', 'assignmentUnitNumber']],
    ['InsertAlternativAdresse', 'AlternativAdresse/Navn', ['input', 'alternativeAddress', 'name']],
    [
      'InsertAlternativAdresse',
      'AlternativAdresse/Adresse/kommuneKode',
      ['input', 'alternativeAddress', 'address', 'municipalityCode'],
    ],
    ['UpdateAlternativAdresse', 'AlternativAdresse/AlternativAdresseNummer', ['input', 'number']],
    ['DeleteAlternativAdresse', 'AlternativAdresseNummer', ['input', 'number']],
    ['MoveAlternativAdresse', 'AlternativAdresseNummer', ['input', 'number']],
    ['MoveAlternativAdresse', 'EnhedsNummer', ['input', 'toAssignmentUnitNumber']],
  ] as const)('%s: %s → %j', (operation, felt, path) => {
    expect(toInputPath(operation, felt)).toEqual(path);
  });

  it('maps what it does not know to the input, or to the deepest part it knows', () => {
    expect(toInputPath('UpdateAnvisningsEnhed', 'xml')).toEqual(['input']);
    expect(toInputPath('UpdateAnvisningsEnhed', '')).toEqual(['input']);
    expect(toInputPath('DeleteDaginstitution', 'EnhedsNummer')).toEqual(['input']);
    expect(toInputPath('InsertAnvisningsEnhed', 'AnvisningsEnhed/Fax')).toEqual(['input', 'unit']);
    expect(toInputPath('InsertAnvisningsEnhed', 'AnvisningsEnhed/Adresse/dawaId')).toEqual([
      'input',
      'unit',
      'address',
    ]);
    expect(toInputPath('InsertAnvisningsEnhed', 'AnvisningsEnhed/CVRNummer')).toEqual(['input', 'unit']);
  });
});
