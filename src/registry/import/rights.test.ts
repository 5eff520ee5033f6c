import { describe, expect, it } from 'vitest';
import { identityFromUserName } from '../auth/identity.ts';
import { mayMaintain, mayUsePNummerOf, type MaintenanceScope } from './rights.ts';

const who = (name: string) => {
  const identity = identityFromUserName(name);
  if (identity === null) throw new Error(name);
  return identity;
};
const kommunal101: MaintenanceScope = { ejerformKode: 1, admKommuneKode: 101, ejerCvrNummer: '64942212' };
const selvejende101: MaintenanceScope = { ejerformKode: 2, admKommuneKode: 101, ejerCvrNummer: null };
const udliciteret101: MaintenanceScope = { ejerformKode: 4, admKommuneKode: 101, ejerCvrNummer: null };
const privat101: MaintenanceScope = { ejerformKode: 3, admKommuneKode: 101, ejerCvrNummer: '33178522' };
const kommunal751: MaintenanceScope = { ejerformKode: 1, admKommuneKode: 751, ejerCvrNummer: null };
const privat751Other: MaintenanceScope = { ejerformKode: 3, admKommuneKode: 751, ejerCvrNummer: '29188335' };
const privatNoOwner: MaintenanceScope = { ejerformKode: 3, admKommuneKode: 751, ejerCvrNummer: null };

describe('mayMaintain', () => {
  it('admin may write everything, reader nothing', () => {
    for (const scope of [kommunal101, privat101, kommunal751, privatNoOwner]) {
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
    expect(mayMaintain(who('kommune-751'), kommunal751)).toBe(true);
  });

  it('a private owner writes the private institutions it owns, in any municipality, only', () => {
    expect(mayMaintain(who('privat-33178522'), privat101)).toBe(true);
    expect(mayMaintain(who('privat-33178522'), { ...privat101, admKommuneKode: 751 })).toBe(true);
    expect(mayMaintain(who('privat-33178522'), privat751Other)).toBe(false);
    expect(mayMaintain(who('privat-29188335'), privat751Other)).toBe(true);
    // Its CVR on a non-private institution gives no right, and an unowned one belongs to nobody.
    expect(mayMaintain(who('privat-33178522'), { ...kommunal101, ejerCvrNummer: '33178522' })).toBe(false);
    expect(mayMaintain(who('privat-33178522'), privatNoOwner)).toBe(false);
  });
});

describe('mayUsePNummerOf', () => {
  it('binds a private owner to P-numbers of its own CVR (or none), nobody else', () => {
    expect(mayUsePNummerOf(who('privat-33178522'), '33178522')).toBe(true);
    expect(mayUsePNummerOf(who('privat-33178522'), null)).toBe(true);
    expect(mayUsePNummerOf(who('privat-33178522'), '29188335')).toBe(false);
    expect(mayUsePNummerOf(who('kommune-101'), '33178522')).toBe(true);
    expect(mayUsePNummerOf(who('admin'), '29188335')).toBe(true);
  });
});
