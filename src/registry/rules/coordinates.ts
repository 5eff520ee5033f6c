import { fieldName, quote } from './message.ts';
import { hasText } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/**
 * WGS84 bounds of Denmark in decimal degrees (assumption A): a box around Gedser (54.56 N),
 * Skagen (57.75 N), Blåvandshuk (8.07 E) and Christiansø (15.19 E), with a little margin.
 */
export const DENMARK_BOUNDS = {
  geoBredde: { min: 54.5, max: 57.8 },
  geoLaengde: { min: 8.0, max: 15.3 },
} as const;

/** Decimal degrees with a decimal dot, or the comma that the CSV export writes. */
const DECIMAL = /^-?\d{1,3}([.,]\d{1,15})?$/;

/** The number a coordinate carries (`55.66` or `55,66`), or null when it is not a decimal number. */
export function parseCoordinate(value: string): number | null {
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed.replace(',', '.')) : null;
}

/** The coordinates of an address, raw as sent. */
export interface CoordinatesInput {
  geoBredde?: string | undefined;
  geoLaengde?: string | undefined;
}

type Axis = keyof typeof DENMARK_BOUNDS;

const other = (axis: Axis): Axis => (axis === 'geoBredde' ? 'geoLaengde' : 'geoBredde');

const inBounds = (axis: Axis, n: number): boolean =>
  n >= DENMARK_BOUNDS[axis].min && n <= DENMARK_BOUNDS[axis].max;

const danish = (n: number): string => String(n).replace('.', ',');

/** Checks an optional coordinate pair: both or neither, decimal numbers, and inside Denmark. */
export function checkCoordinates(input: CoordinatesInput, path: string): RuleError[] {
  const given = { geoBredde: hasText(input.geoBredde), geoLaengde: hasText(input.geoLaengde) };
  if (!given.geoBredde && !given.geoLaengde) return [];
  const parsed = {
    geoBredde: hasText(input.geoBredde) ? parseCoordinate(input.geoBredde) : null,
    geoLaengde: hasText(input.geoLaengde) ? parseCoordinate(input.geoLaengde) : null,
  };
  // Latitude and longitude given the wrong way round is the common mistake: say so.
  const swapped =
    parsed.geoBredde !== null &&
    parsed.geoLaengde !== null &&
    inBounds('geoBredde', parsed.geoLaengde) &&
    inBounds('geoLaengde', parsed.geoBredde);

  const errors: RuleError[] = [];
  for (const axis of ['geoBredde', 'geoLaengde'] as const) {
    const felt = `${path}/${axis}`;
    const name = fieldName(felt);
    const raw = input[axis];
    const n = parsed[axis];
    if (!hasText(raw)) {
      errors.push({
        felt,
        kode: 'FELT_MANGLER',
        tekst: `${name} mangler; koordinater angives parvis, når ${other(axis)} er angivet.`,
      });
    } else if (n === null) {
      errors.push({
        felt,
        kode: 'FORMAT_UGYLDIG',
        tekst: `${name} skal være et decimaltal i grader (WGS84) med punktum eller komma; fik ${quote(raw)}.`,
      });
    } else if (!inBounds(axis, n)) {
      const { min, max } = DENMARK_BOUNDS[axis];
      const hint = swapped ? ' Er geoBredde og geoLaengde byttet om?' : '';
      errors.push({
        felt,
        kode: 'KOORDINAT_UDEN_FOR_DANMARK',
        tekst: `${name} skal ligge mellem ${danish(min)} og ${danish(max)} (Danmark); fik ${danish(n)}.${hint}`,
      });
    }
  }
  return errors;
}
