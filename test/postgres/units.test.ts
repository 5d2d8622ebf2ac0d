/**
 * Objectives held for each unit, fees per unit and fees as charged in the exported PostgreSQL SQL,
 * run for real: each case of `packages/engine/test/sql/unit-cases.ts` (units missing, not text, at
 * and past 200 UTF-16 code units; charges per unit, missing or of an undeclared service; 5,000
 * instances; a cap on all credits of 4,000) exported with `sla export sql --dialect postgres`, run
 * by run.sh and psql on a throwaway server, and read back: the streaming engine's report, or its
 * error, byte for byte (sorted JSON).
 */
import { evaluate, ndjsonEvents } from "@sla/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportsFromExport } from "../../packages/cli/src/sql-export.ts";
import { sortedJson } from "../../packages/engine/test/sql/back-to-back.ts";
import { type UnitCase, unitCases } from "../../packages/engine/test/sql/unit-cases.ts";
import { type PostgresServer, postgresMissing, startPostgres } from "./harness.ts";
import { runExport } from "./run-export.ts";

const outcome = async (run: () => Promise<unknown>) => {
  try {
    return sortedJson(await run());
  } catch (e) {
    return `error ${(e as Error).name}: ${(e as Error).message}`;
  }
};

async function exported(c: UnitCase, env: Record<string, string>): Promise<string> {
  const ndjson = `${c.lines.join("\n")}\n`;
  return outcome(() => runExport({ bundle: c.bundle, ndjson, options: c.options }, "postgres", env, reportsFromExport));
}

const missing = postgresMissing();

describe.skipIf(missing !== undefined)(
  missing ??
    "per-unit objectives, fees per unit and fees as charged on a real PostgreSQL server give the streaming engine's reports",
  () => {
    let pg: PostgresServer;
    beforeAll(() => {
      pg = startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());

    // the export reads every field as text, so `"unit": 7` is the unit "7" there (docs/evaluation.md),
    // and runs its SQL once, so a second round (a notice across a clock change) is named, not run
    it.each(
      unitCases()
        .filter((c) => !c.jsonTypes && !c.rounds)
        .map((c) => [c.name, c]),
    )(
      "%s",
      async (_name, c) => {
        const expected = await outcome(() => evaluate(c.bundle, ndjsonEvents(c.lines), c.options));
        expect(await exported(c, pg.env)).toBe(expected);
      },
      180_000,
    );
  },
);
