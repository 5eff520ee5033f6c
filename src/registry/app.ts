import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createExportOperations } from './export/export-operations.ts';
import { createImportOperations, createImportWriteCheck } from './import/import-operations.ts';
import { importSchemaText } from './import/xsd-validator.ts';
import { createOperationSchema } from './soap/operation-schema.ts';
import type { ImportDeps } from './import/write-tools.ts';
import { createSoapService, type OperationCheck, type SoapService } from './soap/soap-service.ts';
import type { RegistryStore } from './store/registry-store.ts';

const wsdlPath = (file: string) => fileURLToPath(new URL(`./wsdl/${file}`, import.meta.url));

/** Builds the register's SOAP services (ExportService and ImportService) over a store; opens no socket. */
export async function createRegistryServices(
  store: RegistryStore,
  importDeps: Omit<ImportDeps, 'store'>,
): Promise<SoapService[]> {
  const exportSchema = createOperationSchema(
    readFileSync(wsdlPath('ExportService.xsd'), 'utf8'),
    'ExportService.xsd',
  );
  const exportService = await createSoapService({
    name: 'ExportService',
    wsdlPath: wsdlPath('ExportService.wsdl'),
    schemaFiles: ['ExportService.xsd'],
    operations: createExportOperations(store),
    checkOperation: (_, xml) => problemToCheck(exportSchema.problem(xml)),
  });
  const importSchema = createOperationSchema(importSchemaText(), 'ImportService.xsd');
  const writeCheck = createImportWriteCheck();
  const importService = await createSoapService({
    name: 'ImportService',
    wsdlPath: wsdlPath('ImportService.wsdl'),
    schemaFiles: ['ImportService.xsd'],
    operations: createImportOperations({ ...importDeps, store }),
    // A write answers its schema errors as SKEMA_FEJL in ImportSvarXML (contract §3), not as a fault.
    checkOperation: (operation, xml) =>
      writeCheck.handles(operation)
        ? writeCheck.check(operation, xml)
        : problemToCheck(importSchema.problem(xml)),
  });
  return [exportService, importService];
}

const problemToCheck = (reason: string | null): OperationCheck =>
  reason === null ? { kind: 'run' } : { kind: 'fault', reason };
