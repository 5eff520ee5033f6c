import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayLogger } from '../../src/gateway/logger.ts';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.ts';
import {
  ADDRESS_101,
  ADDRESS_751,
  daycareInstitutionInput,
  M,
  unitFields,
} from '../helpers/gateway-writes.ts';
import { P, REAL } from '../helpers/import-fixtures.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

type Rec = Record<string, unknown>;

// Every line every gateway of this file logs, at the most talkative level.
const logLines: string[] = [];
const logger = createGatewayLogger('trace', { write: (line: string) => void logLines.push(line) });

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, gateway } = useTestStack({ registry: { changeFeed: false }, gateway: { logger } });

const IDENTITIES = ['admin', 'reader', 'kommune-101', 'privat-33178522'] as const;
type Identity = (typeof IDENTITIES)[number];

/** A mutation's payload, or the codes of its GraphQL errors. */
const attempt = async (name: keyof typeof M, input: Rec, as?: { user: string; password?: string }) => {
  const response = await gateway.query<Record<string, { userErrors: Rec[] } & Rec>>(M[name], { input }, as);
  return {
    payload: response.data?.[name] ?? null,
    codes: (response.errors ?? []).map((e) => e.extensions?.code),
  };
};
const made = async (name: keyof typeof M, input: Rec, as: { user: string } = { user: 'admin' }) => {
  const { payload, codes } = await attempt(name, input, as);
  expect(codes).toEqual([]);
  expect(payload?.userErrors).toEqual([]);
  return payload as Rec;
};

describe('the rights matrix through GraphQL', () => {
  const targets = {
    kommunal101: { parent: REAL.kommunal101, p: P.koebenhavn, address: ADDRESS_101 },
    privat33178522: { parent: REAL.privat751, p: P.privat33178522, address: ADDRESS_751 },
  } as const;
  type Target = keyof typeof targets;
  const allowed: Record<Identity, Record<Target, boolean>> = {
    admin: { kommunal101: true, privat33178522: true },
    reader: { kommunal101: false, privat33178522: false },
    'kommune-101': { kommunal101: true, privat33178522: false },
    'privat-33178522': { kommunal101: false, privat33178522: true },
  };
  // A second daginstitution per owner, so that moves stay within owner and municipality.
  const sibling = {} as Record<Target, string>;

  beforeAll(async () => {
    const privat = await made('createDaycareInstitution', {
      ...daycareInstitutionInput({
        ownershipCode: 3,
        legalBasisCode: 4,
        municipalityCode: '751',
        name: 'Højvang 2',
      }),
      firstUnit: unitFields({ pNumber: P.privat33178522[1], address: ADDRESS_751 }),
    });
    const kommunal = await made('createDaycareInstitution', daycareInstitutionInput());
    sibling.privat33178522 = (privat.daycareInstitution as Rec).number as string;
    sibling.kommunal101 = (kommunal.daycareInstitution as Rec).number as string;
  });

  /** A unit made by admin under the target, for an identity to act on. */
  const adminUnit = async (target: Target, name: string): Promise<string> => {
    const t = targets[target];
    const payload = await made('createAssignmentUnit', {
      daycareInstitutionNumber: t.parent,
      unit: unitFields({ name, pNumber: t.p[0], address: t.address }),
    });
    return (payload.assignmentUnit as Rec).number as string;
  };

  for (const user of IDENTITIES) {
    for (const target of Object.keys(targets) as Target[]) {
      const expected = allowed[user][target] ? 'OK' : 'FORBIDDEN';
      it(`${user} on ${target}: create unit, update, move and close are ${expected}`, async () => {
        const t = targets[target];
        const attempts: [keyof typeof M, () => Promise<Rec>][] = [
          [
            'createAssignmentUnit',
            async () => ({
              daycareInstitutionNumber: t.parent,
              unit: unitFields({ pNumber: t.p[2], address: t.address }),
            }),
          ],
          [
            'updateAssignmentUnit',
            async () => ({ number: await adminUnit(target, 'Til opdatering'), email: 'ny@example.dk' }),
          ],
          [
            'moveAssignmentUnit',
            async () => ({
              number: await adminUnit(target, 'Til flytning'),
              toDaycareInstitutionNumber: sibling[target],
            }),
          ],
          ['closeAssignmentUnit', async () => ({ number: await adminUnit(target, 'Til lukning') })],
        ];
        for (const [name, prepare] of attempts) {
          const input = await prepare();
          const before = registry.store.changeSequence();
          const { payload, codes } = await attempt(name, input, { user });
          expect({ name, codes, userErrors: payload?.userErrors ?? null }).toEqual({
            name,
            codes: expected === 'OK' ? [] : ['FORBIDDEN'],
            userErrors: expected === 'OK' ? [] : null,
          });
          expect(registry.store.changeSequence()).toBe(expected === 'OK' ? before + 1 : before);
        }
      });
    }
  }

  it('a municipality may not hand its institution to a private owner or another municipality', async () => {
    for (const change of [{ ownershipCode: 3, legalBasisCode: 4 }, { municipalityCode: '751' }]) {
      const { codes } = await attempt(
        'updateDaycareInstitution',
        { number: sibling.kommunal101, ...change },
        { user: 'kommune-101' },
      );
      expect(codes).toEqual(['FORBIDDEN']);
    }
  });
});

describe('the caller’s identity', () => {
  const input = { number: REAL.privatUnit751, email: 'x@example.dk' };

  it('none, or not Basic: UNAUTHENTICATED, and the register is not called', async () => {
    gateway.metrics.reset();
    for (const as of [undefined, { authorization: 'Bearer abc' }, { authorization: 'Basic !!!' }]) {
      const response = await gateway.query(M.updateAssignmentUnit, { input }, as);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(response.data).toBeNull();
    }
    expect(gateway.metrics.total()).toBe(0);
  });

  it('a password the register refuses: UNAUTHENTICATED, nothing written', async () => {
    const before = registry.store.changeSequence();
    const { codes } = await attempt('updateAssignmentUnit', input, {
      user: 'admin',
      password: 'wrong-secret-7',
    });
    expect(codes).toEqual(['UNAUTHENTICATED']);
    expect(registry.store.changeSequence()).toBe(before);
  });

  it('reads need no identity and keep using the gateway’s own', async () => {
    const response = await gateway.query(`{ institution(number: "G10662") { number } }`);
    expect(response.data).toEqual({ institution: { number: 'G10662' } });
  });
});

describe('scalars refuse malformed input before any call', () => {
  it.each([
    [
      'a P-number literal',
      `mutation { createAssignmentUnit(input: { daycareInstitutionNumber: "G29215", unit: {
      name: "x", institutionTypeCode: 6012, pNumber: "123",
      address: { street: "a", houseNumber: "1", postalCode: "2720", city: "b", municipalityCode: "101" } } }) { userErrors { code } } }`,
      undefined,
      /PNumber must be 10 digits/,
    ],
    [
      'an institution number literal',
      `mutation { closeAssignmentUnit(input: { number: "g10662" }) { userErrors { code } } }`,
      undefined,
      /InstitutionNumber must be 6 characters/,
    ],
    [
      'a municipality code variable',
      M.createDaycareInstitution,
      { input: daycareInstitutionInput({ municipalityCode: '999' }) },
      /MunicipalityCode must be one of the 98/,
    ],
    [
      'a postal code variable',
      M.createDaycareInstitution,
      {
        input: daycareInstitutionInput({
          firstUnit: unitFields({ address: { ...ADDRESS_101, postalCode: '27200' } }),
        }),
      },
      /PostalCode must be 4 digits/,
    ],
    [
      'an e-mail variable',
      M.updateAssignmentUnit,
      { input: { number: 'G10662', email: 'ikke en e-mail' } },
      /Email must be one e-mail address/,
    ],
    [
      'a CVR number in a filter',
      `{ assignmentUnits(filter: { cvrNumber: "33178523" }) { totalCount } }`,
      undefined,
      /modulus-11/,
    ],
  ] as const)('%s: BAD_USER_INPUT naming the rule', async (_, query, variables, message) => {
    gateway.metrics.reset();
    const response = await gateway.query(query, variables, { user: 'admin' });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(gateway.metrics.total()).toBe(0);
  });
});

describe('no accidental double writes', () => {
  let proxy: FaultProxy;
  let slow: TestGateway;

  beforeAll(async () => {
    proxy = await startFaultProxy({
      target: registry.url,
      ca: registry.ca,
      cert: registry.tls.cert,
      key: registry.tls.key,
    });
    // The WSDL passes; every SOAP call hangs.
    proxy.setFault((req) => (req.soapAction === undefined ? { kind: 'pass' } : { kind: 'hang' }));
    slow = await startTestGateway(
      { url: proxy.url, ca: registry.ca },
      { env: { SOAP_TIMEOUT_MS: '400' }, logger },
    );
  });
  afterAll(async () => {
    await slow?.close();
    await proxy?.close();
  });

  it('a register that does not answer: UPSTREAM_TIMEOUT naming the number, sent exactly once', async () => {
    const response = await slow.query(
      M.closeAlternativeAddress,
      { input: { number: 'G30001' } },
      { user: 'admin' },
    );
    expect(response.errors).toEqual([
      {
        message: expect.stringMatching(
          /outcome of DeleteAlternativAdresse is unknown.*Read G30001/,
        ) as string,
        locations: expect.any(Array) as unknown,
        path: ['closeAlternativeAddress'],
        extensions: { code: 'UPSTREAM_TIMEOUT', number: 'G30001' },
      },
    ]);
    // Longer than another timeout would take: a retry would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const writes = proxy.seen.filter((r) => r.soapAction !== undefined);
    expect(writes.map((r) => r.soapAction)).toEqual([
      'urn:dagtilbudsregister:import:v1/DeleteAlternativAdresse',
    ]);
  });

  it('an insert that times out has no number to name', async () => {
    const response = await slow.query(
      M.createAlternativeAddress,
      {
        input: {
          assignmentUnitNumber: 'G10662',
          alternativeAddress: { name: 'x', address: ADDRESS_751, pNumber: P.privat33178522[2] },
        },
      },
      { user: 'admin' },
    );
    expect(response.errors?.map((e) => [e.extensions, e.message])).toEqual([
      [{ code: 'UPSTREAM_TIMEOUT' }, expect.stringMatching(/outcome of InsertAlternativAdresse is unknown/)],
    ]);
  });
});

// Last: it reads what every test before it logged.
describe('credentials never reach the logs', () => {
  it('no Basic header, no encoded credentials, no password in anything logged', () => {
    expect(logLines.length).toBeGreaterThan(10);
    const logs = logLines.join('\n');
    const passwords = [...IDENTITIES, 'wrong-secret-7'];
    const secrets = [
      'Basic ',
      ...passwords,
      ...IDENTITIES.map((u) => Buffer.from(`${u}:${u}`).toString('base64')),
      Buffer.from('admin:wrong-secret-7').toString('base64'),
    ];
    for (const secret of secrets) expect(logs).not.toContain(secret);
  });
});
