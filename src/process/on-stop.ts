/** Why a server is asked to stop. */
export type StopReason = 'SIGTERM' | 'SIGINT' | 'parent-gone';

/** How often the parent is looked for; a second is soon enough for a process being stopped. */
const PARENT_CHECK_MS = 1_000;

/**
 * Calls `stop` once on SIGTERM or SIGINT, or when the process that started this one is gone.
 *
 * The last one is for `npm start` and `npm run …`: npm passes a SIGTERM to the shell it ran the
 * script in, not to the program, and a shell that dies leaves its child running with both ports
 * open. The scripts `exec` node, so that the signal reaches it; and should npm be killed without
 * passing anything on (SIGKILL, a supervisor that signals only its child), this process notices
 * that it has been handed to another parent and stops too. That watch is on only under npm (it
 * sets `npm_lifecycle_event` for a script): a server started directly may outlive the shell that
 * started it, as daemons do. A second signal while stopping is not caught: it ends the process at
 * once, as a user pressing Ctrl-C twice expects.
 */
export function onStop(stop: (reason: StopReason) => void, env: NodeJS.ProcessEnv): void {
  const parent = process.ppid;
  const watch =
    env.npm_lifecycle_event === undefined
      ? undefined
      : setInterval(() => {
          if (process.ppid !== parent) once('parent-gone');
        }, PARENT_CHECK_MS);
  // The watch alone never keeps the process alive.
  watch?.unref();
  let stopping = false;
  const once = (reason: StopReason) => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    stop(reason);
  };
  process.once('SIGTERM', () => once('SIGTERM'));
  process.once('SIGINT', () => once('SIGINT'));
}
