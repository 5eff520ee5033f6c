import { describe, expect, it } from 'vitest';
import { testRecords } from '../../../test/fixtures/domain-records.ts';
import { RegisterModel } from './register-model.ts';

describe('RegisterModel', () => {
  it('keeps the newer of two versions of a record, whatever order they arrive in', () => {
    const model = new RegisterModel();
    expect(model.put(testRecords.unit({ email: 'ny@example.dk', changeSequence: 7 }))).toBe(true);
    // The load read an older version after the feed had already applied the newer one.
    expect(model.put(testRecords.unit({ email: 'gammel@example.dk', changeSequence: 3 }))).toBe(false);
    expect(model.get('AssignmentUnit', 'G10662')?.email).toBe('ny@example.dk');
    expect(model.put(testRecords.unit({ email: 'nyest@example.dk', changeSequence: 9 }))).toBe(true);
    expect(model.get('AssignmentUnit', 'G10662')?.email).toBe('nyest@example.dk');
  });

  it('answers list reads as the register does: ordered by number, a municipality with its units and their addresses', () => {
    const model = new RegisterModel();
    model.put(testRecords.unit({ number: 'G10700', daycareInstitutionNumber: 'G30306' }));
    model.put(testRecords.unit({ number: 'G10662', daycareInstitutionNumber: 'G30306' }));
    model.put(testRecords.unit({ number: 'G10800', daycareInstitutionNumber: 'G29215' }));
    model.put(
      testRecords.daycare({ number: 'G30306', administeringMunicipality: { code: 751, name: 'Aarhus' } }),
    );
    model.put(
      testRecords.daycare({ number: 'G29215', administeringMunicipality: { code: 101, name: 'København' } }),
    );
    model.put(testRecords.alternative({ number: 'G30504', assignmentUnitNumber: 'G10700' }));
    model.put(testRecords.alternative({ number: 'G30505', assignmentUnitNumber: 'G10800' }));

    expect(model.list({ operation: 'GetAllAnvisningsEnheder' }).assignmentUnits.map((u) => u.number)).toEqual(
      ['G10662', 'G10700', 'G10800'],
    );
    const aarhus = model.list({ operation: 'GetDagtilbudByAdmKommuneNummer', municipalityCode: 751 });
    expect(aarhus.daycareInstitutions.map((d) => d.number)).toEqual(['G30306']);
    expect(aarhus.assignmentUnits.map((u) => u.number)).toEqual(['G10662', 'G10700']);
    expect(aarhus.alternativeAddresses.map((a) => a.number)).toEqual(['G30504']);
    expect(
      model
        .list({
          operation: 'GetAnvisningsEnhederByDaginstitutionsnummer',
          daycareInstitutionNumber: 'G29215',
        })
        .assignmentUnits.map((u) => u.number),
    ).toEqual(['G10800']);
    expect(model.find('G30505')?.kind).toBe('AlternativeAddress');
    expect(model.find('G99999')).toBeUndefined();
  });
});
