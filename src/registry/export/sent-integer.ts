import sax from 'sax';
import { operationChildren } from '../soap/operation-records.ts';
import { currentRequest } from '../soap/request-context.ts';
import { badParameter } from '../soap/soap-fault.ts';

/**
 * A required integer parameter within [min, max], read from the request as sent. node-soap hands
 * xs:int and xs:long parameters over as `parseInt` of their text, which takes `1.5` for 1 and
 * `101abc` for 101; an Export operation has no schema validation in front of it, so it reads the
 * text itself and answers anything but one whole number in range with a Client fault.
 */
export function requireSentInteger(operation: string, name: string, min: number, max: number): number {
  const sent = operationChildren(currentRequest().requestXml).filter((c) => c.localName === name);
  if (sent.length > 1) throw badParameter(operation, name, 'is given more than once');
  const text = sent[0] === undefined ? '' : textOf(sent[0].xml).trim();
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

/** The text content of an element (its character data and CDATA; child elements add theirs). */
function textOf(xml: string): string {
  const parser = sax.parser(true);
  let text = '';
  parser.ontext = (t) => (text += t);
  parser.oncdata = (t) => (text += t);
  parser.write(xml).close();
  return text;
}
