import type { RegistryStore } from '../store/registry-store.ts';
import { ACCEPT_ALL_ADDRESSES, ACCEPT_ALL_CVR } from './accept-all.ts';
import { createEmbeddedAddressRegister, type AddressRegister } from './address-register.ts';
import { createEmbeddedCvrRegister, type CvrRegister } from './cvr-register.ts';

/** Which adapters answer for CVR and DAR: the data the project carries, or none (accept all). */
export type ExternalChecksMode = 'embedded' | 'off';

/** Builds the CVR and DAR adapters for a mode; the embedded DAR knows every address in the store now. */
export function createExternalRegisters(
  mode: ExternalChecksMode,
  store: RegistryStore,
): { cvr: CvrRegister; addresses: AddressRegister } {
  if (mode === 'off') return { cvr: ACCEPT_ALL_CVR, addresses: ACCEPT_ALL_ADDRESSES };
  const known = [...store.anvisningsenheder(), ...store.alternativAdresser()].map((r) => r.adresse);
  return { cvr: createEmbeddedCvrRegister(), addresses: createEmbeddedAddressRegister(known) };
}
