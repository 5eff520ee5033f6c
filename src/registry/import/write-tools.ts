import type { Identity } from '../auth/identity.ts';
import type { AnvisningsEnhed, Daginstitution, Livsforloeb, Niveau } from '../domain/model.ts';
import type { AddressRegister } from '../external/address-register.ts';
import type { CvrRegister } from '../external/cvr-register.ts';
import type { ExternalChecks, RuleError } from '../rules/index.ts';
import type { Aendring, ChangeStamp, RegistryStore } from '../store/registry-store.ts';
import { currentRequest } from '../soap/request-context.ts';
import { mayMaintain, type MaintenanceScope } from './rights.ts';

/** What the write operations need; built once at start-up. */
export interface ImportDeps {
  store: RegistryStore;
  cvr: CvrRegister;
  addresses: AddressRegister;
  now?: () => Date;
  /**
   * Test-only fault injection: called inside a write transaction between its record writes, so a
   * test can kill the process mid-write (`REGISTRY_FAULT_KILL_IN_WRITE`). Absent in normal runs.
   */
  inWrite?: (operation: string) => void;
}

/** The shared pieces of every write: external checks, CVR look-up, rights and the clock. */
export function createWriteTools(deps: ImportDeps) {
  const { store, cvr, addresses } = deps;
  const now = deps.now ?? (() => new Date());
  const externalChecks: ExternalChecks = {
    isKnownPostNummer: (p) => addresses.isKnownPostNummer(p),
    isActivePNummer: (p) => cvr.produktionsenhed(p)?.aktiv === true,
    addressExists: (a) => addresses.addressExists(a),
  };

  /** The CVR number CVR gives for a P-number (the register fills it in, contract §4). */
  const cvrOf = (pNummer: string | null): string | null =>
    pNummer === null ? null : (cvr.produktionsenhed(pNummer)?.cvrNummer ?? null);

  /** The rights scope of a daginstitution: its codes and the CVRs its units carry. */
  const scopeOf = (d: Daginstitution, extraCvr: (string | null)[] = []): MaintenanceScope => ({
    ejerformKode: d.ejerformKode,
    admKommuneKode: d.admKommuneKode,
    cvrNumre: [
      ...store
        .anvisningsenheder({ daginstitutionsNumre: [d.daginstitutionsNummer] })
        .flatMap((u) => (u.cvrNummer === null ? [] : [u.cvrNummer])),
      ...extraCvr.flatMap((c) => (c === null ? [] : [c])),
    ],
  });

  /**
   * Checks the caller's rights on every scope a write touches (old and new owner on a move or a
   * change of ownership); a refusal is logged with the identity and answered as INGEN_ADGANG.
   */
  const refusal = (
    operation: string,
    nummer: string | undefined,
    scopes: MaintenanceScope[],
    felt: string,
  ): RuleError | null => {
    const { identity, log } = currentRequest();
    if (scopes.every((scope) => mayMaintain(identity, scope))) return null;
    log.warn({ identity: identity.name, operation, nummer }, 'write refused: no rights');
    return { felt, kode: 'INGEN_ADGANG', tekst: refusalText(identity) };
  };

  /** Only the unit's own CVR counts for a private owner's right to a unit. */
  const unitScope = (d: Daginstitution, unit: Pick<AnvisningsEnhed, 'cvrNummer'>): MaintenanceScope => ({
    ejerformKode: d.ejerformKode,
    admKommuneKode: d.admKommuneKode,
    cvrNumre: unit.cvrNummer === null ? [] : [unit.cvrNummer],
  });

  /** One changed record for the change sequence; the records of one write may share one time. */
  const change = (
    niveau: Niveau,
    nummer: string,
    operation: string,
    tidspunkt = now().toISOString(),
  ): Aendring => ({
    niveau,
    nummer,
    operation,
    identitet: currentRequest().identity.name,
    tidspunkt,
  });

  /** A record as Delete leaves it: closed at the time of the change that closed it. */
  const closed = <T extends Livsforloeb>(record: T, stamp: ChangeStamp): T => ({
    ...record,
    aktivitetsstatus: 'Nedlagt',
    nedlagtTidspunkt: stamp.aendretTidspunkt,
    ...stamp,
  });

  return {
    store,
    closed,
    externalChecks,
    cvrOf,
    scopeOf,
    unitScope,
    refusal,
    change,
    now,
    inWrite: deps.inWrite ?? (() => undefined),
  };
}

/** The tools one write operation uses. */
export type WriteTools = ReturnType<typeof createWriteTools>;

function refusalText(identity: Identity): string {
  switch (identity.kind) {
    case 'reader':
      return `Brugeren ${identity.name} har kun læseadgang og må ikke ændre i registeret.`;
    case 'kommune':
      return `Brugeren ${identity.name} må kun vedligeholde kommunale, selvejende og udliciterede institutioner i kommune ${identity.kommuneKode}.`;
    case 'privat':
      return `Brugeren ${identity.name} må kun vedligeholde private institutioner med CVR-nummer ${identity.cvrNummer}.`;
    case 'admin':
      return `Brugeren ${identity.name} blev afvist.`;
    default: {
      const unreachable: never = identity;
      return unreachable;
    }
  }
}
