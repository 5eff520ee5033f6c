import { fileURLToPath } from 'node:url';
import { createExportOperations } from './export/export-operations.ts';
import { createImportOperations } from './import/import-operations.ts';
import type { ImportDeps } from './import/write-tools.ts';
import { shareAnswers } from './http/shared-answers.ts';
import { createSoapService, type SoapService } from './soap/soap-service.ts';
import type { RegistryStore } from './store/registry-store.ts';

const wsdlPath = (file: string) => fileURLToPath(new URL(`./wsdl/${file}`, import.meta.url));

/** Answers below this size are made anew for each caller: sharing them saves nothing. */
const SHARED_ANSWER_MIN_BYTES = 64 * 1024;

/**
 * Builds the register's SOAP services (ExportService and ImportService) over a store; opens no
 * socket. The ExportService's big answers are shared between callers until the next write, in at
 * most `sharedAnswersMaxBytes`.
 */
export async function createRegistryServices(
  store: RegistryStore,
  importDeps: Omit<ImportDeps, 'store'>,
  sharedAnswersMaxBytes = 64 * 1024 * 1024,
): Promise<SoapService[]> {
  const exportService = shareAnswers(
    await createSoapService(
      'ExportService',
      wsdlPath('ExportService.wsdl'),
      ['ExportService.xsd'],
      createExportOperations(store),
    ),
    {
      changeSequence: () => store.changeSequence(),
      minBytes: SHARED_ANSWER_MIN_BYTES,
      maxBytes: sharedAnswersMaxBytes,
    },
  );
  const importService = await createSoapService(
    'ImportService',
    wsdlPath('ImportService.wsdl'),
    ['ImportService.xsd'],
    createImportOperations({ ...importDeps, store }),
  );
  return [exportService, importService];
}
