/** Longer values are cut in messages: the client has the whole value, the message must stay readable. */
const MAX_QUOTED_LENGTH = 40;

/** The field's own name, the last segment of its XML path, for use in a message. */
export function fieldName(felt: string): string {
  const slash = felt.lastIndexOf('/');
  return slash === -1 ? felt : felt.slice(slash + 1);
}

/** A value quoted for a message, cut short with an ellipsis when it is long. */
export function quote(value: string): string {
  const chars = [...value];
  const shown = chars.length > MAX_QUOTED_LENGTH ? `${chars.slice(0, MAX_QUOTED_LENGTH).join('')}…` : value;
  return `"${shown}"`;
}
