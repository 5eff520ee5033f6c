import type { AddressRegister } from './address-register.ts';
import type { CvrRegister } from './cvr-register.ts';

/**
 * Adapters that accept every well-formed P-number and address, for a sandbox loaded with a vendor's
 * own test data (`REGISTRY_EXTERNAL_CHECKS=off`). CVR is then unknown: the P-number gives none.
 */
export const ACCEPT_ALL_CVR: CvrRegister = {
  produktionsenhed: () => ({ cvrNummer: null, aktiv: true }),
};

/** Accepts every well-formed address. */
export const ACCEPT_ALL_ADDRESSES: AddressRegister = {
  isKnownPostNummer: () => true,
  addressExists: () => true,
};
