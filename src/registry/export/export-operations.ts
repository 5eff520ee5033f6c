import type { DagtilbudsRegister } from '../domain/model.ts';
import { EJERFORM, INST_TYPE3, KOMMUNER, LOVGRUNDLAG } from '../domain/code-tables.ts';
import type { RegistryStore } from '../store/registry-store.ts';
import { requireNumberList, requireText } from '../soap/args.ts';
import type { OperationCall } from '../soap/soap-service.ts';
import { requireSentInteger } from './sent-integer.ts';
import {
  alternativAdresserToXml,
  anvisningsenhederToXml,
  daginstitutionerToXml,
  dagtilbudsRegisterToXml,
  kodetabelToXml,
} from './to-xml.ts';
import { writeElements } from './xml-writer.ts';

/** How many numbers one batch look-up (this project's extension) may carry. */
export const MAX_BATCH_NUMBERS = 1000;

/** One ExportService operation: parsed arguments in, the response element's content out. */
export type Operation = (args: unknown, call: OperationCall) => Record<string, unknown>;

/**
 * The ExportService operations over a store, by their WSDL names. Every list answer is the full set
 * (STIL documents no paging), ordered by number.
 */
export function createExportOperations(store: RegistryStore, now: () => Date = () => new Date()) {
  const slice = (daginstitutionsNumre: string[] | undefined): DagtilbudsRegister => {
    const daginstitutioner = store.daginstitutioner(
      daginstitutionsNumre === undefined ? {} : { numre: daginstitutionsNumre },
    );
    const anvisningsenheder = store.anvisningsenheder(
      daginstitutionsNumre === undefined ? {} : { daginstitutionsNumre },
    );
    const alternativAdresser = store.alternativAdresser(
      daginstitutionsNumre === undefined
        ? {}
        : { anvisningsenhedsNumre: anvisningsenheder.map((e) => e.anvisningsenhedsNummer) },
    );
    return { daginstitutioner, anvisningsenheder, alternativAdresser };
  };

  const result = (operation: string, value: Record<string, unknown> | string) => ({
    [`${operation}Result`]: typeof value === 'string' ? value : { $xml: writeElements(value) },
  });

  const operations = {
    HelloWorld: () => result('HelloWorld', `Hello ${now().toISOString()}`),
    GetAllDagtilbud: () => result('GetAllDagtilbud', dagtilbudsRegisterToXml(slice(undefined))),
    GetDagtilbudByDagInstitutionsNummer: (args) => {
      const nummer = requireText(args, 'GetDagtilbudByDagInstitutionsNummer', 'DagInstitutionsNummer');
      return result('GetDagtilbudByDagInstitutionsNummer', dagtilbudsRegisterToXml(slice([nummer])));
    },
    GetDagtilbudByAdmKommuneNummer: (_, call) => {
      // xs:int, as sent: node-soap's parseInt would read "101abc" as København.
      const kode = requireSentInteger(
        call.operation,
        'GetDagtilbudByAdmKommuneNummer',
        'AdmkommuneNummer',
        -(2 ** 31),
        2 ** 31 - 1,
      );
      const numre = store.daginstitutioner({ admKommuneKode: kode }).map((d) => d.daginstitutionsNummer);
      return result('GetDagtilbudByAdmKommuneNummer', dagtilbudsRegisterToXml(slice(numre)));
    },
    GetAllDaginstitutioner: () =>
      result('GetAllDaginstitutioner', daginstitutionerToXml(store.daginstitutioner())),
    GetDaginstitutionByNummer: (args) => {
      const nummer = requireText(args, 'GetDaginstitutionByNummer', 'DagInstitutionsNummer');
      return result(
        'GetDaginstitutionByNummer',
        daginstitutionerToXml(store.daginstitutioner({ numre: [nummer] })),
      );
    },
    GetDaginstitutionByNavn: (args) => {
      const navn = requireText(args, 'GetDaginstitutionByNavn', 'partOfName');
      return result(
        'GetDaginstitutionByNavn',
        daginstitutionerToXml(store.daginstitutioner({ navnIndeholder: navn })),
      );
    },
    GetAllAnvisningsEnheder: () =>
      result('GetAllAnvisningsEnheder', anvisningsenhederToXml(store.anvisningsenheder())),
    GetAnvisningsEnhederByPnummer: (args) => {
      const pNummer = requireText(args, 'GetAnvisningsEnhederByPnummer', 'pNummer');
      return result(
        'GetAnvisningsEnhederByPnummer',
        anvisningsenhederToXml(store.anvisningsenheder({ pNummer })),
      );
    },
    GetAnvisningsEnhederByNummer: (args) => {
      const nummer = requireText(args, 'GetAnvisningsEnhederByNummer', 'enhedsNummer');
      return result(
        'GetAnvisningsEnhederByNummer',
        anvisningsenhederToXml(store.anvisningsenheder({ numre: [nummer] })),
      );
    },
    GetAnvisningsEnhederByCvrnummer: (args) => {
      const cvrNummer = requireText(args, 'GetAnvisningsEnhederByCvrnummer', 'cvrNummer');
      return result(
        'GetAnvisningsEnhederByCvrnummer',
        anvisningsenhederToXml(store.anvisningsenheder({ cvrNummer })),
      );
    },
    GetAnvisningsEnhederByNavn: (args) => {
      const navn = requireText(args, 'GetAnvisningsEnhederByNavn', 'partOfName');
      return result(
        'GetAnvisningsEnhederByNavn',
        anvisningsenhederToXml(store.anvisningsenheder({ navnIndeholder: navn })),
      );
    },
    GetAnvisningsEnhederByDaginstitutionsnummer: (args) => {
      const nummer = requireText(
        args,
        'GetAnvisningsEnhederByDaginstitutionsnummer',
        'DagInstitutionsNummer',
      );
      return result(
        'GetAnvisningsEnhederByDaginstitutionsnummer',
        anvisningsenhederToXml(store.anvisningsenheder({ daginstitutionsNumre: [nummer] })),
      );
    },
    GetAllAlternativAdresser: () =>
      result('GetAllAlternativAdresser', alternativAdresserToXml(store.alternativAdresser())),
    GetAlternativAdresserByCvrnummer: (args) => {
      const cvrNummer = requireText(args, 'GetAlternativAdresserByCvrnummer', 'cvrNummer');
      return result(
        'GetAlternativAdresserByCvrnummer',
        alternativAdresserToXml(store.alternativAdresser({ cvrNummer })),
      );
    },
    GetAlternativAdresserByPnummer: (args) => {
      const pNummer = requireText(args, 'GetAlternativAdresserByPnummer', 'pNummer');
      return result(
        'GetAlternativAdresserByPnummer',
        alternativAdresserToXml(store.alternativAdresser({ pNummer })),
      );
    },
    GetAlternativAdresserByNummer: (args) => {
      const nummer = requireText(args, 'GetAlternativAdresserByNummer', 'alternativAdresseNummer');
      return result(
        'GetAlternativAdresserByNummer',
        alternativAdresserToXml(store.alternativAdresser({ numre: [nummer] })),
      );
    },
    GetAlternativAdresserByNavn: (args) => {
      const navn = requireText(args, 'GetAlternativAdresserByNavn', 'partOfName');
      return result(
        'GetAlternativAdresserByNavn',
        alternativAdresserToXml(store.alternativAdresser({ navnIndeholder: navn })),
      );
    },
    GetAlternativAdresserByAnvisningsenhedsnummer: (args) => {
      const nummer = requireText(args, 'GetAlternativAdresserByAnvisningsenhedsnummer', 'enhedsNummer');
      return result(
        'GetAlternativAdresserByAnvisningsenhedsnummer',
        alternativAdresserToXml(store.alternativAdresser({ anvisningsenhedsNumre: [nummer] })),
      );
    },
    GetInstitutionstyper: () => result('GetInstitutionstyper', kodetabelToXml(INST_TYPE3)),
    GetEjerformer: () => result('GetEjerformer', kodetabelToXml(EJERFORM)),
    GetLovgrundlag: () => result('GetLovgrundlag', kodetabelToXml(LOVGRUNDLAG)),
    GetKommuner: () => result('GetKommuner', kodetabelToXml(KOMMUNER)),
    GetDaginstitutionerByNumre: (args) => {
      const numre = requireNumberList(
        args,
        'GetDaginstitutionerByNumre',
        'DagInstitutionsNumre',
        MAX_BATCH_NUMBERS,
      );
      return result('GetDaginstitutionerByNumre', daginstitutionerToXml(store.daginstitutioner({ numre })));
    },
    GetAnvisningsEnhederByNumre: (args) => {
      const numre = requireNumberList(args, 'GetAnvisningsEnhederByNumre', 'enhedsNumre', MAX_BATCH_NUMBERS);
      return result(
        'GetAnvisningsEnhederByNumre',
        anvisningsenhederToXml(store.anvisningsenheder({ numre })),
      );
    },
    GetAlternativAdresserByNumre: (args) => {
      const numre = requireNumberList(
        args,
        'GetAlternativAdresserByNumre',
        'alternativAdresseNumre',
        MAX_BATCH_NUMBERS,
      );
      return result(
        'GetAlternativAdresserByNumre',
        alternativAdresserToXml(store.alternativAdresser({ numre })),
      );
    },
  } satisfies Record<string, Operation>;
  return operations;
}
