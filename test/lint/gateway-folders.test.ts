import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The gateway's folder boundaries as lint enforces them (eslint.config.js, boundaries/gateway-folders):
 * each case lints one import line as if written in a file of that folder, with the project's own config.
 */

const eslint = new ESLint();

const folderErrors = async (file: string, importLine: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = value;\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/gateway-folders')
    .map((m) => m.message);
};

describe('gateway folder boundaries', () => {
  it('refuses what a folder must not import, naming the folder, the target and why', async () => {
    const refused: [string, string][] = [
      ['src/gateway/domain/new.ts', "import { value } from '../ports/staleness.ts';"],
      ['src/gateway/ports/new.ts', "import { value } from '../read-model/live-reader.ts';"],
      ['src/gateway/loaders/new.ts', "import { value } from '../read-model/ttl-cache/cached-reader.ts';"],
      ['src/gateway/writes/new.ts', "import { value } from '../graphql/context.ts';"],
      [
        'src/gateway/graphql/new.ts',
        "import { value } from '../soap-client/create-soap-register-writer.ts';",
      ],
      ['src/gateway/graphql/resolvers/new.ts', "export { value } from '../../read-model/live-reader.ts';"],
      [
        'src/gateway/read-model/ttl-cache/new.ts',
        "import { value } from '../../soap-client/call-metrics.ts';",
      ],
      ['src/gateway/soap-client/new.ts', "import { value } from '../graphql/context.ts';"],
    ];
    for (const [file, line] of refused) {
      const errors = await folderErrors(file, line);
      expect(errors, `${file}: ${line}`).toHaveLength(1);
      expect(errors[0]).toMatch(/^src\/gateway\/[a-z-]+\/ does not import [a-z-/.]+\.ts: .+/);
    }
  });

  it('lets each folder import what it builds on, and tests wire anything together', async () => {
    const allowed: [string, string][] = [
      ['src/gateway/domain/new.ts', "import { value } from './records.ts';"],
      ['src/gateway/ports/new.ts', "import { value } from '../domain/records.ts';"],
      ['src/gateway/loaders/new.ts', "import { value } from '../ports/register-reader.ts';"],
      ['src/gateway/writes/new.ts', "import { value } from '../ports/register-writer.ts';"],
      ['src/gateway/graphql/new.ts', "import { value } from '../writes/write-service.ts';"],
      ['src/gateway/read-model/new.ts', "import { value } from '../ports/register-client.ts';"],
      [
        'src/gateway/dependencies.ts',
        "import { value } from './soap-client/create-soap-register-client.ts';",
      ],
      ['src/gateway/domain/new.test.ts', "import { value } from '../read-model/live-reader.ts';"],
    ];
    for (const [file, line] of allowed) {
      expect(await folderErrors(file, line), `${file}: ${line}`).toEqual([]);
    }
  });
});
