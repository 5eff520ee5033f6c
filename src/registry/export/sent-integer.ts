import { childTexts, type ParsedOperation } from '../soap/parsed-operation.ts';
import { badParameter } from '../soap/soap-fault.ts';

/**
 * A required integer parameter within [min, max], read from the request as sent. node-soap hands
 * xs:int and xs:long parameters over as `parseInt` of their text, which takes `1.5` for 1 and
 * `101abc` for 101. The XSD check in front of it refuses those, but not a number out of the
 * operation's range, so it reads the text of the operation element the Body carried (parsed once,
 * for the XSD check) and answers anything but one whole number in range with a Client fault.
 */
export function requireSentInteger(
  sentElement: ParsedOperation,
  operation: string,
  name: string,
  min: number,
  max: number,
): number {
  const sent = childTexts(sentElement, name);
  if (sent.length > 1) throw badParameter(operation, name, 'is given more than once');
  const text = (sent[0] ?? '').trim();
  if (text === '') throw badParameter(operation, name, 'is required');
  if (!/^[+-]?\d{1,20}$/.test(text)) {
    throw badParameter(operation, name, `must be an integer; got "${text.slice(0, 40)}"`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw badParameter(operation, name, `must be from ${min} to ${max}; got ${text}`);
  }
  return value;
}
