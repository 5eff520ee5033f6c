import type {
  AlternativAdresseInput,
  AnvisningsEnhedInput,
  DaginstitutionInput,
} from '../domain/import-input.ts';
import type { RuleError } from '../rules/index.ts';
import { requireText } from '../soap/args.ts';
import { currentRequest } from '../soap/request-context.ts';
import { SoapFault } from '../soap/soap-fault.ts';
import type { OperationCheck } from '../soap/soap-service.ts';
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

/** The operations that change the store: each answers ImportSvarXML, schema errors included. */
export const IMPORT_WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'InsertDaginstitution',
  'UpdateDaginstitution',
  'DeleteDaginstitution',
  'InsertAnvisningsEnhed',
  'UpdateAnvisningsEnhed',
  'DeleteAnvisningsEnhed',
  'MoveAnvisningsEnhed',
  'InsertAlternativAdresse',
  'UpdateAlternativAdresse',
  'DeleteAlternativAdresse',
  'MoveAlternativAdresse',
]);

/**
 * The XSD check of an ImportService write, before node-soap parses it: a wrong shape is answered
 * FEJL with its SKEMA_FEJL errors at once (no rule runs, node-soap never maps arguments the XSD does
 * not describe); wrong values in a right shape let the write run, to be answered with the rules'
 * errors as well.
 */
export function createImportWriteCheck() {
  const validator = createImportSchemaValidator();
  return {
    handles: (operation: string) => IMPORT_WRITE_OPERATIONS.has(operation),
    check(operation: string, operationXml: string): OperationCheck {
      const { errors, structural } = validator.validateOperationXml(operationXml);
      if (!structural) {
        // The write answers value errors together with the rules' (they are not validated twice).
        currentRequest().schemaErrors = errors;
        return { kind: 'run' };
      }
      currentRequest().log.info({ operation, fejl: errors.map((f) => f.kode) }, 'write answered FEJL');
      return {
        kind: 'answer',
        result: { [`${operation}Result`]: importSvarToXml({ status: 'FEJL', fejl: errors }) },
      };
    },
  };
}

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

  /**
   * Runs a write. The whole operation element is validated against the XSD first. A wrong shape
   * (an element missing, repeated, unknown or out of order, markup in a value) is answered with its
   * schema errors alone: the rules never see arguments the XSD does not describe. Wrong values in a
   * right shape are answered together with the rules' errors (a field the rules already reported is
   * not reported twice). With any schema error, nothing is written. A dry run (the `KunValidering`
   * header) runs the same way and always rolls back: OK without numbers, or FEJL.
   */
  const write =
    (operation: string, run: (args: unknown) => ImportSvar) =>
    (args: unknown): Record<string, unknown> => {
      const context = currentRequest();
      const { errors: fromSchema, structural } =
        context.schemaErrors === undefined
          ? validator.validateOperationXml(context.operationXml ?? '')
          : { errors: [...context.schemaErrors] as RuleError[], structural: false };
      const svar: ImportSvar = structural
        ? { status: 'FEJL', fejl: fromSchema }
        : fromSchema.length > 0 || isValidateOnly(context.requestXml)
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
