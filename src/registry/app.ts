import { fileURLToPath } from 'node:url';
import { createExportOperations } from './export/export-operations.ts';
import { createSoapService, type SoapService } from './soap/soap-service.ts';
import type { RegistryStore } from './store/registry-store.ts';

const wsdlPath = (file: string) => fileURLToPath(new URL(`./wsdl/${file}`, import.meta.url));

/** Builds the register's SOAP services over a store; opens no socket. */
export async function createRegistryServices(store: RegistryStore): Promise<SoapService[]> {
  const exportService = await createSoapService(
    'ExportService',
    wsdlPath('ExportService.wsdl'),
    ['ExportService.xsd'],
    createExportOperations(store),
  );
  return [exportService];
}
