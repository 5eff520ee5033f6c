import type { ServerResponse } from 'node:http';
import { send } from '../../http/send.ts';

/** Writes a GraphQL-shaped error response for a request Apollo never saw. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(
    res,
    status,
    'application/json; charset=utf-8',
    JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  );
}
