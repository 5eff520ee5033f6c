import { badParameter } from '../soap/soap-fault.ts';
import { requireText } from '../soap/args.ts';
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
    GetAendringer: (args) => {
      const fraSekvens = requireWholeNumber(args, 'fraSekvens', 0, Number.MAX_SAFE_INTEGER);
      const maksAntal = requireWholeNumber(args, 'maksAntal', 1, MAX_CHANGES_PER_PAGE);
      const page = store.changePage(fraSekvens, maksAntal);
      return { [`${OPERATION}Result`]: { $xml: writeElements(changePageToXml(page)) } };
    },
  } satisfies Record<string, Operation>;
}

/** A required integer parameter within [min, max]; a Client fault says what was wrong. */
function requireWholeNumber(args: unknown, name: string, min: number, max: number): number {
  const text = requireText(args, OPERATION, name, 20);
  if (!/^[+-]?\d+$/.test(text)) throw badParameter(OPERATION, name, `must be an integer; got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) {
    throw badParameter(OPERATION, name, `must be from ${min} to ${max}; got ${text}`);
  }
  return value;
}
