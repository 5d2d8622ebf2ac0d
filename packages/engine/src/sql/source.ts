import { CSV_COLUMNS, REQUEST_COLUMNS } from "../readers/csv.ts";
import { type Dialect, dialectOf } from "./dialect.ts";
import { type SqlRunner, SqlEngineError } from "./runner.ts";
import { scannedMeasurementsSql, scanUnsureSql } from "./typed.ts";

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
  /**
   * `sla_records` with the named fields read once per row: a FROM item (with every column of
   * `sla_records`) and the fields as expressions over it.
   */
  readFields(names: string[]): { from: string; field(name: string): FieldSql };
  /** The record as JSON text, for the streaming reader's checks. */
  json: string;
  /** True when the record has a key the streaming reader refuses (`__proto__` and the like). */
  forbiddenKeys: string;
  /**
   * DuckDB's NDJSON files read in one pass with the measurements typed (`scannedMeasurementsSql`):
   * the table, one row per record in file order (`rowid + 1` is the line). Only files whose every
   * record is a measurement SQL holds are read so; `sla_records` is a view with `type` and `unit`.
   */
  scan?: string;
  /** The only kinds of record the table can hold (the one-pass read: measurements); absent: any kind. */
  kinds?: readonly string[];
}

const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];
/**
 * Texts without which a JSON line cannot hold a refused key: an end of each key as written (a
 * letter can be escaped only as `\u`), or that escape. Ends that begin with a byte rarer in records
 * than `"` or a common letter: Node's search of a file runs at about 0.04–0.15 s a GB for each of
 * these, against 0.25–0.45 s for the quoted keys (measured on the benchmark's request log).
 */
const REFUSED_KEY_TEXTS = ["__proto__", 'uctor"', 'otype"', "\\u"];

/**
 * The record fields the SQL reads as text, and passes to the streaming reader's checks when a
 * record is of no kind SQL types (a `requests` record is checked there, then ignored or refused).
 */
const TEXT_FIELDS = [...CSV_COLUMNS, ...REQUEST_COLUMNS] as const;

/** The columns of `sla_records` besides `line`: the CSV reader's fields and an optional unit. */
export const RECORD_COLUMNS = [...TEXT_FIELDS, "unit"] as const;

/**
 * Records as columns of text (CSV, Parquet, a PostgreSQL table the runner filled): every field is
 * text, so a JSON type is known only as "present". Known columns only, so no forbidden key.
 */
export function columnsShape(d: Dialect): RecordsShape {
  const quoted = (c: string) => `"${c}"`;
  const field = (name: string): FieldSql => ({
    text: quoted(name),
    type: `CASE WHEN ${quoted(name)} IS NULL THEN NULL ELSE 'VARCHAR' END`,
  });
  return {
    field,
    readFields: () => ({ from: "sla_records", field }),
    json: d.jsonObject(RECORD_COLUMNS.map((c) => [c, quoted(c)])),
    forbiddenKeys: "false",
  };
}

/**
 * NDJSON lines kept as JSON text in DuckDB (`sla_records(line, json, type)`), so a number where text
 * belongs is seen as one; `type` is the record's type as text, read once when the lines are loaded.
 */
export const JSON_SHAPE: RecordsShape = {
  field: (name) => ({
    text: name === "type" ? "type" : `json_extract_string(json, '$.${name}')`,
    type: `json_type(json, '$.${name}')`,
  }),
  // two reads of the line for all the fields (texts, then JSON types: each function takes a list of
  // paths) instead of two per use of each field
  readFields(names) {
    const unique = [...new Set(names)].filter((n) => n !== "type");
    const paths = `[${unique.map((n) => `'$.${n}'`).join(", ")}]`;
    const at = (name: string) => unique.indexOf(name) + 1;
    return {
      from: `(SELECT *, json_extract_string(json, ${paths}) AS sla_texts, json_type(json, ${paths}) AS sla_types FROM sla_records) AS sla_records`,
      field: (name) =>
        name === "type" ? JSON_SHAPE.field(name) : { text: `sla_texts[${at(name)}]`, type: `sla_types[${at(name)}]` },
    };
  },
  json: "json",
  // the cheap test of the text first; the keys are parsed only when it finds one of the words, or
  // an escape (`"\u005f_proto__"` is the key `__proto__`)
  forbiddenKeys: `CASE WHEN ${REFUSED_KEY_TEXTS.map((k) => `contains(json, '${k}')`).join(" OR ")} THEN list_has_any(json_keys(json), [${FORBIDDEN_KEYS.map((k) => `'${k}'`).join(", ")}]) ELSE false END`,
};

const NO_TEXT = "CAST(NULL AS VARCHAR)";

/** NDJSON measurements typed as DuckDB read them (`loadRecords`); no record of another kind. */
export const SCAN_SHAPE: RecordsShape = {
  field: (name) =>
    name === "type" || name === "unit"
      ? { text: name, type: `CASE WHEN ${name} IS NULL THEN NULL ELSE 'VARCHAR' END` }
      : { text: NO_TEXT, type: NO_TEXT },
  readFields: () => ({ from: "sla_records", field: SCAN_SHAPE.field }),
  json: NO_TEXT,
  forbiddenKeys: "false",
  scan: "sla_scan",
  kinds: ["measurement"],
};

/** The statement creating the table the runner fills: `line` from 1 in file order, then text columns. */
export function recordsTableSql(d: Dialect): string {
  return `CREATE TABLE sla_records (line BIGINT NOT NULL, ${RECORD_COLUMNS.map((c) => `"${c}" ${d.text}`).join(", ")})`;
}

/**
 * DuckDB: loads every record into `sla_records` with its line: `line` counts records from 1 (CSV:
 * from 2, after the header), which is the file's line for files without blank lines; across
 * several files it continues from one file to the next. Returns the shape the queries read.
 */
export async function loadRecords(
  db: SqlRunner,
  source: SqlEventSource,
  options: { everyLine?: boolean; whileScanning?: () => void } = {},
): Promise<RecordsShape> {
  const list = `[${source.paths.map(sqlString).join(", ")}]`;
  // one pass makes views where reading line by line makes tables of the same names
  await dropTemp(db, ["sla_measurements", "sla_records", "sla_scan"]);
  if (source.format === "ndjson") {
    if (!options.everyLine && (await scanMeasurements(db, list, options.whileScanning))) return SCAN_SHAPE;
    await dropTemp(db, ["sla_records", "sla_scan"]);
    await db.all(
      `CREATE OR REPLACE TEMP TABLE sla_records AS SELECT row_number() OVER () AS line, json, json_extract_string(json, '$.type') AS type FROM read_ndjson_objects(${list})`,
    );
    return JSON_SHAPE;
  }
  const read =
    source.format === "csv" ? `read_csv(${list}, header = true, all_varchar = true)` : `read_parquet(${list})`;
  const present = new Set(
    (await db.all(`DESCRIBE SELECT * FROM ${read}`)).map((row) => String(row.column_name).toLowerCase()),
  );
  const quoted = (c: string) => `"${c}"`;
  const columns = RECORD_COLUMNS.map((c) =>
    present.has(c) ? `CAST(${quoted(c)} AS VARCHAR) AS ${quoted(c)}` : `CAST(NULL AS VARCHAR) AS ${quoted(c)}`,
  );
  await db.all(
    `CREATE OR REPLACE TEMP TABLE sla_records AS SELECT row_number() OVER () ${source.format === "csv" ? "+ 1 " : ""}AS line, ${columns.join(", ")} FROM ${read}`,
  );
  return columnsShape(dialectOf("duckdb"));
}

// The keys read_json reads: the measurement's fields and a unit. Not the keys the streaming reader
// refuses: a file that may hold one (its quoted text, or an escape) is found by the search that runs
// alongside the read, and read line by line (read_json reads a refused key whose value is null as
// absent, so only that search could find it anyway).
const SCANNED_COLUMNS = ["type", "metric", "at", "unit"].map((c) => `'${c}': 'VARCHAR'`);
const SAMPLE = 1000;

/**
 * NDJSON of measurements only, the request logs that run to millions of lines, read in one
 * parallel pass (`read_json`) with each measurement typed as it is read, and its line given by the
 * table's row order rather than numbered by a window over every line (which orders the whole
 * scan). True when every record is a measurement SQL holds and is sure of; otherwise (another
 * kind, an invalid or doubtful record, a line read_json refuses) the caller reads every line's JSON.
 * Files whose first lines hold other kinds are not tried.
 */
async function scanMeasurements(db: SqlRunner, list: string, whileScanning?: () => void): Promise<boolean> {
  const read = `read_json(${list}, format = 'newline_delimited', columns = {${[...SCANNED_COLUMNS, "'value': 'JSON'"].join(", ")}})`;
  try {
    const [sample] = await db.all(
      `SELECT count(*) FILTER (WHERE type IS DISTINCT FROM 'measurement') AS others FROM (SELECT type FROM ${read} LIMIT ${SAMPLE}) AS s`,
    );
    if (Number(sample.others) > 0 || db.filesContain === undefined) return false;
    // read_json reads a refused key whose value is null as absent, and an escaped key as the key it
    // spells: a file holding the text of one, or an escape, is read line by line (the search runs
    // while DuckDB reads)
    const files = (await db.all(`SELECT file FROM glob(${list}) ORDER BY file`)).map((row) => String(row.file));
    // the rows keep the files' order (preserve_insertion_order, DuckDB's default), so rowid + 1 is the line
    const scanned = Promise.all([
      db.filesContain(files, REFUSED_KEY_TEXTS),
      db.all(`CREATE OR REPLACE TEMP TABLE sla_scan AS ${scannedMeasurementsSql(dialectOf("duckdb"), read)}`),
    ]);
    whileScanning?.();
    const [refusedKeyText] = await scanned;
    if (refusedKeyText) return false;
  } catch (e) {
    if (e instanceof SqlEngineError) return false;
    throw e;
  }
  const [unsure] = await db.all(scanUnsureSql("sla_scan"));
  if (Number(unsure.n) > 0) return false;
  await db.all(
    "CREATE OR REPLACE TEMP VIEW sla_records AS SELECT rowid + 1 AS line, 'measurement' AS type, unit FROM sla_scan",
  );
  return true;
}

/** Drops the temporary tables and views of these names (DuckDB refuses DROP VIEW of a table). */
async function dropTemp(db: SqlRunner, names: string[]): Promise<void> {
  const list = names.map(sqlString).join(", ");
  const found =
    await db.all(`SELECT view_name AS name, 'VIEW' AS kind FROM duckdb_views() WHERE temporary AND view_name IN (${list})
UNION ALL SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary AND table_name IN (${list})`);
  for (const f of found) await db.all(`DROP ${f.kind} IF EXISTS temp.main.${f.name}`);
}
