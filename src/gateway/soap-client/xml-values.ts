import { UnexpectedAnswerError } from './unexpected-answer.ts';

/** An XML element as node-soap parses it. */
export type XmlRecord = Readonly<Record<string, unknown>>;

/** A child element that must be a complex element. */
export function record(value: unknown, what: string): XmlRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw new UnexpectedAnswerError(`${what} is not an element`);
  }
  return value as XmlRecord;
}

/** A mandatory xs:string. */
export function text(r: XmlRecord, name: string): string {
  const value = r[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new UnexpectedAnswerError(`${name} is missing`);
}

/** An optional xs:string; an empty element counts as absent. */
export function optionalText(r: XmlRecord, name: string): string | null {
  const value = r[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'object' && Object.keys(value).length === 0) return null;
  return text(r, name);
}

/** A mandatory xs:int or xs:long (node-soap parses both to numbers). */
export function integer(r: XmlRecord, name: string): number {
  const value = typeof r[name] === 'string' ? Number(r[name]) : r[name];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new UnexpectedAnswerError(`${name} is not an integer`);
  return value;
}

/** An optional xs:decimal. */
export function optionalDecimal(r: XmlRecord, name: string): number | null {
  const raw = r[name];
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new UnexpectedAnswerError(`${name} is not a number`);
  return value;
}

/**
 * An xs:dateTime as ISO 8601 in UTC. node-soap turns it into a Date (reading a value without an
 * offset in the machine's time zone; the register always writes one), or leaves text.
 */
export function optionalDateTime(r: XmlRecord, name: string): string | null {
  const raw = r[name];
  if (raw === undefined || raw === null || raw === '') return null;
  const date = raw instanceof Date ? raw : typeof raw === 'string' ? new Date(raw) : null;
  if (date === null || Number.isNaN(date.getTime()))
    throw new UnexpectedAnswerError(`${name} is not a dateTime`);
  return date.toISOString();
}

/** A mandatory xs:dateTime as ISO 8601 in UTC. */
export function dateTime(r: XmlRecord, name: string): string {
  const value = optionalDateTime(r, name);
  if (value === null) throw new UnexpectedAnswerError(`${name} is missing`);
  return value;
}
