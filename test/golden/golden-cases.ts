import { daycareInstitutionInput, M } from '../helpers/gateway-writes.ts';

/*
 * The golden SOAP envelopes: one folder per operation, `<Service>/<Operation>/request.xml` and
 * `response.xml`, on the real data. Replayed in this order on a fresh register: the writes come
 * after the reads they could change, and the answers' numbers and sequences follow from the order.
 */

export type GoldenService = 'ExportService' | 'ImportService';

/** One golden folder: what is sent, as whom, and (for the gateway's) how the gateway comes to send it. */
export interface GoldenCase {
  service: GoldenService;
  operation: string;
  /** The folder under the service, when it is not the operation's name (the fault). */
  folder?: string;
  /** Whose Basic credentials the replay sends. */
  user: string;
  /**
   * The arguments, for a request the test's node-soap client builds. Absent: the gateway's own
   * node-soap client sends it, for the `graphql` operation, and the test checks it sends just that.
   */
  args?: object;
  /** Replayed on a register without the seed data: the whole-register lists are megabytes otherwise. */
  emptyRegister?: boolean;
}

/** A GraphQL operation and the SOAP requests it makes the gateway send (the first of each counts). */
export interface GatewayGoldenCase {
  query: string;
  variables?: Record<string, unknown>;
  as?: { user: string };
  /**
   * Which gateway: the TTL cache (`ttl`), the TTL cache without the batch look-ups (`one-number`,
   * STIL's own operations), or the live read model (`live`, whose start-up loads count too).
   */
  gateway: 'ttl' | 'one-number' | 'live';
  sends: readonly string[];
}

/** How the gateway is brought to send each operation it uses. */
export const GATEWAY_CASES: readonly GatewayGoldenCase[] = [
  { query: '{ codes(table: OWNERSHIP) { code } }', gateway: 'ttl', sends: ['GetEjerformer'] },
  { query: '{ codes(table: INSTITUTION_TYPE) { code } }', gateway: 'ttl', sends: ['GetInstitutionstyper'] },
  { query: '{ codes(table: LEGAL_BASIS) { code } }', gateway: 'ttl', sends: ['GetLovgrundlag'] },
  { query: '{ municipalities { code } }', gateway: 'ttl', sends: ['GetKommuner'] },
  {
    query: '{ institution(number: "G10662") { number } }',
    gateway: 'ttl',
    sends: ['GetAnvisningsEnhederByNumre'],
  },
  {
    query: '{ institution(number: "G30306") { number } }',
    gateway: 'ttl',
    sends: ['GetDaginstitutionerByNumre'],
  },
  {
    query: '{ institution(number: "G30504") { number } }',
    gateway: 'ttl',
    sends: ['GetAlternativAdresserByNumre'],
  },
  {
    query: '{ institution(number: "G10662") { number } }',
    gateway: 'one-number',
    sends: ['GetAnvisningsEnhederByNummer'],
  },
  {
    query: '{ institution(number: "G30306") { number } }',
    gateway: 'one-number',
    sends: ['GetDaginstitutionByNummer'],
  },
  {
    query: '{ institution(number: "G30504") { number } }',
    gateway: 'one-number',
    sends: ['GetAlternativAdresserByNummer'],
  },
  {
    query: '{ changes(first: 10) { latestSequence } }',
    gateway: 'live',
    sends: ['GetAllDaginstitutioner', 'GetAllAnvisningsEnheder', 'GetAllAlternativAdresser', 'GetAendringer'],
  },
  {
    query: M.updateAssignmentUnit,
    variables: { input: { number: 'G10662', email: 'golden@hoejvang.dk' } },
    as: { user: 'admin' },
    gateway: 'ttl',
    sends: ['UpdateAnvisningsEnhed'],
  },
  {
    query: M.updateDaycareInstitution,
    variables: { input: { number: 'G29215', name: 'Dagtilbud København (§ 19, stk. 2)' } },
    as: { user: 'admin' },
    gateway: 'ttl',
    sends: ['UpdateDaginstitution'],
  },
  {
    query: M.createDaycareInstitution,
    variables: { input: daycareInstitutionInput() },
    as: { user: 'admin' },
    gateway: 'ttl',
    sends: ['InsertDaginstitution'],
  },
];

const ADRESSE = {
  vejNavn: 'Tyborøn Allé',
  husNummer: '47',
  postNummer: '2720',
  byNavn: 'Vanløse',
  kommuneKode: '101',
};
const ENHED = { EnhedsNavn: 'Guld-haven', InstType3: 6012, Adresse: ADRESSE, PNummer: '4774805696' };

const exportCase = (operation: string, args?: object, more: Partial<GoldenCase> = {}): GoldenCase => ({
  service: 'ExportService',
  operation,
  user: 'reader',
  ...(args !== undefined && { args }),
  ...more,
});
const importCase = (operation: string, args?: object): GoldenCase => ({
  service: 'ImportService',
  operation,
  user: 'admin',
  ...(args !== undefined && { args }),
});

/** Every operation of both WSDLs, and a fault; in replay order. */
export const GOLDEN_CASES: readonly GoldenCase[] = [
  exportCase('HelloWorld', {}),
  exportCase('GetAllDagtilbud', {}, { emptyRegister: true }),
  exportCase('GetAllDaginstitutioner', undefined, { emptyRegister: true }),
  exportCase('GetAllAnvisningsEnheder', undefined, { emptyRegister: true }),
  exportCase('GetAllAlternativAdresser', undefined, { emptyRegister: true }),
  exportCase('GetDagtilbudByDagInstitutionsNummer', { DagInstitutionsNummer: 'G30306' }),
  exportCase('GetDagtilbudByAdmKommuneNummer', { AdmkommuneNummer: 492 }),
  exportCase('GetDaginstitutionByNummer'),
  exportCase('GetDaginstitutionByNavn', { partOfName: 'Højvang' }),
  exportCase('GetDaginstitutionerByNumre'),
  exportCase('GetAnvisningsEnhederByPnummer', { pNummer: '8947664198' }),
  exportCase('GetAnvisningsEnhederByNummer'),
  exportCase('GetAnvisningsEnhederByNumre'),
  exportCase('GetAnvisningsEnhederByCvrnummer', { cvrNummer: '33178522' }),
  exportCase('GetAnvisningsEnhederByNavn', { partOfName: 'Højvang' }),
  exportCase('GetAnvisningsEnhederByDaginstitutionsnummer', { DagInstitutionsNummer: 'G30306' }),
  exportCase('GetAlternativAdresserByCvrnummer', { cvrNummer: '33178522' }),
  exportCase('GetAlternativAdresserByPnummer', { pNummer: '8947664198' }),
  exportCase('GetAlternativAdresserByNummer'),
  exportCase('GetAlternativAdresserByNumre'),
  exportCase('GetAlternativAdresserByNavn', { partOfName: 'Skovbørnehaven' }),
  exportCase('GetAlternativAdresserByAnvisningsenhedsnummer', { enhedsNummer: 'G23042' }),
  exportCase('GetKommuner'),
  exportCase('GetEjerformer'),
  exportCase('GetInstitutionstyper'),
  exportCase('GetLovgrundlag'),
  exportCase('GetAendringer'),
  importCase('HelloWorld', {}),
  importCase('GetXMLSchema', {}),
  {
    ...importCase('GetXMLSchema', { schemaName: 'Other.xsd' }),
    folder: 'GetXMLSchema-fault',
  },
  importCase('ValidateXmlAgainstSchema', {
    xml: '<AnvisningsEnhed xmlns="urn:dagtilbudsregister:import:v1"><EnhedsNavn>Ø</EnhedsNavn></AnvisningsEnhed>',
  }),
  importCase('UpdateAnvisningsEnhed'),
  importCase('UpdateDaginstitution'),
  importCase('InsertDaginstitution'),
  importCase('InsertAnvisningsEnhed', { AnvisningsEnhed: { DagInstitutionsNummer: 'G29215', ...ENHED } }),
  importCase('InsertAlternativAdresse', {
    AlternativAdresse: {
      EnhedsNummer: 'G10432',
      Navn: 'Guld-skoven',
      Adresse: ADRESSE,
      PNummer: '8676166552',
    },
  }),
  importCase('UpdateAlternativAdresse', {
    AlternativAdresse: { AlternativAdresseNummer: 'G99999', Navn: 'x' },
  }),
  importCase('MoveAnvisningsEnhed', { EnhedsNummer: 'G99999', DagInstitutionsNummer: 'G29215' }),
  importCase('MoveAlternativAdresse', { AlternativAdresseNummer: 'G99999', EnhedsNummer: 'G10432' }),
  importCase('DeleteAlternativAdresse', { AlternativAdresseNummer: 'G99999' }),
  importCase('DeleteAnvisningsEnhed', { EnhedsNummer: 'G99999' }),
  importCase('DeleteDaginstitution', { DagInstitutionsNummer: 'G99999' }),
];

/** The folder of a case, relative to test/golden/. */
export const folderOf = (c: GoldenCase): string => `${c.service}/${c.folder ?? c.operation}`;
