import { badParameter } from './soap-fault.ts';

/**
 * Reading operation parameters as node-soap hands them over: a scalar may arrive as a string or a
 * number, and a repeated element holding one item arrives as that item rather than an array.
 */

/** A required text parameter, trimmed; a Client fault names it when it is missing or blank. */
export function requireText(args: unknown, operation: string, name: string, maxLength = 200): string {
  const raw = field(args, name);
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  if (value === '') throw badParameter(operation, name, 'is required');
  if (value.length > maxLength) throw badParameter(operation, name, `is longer than ${maxLength} characters`);
  return value;
}

/** A required integer parameter. */
export function requireInteger(args: unknown, operation: string, name: string): number {
  const text = requireText(args, operation, name, 12);
  if (!/^-?\d+$/.test(text)) throw badParameter(operation, name, `must be an integer; got "${text}"`);
  return Number(text);
}

/** A list of numbers in a `nummerliste` (`<nummer>` elements), at most `max`. */
export function requireNumberList(args: unknown, operation: string, name: string, max: number): string[] {
  const list = field(field(args, name), 'nummer');
  const items = list === undefined || list === null ? [] : Array.isArray(list) ? list : [list];
  if (items.length > max)
    throw badParameter(operation, name, `holds ${items.length} numbers; at most ${max}`);
  return items.map((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw badParameter(operation, `${name}/nummer[${i + 1}]`, 'must be text');
    }
    return String(item).trim();
  });
}

/** One named child of an argument object, or undefined. */
export function field(args: unknown, name: string): unknown {
  return typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[name] : undefined;
}
