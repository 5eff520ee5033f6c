/**
 * node-soap converts some leaves by their XSD type (numbers, dates). The write rules check raw text,
 * so this turns every leaf back into a string and drops node-soap's `attributes` bookkeeping.
 */
export function stringLeaves(value: unknown): unknown {
  if (value === undefined) return undefined;
  // An empty element (`<Email/>`) arrives as null: it was sent, blank, so an Update clears the field.
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  // Text is stored composed (NFC): "Åbyhøj" sent decomposed is the same name and must be found so.
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(stringLeaves);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === 'attributes' || key === '$attributes') continue;
      out[key] = stringLeaves(child);
    }
    return out;
  }
  return undefined;
}

/** One named child object of the arguments, as string leaves; an empty object when absent. */
export function childObject<T>(args: unknown, name: string): T {
  const child =
    typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[name] : undefined;
  const converted = stringLeaves(child);
  return (
    typeof converted === 'object' && converted !== null && !Array.isArray(converted) ? converted : {}
  ) as T;
}

/** One named text argument, or undefined. */
export function childText(args: unknown, name: string): string | undefined {
  const child =
    typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[name] : undefined;
  const converted = stringLeaves(child);
  return typeof converted === 'string' ? converted : undefined;
}
