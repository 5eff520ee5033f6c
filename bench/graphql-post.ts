import { setTimeout as sleep } from 'node:timers/promises';

/** POSTs one GraphQL request and returns its data; throws on a non-200 status or any error. */
export async function postGraphql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[]; data?: unknown };
  if (response.status !== 200 || body.errors !== undefined || body.data === undefined)
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

/** How long `work` takes, in ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Waits for the gateway's /readyz to say ready (it warms up before it does). */
export async function waitForReadyz(graphqlUrl: string): Promise<void> {
  const url = new URL('/readyz', graphqlUrl);
  for (let tries = 0; tries < 3000; tries++) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(10);
  }
  throw new Error(`${url} never said ready`);
}
