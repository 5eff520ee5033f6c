import type { Client } from 'soap';
import { asArray, callOperation, createTestSoapClient } from './soap-client.ts';

/** An ImportSvarXML as a test reads it. */
export interface Svar {
  status: 'OK' | 'FEJL';
  nummer?: string;
  anvisningsenhedsNummer?: string;
  aendringsSekvens?: number;
  fejl: { felt: string; kode: string; tekst: string }[];
}

/** Calls ImportService operations as one identity. */
export interface ImportCaller {
  client: Client;
  call(operation: string, args: object): Promise<Svar>;
}

/** An ImportService client for one demo identity (password = user name). */
export async function importCaller(
  registry: { url: string; ca: string },
  user: string,
): Promise<ImportCaller> {
  const client = await createTestSoapClient(registry, 'ImportService', user);
  return {
    client,
    async call(operation, args) {
      const result = (await callOperation(client, operation, args)) as Record<string, unknown>;
      const fejl = result.fejl as { fejlbesked?: unknown } | undefined | null;
      return {
        ...(result as object),
        aendringsSekvens: result.aendringsSekvens === undefined ? undefined : Number(result.aendringsSekvens),
        fejl: asArray(fejl?.fejlbesked as Svar['fejl'][number] | Svar['fejl']),
      } as Svar;
    },
  };
}

/** The codes of an answer's errors. */
export const codes = (svar: Svar): string[] => svar.fejl.map((f) => f.kode);
