import type { Identity } from '../auth/identity.ts';
import type { Livsforloeb, Niveau } from '../domain/model.ts';
import type { AddressRegister } from '../external/address-register.ts';
import type { CvrRegister } from '../external/cvr-register.ts';
import type { ExternalChecks, RuleError } from '../rules/index.ts';
import type { Aendring, ChangeStamp, RegistryStore, RegistryWriter } from '../store/registry-store.ts';
import { mayMaintain, mayUsePNummerOf, scopeOf, type MaintenanceScope } from './rights.ts';
import type { WriteContext } from './write-context.ts';

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

/**
 * The shared pieces of every write: external checks, CVR look-up, rights, the change record and the
 * store, for one write's context (who writes, when, and whether for real).
 */
export function createWriteTools(deps: ImportDeps, context: WriteContext) {
  const { store, cvr, addresses } = deps;
  const { identity, log, operation, now } = context;
  const externalChecks: ExternalChecks = {
    isKnownPostNummer: (p) => addresses.isKnownPostNummer(p),
    isActivePNummer: (p) => cvr.produktionsenhed(p)?.aktiv === true,
    addressExists: (a) => addresses.addressExists(a),
  };

  /** The CVR number CVR gives for a P-number (the register fills it in, contract §4). */
  const cvrOf = (pNummer: string | null): string | null =>
    pNummer === null ? null : (cvr.produktionsenhed(pNummer)?.cvrNummer ?? null);

  /**
   * Checks the caller's rights on every scope a write touches (rights.ts: where a move leaves and
   * where it goes, a daginstitution before and after a change); a refusal is logged with the
   * identity and answered as INGEN_ADGANG.
   */
  const refusal = (
    nummer: string | undefined,
    scopes: MaintenanceScope[],
    felt: string,
  ): RuleError | null => {
    if (scopes.every((scope) => mayMaintain(identity, scope))) return null;
    log.warn({ identity: identity.name, operation, nummer }, 'write refused: no rights');
    return { felt, kode: 'INGEN_ADGANG', tekst: refusalText(identity) };
  };

  /**
   * Checks that a private owner gives a unit or address only a P-number of its own CVR
   * (rights.ts); answered as INGEN_ADGANG on the P-number, and logged like any refusal.
   */
  const pNummerRefusal = (
    nummer: string | undefined,
    pNummer: string | null,
    felt: string,
  ): RuleError | null => {
    const cvrNummer = cvrOf(pNummer);
    if (mayUsePNummerOf(identity, cvrNummer)) return null;
    log.warn({ identity: identity.name, operation, nummer }, 'write refused: P-number of another CVR');
    return {
      felt,
      kode: 'INGEN_ADGANG',
      tekst: `P-nummeret ${pNummer ?? ''} hører til CVR-nummer ${cvrNummer ?? ''}; brugeren ${identity.name} må kun bruge P-numre under sit eget CVR-nummer.`,
    };
  };

  /** One changed record for the change sequence; the records of one write may share one time. */
  const change = (niveau: Niveau, nummer: string, tidspunkt = now().toISOString()): Aendring => ({
    niveau,
    nummer,
    operation,
    identitet: identity.name,
    tidspunkt,
  });

  /**
   * Runs the write's store work as one transaction: committed, or in a dry run rehearsed and
   * rolled back by the store, so that it issues no number and records no change.
   */
  const write = <T>(work: (writer: RegistryWriter) => T): T =>
    context.dryRun ? store.rehearse(work) : store.write(work);

  /** A record as Delete leaves it: closed at the time of the change that closed it. */
  const closed = <T extends Livsforloeb>(record: T, stamp: ChangeStamp): T => ({
    ...record,
    aktivitetsstatus: 'Nedlagt',
    nedlagtTidspunkt: stamp.aendretTidspunkt,
    ...stamp,
  });

  const inWrite = deps.inWrite ?? (() => undefined);
  return {
    write,
    closed,
    externalChecks,
    cvrOf,
    scopeOf,
    refusal,
    pNummerRefusal,
    change,
    now,
    inWrite: () => inWrite(operation),
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
      return `Brugeren ${identity.name} må kun vedligeholde private daginstitutioner, som CVR-nummer ${identity.cvrNummer} ejer, med deres enheder og adresser.`;
    case 'admin':
      return `Brugeren ${identity.name} blev afvist.`;
    default: {
      const unreachable: never = identity;
      return unreachable;
    }
  }
}
