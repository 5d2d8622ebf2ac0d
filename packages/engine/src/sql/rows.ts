/** A result row: column name to value (BIGINT may arrive as bigint, number or text). */
export type SqlRow = Record<string, unknown>;

/** The rows of each result query, by the query's name. */
export type SqlResults = Record<string, SqlRow[]>;

/** INSERT statements for literal rows, a thousand a statement; none for no rows. */
export function insertRows(table: string, rows: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    out.push(`INSERT INTO ${table} VALUES ${rows.slice(i, i + 1000).join(", ")}`);
  return out;
}

/** An integer column as a number (epoch ms and durations stay below 2^53). */
export function int(v: unknown): number {
  return Number(v);
}

/** An integer column that may be NULL. */
export function intOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
