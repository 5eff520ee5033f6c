import type { Identity } from '../auth/identity.ts';

/** What the rights look at in the institution a write touches (its daginstitution's values). */
export interface MaintenanceScope {
  ejerformKode: number;
  admKommuneKode: number;
  /** The CVR numbers the institution's units carry (for a unit or an address: its own). */
  cvrNumre: readonly string[];
}

/** Ownership forms a municipality maintains: kommunal (1), selvejende (2), udliciteret (4). */
const KOMMUNE_EJERFORMER: ReadonlySet<number> = new Set([1, 2, 4]);
const PRIVAT = 3;

/**
 * Who may write what (contract §7; the identity shapes are assumption A): admin everything;
 * `kommune-<code>` its own municipality's kommunale, selvejende and udliciterede institutions;
 * `privat-<cvr>` private institutions whose units carry its CVR; `reader` nothing.
 */
export function mayMaintain(identity: Identity, scope: MaintenanceScope): boolean {
  switch (identity.kind) {
    case 'admin':
      return true;
    case 'reader':
      return false;
    case 'kommune':
      return scope.admKommuneKode === identity.kommuneKode && KOMMUNE_EJERFORMER.has(scope.ejerformKode);
    case 'privat':
      return scope.ejerformKode === PRIVAT && scope.cvrNumre.includes(identity.cvrNummer);
    default: {
      const unreachable: never = identity;
      return unreachable;
    }
  }
}
