import type {
  AlternativAdresseInput,
  AnvisningsEnhedInput,
  DaginstitutionInput,
} from '../domain/import-input.ts';
import type { RuleError } from '../rules/index.ts';
import { requireText } from '../soap/args.ts';
import { operationChildren } from '../soap/operation-records.ts';
import { currentRequest } from '../soap/request-context.ts';
import { SoapFault } from '../soap/soap-fault.ts';
import { childObject } from '../soap/string-leaves.ts';
import {
  deleteAlternativAdresse,
  insertAlternativAdresse,
  moveAlternativAdresse,
  updateAlternativAdresse,
} from './alternativ-adresse-writes.ts';
import {
  deleteAnvisningsEnhed,
  insertAnvisningsEnhed,
  moveAnvisningsEnhed,
  updateAnvisningsEnhed,
} from './anvisningsenhed-writes.ts';
import { deleteDaginstitution, insertDaginstitution, updateDaginstitution } from './daginstitution-writes.ts';
import { importSvarToXml, type ImportSvar } from './import-answer.ts';
import { createStructure } from './structure.ts';
import { createWriteTools, type ImportDeps } from './write-tools.ts';
import { isValidateOnly } from './validate-only.ts';
import { createImportSchemaValidator, importSchemaText } from './xsd-validator.ts';

const RECORDS = new Set(['Daginstitution', 'AnvisningsEnhed', 'AlternativAdresse']);

/**
 * The ImportService operations by their WSDL names. Every write validates the records it carries
 * against the same XSD that GetXMLSchema returns, runs every rule, and answers one ImportSvarXML
 * with all errors; only a write without errors reaches the store, as one transaction.
 */
export function createImportOperations(deps: ImportDeps) {
  const tools = createWriteTools(deps);
  const structure = createStructure(deps.store);
  const validator = createImportSchemaValidator();
  const now = deps.now ?? (() => new Date());

  /** The XSD errors of the records in the current request. */
  const schemaErrors = async (): Promise<RuleError[]> => {
    const records = operationChildren(currentRequest().requestXml).filter((c) => RECORDS.has(c.localName));
    const errors = await Promise.all(records.map((r) => validator.validateRecordXml(r.xml)));
    return errors.flat();
  };

  /**
   * Runs a write: schema errors and rule errors are answered together (a field the rules already
   * reported is not reported twice); with schema errors, nothing is written. A dry run (the
   * `KunValidering` header) runs the same way and always rolls back: OK without numbers, or FEJL.
   */
  const write =
    (operation: string, run: (args: unknown) => ImportSvar) =>
    async (args: unknown): Promise<Record<string, unknown>> => {
      const fromSchema = await schemaErrors();
      const svar =
        fromSchema.length > 0 || isValidateOnly(currentRequest().requestXml)
          ? rulesOnly(run, args, fromSchema)
          : run(args);
      if (svar.status === 'FEJL')
        currentRequest().log.info({ operation, fejl: svar.fejl.map((f) => f.kode) }, 'write answered FEJL');
      return { [`${operation}Result`]: importSvarToXml(svar) };
    };

  /**
   * With schema errors (or in a dry run) the write must not happen; the rules still run on a store
   * that rolls back, so numbers issued and change rows written inside are undone with it.
   */
  const rulesOnly = (
    run: (args: unknown) => ImportSvar,
    args: unknown,
    fromSchema: RuleError[],
  ): ImportSvar => {
    let ruleErrors: RuleError[] = [];
    try {
      deps.store.write(() => {
        ruleErrors = run(args).fejl;
        throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    const reported = new Set(ruleErrors.map((e) => e.felt));
    const fejl = [...ruleErrors, ...fromSchema.filter((e) => !reported.has(e.felt))];
    return fejl.length === 0 ? { status: 'OK', fejl: [] } : { status: 'FEJL', fejl };
  };

  const nummer = (args: unknown, operation: string, name: string) => requireText(args, operation, name, 20);

  return {
    HelloWorld: () => ({ HelloWorldResult: `Hello ${now().toISOString()}` }),
    GetXMLSchema: (args: unknown) => {
      const name =
        typeof args === 'object' && args !== null ? (args as { schemaName?: unknown }).schemaName : undefined;
      if (
        name !== undefined &&
        name !== null &&
        name !== '' &&
        !['ImportService', 'ImportService.xsd'].includes(String(name))
      ) {
        throw new SoapFault(
          'soap:Client',
          `GetXMLSchema: unknown schemaName "${String(name)}"; the schema is ImportService.xsd`,
        );
      }
      return { GetXMLSchemaResult: importSchemaText() };
    },
    ValidateXmlAgainstSchema: async (args: unknown) => {
      const xml = requireText(args, 'ValidateXmlAgainstSchema', 'xml', 4 * 1024 * 1024);
      const errors = await validator.validateRecordXml(xml);
      const svar: ImportSvar = { status: errors.length === 0 ? 'OK' : 'FEJL', fejl: errors };
      return { ValidateXmlAgainstSchemaResult: importSvarToXml(svar) };
    },
    InsertDaginstitution: write('InsertDaginstitution', (args) =>
      insertDaginstitution(
        tools,
        childObject<DaginstitutionInput>(args, 'Daginstitution'),
        childObject<AnvisningsEnhedInput>(args, 'AnvisningsEnhed'),
      ),
    ),
    UpdateDaginstitution: write('UpdateDaginstitution', (args) =>
      updateDaginstitution(tools, structure, childObject<DaginstitutionInput>(args, 'Daginstitution')),
    ),
    DeleteDaginstitution: write('DeleteDaginstitution', (args) =>
      deleteDaginstitution(tools, structure, nummer(args, 'DeleteDaginstitution', 'DagInstitutionsNummer')),
    ),
    InsertAnvisningsEnhed: write('InsertAnvisningsEnhed', (args) =>
      insertAnvisningsEnhed(tools, structure, childObject<AnvisningsEnhedInput>(args, 'AnvisningsEnhed')),
    ),
    UpdateAnvisningsEnhed: write('UpdateAnvisningsEnhed', (args) =>
      updateAnvisningsEnhed(tools, structure, childObject<AnvisningsEnhedInput>(args, 'AnvisningsEnhed')),
    ),
    DeleteAnvisningsEnhed: write('DeleteAnvisningsEnhed', (args) =>
      deleteAnvisningsEnhed(tools, structure, nummer(args, 'DeleteAnvisningsEnhed', 'EnhedsNummer')),
    ),
    MoveAnvisningsEnhed: write('MoveAnvisningsEnhed', (args) =>
      moveAnvisningsEnhed(
        tools,
        structure,
        nummer(args, 'MoveAnvisningsEnhed', 'EnhedsNummer'),
        nummer(args, 'MoveAnvisningsEnhed', 'DagInstitutionsNummer'),
      ),
    ),
    InsertAlternativAdresse: write('InsertAlternativAdresse', (args) =>
      insertAlternativAdresse(
        tools,
        structure,
        childObject<AlternativAdresseInput>(args, 'AlternativAdresse'),
      ),
    ),
    UpdateAlternativAdresse: write('UpdateAlternativAdresse', (args) =>
      updateAlternativAdresse(
        tools,
        structure,
        childObject<AlternativAdresseInput>(args, 'AlternativAdresse'),
      ),
    ),
    DeleteAlternativAdresse: write('DeleteAlternativAdresse', (args) =>
      deleteAlternativAdresse(
        tools,
        structure,
        nummer(args, 'DeleteAlternativAdresse', 'AlternativAdresseNummer'),
      ),
    ),
    MoveAlternativAdresse: write('MoveAlternativAdresse', (args) =>
      moveAlternativAdresse(
        tools,
        structure,
        nummer(args, 'MoveAlternativAdresse', 'AlternativAdresseNummer'),
        nummer(args, 'MoveAlternativAdresse', 'EnhedsNummer'),
      ),
    ),
  };
}

const ROLLBACK = Symbol('rollback');
