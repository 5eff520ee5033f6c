import type { AlternativeAddress, AssignmentUnit, DaycareInstitution } from './model.ts';

/** Small domain records for unit tests, shaped like real ones; override what a test is about. */
export const testRecords = {
  unit: (overrides: Partial<AssignmentUnit> = {}): AssignmentUnit => ({
    kind: 'AssignmentUnit',
    number: 'G10662',
    daycareInstitutionNumber: 'G30306',
    name: 'Den Private Børnehave Højvang',
    institutionType: { code: 6012, text: 'Aldersintegreret institution (0-5 år)' },
    address: {
      street: 'Skæring Hedevej',
      houseNumber: '14A',
      floor: null,
      door: null,
      postalCode: '8250',
      city: 'Egå',
      supplementaryCity: null,
      municipality: { code: 751, name: 'Aarhus' },
      location: { latitude: 56.23123758, longitude: 10.29977301 },
      darAddressId: null,
    },
    email: null,
    phone: null,
    cvrNumber: '33178522',
    pNumber: '8947664198',
    status: 'ACTIVE',
    createdAt: '2026-03-26T23:00:00.000Z',
    closedAt: null,
    changeSequence: 0,
    ...overrides,
  }),
  daycare: (overrides: Partial<DaycareInstitution> = {}): DaycareInstitution => ({
    kind: 'DaycareInstitution',
    number: 'G30306',
    name: 'Den Private Børnehave Højvang',
    ownership: { code: 3, text: 'Privat' },
    legalBasis: { code: 4, text: 'Dagtilbudsloven § 19, stk. 5 (privatinstitution)' },
    administeringMunicipality: { code: 751, name: 'Aarhus' },
    ownerCvrNumber: '33178522',
    status: 'ACTIVE',
    createdAt: '2026-03-26T23:00:00.000Z',
    closedAt: null,
    changeSequence: 0,
    ...overrides,
  }),
  alternative: (overrides: Partial<AlternativeAddress> = {}): AlternativeAddress => {
    const { address, email, phone, cvrNumber, pNumber, status, createdAt, closedAt, changeSequence } =
      testRecords.unit();
    return {
      kind: 'AlternativeAddress',
      number: 'G30504',
      assignmentUnitNumber: 'G10662',
      name: 'Udflytterhuset',
      address,
      email,
      phone,
      cvrNumber,
      pNumber: pNumber === null ? null : '5215453761',
      status,
      createdAt,
      closedAt,
      changeSequence,
      ...overrides,
    };
  },
};
