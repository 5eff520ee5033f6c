import type { Address } from './records.ts';

/** An address on one line as Danes write it: `Skæring Hedevej 14A, 1. tv, 8250 Egå`. */
export function addressText(address: Address): string {
  const unit = [address.floor === null ? null : `${address.floor}.`, address.door]
    .filter((part): part is string => part !== null && part !== '')
    .join(' ');
  const street = `${address.street} ${address.houseNumber}`.trim();
  return [street, unit, `${address.postalCode} ${address.city}`].filter((part) => part !== '').join(', ');
}
