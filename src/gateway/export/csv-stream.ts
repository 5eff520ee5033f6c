import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/**
 * Streams rows as the register's CSV export writes them: semicolon, UTF-8 with BOM, CRLF, a header
 * row, quoted only where needed (csv-stringify, as `npm run data:convert` writes data/register/).
 * Rows are pulled as the socket drains, so a slow reader holds back the writer, not memory.
 */
export async function streamCsv(
  res: ServerResponse,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): Promise<void> {
  const csv = stringify({
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    header: true,
    columns: [...header],
  });
  await pipeline(Readable.from(rows, { objectMode: true }), csv, res);
}
