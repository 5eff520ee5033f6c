import { loadavg } from 'node:os';

/** One line of a benchmark's summary: what was measured, against which target, on how busy a machine. */
export interface Figure {
  figure: string;
  measured: string;
  /** The target, as text; '—' where it sets none. */
  target: string;
  /** null where there is no target to meet. */
  met: boolean | null;
  /** The 1-minute load average while it was measured, as `min–max` over its runs. */
  load: string;
}

/** The machine's 1-minute load average now (os.loadavg()[0]). */
export const loadNow = (): number => loadavg()[0] ?? 0;

/** `min–max` of load averages sampled during a measurement, e.g. `1.8–2.3`. */
export function loadRange(samples: readonly number[]): string {
  if (samples.length === 0) return '?';
  const low = Math.min(...samples).toFixed(1);
  const high = Math.max(...samples).toFixed(1);
  return low === high ? low : `${low}–${high}`;
}

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Prints figures as an aligned plain-text table (stdout), so that it can be pasted as it is. */
export function printFigures(title: string, figures: readonly Figure[]): void {
  const rows = [
    ['figure', 'measured', 'target', 'met?', 'load (1 min)'],
    ...figures.map((f) => [
      f.figure,
      f.measured,
      f.target,
      f.met === null ? '—' : f.met ? 'yes' : 'NO',
      f.load,
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(rows[0] ?? []));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}
