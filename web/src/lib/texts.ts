import type { InstitutionStatus, UniloginIneligibilityReason } from '../gql/graphql.ts';

/** Why Unilogin users may not be created here, in plain Danish (registry contract §8). */
export const UNILOGIN_REASON_TEXT: Readonly<Record<UniloginIneligibilityReason, string>> = {
  DAYCARE_INSTITUTION_LEVEL:
    'Det er en daginstitution. Unilogin-brugere oprettes på dens anvisningsenheder, ikke på daginstitutionen.',
  MISSING_CVR_NUMBER: 'Der er ikke registreret et CVR-nummer.',
  MISSING_P_NUMBER: 'Der er ikke registreret et P-nummer.',
  CLOSED: 'Den er nedlagt.',
};

export const STATUS_TEXT: Readonly<Record<InstitutionStatus, string>> = {
  ACTIVE: 'Aktiv',
  CLOSED: 'Nedlagt',
};

/** An address as one line, the Danish way: `Tyborøn Allé 47, st. tv., 2720 Vanløse`. */
export function addressLine(address: {
  street: string;
  houseNumber: string;
  floor?: string | null;
  door?: string | null;
  postalCode: string;
  city: string;
}): string {
  const unit = [address.floor, address.door].filter((part) => part != null && part !== '').join('. ');
  return `${address.street} ${address.houseNumber}${unit === '' ? '' : `, ${unit}.`}, ${address.postalCode} ${address.city}`;
}

/** A distance in metres as Danish text: `850 m`, `1,2 km`. */
export function distanceText(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1).replace('.', ',')} km`;
}
