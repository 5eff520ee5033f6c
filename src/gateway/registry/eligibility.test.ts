import { describe, expect, it } from 'vitest';
import { uniloginEligibility } from './eligibility.ts';
import type { AlternativeAddress, AssignmentUnit, DaycareInstitution } from './model.ts';

const address = {
  street: 'Skæring Hedevej',
  houseNumber: '14A',
  floor: null,
  door: null,
  postalCode: '8250',
  city: 'Egå',
  supplementaryCity: null,
  municipality: { code: 751, name: 'Aarhus' },
  location: { latitude: 56.2312, longitude: 10.2676 },
  darAddressId: null,
};
const lifecycle = {
  status: 'ACTIVE' as const,
  createdAt: '2026-03-26T23:00:00.000Z',
  closedAt: null,
  changeSequence: 0,
};
const unit: AssignmentUnit = {
  kind: 'AssignmentUnit',
  number: 'G10662',
  daycareInstitutionNumber: 'G29300',
  name: 'Den Private Børnehave Højvang',
  institutionType: { code: 6012, text: 'Aldersintegreret institution (0-5 år)' },
  address,
  email: null,
  phone: null,
  cvrNumber: '33178522',
  pNumber: '1234567890',
  ...lifecycle,
};
const alternative: AlternativeAddress = {
  kind: 'AlternativeAddress',
  number: 'G30001',
  assignmentUnitNumber: 'G10662',
  name: 'Udflytterhuset',
  address,
  email: null,
  phone: null,
  cvrNumber: '33178522',
  pNumber: '1234567891',
  ...lifecycle,
};
const daycare: DaycareInstitution = {
  kind: 'DaycareInstitution',
  number: 'G29300',
  name: 'Den Private Børnehave Højvang',
  ownership: { code: 3, text: 'Privat' },
  legalBasis: { code: 4, text: 'Dagtilbudsloven § 19, stk. 5 (privatinstitution)' },
  administeringMunicipality: { code: 751, name: 'Aarhus' },
  ...lifecycle,
};

describe('uniloginEligibility', () => {
  it('an active anvisningsenhed with CVR and P-nummer is eligible', () => {
    expect(uniloginEligibility(unit)).toEqual({ eligible: true, reasons: [] });
  });

  it('an active alternativ adresse with CVR and P-nummer is eligible', () => {
    expect(uniloginEligibility(alternative)).toEqual({ eligible: true, reasons: [] });
  });

  it('DAYCARE_INSTITUTION_LEVEL: a daginstitution never is', () => {
    expect(uniloginEligibility(daycare)).toEqual({ eligible: false, reasons: ['DAYCARE_INSTITUTION_LEVEL'] });
  });

  it('MISSING_CVR_NUMBER', () => {
    expect(uniloginEligibility({ ...unit, cvrNumber: null })).toEqual({
      eligible: false,
      reasons: ['MISSING_CVR_NUMBER'],
    });
  });

  it('MISSING_P_NUMBER', () => {
    expect(uniloginEligibility({ ...alternative, pNumber: null })).toEqual({
      eligible: false,
      reasons: ['MISSING_P_NUMBER'],
    });
  });

  it('CLOSED', () => {
    expect(uniloginEligibility({ ...unit, status: 'CLOSED' })).toEqual({
      eligible: false,
      reasons: ['CLOSED'],
    });
  });

  it('lists every reason that applies', () => {
    expect(
      uniloginEligibility({ ...unit, cvrNumber: null, pNumber: null, status: 'CLOSED' }).reasons,
    ).toEqual(['MISSING_CVR_NUMBER', 'MISSING_P_NUMBER', 'CLOSED']);
    expect(uniloginEligibility({ ...daycare, status: 'CLOSED' }).reasons).toEqual([
      'DAYCARE_INSTITUTION_LEVEL',
      'CLOSED',
    ]);
  });
});
