import { describe, expect, it } from 'vitest';
import { checkCoordinates, parseCoordinate } from './coordinates.ts';

const path = 'AnvisningsEnhed/Adresse';

describe('parseCoordinate', () => {
  it('reads a decimal dot and a decimal comma', () => {
    expect(parseCoordinate('55.66446769')).toBe(55.66446769);
    expect(parseCoordinate('55,66446769')).toBe(55.66446769);
    expect(parseCoordinate(' 12 ')).toBe(12);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'N55.6', '55.6.1', '55,664,1', '1e2', '55.'])
      expect(parseCoordinate(bad), bad).toBeNull();
  });
});

describe('checkCoordinates', () => {
  it('accepts no coordinates at all', () => {
    expect(checkCoordinates({}, path)).toEqual([]);
    expect(checkCoordinates({ geoBredde: '', geoLaengde: ' ' }, path)).toEqual([]);
  });

  it('accepts a pair in Denmark, with dots or commas', () => {
    expect(checkCoordinates({ geoBredde: '55.66446766', geoLaengde: '12.59414746' }, path)).toEqual([]);
    expect(checkCoordinates({ geoBredde: '55,90845', geoLaengde: '12,49621' }, path)).toEqual([]);
    // Christiansø and Gedser, near the edges of the box.
    expect(checkCoordinates({ geoBredde: '55.32', geoLaengde: '15.19' }, path)).toEqual([]);
    expect(checkCoordinates({ geoBredde: '54.56', geoLaengde: '11.96' }, path)).toEqual([]);
  });

  it('requires both halves of the pair', () => {
    expect(checkCoordinates({ geoBredde: '55.7' }, path)).toEqual([
      {
        felt: `${path}/geoLaengde`,
        kode: 'FELT_MANGLER',
        tekst: 'geoLaengde mangler; koordinater angives parvis, når geoBredde er angivet.',
      },
    ]);
  });

  it('reports a value that is not a number', () => {
    expect(checkCoordinates({ geoBredde: 'nord', geoLaengde: '12.5' }, path)).toEqual([
      {
        felt: `${path}/geoBredde`,
        kode: 'FORMAT_UGYLDIG',
        tekst: 'geoBredde skal være et decimaltal i grader (WGS84) med punktum eller komma; fik "nord".',
      },
    ]);
  });

  it('reports values outside Denmark', () => {
    const errors = checkCoordinates({ geoBredde: '48,85', geoLaengde: '2.35' }, path);
    expect(errors.map((e) => [e.felt, e.kode])).toEqual([
      [`${path}/geoBredde`, 'KOORDINAT_UDEN_FOR_DANMARK'],
      [`${path}/geoLaengde`, 'KOORDINAT_UDEN_FOR_DANMARK'],
    ]);
    expect(errors[0]?.tekst).toBe('geoBredde skal ligge mellem 54,5 og 57,8 (Danmark); fik 48,85.');
  });

  it('hints that latitude and longitude are swapped', () => {
    const errors = checkCoordinates({ geoBredde: '12.59', geoLaengde: '55.66' }, path);
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e.tekst).toContain('byttet om');
  });
});
