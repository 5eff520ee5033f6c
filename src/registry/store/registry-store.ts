import type { AlternativAdresse, AnvisningsEnhed, EjetDaginstitution, Niveau } from '../domain/model.ts';

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

/** One committed change, as the change sequence records it. */
export interface Aendring {
  niveau: Niveau;
  nummer: string;
  operation: string;
  identitet: string;
  tidspunkt: string;
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
  /** Appends to the change sequence and returns the new sequence number. */
  recordChange(change: Aendring): number;
}

/** The register's storage. Reads return records ordered by number. */
export interface RegistryStore {
  daginstitutioner(query?: DaginstitutionQuery): EjetDaginstitution[];
  anvisningsenheder(query?: AnvisningsEnhedQuery): AnvisningsEnhed[];
  alternativAdresser(query?: AlternativAdresseQuery): AlternativAdresse[];
  /** Runs `work` as one transaction: everything it wrote is committed, or nothing is. */
  write<T>(work: (writer: RegistryWriter) => T): T;
  /** The last committed change's sequence number; 0 before any change. */
  changeSequence(): number;
  /** The changes after `sequence`, oldest first. */
  changesSince(sequence: number): (Aendring & { sekvens: number })[];
  /** Whether the store holds no records at all (a fresh database). */
  isEmpty(): boolean;
  close(): void;
}
