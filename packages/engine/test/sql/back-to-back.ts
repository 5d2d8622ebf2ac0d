import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RuleBundle } from "../../src/bundle.ts";
import { type EvaluateOptions, type EvaluationReport, evaluate, ndjsonEvents } from "../../src/index.ts";
import { openDuckDb } from "../../src/sql/duckdb.ts";
import { evaluateWithSql } from "../../src/sql/evaluate-sql.ts";

/** JSON text with object keys sorted: the reports compared byte for byte. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export interface BothEngines {
  streaming: string;
  duckdb: string;
}

/** Both engines over the same NDJSON text; each result is the JSON of the reports (keys as built) or the error. */
export async function bothEngines(bundle: RuleBundle, ndjson: string, options: EvaluateOptions): Promise<BothEngines> {
  const outcome = async (run: () => Promise<EvaluationReport[]>) => {
    try {
      // unsorted: the CLI prints reports as built, so the order of keys must agree too
      return JSON.stringify(await run());
    } catch (e) {
      return `error ${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  const streaming = await outcome(() => evaluate(bundle, ndjsonEvents(ndjson.split("\n")), options));
  const dir = mkdtempSync(join(tmpdir(), "sla-sql-"));
  try {
    const file = join(dir, "events.ndjson");
    writeFileSync(file, ndjson);
    const db = await openDuckDb();
    try {
      const duckdb = await outcome(() => evaluateWithSql(bundle, { format: "ndjson", paths: [file] }, options, db));
      return { streaming, duckdb };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
