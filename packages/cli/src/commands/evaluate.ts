import { statSync } from "node:fs";
import { access } from "node:fs/promises";
import type { Command } from "commander";
import {
  BundleProblemError,
  ChargeDataError,
  EvaluationOptionsError,
  type EvaluationReport,
  CSV_FIELDS,
  CSV_PRESETS,
  type CsvOptions,
  EventDataError,
  evaluate,
  parseColumnMap,
  PrometheusError,
  type RuleBundle,
  renderReportCsv,
  renderReportMarkdown,
} from "@sla/engine";
import {
  type EventsFormat,
  evaluateWithSql,
  openDuckDb,
  readEventsFile,
  SqlEngineError,
  type SqlEventSource,
  type SqlRunner,
} from "@sla/engine/node";
import { duckDbOpener } from "../duckdb.ts";
import { progress } from "../output/progress.ts";
import { checkPrometheusUrl, prometheusEvents } from "./evaluate-prometheus.ts";
import { evaluateSqlResults } from "./export-sql.ts";
import { isPortfolio, runPortfolio } from "./portfolio.ts";

/**
 * Same shape as the CLI's `CliError` (message + exitCode 1 for contract problems, 2 for usage,
 * I/O and bad data). Defined here because `../errors.ts` did not exist when this was written;
 * pass `makeError` to throw the CLI's own class instead.
 */
export class EvaluateCommandError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

export interface EvaluateDeps {
  /** Compiles a `.sla` file or reads a bundle `.json`; throws a CliError (exit 1 or 2). */
  loadBundle(path: string): Promise<RuleBundle>;
  /** Builds the error the CLI reports; defaults to `EvaluateCommandError`. */
  makeError?: (message: string, exitCode: 1 | 2) => Error;
  /** Where the report goes; defaults to process.stdout. */
  write?: (text: string) => void;
  /** Where warnings go; defaults to process.stderr. */
  warn?: (text: string) => void;
  /** The database of `--engine duckdb`; a portfolio lends one to all its contracts. */
  openSql?: () => Promise<SqlRunner>;
}

interface EvaluateFlags {
  events?: string;
  period?: string;
  to?: string;
  format?: string;
  eventsFormat?: string;
  skipInvalid?: boolean;
  asOf?: string;
  terminatedOn?: string;
  ignoreUnknown?: boolean;
  delimiter?: string;
  map?: string;
  preset?: string;
  engine?: string;
  prometheus?: string;
  memoryLimit?: string;
  sqlResults?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function registerEvaluate(program: Command, deps: EvaluateDeps): Command {
  return program
    .command("evaluate")
    .description("evaluate a contract against observed data and print the monthly service report")
    .argument("<contract>", "the contract (.sla) or a compiled rule bundle (.json)")
    .option("--events <file>", "observed data: NDJSON, or CSV when the file name ends in .csv; - for standard input")
    .option("--period <YYYY-MM>", "the month to report on, in the agreement's time zone")
    .option("--to <YYYY-MM>", "the last month of a range: one report per month")
    .option(
      "--format <json|md|csv>",
      "json (default), md, or csv (a row per objective and window, and per credit)",
      "json",
    )
    .option(
      "--prometheus <url>",
      "read the objectives whose metric has an indicator from this Prometheus (query_range); with --events, the file gives the others",
    )
    .option("--events-format <ndjson|csv>", "override the format guessed from the file name")
    .option("--delimiter <char>", "the CSV cell separator (default ,)")
    .option("--map <field=column,...>", "CSV columns for fields, e.g. start=Created,end=Resolved,severity=Priority")
    .option("--preset <name>", `read another tool's CSV export: ${Object.keys(CSV_PRESETS).join(", ")}`)
    .option("--skip-invalid", "skip invalid lines (reported in the output) instead of stopping at the first")
    .option(
      "--as-of <date|instant>",
      "windows not ended by then are in progress (no verdict yet); default: now, or the latest record when later",
    )
    .option(
      "--terminated-on <YYYY-MM-DD>",
      "the agreement was terminated on this date: later windows are outside its term",
    )
    .option("--ignore-unknown", "evaluate even when the data names a service or metric that looks like a typo")
    .option(
      "--engine <streaming|duckdb>",
      "streaming (default) reads the events in Node; duckdb runs the per-record work in DuckDB over NDJSON, CSV or Parquet files and globs",
    )
    .option("--memory-limit <size>", "--engine duckdb: the memory DuckDB may use before it spills to disk, e.g. 1GB")
    .option("--sql-results <folder>", "the report from the results of `sla export sql` (its run.sh), not from --events")
    .addHelpText(
      "after",
      `
Examples:
  $ sla evaluate hosting.sla --events outages.ndjson --period 2026-03
  $ sla evaluate hosting.rules.json --events tickets.csv --period 2026-01 --to 2026-06
  $ sla evaluate hosting.sla --events data.ndjson --period 2026-03 --format md > report.md
  $ sla evaluate hosting.sla --events data.ndjson --period 2026-05 --as-of 2026-05-15
  $ sla evaluate hosting.sla --events incidents.csv --preset pagerduty --period 2026-03 --format csv
  $ sla evaluate desk.sla --events export.csv --map start=Created,end=Resolved,severity=Priority --delimiter ";" --period 2026-03
  $ cat outages.ndjson | sla evaluate hosting.sla --events - --period 2026-03
  $ sla evaluate shop.sla --prometheus http://prometheus:9090 --period 2026-03
  $ sla evaluate contracts/ --engine duckdb --events 'logs/{contract}/*.parquet' --period 2026-03 --format md

A folder or glob of contracts is a portfolio: each contract evaluated as on its own, then one
report (per contract, totals); {contract} in --events is each contract's path below the folder
without .sla (docs/evaluation.md).

Times without an offset (2026-03-04 10:00) are read in the agreement's time zone.

Exit codes: 0 evaluated (a breached objective is not an error), 1 errors in the contract,
2 usage, I/O or bad data (nothing is written).`,
    )
    .action(async (contract: string, flags: EvaluateFlags) => {
      if (flags.sqlResults !== undefined) {
        if (flags.events !== undefined || flags.period !== undefined)
          throw (deps.makeError ?? ((m, c) => new EvaluateCommandError(m, c)))(
            "evaluate: --sql-results takes the months and records of its export; not --events or --period",
            2,
          );
        const write = deps.write ?? ((text: string) => void process.stdout.write(text));
        return evaluateSqlResults(contract, flags.sqlResults, flags.format ?? "json", write);
      }
      const withSql = { ...deps, openSql: deps.openSql ?? duckDbOpener(flags.memoryLimit) };
      // a folder or glob of contracts is a portfolio: each evaluated as here, one report of them all
      if (isPortfolio(contract)) await runPortfolio(contract, flags, withSql, runEvaluate);
      else await runEvaluate(contract, flags, withSql);
    });
}

export async function runEvaluate(contract: string, flags: EvaluateFlags, deps: EvaluateDeps): Promise<void> {
  const fail = deps.makeError ?? ((message: string, exitCode: 1 | 2) => new EvaluateCommandError(message, exitCode));
  const write = deps.write ?? ((text: string) => void process.stdout.write(text));
  const warn = deps.warn ?? ((text: string) => void process.stderr.write(text));

  // Validated here rather than with requiredOption so every usage error exits 2, whatever the
  // program's own commander settings.
  if (!flags.events && !flags.prometheus) throw fail("evaluate: --events <file> or --prometheus <url> is required", 2);
  if (flags.prometheus !== undefined) checkPrometheusUrl(flags.prometheus, fail);
  if (!flags.period) throw fail("evaluate: --period <YYYY-MM> is required", 2);
  if (!MONTH.test(flags.period)) throw fail(`evaluate: --period "${flags.period}" is not a month (YYYY-MM)`, 2);
  if (flags.to !== undefined && !MONTH.test(flags.to))
    throw fail(`evaluate: --to "${flags.to}" is not a month (YYYY-MM)`, 2);
  if (flags.to !== undefined && flags.to < flags.period)
    throw fail(`evaluate: --to ${flags.to} is before --period ${flags.period}`, 2);
  const format = flags.format ?? "json";
  if (format !== "json" && format !== "md" && format !== "csv")
    throw fail(`evaluate: --format must be json, md or csv, not "${format}"`, 2);
  const eventsFormat = flags.eventsFormat;
  if (eventsFormat !== undefined && eventsFormat !== "ndjson" && eventsFormat !== "csv") {
    throw fail(`evaluate: --events-format must be ndjson or csv, not "${eventsFormat}"`, 2);
  }

  const csv = csvOptions(flags, fail);
  // A column map, preset or delimiter only means something for CSV, so it says the format.
  if (eventsFormat === "ndjson" && Object.keys(csv).length > 0)
    throw fail("evaluate: --delimiter, --map and --preset read CSV, not --events-format ndjson", 2);
  const readAs = eventsFormat ?? (Object.keys(csv).length > 0 ? "csv" : undefined);

  const engine = flags.engine ?? "streaming";
  if (engine !== "streaming" && flags.prometheus !== undefined)
    throw fail("evaluate: --prometheus reads with the streaming engine, not --engine duckdb", 2);
  if (engine !== "streaming" && engine !== "duckdb")
    throw fail(`evaluate: --engine must be streaming or duckdb, not "${engine}"`, 2);
  if (engine === "duckdb" && (Object.keys(csv).length > 0 || flags.events === "-"))
    throw fail(
      "evaluate: --engine duckdb reads files (CSV with its own header names); not --events -, --map, --preset or --delimiter",
      2,
    );

  const bundle = await deps.loadBundle(contract);
  csv.timeZone = bundle.agreement?.timezone ?? "UTC";
  const eventsPath = flags.events ?? "";
  const stdin = eventsPath === "-";
  const glob = engine === "duckdb" && /[*?[{]/.test(eventsPath);
  if (flags.events !== undefined && !stdin && !glob)
    try {
      await access(flags.events);
    } catch (e) {
      throw fail(
        `evaluate: cannot read events file ${flags.events}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        2,
      );
    }
  const source = stdin ? "standard input" : (flags.events ?? flags.prometheus);

  let reports: EvaluationReport[];
  // a progress line on a terminal for event files big enough to wait for (over 20 MB)
  const bar = progress(
    stdin || glob || !flags.events ? 0 : statSync(eventsPath).size,
    "Reading events",
    20 * 2 ** 20,
    true,
  );
  try {
    const options = {
      from: flags.period,
      to: flags.to,
      skipInvalid: flags.skipInvalid === true,
      asOf: flags.asOf,
      now: Date.now(),
      terminatedOn: flags.terminatedOn,
    };
    if (engine === "duckdb")
      reports = await evaluateInDuckDb(bundle, eventsPath, eventsFormat, options, deps.openSql ?? openDuckDb);
    else {
      const events =
        flags.events === undefined
          ? undefined
          : readEventsFile(eventsPath, readAs as EventsFormat | undefined, (bytes) => bar.tick(bytes), csv);
      const read =
        flags.prometheus === undefined
          ? { records: events!, options }
          : prometheusEvents(bundle, flags.prometheus, events, options, fail);
      reports = await evaluate(bundle, read.records, read.options);
    }
  } catch (e) {
    if (e instanceof SqlEngineError) throw fail(`evaluate: ${e.message}`, 2);
    if (e instanceof PrometheusError) throw fail(`evaluate: ${e.message}`, 2);
    if (e instanceof EventDataError || e instanceof ChargeDataError) throw fail(`${source}: ${e.message}`, 2);
    if (e instanceof EvaluationOptionsError) throw fail(`evaluate: ${e.message}`, 2);
    if (e instanceof BundleProblemError) throw fail(`${contract}: ${e.message}`, 1);
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string") throw fail(`evaluate: cannot read events file ${flags.events}: ${code}`, 2);
    throw e;
  } finally {
    bar.done();
  }

  // Names in the data the contract does not declare: a near miss is most likely a typo that would
  // make a service read 100% met, so it stops the evaluation unless the user says otherwise.
  const unknown = reports[0]?.unknownNames ?? [];
  for (const u of unknown) {
    const nearest = u.nearest ? `; did you mean ${u.kind} "${u.nearest}"?` : "";
    warn(
      `evaluate: ${flags.events ?? flags.prometheus}: ${u.records} ${u.records === 1 ? "record names" : "records name"} ${u.kind} "${u.name}", which the contract does not declare${nearest}\n`,
    );
  }
  if (unknown.some((u) => u.nearMiss) && flags.ignoreUnknown !== true)
    throw fail(
      `evaluate: ${flags.events ?? flags.prometheus} names ${unknown.filter((u) => u.nearMiss).length === 1 ? "a service or metric" : "services or metrics"} close to a declared name (see above); fix the data, or pass --ignore-unknown to evaluate anyway`,
      1,
    );

  const skipped = reports[0]?.data.skipped ?? 0;
  if (skipped > 0) warn(`evaluate: skipped ${skipped} invalid line${skipped === 1 ? "" : "s"} in ${flags.events}\n`);

  if (format === "md") write(reports.map(renderReportMarkdown).join("\n---\n\n"));
  else if (format === "csv") write(renderReportCsv(reports));
  else write(`${JSON.stringify(flags.to === undefined ? reports[0] : { reports }, null, 2)}\n`);
}

/** The CSV reader's options from the flags; usage errors (exit 2) before anything is read. */
function csvOptions(flags: EvaluateFlags, fail: (message: string, exitCode: 1 | 2) => Error): CsvOptions {
  const options: CsvOptions = {};
  if (flags.delimiter !== undefined) {
    const delimiter = flags.delimiter === "\\t" ? "\t" : flags.delimiter;
    if (delimiter.length !== 1 || /["\r\n]/.test(delimiter))
      throw fail(
        `evaluate: --delimiter must be one character other than a quote or line break, not "${flags.delimiter}"`,
        2,
      );
    options.delimiter = delimiter;
  }
  if (flags.map !== undefined) {
    const map = parseColumnMap(flags.map, CSV_FIELDS);
    if (typeof map === "string") throw fail(`evaluate: --map: ${map}`, 2);
    options.map = map;
  }
  if (flags.preset !== undefined) {
    if (!Object.hasOwn(CSV_PRESETS, flags.preset))
      throw fail(`evaluate: unknown --preset "${flags.preset}" (presets: ${Object.keys(CSV_PRESETS).join(", ")})`, 2);
    options.preset = flags.preset;
  }
  return options;
}

/** `--engine duckdb`: the file (or glob) in DuckDB, its format from `--events-format` or the name. */
async function evaluateInDuckDb(
  bundle: RuleBundle,
  events: string,
  eventsFormat: string | undefined,
  options: Parameters<typeof evaluate>[2],
  open: () => Promise<SqlRunner>,
): Promise<EvaluationReport[]> {
  const name = events.toLowerCase();
  const format: SqlEventSource["format"] =
    eventsFormat === "csv" || eventsFormat === "ndjson"
      ? eventsFormat
      : name.endsWith(".parquet")
        ? "parquet"
        : name.endsWith(".csv")
          ? "csv"
          : "ndjson";
  const db = await open();
  try {
    return await evaluateWithSql(bundle, { format, paths: [events] }, options, db);
  } finally {
    db.close();
  }
}
