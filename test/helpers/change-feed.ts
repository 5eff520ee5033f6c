import type { Client } from 'soap';
import { asArray, callOperation } from './soap-client.ts';

type Rec = Record<string, unknown>;

/** One `<Aendring>` as a test reads it; `record` is whichever record element it carries. */
export interface FeedEntry {
  aendringsSekvens: number;
  aendringsType: string;
  tidspunkt: Date;
  niveau: string;
  nummer: string;
  /** The names of the record elements present (exactly one is expected). */
  recordElements: string[];
  record: Rec;
}

/** One GetAendringer answer. */
export interface FeedPage {
  senesteSekvens: number;
  entries: FeedEntry[];
}

const RECORD_ELEMENTS = ['Daginstitution', 'AnvisningsEnhed', 'AlternativAdresse'];

/** Calls GetAendringer through a node-soap ExportService client. */
export async function readFeedPage(client: Client, fraSekvens: number, maksAntal: number): Promise<FeedPage> {
  const result = (await callOperation(client, 'GetAendringer', { fraSekvens, maksAntal })) as Rec;
  const list = result.Aendringer as Rec | null | undefined;
  return {
    senesteSekvens: Number(result.senesteSekvens),
    entries: asArray(list?.Aendring as Rec | Rec[] | undefined).map((a) => {
      const recordElements = RECORD_ELEMENTS.filter((name) => a[name] !== undefined);
      return {
        aendringsSekvens: Number(a.aendringsSekvens),
        aendringsType: String(a.aendringsType),
        tidspunkt: a.tidspunkt as Date,
        niveau: String(a.niveau),
        nummer: String(a.nummer),
        recordElements,
        record: a[recordElements[0] ?? ''] as Rec,
      };
    }),
  };
}

/** Every change after `fraSekvens`, page by page, until a page comes back empty. */
export async function readWholeFeed(
  client: Client,
  fraSekvens: number,
  maksAntal = 1000,
): Promise<FeedEntry[]> {
  const all: FeedEntry[] = [];
  let after = fraSekvens;
  for (;;) {
    const page = await readFeedPage(client, after, maksAntal);
    if (page.entries.length === 0) return all;
    all.push(...page.entries);
    after = page.entries[page.entries.length - 1]?.aendringsSekvens ?? after;
  }
}
