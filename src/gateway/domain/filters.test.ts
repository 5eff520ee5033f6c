import { describe, expect, it } from 'vitest';
import {
  alternativeAddressPredicate,
  assignmentUnitPredicate,
  daycareInstitutionPredicate,
} from './filters.ts';
import { testRecords } from '../../../test/fixtures/domain-records.ts';

const active = { statuses: ['ACTIVE' as const] };
const noOwnership = () => undefined;

describe('assignmentUnitPredicate', () => {
  const unit = testRecords.unit();

  it('matches on every criterion at once', () => {
    const matches = assignmentUnitPredicate(
      {
        ...active,
        municipalityCode: 751,
        institutionTypeCodes: [6010, 6012],
        ownershipCodes: [3],
        nameContains: 'hoejvang',
        cvrNumber: '33178522',
        pNumber: '8947664198',
        postalCode: '8250',
        uniloginEligible: true,
      },
      (number) => (number === 'G30306' ? 3 : undefined),
    );
    expect(matches(unit)).toBe(true);
  });

  it.each([
    ['status', { statuses: ['CLOSED' as const] }],
    ['municipality', { municipalityCode: 101 }],
    ['institution type', { institutionTypeCodes: [6013] }],
    ['ownership', { ownershipCodes: [1] }],
    ['name', { nameContains: 'Æblehaven' }],
    ['CVR', { cvrNumber: '11111111' }],
    ['P-nummer', { pNumber: '1111111111' }],
    ['postal code', { postalCode: '8000' }],
    ['eligibility', { uniloginEligible: false }],
  ])('rejects on %s', (_, criterion) => {
    expect(assignmentUnitPredicate({ ...active, ...criterion }, () => 3)(unit)).toBe(false);
  });

  it('an unknown daginstitution never matches an ownership filter', () => {
    expect(assignmentUnitPredicate({ ...active, ownershipCodes: [3] }, noOwnership)(unit)).toBe(false);
  });

  it('folds the name on both sides', () => {
    const aeble = testRecords.unit({ name: 'DAGINSTITUTIONEN ÆBLEHAVEN' });
    for (const search of ['aeblehaven', 'Æblehaven', 'institutionen æble']) {
      expect(assignmentUnitPredicate({ ...active, nameContains: search }, noOwnership)(aeble)).toBe(true);
    }
  });
});

describe('daycareInstitutionPredicate and alternativeAddressPredicate', () => {
  it('filters daginstitutioner by administrating kommune, ejerform and lovgrundlag; never eligible', () => {
    const daycare = testRecords.daycare();
    expect(
      daycareInstitutionPredicate({
        ...active,
        municipalityCode: 751,
        ownershipCodes: [3],
        legalBasisCodes: [4],
      })(daycare),
    ).toBe(true);
    expect(daycareInstitutionPredicate({ ...active, legalBasisCodes: [1] })(daycare)).toBe(false);
    expect(daycareInstitutionPredicate({ ...active, uniloginEligible: true })(daycare)).toBe(false);
  });

  it('filters alternative adresser by their own address and numbers', () => {
    const alternative = testRecords.alternative();
    expect(
      alternativeAddressPredicate({ ...active, postalCode: '8250', cvrNumber: '33178522' })(alternative),
    ).toBe(true);
    expect(alternativeAddressPredicate({ ...active, pNumber: '8947664198' })(alternative)).toBe(false);
  });
});
