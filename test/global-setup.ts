import { buildWebIfStale } from '../scripts/web-build.ts';

/** Once per `vitest run`: the browser tests drive the built web app, so build it if it is stale. */
export default async function setup(): Promise<void> {
  await buildWebIfStale(() => {});
}
