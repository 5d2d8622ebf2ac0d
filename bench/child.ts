/**
 * Runs in its own process so that its peak memory (and a fresh server's first check) is its own:
 * - `floor EVENTS BUNDLE` / `engine EVENTS BUNDLE`: reading + JSON.parse of an event file, or evaluating it;
 * - `first-check DECLARATIONS`: the language server's first check of a generated contract;
 * - `duckdb-least EVENTS`: the least DuckDB does for a request log of one metric, with none of the
 *   streaming reader's checks: read the fields with read_json, type the three a measurement needs
 *   into a table (a record's line is its row), count one month by value. Wall time from the
 *   process's start, DuckDB's loading included, as the CLI's run is timed.
 */
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { evaluate } from "@sla/engine";
import { openDuckDb, readEventsFile } from "@sla/engine/node";
import { measureFirstCheck } from "@sla/language-server/bench";
import { generateDeclarations } from "./generate.ts";

async function main(): Promise<void> {
  const [mode, first, second] = process.argv.slice(2);
  if (mode === "first-check") {
    const { text, declarations } = generateDeclarations(Number(first));
    const cpuBefore = process.cpuUsage();
    const { ms, diagnostics } = await measureFirstCheck(text);
    const cpu = process.cpuUsage(cpuBefore);
    if (diagnostics !== 0) throw new Error(`generated contract is not clean: ${diagnostics} diagnostics`);
    const lines = text.split("\n").length;
    // CPU time too: on a shared machine it says more about linearity than the wall clock
    report({ ms, cpuMs: (cpu.user + cpu.system) / 1000, declarations, lines });
    process.exit(0); // the in-process server's connection would keep the process alive
  }
  if (mode === "duckdb-least") {
    const db = await openDuckDb();
    const read = `read_json('${first.replaceAll("'", "''")}', format = 'newline_delimited', columns = {'type': 'VARCHAR', 'metric': 'VARCHAR', 'at': 'VARCHAR', 'unit': 'VARCHAR', 'value': 'JSON'})`;
    await db.all(`CREATE TEMP TABLE least AS SELECT metric, epoch_ms(TRY_CAST("at" AS TIMESTAMPTZ)) AS at_ms,
  TRY_CAST(CAST(value AS VARCHAR) AS DECIMAL(18, 9)) AS value FROM ${read}`);
    const march = [Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1)];
    const rows = await db.all(`SELECT value, count(*) AS n, min(rowid) AS first FROM least
WHERE at_ms >= ${march[0]} AND at_ms < ${march[1]} GROUP BY metric, value`);
    if (rows.length === 0) throw new Error("no records");
    db.close();
    report({ ms: performance.now() });
    return;
  }
  const [eventsPath, bundlePath] = [first, second];
  const start = performance.now();
  if (mode === "floor") {
    let count = 0;
    for await (const line of createInterface({
      input: createReadStream(eventsPath),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      if (JSON.parse(line)) count++;
    }
    if (count === 0) throw new Error("no records");
  } else {
    const bundle = JSON.parse(readFileSync(bundlePath, "utf8"));
    await evaluate(bundle, readEventsFile(eventsPath), { from: "2026-03" });
  }
  report({ ms: performance.now() - start });
}

function report(figures: Record<string, number>): void {
  process.stdout.write(JSON.stringify({ ...figures, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
