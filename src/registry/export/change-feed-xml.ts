import type { ChangedRecord, ChangePage } from '../store/registry-store.ts';
import { alternativAdresseToXml, anvisningsEnhedToXml, daginstitutionToXml } from './to-xml.ts';
import { StoreInvariantError } from '../store/store-invariant-error.ts';

/**
 * Pure mapping from a page of the change sequence to the ExportService XSD's `aendringsside`
 * (this project's extension), in the XSD's element order. Each change carries its record in the
 * same element type the other Export operations use for that level.
 */

/** `Aendringstype`: the kind of change, by the verb of the ImportService operation that made it. */
export type Aendringstype = 'Oprettet' | 'Aendret' | 'Flyttet' | 'Nedlagt';

const KIND_BY_VERB: Readonly<Record<string, Aendringstype>> = {
  Insert: 'Oprettet',
  Update: 'Aendret',
  Move: 'Flyttet',
  Delete: 'Nedlagt',
};

/** The kind of a change made by `operation` (`InsertDaginstitution` → `Oprettet`). */
export function aendringstypeOf(operation: string): Aendringstype {
  const verb = /^(Insert|Update|Move|Delete)/.exec(operation)?.[1];
  const kind = verb === undefined ? undefined : KIND_BY_VERB[verb];
  if (kind === undefined)
    throw new StoreInvariantError(`The change sequence holds an unknown operation "${operation}"`);
  return kind;
}

/** The level's name in the XSD's `Niveau` and the record's element, by the store's level. */
function recordElement(changed: ChangedRecord): { niveau: string; element: Record<string, unknown> } {
  switch (changed.niveau) {
    case 'daginstitution':
      return { niveau: 'Daginstitution', element: { Daginstitution: daginstitutionToXml(changed.record) } };
    case 'anvisningsenhed':
      return {
        niveau: 'AnvisningsEnhed',
        element: { AnvisningsEnhed: anvisningsEnhedToXml(changed.record) },
      };
    case 'alternativadresse':
      return {
        niveau: 'AlternativAdresse',
        element: { AlternativAdresse: alternativAdresseToXml(changed.record) },
      };
    default: {
      const unreachable: never = changed;
      return unreachable;
    }
  }
}

/** A change page → aendringsside. */
export function changePageToXml(page: ChangePage): Record<string, unknown> {
  return {
    senesteSekvens: page.latestSequence,
    Aendringer: {
      Aendring: page.changes.map((change) => {
        const { niveau, element } = recordElement(change.current);
        return {
          aendringsSekvens: change.sekvens,
          aendringsType: aendringstypeOf(change.operation),
          tidspunkt: change.tidspunkt,
          niveau,
          nummer: change.nummer,
          ...element,
        };
      }),
    },
  };
}
