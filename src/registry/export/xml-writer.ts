/**
 * Writes element objects (as `to-xml.ts` builds them) as XML text in one pass. node-soap's own
 * serialiser looks every element up in the schema and took ~0.5 s for the whole register; the
 * objects here are already in the XSD's order, so plain writing is enough. Unprefixed elements
 * inherit the operation's namespace from the response element node-soap writes around them.
 */
export function writeElements(value: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: Readonly<Record<string, unknown>>, parts: string[]): void {
  for (const [name, child] of Object.entries(value)) {
    for (const item of Array.isArray(child) ? (child as unknown[]) : [child]) {
      if (item === undefined || item === null) continue;
      if (typeof item === 'object') {
        parts.push(`<${name}>`);
        write(item as Record<string, unknown>, parts);
        parts.push(`</${name}>`);
      } else {
        parts.push(`<${name}>${escapeText(String(item))}</${name}>`);
      }
    }
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}
