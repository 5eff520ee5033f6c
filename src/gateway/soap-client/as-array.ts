/**
 * A repeated XML element as an array, whatever node-soap made of it: node-soap returns one element
 * as an object, none as `undefined`, and an empty list element as `''` or `{}`.
 */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
