/**
 * The register's code tables ("kodetabeller"). Texts are as the register writes them
 * (registry-contract.md §6). `lovgrundlagKode` numbers are this project's own (assumption A):
 * STIL has not published them; the legal bases they stand for are STIL's.
 */

/** One row of a code table. */
export interface Kode {
  kode: number;
  tekst: string;
}

/** A code table from its rows written as `[kode, tekst]`. */
function codeTable(rows: readonly (readonly [number, string])[]): readonly Kode[] {
  return rows.map(([kode, tekst]) => ({ kode, tekst }));
}

/** `InstType3`: institution types. */
export const INST_TYPE3: readonly Kode[] = codeTable([
  [6010, 'Vuggestue (0-2 år)'],
  [6011, 'Børnehave (3-5 år)'],
  [6012, 'Aldersintegreret institution (0-5 år)'],
  [6013, 'Dagpleje'],
  [6014, 'Børnehave (2-5 år)'],
  [6020, 'Fritidshjem'],
  [6021, 'Klubtilbud'],
  [6022, 'Særlige dagtilbud'],
]);

/** `ejerformKode`: ownership forms. 4 Udliciteret is seen in one consumer only. */
export const EJERFORM: readonly Kode[] = codeTable([
  [1, 'Kommunal'],
  [2, 'Selvejende'],
  [3, 'Privat'],
  [4, 'Udliciteret'],
]);

/** `lovgrundlagKode`: legal bases, numbered by this project (assumption A, one place to change). */
export const LOVGRUNDLAG: readonly Kode[] = codeTable([
  [1, 'Dagtilbudsloven § 19, stk. 2 (kommunal daginstitution)'],
  [2, 'Dagtilbudsloven § 19, stk. 3 (selvejende daginstitution)'],
  [3, 'Dagtilbudsloven § 19, stk. 4 (udliciteret daginstitution)'],
  [4, 'Dagtilbudsloven § 19, stk. 5 (privatinstitution)'],
  [5, 'Dagtilbudsloven § 21 (dagpleje)'],
  [6, 'Dagtilbudsloven § 52 (fritidshjem)'],
  [7, 'Dagtilbudsloven § 66 (klub)'],
  [8, 'Serviceloven § 32 / § 36 (særlige dagtilbud)'],
  [9, 'Landsbyordning (dagtilbudsloven § 19, stk. 2, jf. folkeskoleloven § 24 aa)'],
]);

/** `kommuneKode`: the 98 municipalities, short names as `kommuneKode_Tekst` has them in real data. */
// prettier-ignore
export const KOMMUNER: readonly Kode[] = codeTable([
  [101, 'København'], [147, 'Frederiksberg'], [151, 'Ballerup'], [153, 'Brøndby'], [155, 'Dragør'],
  [157, 'Gentofte'], [159, 'Gladsaxe'], [161, 'Glostrup'], [163, 'Herlev'], [165, 'Albertslund'],
  [167, 'Hvidovre'], [169, 'Høje-Taastrup'], [173, 'Lyngby-Taarbæk'], [175, 'Rødovre'], [183, 'Ishøj'],
  [185, 'Tårnby'], [187, 'Vallensbæk'], [190, 'Furesø'], [201, 'Allerød'], [210, 'Fredensborg'],
  [217, 'Helsingør'], [219, 'Hillerød'], [223, 'Hørsholm'], [230, 'Rudersdal'], [240, 'Egedal'],
  [250, 'Frederikssund'], [253, 'Greve'], [259, 'Køge'], [260, 'Halsnæs'], [265, 'Roskilde'],
  [269, 'Solrød'], [270, 'Gribskov'], [306, 'Odsherred'], [316, 'Holbæk'], [320, 'Faxe'],
  [326, 'Kalundborg'], [329, 'Ringsted'], [330, 'Slagelse'], [336, 'Stevns'], [340, 'Sorø'],
  [350, 'Lejre'], [360, 'Lolland'], [370, 'Næstved'], [376, 'Guldborgsund'], [390, 'Vordingborg'],
  [400, 'Bornholm'], [410, 'Middelfart'], [420, 'Assens'], [430, 'Faaborg-Midtfyn'], [440, 'Kerteminde'],
  [450, 'Nyborg'], [461, 'Odense'], [479, 'Svendborg'], [480, 'Nordfyns'], [482, 'Langeland'],
  [492, 'Ærø'], [510, 'Haderslev'], [530, 'Billund'], [540, 'Sønderborg'], [550, 'Tønder'],
  [561, 'Esbjerg'], [563, 'Fanø'], [573, 'Varde'], [575, 'Vejen'], [580, 'Aabenraa'],
  [607, 'Fredericia'], [615, 'Horsens'], [621, 'Kolding'], [630, 'Vejle'], [657, 'Herning'],
  [661, 'Holstebro'], [665, 'Lemvig'], [671, 'Struer'], [706, 'Syddjurs'], [707, 'Norddjurs'],
  [710, 'Favrskov'], [727, 'Odder'], [730, 'Randers'], [740, 'Silkeborg'], [741, 'Samsø'],
  [746, 'Skanderborg'], [751, 'Aarhus'], [756, 'Ikast-Brande'], [760, 'Ringkøbing-Skjern'],
  [766, 'Hedensted'], [773, 'Morsø'], [779, 'Skive'], [787, 'Thisted'], [791, 'Viborg'],
  [810, 'Brønderslev'], [813, 'Frederikshavn'], [820, 'Vesthimmerland'], [825, 'Læsø'], [840, 'Rebild'],
  [846, 'Mariagerfjord'], [849, 'Jammerbugt'], [851, 'Aalborg'], [860, 'Hjørring'],
]);

/** The code tables by the names the ExportService uses for them. */
export const CODE_TABLES = {
  InstType3: INST_TYPE3,
  ejerformKode: EJERFORM,
  lovgrundlagKode: LOVGRUNDLAG,
  kommuneKode: KOMMUNER,
} as const;

export type CodeTableName = keyof typeof CODE_TABLES;

const indexes = new Map(
  Object.entries(CODE_TABLES).map(([name, rows]) => [name, new Map(rows.map((r) => [r.kode, r.tekst]))]),
);

/** The text of a code, or null when the table does not know it. */
export function codeText(table: CodeTableName, kode: number): string | null {
  return indexes.get(table)?.get(kode) ?? null;
}

/** Whether a code is in its table. */
export function isKnownCode(table: CodeTableName, kode: number): boolean {
  return codeText(table, kode) !== null;
}
