import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: the unit of utime/stime in /proc/<pid>/stat on every common kernel. */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time (user + system, in ms) a process has used so far, from /proc/<pid>/stat; null
 * where there is no /proc. A server's CPU per request is steadier than its throughput on a shared
 * machine: other processes' work takes turns away from it but does not add to its own CPU time.
 */
export function processCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return ((user + system) / TICKS_PER_SECOND) * 1000;
}
