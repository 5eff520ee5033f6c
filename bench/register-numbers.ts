import { httpsRequest, soapEnvelope } from '../test/helpers/https-request.ts';
import { basicAuth } from '../test/helpers/start-test-registry.ts';

/** Institution numbers the benchmarks ask for, read from the register itself over SOAP. */
export interface RegisterNumbers {
  /** Daginstitutioner that have at least one anvisningsenhed, in the register's order. */
  parents: string[];
  /** Anvisningsenheder. */
  units: string[];
}

const numbersIn = (xml: string, element: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}>([^<]+)</${element}>`, 'g'))].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );

/** Reads every anvisningsenhed (one GetAllAnvisningsEnheder) as the demo reader. */
export async function readRegisterNumbers(registryUrl: string, ca: string): Promise<RegisterNumbers> {
  const response = await httpsRequest(`${registryUrl}/ExportService`, {
    method: 'POST',
    ca,
    headers: { authorization: basicAuth('reader'), 'content-type': 'text/xml; charset=utf-8' },
    body: soapEnvelope('GetAllAnvisningsEnheder'),
  });
  if (response.status !== 200) throw new Error(`GetAllAnvisningsEnheder answered ${response.status}`);
  const units = [...new Set(numbersIn(response.body, 'EnhedsNummer'))];
  const parents = [...new Set(numbersIn(response.body, 'DagInstitutionsNummer'))];
  if (units.length === 0 || parents.length === 0) throw new Error('the register listed no anvisningsenheder');
  return { parents, units };
}
