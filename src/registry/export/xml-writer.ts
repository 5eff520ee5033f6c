/**
 * Writes element objects (as `to-xml.ts` builds them) as XML text in one pass. node-soap's own
 * serialiser looks every element up in the schema and took ~0.5 s for the whole register; the
 * objects here are already in the XSD's order, so plain writing is enough. Unprefixed elements
 * inherit the operation's namespace from the response element node-soap writes around them.
 */
export function writeElements(value: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const name in value) {
    const child = value[name];
    if (Array.isArray(child)) {
      for (const item of child as unknown[]) out += element(name, item);
    } else {
      out += element(name, child);
    }
  }
  return out;
}

function element(name: string, item: unknown): string {
  if (item === undefined || item === null) return '';
  if (typeof item === 'object') return `<${name}>${writeElements(item as Record<string, unknown>)}</${name}>`;
  return `<${name}>${escapeText(String(item))}</${name}>`;
}

const SPECIAL = /[&<>]/;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c) : text;
}
