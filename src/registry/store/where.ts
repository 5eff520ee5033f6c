/** One condition of a look-up; an undefined value means "no condition". */
export type Criterion =
  | { column: string; equals: string | number | undefined }
  | { column: string; in: readonly string[] | undefined }
  | { column: string; contains: string | undefined };

/**
 * Builds a parameterised WHERE clause. Column names come from the store's own code, never from a
 * caller; values are always bound parameters.
 */
export function buildWhere(criteria: readonly Criterion[]): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const c of criteria) {
    if ('equals' in c && c.equals !== undefined) {
      clauses.push(`${c.column} = ?`);
      params.push(c.equals);
    } else if ('in' in c && c.in !== undefined) {
      // json_each keeps one prepared shape for any number of keys (no 999-variable limit).
      clauses.push(`${c.column} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(c.in));
    } else if ('contains' in c && c.contains !== undefined) {
      clauses.push(`instr(${c.column}, ?) > 0`);
      params.push(c.contains);
    }
  }
  return { sql: clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`, params };
}
