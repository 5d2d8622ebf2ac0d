import type { RuleBundle } from "../bundle.ts";
import type { EvaluateOptions } from "../evaluate.ts";
import type { EvaluationReport } from "../report-types.ts";
import { formatInstant } from "../time.ts";
import { generateSql, SqlNeedsAnotherRound, reportsFromSqlResults } from "./generate.ts";
import type { NoticeDecision } from "./outages.ts";
import type { ExtraWindow } from "./plan-windows.ts";
import type { SqlResults } from "./rows.ts";
import type { SqlRunner } from "./runner.ts";
import { loadRecords, SCAN_SHAPE, type SqlEventSource } from "./source.ts";

/**
 * `evaluate` with the per-record work done by DuckDB: the generated SQL over the files, then the
 * contract logic both engines share over its results. Reports are identical to `evaluate`'s.
 */
export async function evaluateWithSql(
  bundle: RuleBundle,
  source: SqlEventSource,
  options: EvaluateOptions,
  db: SqlRunner,
): Promise<EvaluationReport[]> {
  // The SQL for a request log read in one pass is generated while DuckDB reads it: planning
  // validates the bundle and builds the calendars, Node's time that otherwise follows the read. An
  // error it meets is raised only where generating would have raised it, after the read.
  let early: Promise<Awaited<ReturnType<typeof generateSql>>> | undefined;
  const whileScanning = () => {
    early = generateSql(bundle, { ...options, dialect: "duckdb", recordsShape: SCAN_SHAPE });
    early.catch(() => undefined);
  };
  let recordsShape = await loadRecords(db, source, { whileScanning });
  let planned: EvaluateOptions & { extraWindows?: ExtraWindow[]; noticeDecisions?: NoticeDecision[] } = options;
  let generated =
    recordsShape === SCAN_SHAPE && early !== undefined
      ? await early
      : await generateSql(bundle, { ...planned, dialect: "duckdb", recordsShape });
  await runAll(db, generated.load);
  // A record the contract's checks refuse (a unit missing where one is needed) is described from
  // its line's JSON, which the one-pass read of measurements does not keep: read every line.
  if (recordsShape.scan !== undefined && Number((await db.all("SELECT count(*) AS n FROM sla_invalid"))[0].n) > 0) {
    recordsShape = await loadRecords(db, source, { everyLine: true });
    generated = await generateSql(bundle, { ...planned, dialect: "duckdb", recordsShape });
    await runAll(db, generated.load);
  }
  // Without an as-of date, windows in progress end at the later of now and the data's last instant.
  if (options.asOf === undefined && options.now !== undefined) {
    const [stats] = await db.all(generated.results.find((r) => r.name === "stats")!.sql);
    if (stats.latest !== null && Number(stats.latest) > options.now) {
      planned = { ...options, asOf: formatInstant(Number(stats.latest)) };
      generated = await generateSql(bundle, { ...planned, dialect: "duckdb", recordsShape });
    }
  }
  // What the SQL leaves to Node and changes its own work (windows the contract logic asks for
  // only once it sees figures, notices across a clock change) is named, decided and added to a
  // further round; each round adds windows or decisions, so the rounds end.
  for (;;) {
    await runAll(db, generated.statements);
    const results: SqlResults = {};
    for (const { name, sql } of generated.results) results[name] = await db.all(sql);
    try {
      return await reportsFromSqlResults(bundle, { ...planned, dialect: "duckdb" }, results);
    } catch (e) {
      if (!(e instanceof SqlNeedsAnotherRound)) throw e;
      planned = {
        ...planned,
        extraWindows: [...(planned.extraWindows ?? []), ...e.windows],
        noticeDecisions: [...(planned.noticeDecisions ?? []), ...e.notices],
      };
      generated = await generateSql(bundle, { ...planned, dialect: "duckdb", recordsShape });
    }
  }
}

/**
 * The statements in one call: DuckDB plans and runs them in turn as it would one by one, without a
 * round trip to Node for each of the hundred or so a contract has (each on its own line, so that a
 * statement ending in a comment cannot swallow the separator).
 */
async function runAll(db: SqlRunner, statements: string[]): Promise<void> {
  if (statements.length > 0) await db.all(statements.join("\n;\n"));
}
