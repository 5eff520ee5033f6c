import { describe, expect, it } from 'vitest';
import { createGatewayLogger } from './logger.ts';

describe('the gateway logger', () => {
  it('redacts authorization headers and passwords wherever they are likely to be', () => {
    const lines: string[] = [];
    const logger = createGatewayLogger('info', { write: (line: string) => void lines.push(line) });
    const secret = 'Basic YWRtaW46aGVtbWVsaWc=';
    logger.info({ req: { headers: { authorization: secret } } }, 'a');
    logger.info({ headers: { Authorization: secret } }, 'b');
    logger.info({ err: { config: { headers: { Authorization: secret } } } }, 'c');
    logger.info({ credentials: { username: 'admin', password: 'hemmelig' }, authorization: secret }, 'd');
    expect(lines).toHaveLength(4);
    expect(lines.join('')).not.toMatch(/YWRtaW46aGVtbWVsaWc|hemmelig/);
  });
});
