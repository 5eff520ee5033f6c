import type { AdresseInput } from '../domain/import-input.ts';
import type { Adresse } from '../domain/model.ts';

/**
 * The national address register (DAR) as the register uses it (contract §7): does a postcode and
 * an address exist. The real one is external; this is the port an adapter implements.
 */
export interface AddressRegister {
  isKnownPostNummer(postNummer: string): boolean;
  addressExists(adresse: AdresseInput): boolean;
}

const addressKey = (vejNavn: string, husNummer: string, postNummer: string) =>
  [vejNavn, husNummer, postNummer].map((part) => part.trim().toLocaleLowerCase('da-DK')).join('|');

/**
 * The embedded default: the addresses the project carries (every address in the register's data
 * at start-up). A new institution must therefore be at an address the data already knows.
 */
export function createEmbeddedAddressRegister(known: Iterable<Adresse>): AddressRegister {
  const postNumre = new Set<string>();
  const addresses = new Set<string>();
  for (const a of known) {
    postNumre.add(a.postNummer);
    addresses.add(addressKey(a.vejNavn, a.husNummer, a.postNummer));
  }
  return {
    isKnownPostNummer: (postNummer) => postNumre.has(postNummer),
    addressExists: (a) => addresses.has(addressKey(a.vejNavn ?? '', a.husNummer ?? '', a.postNummer ?? '')),
  };
}
