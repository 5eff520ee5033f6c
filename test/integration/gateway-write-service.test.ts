import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../src/gateway/config.ts';
import { createRegisterDependencies, type RegisterDependencies } from '../../src/gateway/dependencies.ts';
import type { DaycareInstitution } from '../../src/gateway/domain/records.ts';
import { AppError } from '../../src/gateway/errors.ts';
import { RequestLoaders } from '../../src/gateway/loaders/loaders.ts';
import { CallerCredentials } from '../../src/gateway/ports/caller-credentials.ts';
import {
  createWriteService,
  type RequestReads,
  type WriteService,
} from '../../src/gateway/writes/write-service.ts';
import type { WriteSpec } from '../../src/gateway/writes/write-spec.ts';
import { REAL } from '../helpers/import-fixtures.ts';
import { basicAuth, startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

/*
 * The gateway's write service on its own, without GraphQL: a real register over HTTPS, the SOAP
 * writer and the TTL-cached reader as `npm run gateway` builds them. What the service promises —
 * the caller first, code checks, the write, forgetting, read-back — seen from its outcome, the
 * register's own records and the shared cache.
 */

let registry: TestRegistry;
let deps: RegisterDependencies;
let writes: WriteService;

beforeAll(async () => {
  registry = await startTestRegistry({ changeFeed: false });
  const config = loadGatewayConfig({
    REGISTRY_URL: registry.url,
    GATEWAY_PORT: '0',
    CACHE_TTL_MS: '3600000',
  });
  deps = await createRegisterDependencies(config, { ca: registry.ca });
  writes = createWriteService({ writer: deps.writer, freshness: deps.reader });
});
afterAll(async () => {
  deps?.close();
  await registry?.close();
});

const caller = (user: string): CallerCredentials | null => CallerCredentials.fromHeader(basicAuth(user));

/** One request's reads, as the GraphQL context gives them: its own loaders over the shared reader. */
const requestReads = (): RequestReads & { loaders: RequestLoaders } => {
  const loaders = new RequestLoaders(deps.reader);
  return {
    loaders,
    codes: deps.reader,
    find: (level, number) => loaders.find(level, number),
    clear: () => loaders.clear(),
  };
};

type Payload = { daycareInstitution: DaycareInstitution | null };

/** UpdateDaginstitution of a name (and an ejerform), its payload the record read back. */
const rename = (number: string, name: string, ownershipCode?: number): WriteSpec<Payload> => ({
  operation: 'UpdateDaginstitution',
  codes: [{ record: 'Daginstitution', element: 'ejerformKode', table: 'OWNERSHIP', value: ownershipCode }],
  numbers: [number],
  write: (writer, as) =>
    writer.updateDaycareInstitution(as, number, {
      name,
      ...(ownershipCode !== undefined && { ownershipCode: String(ownershipCode) }),
    }),
  readBack: async (written, fresh) => ({
    daycareInstitution: await fresh('DaycareInstitution', written.number),
  }),
  refused: { daycareInstitution: null },
});

/** The record as the register holds it now, read past every cache. */
const inRegister = async (number: string) => (await deps.client.byNumbers('DaycareInstitution', [number]))[0];

const importCalls = () => deps.client.metrics.byOperation().UpdateDaginstitution ?? 0;

describe('the write service', () => {
  it('refuses a write without a caller before any call to the register', async () => {
    const before = importCalls();
    const refusal = writes.write({
      caller: null,
      spec: rename(REAL.kommunal101, 'Uden identitet'),
      validateOnly: false,
      reads: requestReads(),
    });
    await expect(refusal).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    expect(importCalls()).toBe(before);
    expect((await inRegister(REAL.kommunal101))?.name).not.toBe('Uden identitet');
  });

  it('writes, forgets what the shared cache and the request held, and reads the record back', async () => {
    const reads = requestReads();
    const old = await reads.loaders.find('DaycareInstitution', REAL.kommunal101);
    expect(old?.name).toBeTruthy();
    expect(deps.reader.peek('DaycareInstitution', REAL.kommunal101)?.name).toBe(old?.name);
    const municipalityList = { operation: 'GetDagtilbudByAdmKommuneNummer', municipalityCode: 101 } as const;
    await deps.reader.list(municipalityList);
    expect(deps.reader.hasList(municipalityList)).toBe(true);

    const outcome = await writes.write({
      caller: caller('kommune-101'),
      spec: rename(REAL.kommunal101, 'Skrevet af tjenesten'),
      validateOnly: false,
      reads,
    });

    expect(outcome).toMatchObject({
      kind: 'written',
      payload: { daycareInstitution: { number: REAL.kommunal101, name: 'Skrevet af tjenesten' } },
    });
    expect((await inRegister(REAL.kommunal101))?.name).toBe('Skrevet af tjenesten');
    // Every list may hold the old record: forgotten. The shared cache and the request's loaders
    // answer the new name, not the one read before.
    expect(deps.reader.hasList(municipalityList)).toBe(false);
    expect(deps.reader.peek('DaycareInstitution', REAL.kommunal101)?.name).toBe('Skrevet af tjenesten');
    expect((await reads.loaders.find('DaycareInstitution', REAL.kommunal101))?.name).toBe(
      'Skrevet af tjenesten',
    );
  });

  it('an unknown code: a dry run instead, every error with where the register names the field, nothing written', async () => {
    const before = await inRegister(REAL.kommunal101);
    const outcome = await writes.write({
      caller: caller('kommune-101'),
      spec: rename(REAL.kommunal101, 'Med ukendt ejerform', 99),
      validateOnly: false,
      reads: requestReads(),
    });
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.payload).toEqual({ daycareInstitution: null });
    expect(outcome.errors).toContainEqual(
      expect.objectContaining({ field: 'Daginstitution/ejerformKode', code: 'KODE_UKENDT', by: 'gateway' }),
    );
    expect(outcome.errors.find((e) => e.by === 'gateway')?.message).toMatch(/^ejerformKode 99 findes ikke/);
    expect(await inRegister(REAL.kommunal101)).toEqual(before);
  });

  it('validateOnly: the register finds nothing to refuse, and nothing is written', async () => {
    const before = await inRegister(REAL.kommunal101);
    const outcome = await writes.write({
      caller: caller('kommune-101'),
      spec: rename(REAL.kommunal101, 'Kun kontrolleret', 1),
      validateOnly: true,
      reads: requestReads(),
    });
    expect(outcome).toEqual({ kind: 'valid', payload: { daycareInstitution: null } });
    expect(await inRegister(REAL.kommunal101)).toEqual(before);
  });

  it("another owner's record: FORBIDDEN, the record unchanged and the cache still holding it", async () => {
    const reads = requestReads();
    const held = await reads.loaders.find('DaycareInstitution', REAL.privat751);
    expect(held).not.toBeNull();
    const refusal = writes.write({
      caller: caller('kommune-101'),
      spec: rename(REAL.privat751, 'Ikke din'),
      validateOnly: false,
      reads,
    });
    await expect(refusal).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await inRegister(REAL.privat751))?.name).toBe(held?.name);
    expect(deps.reader.peek('DaycareInstitution', REAL.privat751)).toEqual(held);
  });
});
