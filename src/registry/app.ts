import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createChangeFeedOperations } from './export/change-feed-operation.ts';
import { createExportOperations } from './export/export-operations.ts';
import { schemaWithoutChangeFeed, wsdlWithoutChangeFeed } from './export/without-change-feed.ts';
import { createImportOperations, createImportWriteCheck } from './import/import-operations.ts';
import { importSchemaText } from './import/xsd-validator.ts';
import { VALIDATE_ONLY_HEADER_NAME } from './import/validate-only.ts';
import { createOperationSchema } from './soap/operation-schema.ts';
import type { ImportDeps } from './import/write-tools.ts';
import { shareAnswers } from './http/shared-answers.ts';
import { createSoapService, type OperationCheck, type SoapService } from './soap/soap-service.ts';
import type { RegistryStore } from './store/registry-store.ts';

const wsdlPath = (file: string) => fileURLToPath(new URL(`./wsdl/${file}`, import.meta.url));

/** Answers below this size (UTF-8 bytes) are made anew for each caller: sharing them saves nothing. */
const SHARED_ANSWER_MIN_BYTES = 64 * 1024;

/** What the services offer beyond STIL's operations, and how they serve it. */
export interface RegistryServiceOptions {
  /** ExportService's change feed (GetAendringer); without it the WSDL and the service lack it. */
  changeFeed: boolean;
  /** The most bytes of ExportService answers kept to share between callers until the next write. */
  sharedAnswersMaxBytes: number;
}

/**
 * Builds the register's SOAP services (ExportService and ImportService) over a store; opens no
 * socket. The ExportService's big answers are shared between callers until the next write.
 */
export async function createRegistryServices(
  store: RegistryStore,
  importDeps: Omit<ImportDeps, 'store'>,
  options: RegistryServiceOptions = { changeFeed: true, sharedAnswersMaxBytes: 64 * 1024 * 1024 },
): Promise<SoapService[]> {
  // Without the feed, GetAendringer leaves the served WSDL and XSD, and so dispatch and the XSD check.
  const exportEdit = options.changeFeed
    ? (_file: string, text: string) => text
    : (file: string, text: string) =>
        file.endsWith('.wsdl') ? wsdlWithoutChangeFeed(text) : schemaWithoutChangeFeed(text);
  const exportSchema = createOperationSchema(
    exportEdit('ExportService.xsd', readFileSync(wsdlPath('ExportService.xsd'), 'utf8')),
    'ExportService.xsd',
  );
  const exportService = shareAnswers(
    await createSoapService({
      name: 'ExportService',
      wsdlPath: wsdlPath('ExportService.wsdl'),
      schemaFiles: ['ExportService.xsd'],
      operations: options.changeFeed
        ? { ...createExportOperations(store), ...createChangeFeedOperations(store) }
        : createExportOperations(store),
      checkOperation: (_, parsed) => problemToCheck(exportSchema.problem(parsed)),
      edit: exportEdit,
    }),
    {
      // Every committed write records a change, with the feed off too (it only hides GetAendringer).
      version: () => String(store.changeSequence()),
      minBytes: SHARED_ANSWER_MIN_BYTES,
      maxBytes: options.sharedAnswersMaxBytes,
    },
  );
  const importSchema = createOperationSchema(importSchemaText(), 'ImportService.xsd');
  const writeCheck = createImportWriteCheck();
  const importService = await createSoapService({
    name: 'ImportService',
    wsdlPath: wsdlPath('ImportService.wsdl'),
    schemaFiles: ['ImportService.xsd'],
    operations: createImportOperations({ ...importDeps, store }),
    // The dry run asked for by a write (this project's extension), declared in ImportService.xsd.
    understoodHeaders: new Set([VALIDATE_ONLY_HEADER_NAME]),
    // A write answers its schema errors as SKEMA_FEJL in ImportSvarXML (contract §3), not as a fault.
    checkOperation: (operation, parsed, caller) =>
      writeCheck.handles(operation)
        ? writeCheck.check(operation, parsed, caller)
        : problemToCheck(importSchema.problem(parsed)),
  });
  return [exportService, importService];
}

const problemToCheck = (reason: string | null): OperationCheck =>
  reason === null ? { kind: 'run' } : { kind: 'fault', reason };
