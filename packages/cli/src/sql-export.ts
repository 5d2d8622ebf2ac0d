/**
 * The files of `sla export sql`: the engine's generated SQL for one contract and a set of months
 * (`generateSql`), wrapped so the user's own database runs it — a records table filled from an
 * NDJSON or CSV file, the generated statements, and each result query written to a CSV file — and
 * the way back: those CSV files and the export's manifest give the reports
 * (`reportsFromSqlResults`), byte-identical to `sla evaluate` on the same records.
 *
 * One session runs everything (the generated tables are temporary): `run.sh` passes every file
 * to one `psql` (PostgreSQL) or `duckdb` (DuckDB CLI) process.
 */
import { createHash } from "node:crypto";
import {
  type GeneratedSql,
  type GenerateSqlOptions,
  generateSql,
  reportsFromSqlResults,
  type SqlDialect,
  type SqlResults,
} from "@sla/engine/node";
import type { EvaluationReport, RuleBundle } from "@sla/engine";
import { parse } from "csv-parse/sync";

export const MANIFEST = "manifest.json";
export const RESULTS = "results";
const MANIFEST_FORMAT = "sla-sql-export/1";

/** The record fields `sla_records` holds besides `line`, in its column order. */
const FIELD = /^CREATE TABLE sla_records \(line BIGINT NOT NULL, (.*)\)$/s;

/** What the export was made for; the reports are read back with exactly these options. */
export interface SqlExportManifest {
  format: typeof MANIFEST_FORMAT;
  dialect: SqlDialect;
  contract: string;
  options: Omit<GenerateSqlOptions, "dialect" | "recordsShape" | "now">;
  /** The result queries, each written to results/NAME.csv. */
  results: string[];
  /** SHA-256 of the generated SQL: reading back with a changed contract is refused. */
  sqlHash: string;
}

export interface SqlExport {
  manifest: SqlExportManifest;
  /** Path inside the export folder → text. */
  files: Map<string, string>;
}

function hashOf(generated: GeneratedSql): string {
  const text = JSON.stringify([generated.recordsTable, generated.load, generated.statements, generated.results]);
  return createHash("sha256").update(text).digest("hex");
}

/** The record columns of `sla_records` (besides `line`), read from its CREATE TABLE. */
function recordColumns(generated: GeneratedSql): string[] {
  const match = FIELD.exec(generated.recordsTable);
  if (!match) throw new Error(`unexpected records table from the SQL generator: ${generated.recordsTable}`);
  return match[1].split(", ").map((c) => c.replace(/^"([a-z_]+)" .*$/, "$1"));
}

const statements = (list: string[]) => list.map((s) => `${s.trim().replace(/;$/, "")};\n`).join("\n");

export async function buildSqlExport(
  bundle: RuleBundle,
  contract: string,
  dialect: SqlDialect,
  options: SqlExportManifest["options"],
): Promise<SqlExport> {
  const generated = await generateSql(bundle, { ...options, dialect });
  const columns = recordColumns(generated);
  const manifest: SqlExportManifest = {
    format: MANIFEST_FORMAT,
    dialect,
    contract,
    options,
    results: generated.results.map((r) => r.name),
    sqlHash: hashOf(generated),
  };
  const pg = dialect === "postgres";
  // temporary, as every table the generated SQL makes: nothing is left in the user's database
  const recordsTable = generated.recordsTable.replace(/^CREATE TABLE /, "CREATE TEMP TABLE ");
  // PostgreSQL tells of every DROP TABLE IF EXISTS of a table not made yet; only warnings are news
  const quiet = pg ? ["SET client_min_messages = warning"] : [];
  const files = new Map<string, string>();
  files.set(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  files.set(
    "sql/1-records.sql",
    `-- The records, one row per line of the file (line numbers as sla evaluate counts them)\n${statements([...quiet, recordsTable])}`,
  );
  files.set("sql/2-load-ndjson.sql", pg ? postgresNdjson(columns) : duckdbNdjson(columns));
  files.set("sql/2-load-csv.sql", pg ? postgresCsv(columns) : duckdbCsv());
  files.set(
    "sql/3-evaluate.sql",
    `-- Typed, checked records, then the contract's windows and the figures per window\n${statements([...generated.load, ...generated.statements])}`,
  );
  files.set(
    "sql/4-results.sql",
    `-- Each result to ${RESULTS}/NAME.csv (every value quoted, NULL left empty)\n${generated.results
      .map(({ name, sql }) =>
        pg
          ? `CREATE TEMP VIEW sla_result_${name} AS ${sql};\n\\copy (SELECT * FROM sla_result_${name}) TO '${name}.csv' WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)\n`
          : `COPY (${sql}) TO '${name}.csv' (HEADER, FORCE_QUOTE *);\n`,
      )
      .join("\n")}`,
  );
  files.set("run.sh", runner(dialect, contract, options, columns));
  return { manifest, files };
}

// PostgreSQL: each line of the file is read as it is (a CSV whose quote and delimiter never occur
// in text), numbered by an identity column in file order, and parsed as JSON here; a line that is
// not JSON stops the load with its number.
function postgresNdjson(columns: string[]): string {
  return `-- Fills sla_records from an NDJSON file given as psql's standard input (run.sh does this)
CREATE TEMP TABLE sla_lines (line BIGINT GENERATED ALWAYS AS IDENTITY, doc TEXT);
\\copy sla_lines (doc) FROM pstdin WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')
CREATE FUNCTION pg_temp.sla_json(line BIGINT, doc TEXT) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN RETURN doc::jsonb; EXCEPTION WHEN others THEN RAISE EXCEPTION 'line %: not valid JSON', line; END $$;
INSERT INTO sla_records (line, ${columns.map((c) => `"${c}"`).join(", ")})
SELECT line, ${columns.map((c) => `j ->> '${c}'`).join(", ")}
FROM (SELECT line, pg_temp.sla_json(line, doc) AS j FROM sla_lines WHERE btrim(coalesce(doc, '')) <> '') AS parsed;
`;
}

// PostgreSQL CSV: run.sh writes the \copy line naming the file's header columns (psql cannot
// substitute variables into \copy); the data lines are numbered from 2, after the header.
function postgresCsv(columns: string[]): string {
  return `-- Fills sla_records from sla_csv, which run.sh fills from the CSV file with \\copy
INSERT INTO sla_records (line, ${columns.map((c) => `"${c}"`).join(", ")})
SELECT n + 1, ${columns.map((c) => `"${c}"`).join(", ")} FROM sla_csv;
`;
}

function duckdbNdjson(columns: string[]): string {
  return `-- Fills sla_records from the NDJSON file named by the variable sla_records_file (run.sh sets it)
INSERT INTO sla_records
SELECT row_number() OVER () AS line, ${columns.map((c) => `json_extract_string(json, '$.${c}')`).join(", ")}
FROM read_ndjson_objects(getvariable('sla_records_file'));
`;
}

function duckdbCsv(): string {
  return `-- Fills sla_records from the CSV file named by the variable sla_records_file (run.sh sets it)
INSERT INTO sla_records BY NAME
SELECT row_number() OVER () + 1 AS line, * FROM read_csv(getvariable('sla_records_file'), header = true, all_varchar = true);
`;
}

function runner(
  dialect: SqlDialect,
  contract: string,
  options: SqlExportManifest["options"],
  columns: string[],
): string {
  const months = options.to && options.to !== options.from ? `${options.from} to ${options.to}` : options.from;
  const pg = dialect === "postgres";
  const client = pg
    ? `#   PostgreSQL 12 or later through psql; the connection from libpq's variables (PGHOST, PGPORT,
#   PGUSER, PGDATABASE, PGPASSWORD) or a connection string in SLA_PSQL_CONNECTION. Nothing is
#   left in the database: every table is temporary, dropped when the session ends.`
    : `#   DuckDB's command-line client (duckdb 1.1 or later) on PATH, in memory.`;
  const csvCopy = pg
    ? `  header=$(head -n 1 "$records" | tr -d '\\r"')
  old_ifs=$IFS; IFS=,
  for column in $header; do
    case "$column" in
      ${columns.join("|")}) ;;
      *) echo "run.sh: column \\"$column\\" of $records is not a record field (${columns.join(", ")})" >&2; exit 2 ;;
    esac
  done
  IFS=$old_ifs
  {
    echo 'CREATE TEMP TABLE sla_csv (n BIGINT GENERATED ALWAYS AS IDENTITY, ${columns.map((c) => `"${c}" TEXT`).join(", ")});'
    # printf, not echo: dash's echo reads the backslash of \\copy as an escape
    printf '%s\\n' "\\copy sla_csv ($(printf '%s' "$header" | sed 's/[^,][^,]*/"&"/g')) FROM pstdin WITH (FORMAT csv, HEADER true)"
    cat "$here/sql/2-load-csv.sql"
  } > "$results/.load.sql"`
    : `  cp "$here/sql/2-load-csv.sql" "$results/.load.sql"`;
  const run = pg
    ? `# shellcheck disable=SC2086
psql -X -q -v ON_ERROR_STOP=1 \${SLA_PSQL_CONNECTION:+"$SLA_PSQL_CONNECTION"} \\
  -f "$here/sql/1-records.sql" -f "$results/.load.sql" -f "$here/sql/3-evaluate.sql" -f "$here/sql/4-results.sql" < "$records"`
    : `quoted=$(printf '%s' "$records" | sed "s/'/''/g")
{
  echo "SET VARIABLE sla_records_file = '$quoted';"
  cat "$here/sql/1-records.sql" "$results/.load.sql" "$here/sql/3-evaluate.sql" "$here/sql/4-results.sql"
} | duckdb -batch -bail :memory:`;
  return `#!/bin/sh
# Generated by: sla export sql ${contract} --dialect ${dialect} (${months}, as of ${options.asOf})
#
# Runs the per-record work of ${contract} in ${pg ? "PostgreSQL" : "DuckDB"} and writes its results as CSV files:
#
#   ./run.sh RECORDS.ndjson|RECORDS.csv [RESULTS_FOLDER]      (default: ${RESULTS}/ beside this script)
#   sla evaluate ${contract} --sql-results THIS_FOLDER [--format md]
#
# The second command applies the contract's logic (credits, caps, termination rights, rounding)
# to the results and prints the same report as sla evaluate --events RECORDS with these months.
# Needs:
${client}
# Records: NDJSON (one JSON object a line) or CSV with a header naming its columns among
#   ${columns.join(", ")}
# (fields are read as text, as from CSV). The steps, in one session:
#   sql/1-records.sql     creates the table sla_records (line, then one text column per field)
#   sql/2-load-*.sql      fills it from the file (${pg ? "psql's \\copy ... FROM pstdin" : "read_ndjson_objects / read_csv"})
#   sql/3-evaluate.sql    the generated SQL: typed records, windows, figures per window
#   sql/4-results.sql     each result query to RESULTS_FOLDER/NAME.csv
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 RECORDS.ndjson|RECORDS.csv [RESULTS_FOLDER]" >&2
  exit 2
fi
records=$1
case "$records" in /*) ;; *) records="$(pwd)/$records" ;; esac
[ -r "$records" ] || { echo "run.sh: cannot read $records" >&2; exit 2; }
results=\${2:-"$here/${RESULTS}"}
mkdir -p "$results"
results=$(cd "$results" && pwd)
case "$records" in
*.csv | *.CSV)
${csvCopy}
  ;;
*) cp "$here/sql/2-load-ndjson.sql" "$results/.load.sql" ;;
esac
cd "$results"
${run}
rm -f "$results/.load.sql"
`;
}

/** Reads `results/NAME.csv` of an export: every value text, NULL (an unquoted empty cell) null. */
export function parseResultCsv(text: string): Record<string, string | null>[] {
  return parse(text, {
    columns: true,
    cast: (value, context) => (context.header || context.quoting ? value : value === "" ? null : value),
  }) as Record<string, string | null>[];
}

/** Why a manifest cannot be read back, or undefined when it can. */
export function manifestProblem(value: unknown): string | undefined {
  const m = value as Partial<SqlExportManifest> | null;
  if (m === null || typeof m !== "object" || m.format !== MANIFEST_FORMAT)
    return `not an export (format is not ${MANIFEST_FORMAT})`;
  if (m.dialect !== "duckdb" && m.dialect !== "postgres") return `unknown dialect ${JSON.stringify(m.dialect)}`;
  if (!Array.isArray(m.results) || m.results.some((r) => typeof r !== "string" || !/^[a-z_]+$/.test(r)))
    return "its list of results is not a list of names";
  if (typeof m.options !== "object" || m.options === null || typeof m.options.from !== "string")
    return "it has no months (options.from)";
  return undefined;
}

/**
 * The reports from an export's result files (by name), checked against the contract: the SQL
 * generated now must be the SQL exported, so a changed contract or toolchain is never read
 * against results it did not make.
 */
export async function reportsFromExport(
  bundle: RuleBundle,
  manifest: SqlExportManifest,
  read: (name: string) => string,
): Promise<EvaluationReport[]> {
  const results = await checkedResults(bundle, manifest, read);
  return reportsFromSqlResults(bundle, { ...manifest.options, dialect: manifest.dialect }, results);
}

async function checkedResults(
  bundle: RuleBundle,
  manifest: SqlExportManifest,
  read: (name: string) => string,
): Promise<SqlResults> {
  const options = { ...manifest.options, dialect: manifest.dialect };
  if (hashOf(await generateSql(bundle, options)) !== manifest.sqlHash)
    throw new ExportMismatchError(
      "the contract (or this version of sla) generates different SQL from the exported SQL; export it again and rerun run.sh",
    );
  const results: SqlResults = {};
  for (const name of manifest.results) results[name] = parseResultCsv(read(name));
  return results;
}

/** One unit's reports, from an export made with `byUnit`. */
export interface UnitReports {
  unit: string;
  reports: EvaluationReport[];
}

/**
 * With `byUnit`, the reports of each unit the results name (by the records' `unit` column; records
 * without one are the unit ""), in order of name. The figures are the unit's own; the data section
 * counts the whole file.
 */
export async function unitReportsFromExport(
  bundle: RuleBundle,
  manifest: SqlExportManifest,
  read: (name: string) => string,
): Promise<UnitReports[]> {
  const results = await checkedResults(bundle, manifest, read);
  const units = new Set<string>();
  for (const rows of Object.values(results))
    for (const row of rows) if (typeof row.unit === "string") units.add(row.unit);
  if (units.size === 0) units.add("");
  const options = { ...manifest.options, dialect: manifest.dialect };
  const out: UnitReports[] = [];
  for (const unit of [...units].sort())
    out.push({ unit, reports: await reportsFromSqlResults(bundle, options, results, unit) });
  return out;
}

export class ExportMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportMismatchError";
  }
}
