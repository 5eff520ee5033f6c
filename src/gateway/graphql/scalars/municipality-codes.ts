/**
 * The 98 official municipality codes (kommunekoder) since 2007. The gateway keeps its own copy: it
 * shares nothing with the register but the WSDL, and a scalar must decide before any call. The
 * register checks again (KOMMUNEKODE_UKENDT), so a stale copy refuses early at worst.
 */
// prettier-ignore
export const MUNICIPALITY_CODES: ReadonlySet<number> = new Set([
  101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169, 173, 175, 183, 185, 187, 190, 201, 210,
  217, 219, 223, 230, 240, 250, 253, 259, 260, 265, 269, 270, 306, 316, 320, 326, 329, 330, 336, 340,
  350, 360, 370, 376, 390, 400, 410, 420, 430, 440, 450, 461, 479, 480, 482, 492, 510, 530, 540, 550,
  561, 563, 573, 575, 580, 607, 615, 621, 630, 657, 661, 665, 671, 706, 707, 710, 727, 730, 740, 741,
  746, 751, 756, 760, 766, 773, 779, 787, 791, 810, 813, 820, 825, 840, 846, 849, 851, 860,
]);
