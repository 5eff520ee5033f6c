import { describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

const { gateway } = useTestStack({ gateway: {} });

interface Hit {
  matchedField: 'NUMBER' | 'NAME' | 'ADDRESS';
  matchedText: string;
  institution: { __typename: string; number: string; name: string };
}

const SEARCH = `query($text: String!, $first: Int, $levels: [InstitutionLevel!]) {
  search(text: $text, first: $first, levels: $levels) {
    matchedField matchedText institution { __typename number name }
  }
}`;

const search = async (text: string, first?: number, levels?: string[]): Promise<Hit[]> => {
  const response = await gateway.query<{ search: Hit[] }>(SEARCH, { text, first, levels });
  expect(response.errors).toBeUndefined();
  return response.data?.search ?? [];
};

const unitsCount = async (filter: Record<string, unknown>): Promise<number> => {
  const response = await gateway.query<{ assignmentUnits: { totalCount: number } }>(
    'query($filter: AssignmentUnitFilter) { assignmentUnits(first: 1, filter: $filter) { totalCount } }',
    { filter },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.assignmentUnits.totalCount ?? -1;
};

describe('nameContains and addressContains fold what people type', () => {
  it('finds "Børne…" by borne, boerne and børne alike', async () => {
    const counts = await Promise.all(
      ['børne', 'borne', 'boerne', 'BØRNE'].map((n) => unitsCount({ nameContains: n })),
    );
    expect(counts[0]).toBeGreaterThan(1000);
    expect(new Set(counts).size).toBe(1);
  });

  it('finds å by aa and a, decomposed or composed', async () => {
    const counts = await Promise.all(
      ['Åby', 'aaby', 'aby', 'A\u030Aby'].map((n) => unitsCount({ nameContains: n })),
    );
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });

  it('searches addresses: street, house number, postcode and city', async () => {
    const response = await gateway.query<{
      assignmentUnits: { edges: { node: { number: string } }[] };
    }>(
      'query($filter: AssignmentUnitFilter) { assignmentUnits(filter: $filter) { edges { node { number } } } }',
      { filter: { addressContains: 'Skaering Hedevej 14A, 8250 Ega' } },
    );
    expect(response.data?.assignmentUnits.edges.map((e) => e.node.number)).toEqual(['G10662']);
  });

  it('counts a search text in characters, not UTF-16 units', async () => {
    const emoji = '😀';
    expect(await unitsCount({ nameContains: emoji.repeat(132) })).toBe(0);
    const response = await gateway.query(
      '{ assignmentUnits(filter: { nameContains: "' + emoji.repeat(133) + '" }) { totalCount } }',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('got 133');
  });
});

describe('search(text, first): autocomplete over names, numbers and addresses', () => {
  it('puts prefix matches first, then word matches, then the rest, each institution once', async () => {
    const hits = await search('birk', 50);
    expect(hits).toHaveLength(50);
    const tier = (h: Hit) => {
      const text = h.matchedText.toLowerCase();
      return text.startsWith('birk') ? 0 : /[\s,.-]birk/.test(text) ? 1 : 2;
    };
    const tiers = hits.map(tier);
    expect(tiers).toEqual([...tiers].sort());
    expect(new Set(tiers)).toEqual(new Set([0, 1, 2]));
    expect(new Set(hits.map((h) => h.institution.number)).size).toBe(hits.length);
    // The same suggestions whether the user types ø or o.
    expect((await search('borne', 20)).map((h) => h.institution.number)).toEqual(
      (await search('børne', 20)).map((h) => h.institution.number),
    );
  });

  it('finds an address, and a number from its start', async () => {
    const byAddress = await search('Skæring Hedevej 14');
    expect(byAddress[0]).toEqual({
      matchedField: 'ADDRESS',
      matchedText: 'Skæring Hedevej 14A, 8250 Egå',
      institution: { __typename: 'AssignmentUnit', number: 'G10662', name: 'Den Private Børnehave Højvang' },
    });
    expect((await search('skaering hedevej 14a egaa'))[0]?.institution.number).toBe('G10662');
    const byNumber = await search('G1066');
    expect(byNumber[0]).toMatchObject({ matchedField: 'NUMBER', matchedText: 'G10662' });
  });

  it('keeps to the levels asked for and to 1–50 suggestions', async () => {
    const daycare = await search('børne', 5, ['DAYCARE_INSTITUTION']);
    expect(daycare.length).toBe(5);
    expect(daycare.every((h) => h.institution.__typename === 'DaycareInstitution')).toBe(true);
    for (const [text, first] of [
      ['', 5],
      ['   ', 5],
      ['b', 51],
      ['b', -1],
    ] as const) {
      const response = await gateway.query(SEARCH, { text, first });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
