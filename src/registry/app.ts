import { fileURLToPath } from 'node:url';
import { createChangeFeedOperations } from './export/change-feed-operation.ts';
import { createExportOperations } from './export/export-operations.ts';
import { schemaWithoutChangeFeed, wsdlWithoutChangeFeed } from './export/without-change-feed.ts';
import { createImportOperations } from './import/import-operations.ts';
import type { ImportDeps } from './import/write-tools.ts';
import { createSoapService, type SoapService } from './soap/soap-service.ts';
import type { RegistryStore } from './store/registry-store.ts';

const wsdlPath = (file: string) => fileURLToPath(new URL(`./wsdl/${file}`, import.meta.url));

/** What the services offer beyond STIL's operations. */
export interface RegistryServiceOptions {
  /** ExportService's change feed (GetAendringer); without it the WSDL and the service lack it. */
  changeFeed: boolean;
}

/** Builds the register's SOAP services (ExportService and ImportService) over a store; opens no socket. */
export async function createRegistryServices(
  store: RegistryStore,
  importDeps: Omit<ImportDeps, 'store'>,
  options: RegistryServiceOptions = { changeFeed: true },
): Promise<SoapService[]> {
  const exportService = await createSoapService(
    'ExportService',
    wsdlPath('ExportService.wsdl'),
    ['ExportService.xsd'],
    options.changeFeed
      ? { ...createExportOperations(store), ...createChangeFeedOperations(store) }
      : createExportOperations(store),
    options.changeFeed
      ? undefined
      : (file, text) =>
          file.endsWith('.wsdl') ? wsdlWithoutChangeFeed(text) : schemaWithoutChangeFeed(text),
  );
  const importService = await createSoapService(
    'ImportService',
    wsdlPath('ImportService.wsdl'),
    ['ImportService.xsd'],
    createImportOperations({ ...importDeps, store }),
  );
  return [exportService, importService];
}
