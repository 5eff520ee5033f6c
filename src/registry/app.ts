import { fileURLToPath } from 'node:url';
import { createExportOperations } from './export/export-operations.ts';
import { createImportOperations } from './import/import-operations.ts';
import type { ImportDeps } from './import/write-tools.ts';
import { createSoapService, type SoapService } from './soap/soap-service.ts';
import type { RegistryStore } from './store/registry-store.ts';

const wsdlPath = (file: string) => fileURLToPath(new URL(`./wsdl/${file}`, import.meta.url));

/** Builds the register's SOAP services (ExportService and ImportService) over a store; opens no socket. */
export async function createRegistryServices(
  store: RegistryStore,
  importDeps: Omit<ImportDeps, 'store'>,
): Promise<SoapService[]> {
  const exportService = await createSoapService(
    'ExportService',
    wsdlPath('ExportService.wsdl'),
    ['ExportService.xsd'],
    createExportOperations(store),
  );
  const importService = await createSoapService(
    'ImportService',
    wsdlPath('ImportService.wsdl'),
    ['ImportService.xsd'],
    createImportOperations({ ...importDeps, store }),
  );
  return [exportService, importService];
}
