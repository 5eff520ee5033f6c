/**
 * Who a caller is, as the register's rights see it (registry-contract.md §7, assumption A: one Basic
 * identity per maintainer). The user name carries the scope: `kommune-101`, `privat-33178522`.
 */
export type Identity =
  | { kind: 'admin'; name: string }
  | { kind: 'reader'; name: string }
  | { kind: 'kommune'; name: string; kommuneKode: number }
  | { kind: 'privat'; name: string; cvrNummer: string };

/** Reads the scope from a user name; null when the name follows none of the known shapes. */
export function identityFromUserName(name: string): Identity | null {
  if (name === 'admin') return { kind: 'admin', name };
  if (name === 'reader') return { kind: 'reader', name };
  const kommune = /^kommune-(\d{3,4})$/.exec(name);
  if (kommune?.[1] !== undefined) return { kind: 'kommune', name, kommuneKode: Number(kommune[1]) };
  const privat = /^privat-(\d{8})$/.exec(name);
  if (privat?.[1] !== undefined) return { kind: 'privat', name, cvrNummer: privat[1] };
  return null;
}
