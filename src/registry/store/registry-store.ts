import type {
  AlternativAdresse,
  AnvisningsEnhed,
  Daginstitution,
  EjetDaginstitution,
  Niveau,
} from '../domain/model.ts';

/** A look-up of daginstitutioner; every given criterion must hold. No criterion: the whole level. */
export interface DaginstitutionQuery {
  numre?: readonly string[];
  admKommuneKode?: number;
  /** Case-insensitive "name contains". */
  navnIndeholder?: string;
}

/** A look-up of anvisningsenheder; every given criterion must hold. */
export interface AnvisningsEnhedQuery {
  numre?: readonly string[];
  daginstitutionsNumre?: readonly string[];
  cvrNummer?: string;
  pNummer?: string;
  navnIndeholder?: string;
}

/** A look-up of alternative addresses; every given criterion must hold. */
export interface AlternativAdresseQuery {
  numre?: readonly string[];
  anvisningsenhedsNumre?: readonly string[];
  cvrNummer?: string;
  pNummer?: string;
  navnIndeholder?: string;
}

/** One committed change, as the change sequence records it: one per changed record. */
export interface Aendring {
  niveau: Niveau;
  nummer: string;
  /** The ImportService operation that made it (`InsertDaginstitution`, …). */
  operation: string;
  identitet: string;
  /** When it committed: ISO 8601, UTC. */
  tidspunkt: string;
}

/** What a recorded change leaves on its record: its sequence number and time. */
export interface ChangeStamp {
  aendringsSekvens: number;
  aendretTidspunkt: string;
}

/** A changed record as it is now, by its level. */
export type ChangedRecord =
  | { niveau: 'daginstitution'; record: Daginstitution }
  | { niveau: 'anvisningsenhed'; record: AnvisningsEnhed }
  | { niveau: 'alternativadresse'; record: AlternativAdresse };

/** One page of the change sequence, read in one read transaction. */
export interface ChangePage {
  /** The last committed change's sequence number, also when the page is empty. */
  latestSequence: number;
  /** The changes after the asked sequence, oldest first, each with its record as it is now. */
  changes: (Aendring & { sekvens: number; current: ChangedRecord })[];
}

/**
 * The writes one transaction may make. Records are written whole: the service computes the new
 * state and the store keeps it. The store holds no rules.
 */
export interface RegistryWriter {
  /** Issues the next institution number from the one number space of all three levels. */
  issueNumber(): string;
  putDaginstitution(record: EjetDaginstitution): void;
  putAnvisningsEnhed(record: AnvisningsEnhed): void;
  putAlternativAdresse(record: AlternativAdresse): void;
  /**
   * Appends one changed record to the change sequence; the record written next must carry the
   * stamp (its sequence number and change time).
   */
  recordChange(change: Aendring): ChangeStamp;
}

/** The register's storage. Reads return records ordered by number. */
export interface RegistryStore {
  daginstitutioner(query?: DaginstitutionQuery): EjetDaginstitution[];
  anvisningsenheder(query?: AnvisningsEnhedQuery): AnvisningsEnhed[];
  alternativAdresser(query?: AlternativAdresseQuery): AlternativAdresse[];
  /** Runs `work` as one transaction: everything it wrote is committed, or nothing is. */
  write<T>(work: (writer: RegistryWriter) => T): T;
  /**
   * Runs `work` as `write` would, on a transaction that is then rolled back, whatever `work`
   * returned: a dry run sees every read and write of its own, and leaves nothing behind (no
   * record, no change in the sequence, no number issued).
   */
  rehearse<T>(work: (writer: RegistryWriter) => T): T;
  /** The last committed change's sequence number; 0 before any change. */
  changeSequence(): number;
  /** The changes after `sequence`, oldest first. */
  changesSince(sequence: number): (Aendring & { sekvens: number })[];
  /** At most `limit` changes after `sequence`, with their records as they are now. */
  changePage(sequence: number, limit: number): ChangePage;
  /** Whether the store holds no records at all (a fresh database). */
  isEmpty(): boolean;
  close(): void;
}
