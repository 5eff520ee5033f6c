import { describe, expect, it } from 'vitest';
import {
  alternativeAddressSources,
  assignmentUnitSources,
  chooseSource,
  daycareInstitutionSources,
} from './candidate-source.ts';
import type { ListRequest } from '../ports/register-client.ts';

const active = { statuses: ['ACTIVE' as const] };
const operations = (sources: readonly ListRequest[]) => sources.map((s) => s.operation);

describe('candidate sources', () => {
  it('units: P-number, then CVR, then the whole level; never by name or municipality', () => {
    expect(
      operations(assignmentUnitSources({ ...active, cvrNumber: '33178522', pNumber: '1234567890' })),
    ).toEqual([
      'GetAnvisningsEnhederByPnummer',
      'GetAnvisningsEnhederByCvrnummer',
      'GetAllAnvisningsEnheder',
    ]);
    expect(
      operations(assignmentUnitSources({ ...active, nameContains: 'aeble', municipalityCode: 101 })),
    ).toEqual(['GetAllAnvisningsEnheder']);
  });

  it('daginstitutioner: by administrating municipality, then the whole level', () => {
    expect(daycareInstitutionSources({ ...active, municipalityCode: 210 })).toEqual([
      { operation: 'GetDagtilbudByAdmKommuneNummer', municipalityCode: 210 },
      { operation: 'GetAllDaginstitutioner' },
    ]);
  });

  it('alternative adresser: P-number, CVR, whole level', () => {
    expect(operations(alternativeAddressSources({ ...active, cvrNumber: '33178522' }))).toEqual([
      'GetAlternativAdresserByCvrnummer',
      'GetAllAlternativAdresser',
    ]);
  });

  it('chooses a cached list first, else the most selective', () => {
    const sources = assignmentUnitSources({ ...active, cvrNumber: '33178522' });
    expect(chooseSource(sources, () => false).operation).toBe('GetAnvisningsEnhederByCvrnummer');
    expect(chooseSource(sources, (s) => s.operation === 'GetAllAnvisningsEnheder').operation).toBe(
      'GetAllAnvisningsEnheder',
    );
  });
});
