import { describe, expect, it } from 'vitest';
import { identityFromUserName } from '../auth/identity.ts';
import { mayMaintain, type MaintenanceScope } from './rights.ts';

const who = (name: string) => {
  const identity = identityFromUserName(name);
  if (identity === null) throw new Error(name);
  return identity;
};
const kommunal101: MaintenanceScope = { ejerformKode: 1, admKommuneKode: 101, cvrNumre: ['64942212'] };
const selvejende101: MaintenanceScope = { ejerformKode: 2, admKommuneKode: 101, cvrNumre: [] };
const udliciteret101: MaintenanceScope = { ejerformKode: 4, admKommuneKode: 101, cvrNumre: [] };
const privat101: MaintenanceScope = { ejerformKode: 3, admKommuneKode: 101, cvrNumre: ['33178522'] };
const kommunal751: MaintenanceScope = { ejerformKode: 1, admKommuneKode: 751, cvrNumre: [] };
const privat751Other: MaintenanceScope = { ejerformKode: 3, admKommuneKode: 751, cvrNumre: ['29188335'] };

describe('mayMaintain', () => {
  it('admin may write everything, reader nothing', () => {
    for (const scope of [kommunal101, privat101, kommunal751]) {
      expect(mayMaintain(who('admin'), scope)).toBe(true);
      expect(mayMaintain(who('reader'), scope)).toBe(false);
    }
  });

  it('a municipality writes its own kommunale, selvejende and udliciterede institutions only', () => {
    expect(mayMaintain(who('kommune-101'), kommunal101)).toBe(true);
    expect(mayMaintain(who('kommune-101'), selvejende101)).toBe(true);
    expect(mayMaintain(who('kommune-101'), udliciteret101)).toBe(true);
    expect(mayMaintain(who('kommune-101'), privat101)).toBe(false);
    expect(mayMaintain(who('kommune-101'), kommunal751)).toBe(false);
  });

  it('a private owner writes private institutions whose units carry its CVR only', () => {
    expect(mayMaintain(who('privat-33178522'), privat101)).toBe(true);
    expect(mayMaintain(who('privat-33178522'), privat751Other)).toBe(false);
    expect(mayMaintain(who('privat-33178522'), { ...kommunal101, cvrNumre: ['33178522'] })).toBe(false);
  });
});
