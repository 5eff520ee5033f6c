import type { RegistryStore } from '../store/registry-store.ts';
import { changePageToXml } from './change-feed-xml.ts';
import type { Operation } from './export-operations.ts';
import { requireSentInteger } from './sent-integer.ts';
import { writeElements } from './xml-writer.ts';

/** The largest page GetAendringer answers (`maksAntal`). */
export const MAX_CHANGES_PER_PAGE = 1000;

/**
 * GetAendringer, this project's change feed (EXTENSION): the committed changes after `fraSekvens`,
 * oldest first, at most `maksAntal`, each with the record as it is now; and the latest sequence.
 * Served only while the feed is switched on (`REGISTRY_CHANGE_FEED`).
 */
export function createChangeFeedOperations(store: RegistryStore) {
  return {
    GetAendringer: (_, { operation: sent }) => {
      const fraSekvens = requireSentInteger(sent, 'GetAendringer', 'fraSekvens', 0, Number.MAX_SAFE_INTEGER);
      const maksAntal = requireSentInteger(sent, 'GetAendringer', 'maksAntal', 1, MAX_CHANGES_PER_PAGE);
      const page = store.changePage(fraSekvens, maksAntal);
      return { GetAendringerResult: { $xml: writeElements(changePageToXml(page)) } };
    },
  } satisfies Record<string, Operation>;
}
