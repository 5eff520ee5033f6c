import { describe, expect, it } from 'vitest';
import { uniloginEligibility } from './eligibility.ts';
import { testRecords } from '../../../test/fixtures/domain-records.ts';

const unit = testRecords.unit();
const alternative = testRecords.alternative();
const daycare = testRecords.daycare();

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
