import type { Identity } from '../auth/identity.ts';
import type { EjetDaginstitution } from '../domain/model.ts';

/**
 * The register's rights, in one place (docs/register.md's rights table is the contract; contract §7, the
 * identity shapes are assumption A). A right is decided by the daginstitution a record belongs to —
 * its ejerform, its administrating municipality and its recorded owner — and never by the CVR
 * numbers of whatever units hang under it, which a write could have put there.
 *
 * Who may change a daginstitution (its scope, `mayMaintain`):
 * - `admin` every daginstitution; `reader` none;
 * - `kommune-<code>` those its municipality administers with ejerform kommunal (1), selvejende (2)
 *   or udliciteret (4);
 * - `privat-<cvr>` those with ejerform privat (3) whose recorded owner is that CVR; a daginstitution
 *   without a recorded owner belongs to no private owner.
 *
 * What each write needs (the write-side files ask for exactly these scopes):
 * - InsertDaginstitution: the new daginstitution's scope, its owner being the CVR its first unit's
 *   P-number gives (so a private owner can only create what it then owns);
 * - UpdateDaginstitution: the scope before and after (a change of ejerform or municipality needs
 *   both; the owner is never changed by a write); DeleteDaginstitution: its scope;
 * - Insert/Update/DeleteAnvisningsEnhed: the scope of the daginstitution the unit is (to be) under;
 * - Insert/Update/DeleteAlternativAdresse: the scope of the daginstitution above its unit;
 * - MoveAnvisningsEnhed / MoveAlternativAdresse: the scope the record leaves and the scope it goes
 *   to. A move changes no owner and so grants no right.
 * - A private owner may give a unit or address only a P-number of its own CVR, or none
 *   (`mayUsePNummerOf`): it cannot put another owner's production unit under its institution.
 */

/** What the rights look at in a daginstitution. */
export type MaintenanceScope = Pick<EjetDaginstitution, 'ejerformKode' | 'admKommuneKode' | 'ejerCvrNummer'>;

/** Ownership forms a municipality maintains: kommunal (1), selvejende (2), udliciteret (4). */
const KOMMUNE_EJERFORMER: ReadonlySet<number> = new Set([1, 2, 4]);
const PRIVAT = 3;

/** The scope of a daginstitution: only its own recorded values. */
export function scopeOf(d: EjetDaginstitution): MaintenanceScope {
  return { ejerformKode: d.ejerformKode, admKommuneKode: d.admKommuneKode, ejerCvrNummer: d.ejerCvrNummer };
}

/** Whether `identity` may change a daginstitution of this scope and what belongs to it. */
export function mayMaintain(identity: Identity, scope: MaintenanceScope): boolean {
  switch (identity.kind) {
    case 'admin':
      return true;
    case 'reader':
      return false;
    case 'kommune':
      return scope.admKommuneKode === identity.kommuneKode && KOMMUNE_EJERFORMER.has(scope.ejerformKode);
    case 'privat':
      return scope.ejerformKode === PRIVAT && scope.ejerCvrNummer === identity.cvrNummer;
    default: {
      const unreachable: never = identity;
      return unreachable;
    }
  }
}

/**
 * Whether `identity` may give a unit or an address a P-number whose CVR (as CVR gives it) is
 * `cvrNummer`. Only a private owner is bound: to its own CVR, or to no P-number at all. Admin and
 * municipalities may register any P-number (a selvejende institution has its own CVR).
 */
export function mayUsePNummerOf(identity: Identity, cvrNummer: string | null): boolean {
  return identity.kind !== 'privat' || cvrNummer === null || cvrNummer === identity.cvrNummer;
}
