import type {
  AlternativAdresseInput,
  AnvisningsEnhedInput,
  DaginstitutionInput,
} from '../domain/import-input.ts';
import { requireText } from '../soap/args.ts';
import type { Caller } from '../soap/caller.ts';
import type { ParsedOperation } from '../soap/parsed-operation.ts';
import { SoapFault } from '../soap/soap-fault.ts';
import type { OperationCall, OperationCheck } from '../soap/soap-service.ts';
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
import { createWriteContext, type WriteContext } from './write-context.ts';
import { createWriteTools, type ImportDeps, type WriteTools } from './write-tools.ts';
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
    check(operation: string, parsed: ParsedOperation, caller: Caller): OperationCheck {
      const { errors, structural } = validator.validateOperation(parsed);
      // The write answers value errors together with the rules' (they are not validated twice).
      if (!structural) return { kind: 'run', valueErrors: errors };
      caller.log.info({ operation, fejl: errors.map((f) => f.kode) }, 'write answered FEJL');
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
  const structure = createStructure(deps.store);
  const validator = createImportSchemaValidator();
  const now = deps.now ?? (() => new Date());

  /**
   * Runs a write in its context. The XSD check has already answered a wrong shape (an element
   * missing, repeated, unknown or out of order, markup in a value) with its schema errors alone: the
   * rules never see arguments the XSD does not describe. Wrong values in a right shape are answered
   * together with the rules' errors (a field the rules already reported is not reported twice), and
   * the write runs as a dry run. A dry run (also the `KunValidering` header) runs the whole write,
   * rights included, on a store transaction that is rolled back: OK without numbers, or FEJL.
   */
  const write =
    (operation: string, run: (tools: WriteTools, args: unknown) => ImportSvar) =>
    (args: unknown, call: OperationCall): Record<string, unknown> => {
      const context = createWriteContext(operation, call, now);
      const written = run(createWriteTools(deps, context), args);
      const svar = context.dryRun ? dryRunAnswer(context, written) : written;
      if (svar.status === 'FEJL')
        context.log.info({ operation, fejl: svar.fejl.map((f) => f.kode) }, 'write answered FEJL');
      return { [`${operation}Result`]: importSvarToXml(svar) };
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
    InsertDaginstitution: write('InsertDaginstitution', (tools, args) =>
      insertDaginstitution(
        tools,
        childObject<DaginstitutionInput>(args, 'Daginstitution'),
        childObject<AnvisningsEnhedInput>(args, 'AnvisningsEnhed'),
      ),
    ),
    UpdateDaginstitution: write('UpdateDaginstitution', (tools, args) =>
      updateDaginstitution(tools, structure, childObject<DaginstitutionInput>(args, 'Daginstitution')),
    ),
    DeleteDaginstitution: write('DeleteDaginstitution', (tools, args) =>
      deleteDaginstitution(tools, structure, nummer(args, 'DeleteDaginstitution', 'DagInstitutionsNummer')),
    ),
    InsertAnvisningsEnhed: write('InsertAnvisningsEnhed', (tools, args) =>
      insertAnvisningsEnhed(tools, structure, childObject<AnvisningsEnhedInput>(args, 'AnvisningsEnhed')),
    ),
    UpdateAnvisningsEnhed: write('UpdateAnvisningsEnhed', (tools, args) =>
      updateAnvisningsEnhed(tools, structure, childObject<AnvisningsEnhedInput>(args, 'AnvisningsEnhed')),
    ),
    DeleteAnvisningsEnhed: write('DeleteAnvisningsEnhed', (tools, args) =>
      deleteAnvisningsEnhed(tools, structure, nummer(args, 'DeleteAnvisningsEnhed', 'EnhedsNummer')),
    ),
    MoveAnvisningsEnhed: write('MoveAnvisningsEnhed', (tools, args) =>
      moveAnvisningsEnhed(
        tools,
        structure,
        nummer(args, 'MoveAnvisningsEnhed', 'EnhedsNummer'),
        nummer(args, 'MoveAnvisningsEnhed', 'DagInstitutionsNummer'),
      ),
    ),
    InsertAlternativAdresse: write('InsertAlternativAdresse', (tools, args) =>
      insertAlternativAdresse(
        tools,
        structure,
        childObject<AlternativAdresseInput>(args, 'AlternativAdresse'),
      ),
    ),
    UpdateAlternativAdresse: write('UpdateAlternativAdresse', (tools, args) =>
      updateAlternativAdresse(
        tools,
        structure,
        childObject<AlternativAdresseInput>(args, 'AlternativAdresse'),
      ),
    ),
    DeleteAlternativAdresse: write('DeleteAlternativAdresse', (tools, args) =>
      deleteAlternativAdresse(
        tools,
        structure,
        nummer(args, 'DeleteAlternativAdresse', 'AlternativAdresseNummer'),
      ),
    ),
    MoveAlternativAdresse: write('MoveAlternativAdresse', (tools, args) =>
      moveAlternativAdresse(
        tools,
        structure,
        nummer(args, 'MoveAlternativAdresse', 'AlternativAdresseNummer'),
        nummer(args, 'MoveAlternativAdresse', 'EnhedsNummer'),
      ),
    ),
  };
}

/** A dry run's answer: the rules' errors with the schema's on fields they did not report; OK carries no numbers. */
function dryRunAnswer(context: WriteContext, written: ImportSvar): ImportSvar {
  const reported = new Set(written.fejl.map((e) => e.felt));
  const fejl = [...written.fejl, ...context.schemaErrors.filter((e) => !reported.has(e.felt))];
  return fejl.length === 0 ? { status: 'OK', fejl: [] } : { status: 'FEJL', fejl };
}
