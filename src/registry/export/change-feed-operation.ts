import sax from 'sax';
import { operationChildren } from '../soap/operation-records.ts';
import { currentRequest } from '../soap/request-context.ts';
import { badParameter } from '../soap/soap-fault.ts';
import type { RegistryStore } from '../store/registry-store.ts';
import { changePageToXml } from './change-feed-xml.ts';
import type { Operation } from './export-operations.ts';
import { writeElements } from './xml-writer.ts';

/** The largest page GetAendringer answers (`maksAntal`). */
export const MAX_CHANGES_PER_PAGE = 1000;

const OPERATION = 'GetAendringer';

/**
 * GetAendringer, this project's change feed (EXTENSION): the committed changes after `fraSekvens`,
 * oldest first, at most `maksAntal`, each with the record as it is now; and the latest sequence.
 * Served only while the feed is switched on (`REGISTRY_CHANGE_FEED`).
 */
export function createChangeFeedOperations(store: RegistryStore) {
  return {
    GetAendringer: () => {
      const fraSekvens = requireWholeNumber('fraSekvens', 0, Number.MAX_SAFE_INTEGER);
      const maksAntal = requireWholeNumber('maksAntal', 1, MAX_CHANGES_PER_PAGE);
      const page = store.changePage(fraSekvens, maksAntal);
      return { [`${OPERATION}Result`]: { $xml: writeElements(changePageToXml(page)) } };
    },
  } satisfies Record<string, Operation>;
}

/**
 * A required integer parameter within [min, max], read from the request as sent: node-soap's
 * typed value is `parseInt` of the text, which would take `1.5` for 1 and `10abc` for 10.
 */
function requireWholeNumber(name: string, min: number, max: number): number {
  const sent = operationChildren(currentRequest().requestXml).filter((c) => c.localName === name);
  if (sent.length > 1) throw badParameter(OPERATION, name, 'is given more than once');
  const text = sent[0] === undefined ? '' : textOf(sent[0].xml).trim();
  if (text === '') throw badParameter(OPERATION, name, 'is required');
  if (!/^[+-]?\d{1,20}$/.test(text)) {
    throw badParameter(OPERATION, name, `must be an integer; got "${text.slice(0, 40)}"`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw badParameter(OPERATION, name, `must be from ${min} to ${max}; got ${text}`);
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
