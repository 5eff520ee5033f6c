const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/**
 * An instant as the register's export writes it: ISO 8601 in Danish time with its offset,
 * `2026-03-27T00:00:00+01:00` (data/register/); milliseconds only when there are any.
 */
export function danishTimestamp(iso: string): string {
  const date = new Date(iso);
  const part = Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  const offset = (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const ms = date.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`;
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${fraction}${offset}`;
}
