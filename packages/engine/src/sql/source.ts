/** Observed data for a SQL engine: files (or globs of them) of one format. */
export interface SqlEventSource {
  format: "ndjson" | "csv" | "parquet";
  /** Paths or globs, read as one table. */
  paths: string[];
}

/** A string literal in SQL (single quotes doubled); the one way a user's text enters a query. */
export function sqlString(text: string): string {
  if (text.includes("\0")) throw new Error("a NUL character cannot be passed to SQL");
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Every record as one JSON object with its line: NDJSON lines as written, CSV and Parquet rows as
 * objects of their columns (CSV cells as text, as the streaming reader sees them). `line` counts
 * records from 1 (CSV: from 2, after the header), which is the file's line for files without
 * blank lines; across several files it continues from one file to the next.
 */
export function recordsQuery(source: SqlEventSource): string {
  const list = `[${source.paths.map(sqlString).join(", ")}]`;
  switch (source.format) {
    case "ndjson":
      return `SELECT row_number() OVER () AS line, json FROM read_ndjson_objects(${list})`;
    case "csv":
      return `SELECT row_number() OVER () + 1 AS line, to_json(t)::VARCHAR AS json FROM read_csv(${list}, header = true, all_varchar = true) t`;
    case "parquet":
      return `SELECT row_number() OVER () AS line, to_json(t)::VARCHAR AS json FROM read_parquet(${list}) t`;
  }
}
