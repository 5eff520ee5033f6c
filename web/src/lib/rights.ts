/**
 * What a register identity may change, as docs/register.md ("Rights") states it; the register
 * decides every write itself, this only tells the UI which edit controls to show. The identity's
 * scope is in its user name: `admin`, `reader`, `kommune-<code>`, `privat-<cvr>`.
 */
export type Scope =
  | { kind: 'admin' }
  | { kind: 'reader' }
  | { kind: 'kommune'; municipalityCode: number }
  | { kind: 'privat'; cvrNumber: string }
  | { kind: 'unknown' };

export function scopeOf(user: string): Scope {
  if (user === 'admin') return { kind: 'admin' };
  if (user === 'reader') return { kind: 'reader' };
  const kommune = /^kommune-(\d{1,4})$/.exec(user);
  if (kommune?.[1] !== undefined) return { kind: 'kommune', municipalityCode: Number(kommune[1]) };
  const privat = /^privat-(\d{8})$/.exec(user);
  if (privat?.[1] !== undefined) return { kind: 'privat', cvrNumber: privat[1] };
  return { kind: 'unknown' };
}

/** Ejerform codes a municipality maintains: kommunal, selvejende, udliciteret (not privat, 3). */
export const MUNICIPAL_OWNERSHIP_CODES = [1, 2, 4] as const;
export const PRIVATE_OWNERSHIP_CODE = 3;

/** The fields of a daginstitution that its rights follow. */
export interface RightsFacts {
  status: 'ACTIVE' | 'CLOSED';
  ownership: { code: number };
  administeringMunicipality: { code: number };
  ownerCvrNumber?: string | null;
}

/** Whether the daginstitution is the identity's own (docs/register.md "Rights"); closed ones nobody changes. */
export function mayChange(scope: Scope, daycare: RightsFacts): boolean {
  if (daycare.status === 'CLOSED') return false;
  switch (scope.kind) {
    case 'admin':
      return true;
    case 'kommune':
      return (
        daycare.administeringMunicipality.code === scope.municipalityCode &&
        (MUNICIPAL_OWNERSHIP_CODES as readonly number[]).includes(daycare.ownership.code)
      );
    case 'privat':
      return daycare.ownership.code === PRIVATE_OWNERSHIP_CODE && daycare.ownerCvrNumber === scope.cvrNumber;
    case 'reader':
    case 'unknown':
      return false;
  }
}

/** The identity as Danish text for the page. */
export function scopeText(scope: Scope): string {
  switch (scope.kind) {
    case 'admin':
      return 'BSM/STIL: du må ændre alle daginstitutioner.';
    case 'reader':
      return 'Læseadgang: du må ikke ændre noget i registeret.';
    case 'kommune':
      return `Kommune ${scope.municipalityCode}: du må ændre kommunens kommunale, selvejende og udliciterede daginstitutioner.`;
    case 'privat':
      return `Privat ejer med CVR ${scope.cvrNumber}: du må ændre de private daginstitutioner, du ejer.`;
    case 'unknown':
      return 'Ukendt rolle: registeret afgør, hvad du må.';
  }
}
