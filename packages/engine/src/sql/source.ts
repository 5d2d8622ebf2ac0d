import { CSV_COLUMNS } from "../readers/csv.ts";
import type { SqlRunner } from "./runner.ts";

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

/** A field of a record in SQL: its text, and its JSON type ('VARCHAR' for text) or NULL when absent. */
export interface FieldSql {
  text: string;
  type: string;
}

/**
 * How the generated queries see the records in the `records` table: NDJSON lines are kept as JSON
 * text (so a number where text belongs is seen as one); CSV and Parquet rows keep their columns,
 * read as text, and become JSON objects only for the few rows Node checks.
 */
export interface RecordsShape {
  field(name: string): FieldSql;
  /** The record as JSON text, for the streaming reader's checks. */
  json: string;
  /** True when the record has a key the streaming reader refuses (`__proto__` and the like). */
  forbiddenKeys: string;
}

const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];

/**
 * Loads every record into `records` with its line: `line` counts records from 1 (CSV: from 2,
 * after the header), which is the file's line for files without blank lines; across several
 * files it continues from one file to the next.
 */
export async function loadRecords(db: SqlRunner, source: SqlEventSource): Promise<RecordsShape> {
  const list = `[${source.paths.map(sqlString).join(", ")}]`;
  if (source.format === "ndjson") {
    await db.all(
      `CREATE TEMP TABLE records AS SELECT row_number() OVER () AS line, json FROM read_ndjson_objects(${list})`,
    );
    return {
      field: (name) => ({ text: `json_extract_string(json, '$.${name}')`, type: `json_type(json, '$.${name}')` }),
      json: "json",
      // the cheap test of the text first; the keys are parsed only when it finds one of the words
      forbiddenKeys: `CASE WHEN ${FORBIDDEN_KEYS.map((k) => `contains(json, '"${k}"')`).join(" OR ")} THEN list_has_any(json_keys(json), [${FORBIDDEN_KEYS.map((k) => `'${k}'`).join(", ")}]) ELSE false END`,
    };
  }
  const read =
    source.format === "csv" ? `read_csv(${list}, header = true, all_varchar = true)` : `read_parquet(${list})`;
  const present = new Set(
    (await db.all(`DESCRIBE SELECT * FROM ${read}`)).map((row) => String(row.column_name).toLowerCase()),
  );
  const columns = CSV_COLUMNS.filter((c) => present.has(c));
  const quoted = (c: string) => `"${c}"`;
  await db.all(
    `CREATE TEMP TABLE records AS SELECT row_number() OVER () ${source.format === "csv" ? "+ 1 " : ""}AS line, ${
      columns.map((c) => `CAST(${quoted(c)} AS VARCHAR) AS ${quoted(c)}`).join(", ") || "NULL AS type"
    } FROM ${read}`,
  );
  return {
    field: (name) =>
      present.has(name)
        ? { text: quoted(name), type: `CASE WHEN ${quoted(name)} IS NULL THEN NULL ELSE 'VARCHAR' END` }
        : { text: "NULL", type: "NULL" },
    json: `json_object(${columns.map((c) => `'${c}', ${quoted(c)}`).join(", ")})::VARCHAR`,
    // only the known columns are read, and none of them is such a key
    forbiddenKeys: "false",
  };
}
