import { loadProduktionsenheder } from '../seed/cvr-register-file.ts';

/** What CVR says of a P-number: the production unit's CVR number and whether it is active. */
export interface Produktionsenhed {
  /** Null when the adapter cannot tell (the accept-all adapter). */
  cvrNummer: string | null;
  /** False for a P-unit that has ceased (`ophoert`): it cannot carry a new unit. */
  aktiv: boolean;
}

/**
 * The CVR register as the register uses it (contract §7): is a P-number active, and which CVR
 * does it belong to. The real one is external; this is the port an adapter implements.
 */
export interface CvrRegister {
  produktionsenhed(pNummer: string): Produktionsenhed | null;
}

/** The embedded default: the P-units the project carries (`data/register/cvr-produktionsenheder.csv`). */
export function createEmbeddedCvrRegister(dataDir?: string): CvrRegister {
  const units = loadProduktionsenheder(dataDir);
  return { produktionsenhed: (pNummer) => units.get(pNummer) ?? null };
}
