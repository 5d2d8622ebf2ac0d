/**
 * `sla export sql CONTRACT --dialect duckdb|postgres --period YYYY-MM [-o FOLDER]`: the contract's
 * per-record work as SQL for the user's own database, with `run.sh` to run it over a records file,
 * and `sla evaluate CONTRACT --sql-results FOLDER` to turn its results into the report
 * (`../sql-export.ts`). Exit codes: 0 written, 1 errors in the contract, 2 usage or I/O.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { escapeInline } from "@sla/bundle";
import type { Command } from "commander";
import { EvaluationOptionsError, type EvaluationReport, renderReportMarkdown } from "@sla/engine";
import { SqlEngineError } from "@sla/engine/node";
import { CliError } from "../errors.ts";
import { isDirectory, writeFileAtomic } from "../files.ts";
import { loadBundle } from "../load-bundle.ts";
import {
  buildSqlExport,
  ExportMismatchError,
  MANIFEST,
  manifestProblem,
  RESULTS,
  reportsFromExport,
  type SqlExportManifest,
  type UnitReports,
  unitReportsFromExport,
} from "../sql-export.ts";

interface ExportSqlFlags {
  dialect?: string;
  period?: string;
  to?: string;
  asOf?: string;
  terminatedOn?: string;
  skipInvalid?: boolean;
  byUnit?: boolean;
  out?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function registerExportSql(exportCommand: Command): void {
  exportCommand
    .command("sql")
    .description("write the per-record work as SQL for DuckDB or PostgreSQL, with a runner script (run.sh)")
    .argument("<contract>", "the contract (.sla) or a compiled rule bundle (.json)")
    .option("--dialect <duckdb|postgres>", "the SQL engine that will run it")
    .option("--period <YYYY-MM>", "the first month to report on")
    .option("--to <YYYY-MM>", "the last month (default: --period)")
    .option("--as-of <date|instant>", "windows not ended by then are in progress (default: now)")
    .option("--terminated-on <YYYY-MM-DD>", "the agreement was terminated on this date")
    .option("--skip-invalid", "invalid records are skipped and counted instead of stopping the report")
    .option("--by-unit", "a report per value of the records' unit column (an instance, an organisation)")
    .option("-o, --out <folder>", "the folder to write (default: CONTRACT-sql beside the contract)")
    .addHelpText(
      "after",
      `
Examples:
  $ sla export sql hosting.sla --dialect postgres --period 2026-03 -o hosting-sql
  $ PGDATABASE=slas hosting-sql/run.sh records.ndjson && sla evaluate hosting.sla --sql-results hosting-sql

The folder holds run.sh (its header says what it needs and does), sql/*.sql and manifest.json;
run.sh writes results/*.csv, which sla evaluate --sql-results reads (docs/evaluation.md).
Exit codes: 0 written, 1 errors in the contract, 2 usage or I/O error.`,
    )
    .action((contract: string, flags: ExportSqlFlags) => runExportSql(contract, flags));
}

async function runExportSql(contract: string, flags: ExportSqlFlags): Promise<void> {
  const dialect = flags.dialect;
  if (dialect !== "duckdb" && dialect !== "postgres")
    throw new CliError(
      `export sql: --dialect must be duckdb or postgres${dialect === undefined ? "" : `, not "${dialect}"`}`,
      2,
    );
  if (!flags.period || !MONTH.test(flags.period))
    throw new CliError(
      `export sql: --period <YYYY-MM> is required${flags.period ? `; "${flags.period}" is not a month` : ""}`,
      2,
    );
  if (flags.to !== undefined && (!MONTH.test(flags.to) || flags.to < flags.period))
    throw new CliError(`export sql: --to "${flags.to}" is not a month from --period on`, 2);
  if (!existsSync(contract) || isDirectory(contract)) throw new CliError(`${contract} is not a file`, 2);
  const bundle = await loadBundle(contract);
  const options: SqlExportManifest["options"] = {
    from: flags.period,
    to: flags.to ?? flags.period,
    // fixed now, so that the results read back later are judged as of the export
    asOf: flags.asOf ?? new Date().toISOString(),
    skipInvalid: flags.skipInvalid === true,
    ...(flags.byUnit === true ? { byUnit: true } : {}),
    ...(flags.terminatedOn === undefined ? {} : { terminatedOn: flags.terminatedOn }),
  };
  let files: Map<string, string>;
  try {
    ({ files } = await buildSqlExport(bundle, basename(contract), dialect, options));
  } catch (e) {
    if (e instanceof EvaluationOptionsError || e instanceof SqlEngineError)
      throw new CliError(`export sql: ${e.message}`, 2);
    throw e;
  }
  const out = flags.out ?? join(dirname(contract), `${basename(contract).replace(/\.(sla|json)$/, "")}-sql`);
  if (existsSync(out) && !isDirectory(out)) throw new CliError(`export sql: ${out} is not a folder`, 2);
  for (const [path, text] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileAtomic(join(out, path), text);
  }
  chmodSync(join(out, "run.sh"), 0o755);
  process.stderr.write(
    `wrote ${out}: run ${join(out, "run.sh")} RECORDS, then sla evaluate ${contract} --sql-results ${out}\n`,
  );
}

/**
 * `sla evaluate CONTRACT --sql-results FOLDER`: the reports from an export's results; the months
 * and options are the export's. Writes as `sla evaluate` does (JSON, or Markdown with --format md).
 */
export async function evaluateSqlResults(
  contract: string,
  folder: string,
  format: string,
  write: (text: string) => void,
): Promise<void> {
  if (format !== "json" && format !== "md")
    throw new CliError(`evaluate: --sql-results reports as json or md, not "${format}"`, 2);
  const manifestPath = join(folder, MANIFEST);
  const manifest = readJson(manifestPath);
  const problem = manifestProblem(manifest);
  if (problem !== undefined) throw new CliError(`${manifestPath}: ${problem}`, 2);
  const bundle = await loadBundle(contract);
  const m = manifest as SqlExportManifest;
  const read = (name: string) => readText(join(folder, RESULTS, `${name}.csv`));
  let units: UnitReports[];
  try {
    units = m.options.byUnit
      ? await unitReportsFromExport(bundle, m, read)
      : [{ unit: "", reports: await reportsFromExport(bundle, m, read) }];
  } catch (e) {
    if (e instanceof ExportMismatchError) throw new CliError(`${folder}: ${e.message}`, 1);
    if (e instanceof CliError) throw e;
    if (e instanceof SqlEngineError || e instanceof EvaluationOptionsError || (e as Error).name === "EventDataError")
      throw new CliError(`${folder}: ${(e as Error).message}`, 2);
    throw e;
  }
  const markdown = (reports: EvaluationReport[]) => reports.map(renderReportMarkdown).join("\n---\n\n");
  const single = m.options.to === m.options.from;
  if (!m.options.byUnit) {
    const { reports } = units[0];
    write(format === "md" ? markdown(reports) : `${JSON.stringify(single ? reports[0] : { reports }, null, 2)}\n`);
  } else if (format === "md")
    write(units.map((u) => `# Unit ${escapeInline(u.unit || "(none)")}\n\n${markdown(u.reports)}`).join("\n---\n\n"));
  else write(`${JSON.stringify({ units }, null, 2)}\n`);
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(`cannot read ${path}: ${code}${code === "ENOENT" ? " (has run.sh been run?)" : ""}`, 2);
  }
}

function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path}: not JSON: ${(e as Error).message}`, 2);
  }
}
