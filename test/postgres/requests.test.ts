import { evaluate, ndjsonEvents } from "@sla/engine";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportsFromExport, unitReportsFromExport } from "../../packages/cli/src/sql-export.ts";
import { sortedJson } from "../../packages/engine/test/sql/back-to-back.ts";
import {
  BAD_REQUEST_RECORDS,
  generatedRequestCase,
  type RequestCase,
  requestCases,
  SLICED,
} from "../../packages/engine/test/sql/request-cases.ts";
import { type PostgresServer, postgresMissing, startPostgres } from "./harness.ts";
import { runExport } from "./run-export.ts";

async function exported(c: RequestCase, env: Record<string, string>, byUnit = false): Promise<string> {
  const exportCase = { bundle: c.bundle, ndjson: `${c.lines.join("\n")}\n`, options: c.options };
  try {
    if (!byUnit) return sortedJson(await runExport(exportCase, "postgres", env, reportsFromExport));
    const units = await runExport(exportCase, "postgres", env, unitReportsFromExport, true);
    return sortedJson(units.map(({ unit, reports }) => ({ unit, reports: reports.map(({ data: _, ...r }) => r) })));
  } catch (e) {
    return `error ${(e as Error).name}: ${(e as Error).message}`;
  }
}

async function streaming(c: RequestCase): Promise<string> {
  try {
    return sortedJson(await evaluate(c.bundle, ndjsonEvents(c.lines), c.options));
  } catch (e) {
    return `error ${(e as Error).name}: ${(e as Error).message}`;
  }
}

const missing = postgresMissing();

describe.skipIf(missing !== undefined)(
  missing ?? "success rates and time-slice downtime on a real PostgreSQL server give the streaming engine's reports",
  () => {
    let pg: PostgresServer;
    beforeAll(() => {
      pg = startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());

    it.each(requestCases().map((c) => [c.name, c]))(
      "%s",
      async (_name, c) => {
        const expected = await streaming(c);
        expect(expected.startsWith("error")).toBe(false);
        expect(await exported(c, pg.env)).toBe(expected);
      },
      120_000,
    );

    it("refuses bad request records with the streaming reader's words", async () => {
      const good = requestCases()[0].lines;
      // the export reads every field as text, so `"metric": 5` is the metric "5" (docs/evaluation.md)
      for (const bad of BAD_REQUEST_RECORDS.filter((l) => !l.includes('"metric":5'))) {
        const c: RequestCase = {
          name: bad,
          bundle: SLICED,
          lines: [...good.slice(0, 2), bad, ...good.slice(2)],
          options: { from: "2026-03", asOf: "2026-12-31" },
        };
        const expected = await streaming(c);
        expect(expected).toMatch(/^error EventDataError: line 3, field/);
        expect(await exported(c, pg.env), bad).toBe(expected);
      }
    }, 300_000);

    it("generated request-based contracts and records (FUZZ_RUNS, 10 by default)", async () => {
      await fc.assert(
        fc.asyncProperty(generatedRequestCase(), async (c) => {
          const expected = await streaming(c);
          expect(expected.startsWith("error")).toBe(false);
          expect(await exported(c, pg.env)).toBe(expected);
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 10) },
      );
    }, 600_000);

    it("--by-unit: each unit's slices and success rate from its own request records", async () => {
      const c = requestCases()[6]; // London's clock change
      const unitOf = (i: number) => ["", "eu", "us"][i % 3];
      const tagged = c.lines.map((l, i) => (unitOf(i) ? `${l.slice(0, -1)},"unit":"${unitOf(i)}"}` : l));
      const expected = [];
      for (const unit of ["", "eu", "us"]) {
        // the unit's lines only, the others blank so that every line keeps its number
        const own = c.lines.map((l, i) => (unitOf(i) === unit ? l : ""));
        const reports = await evaluate(c.bundle, ndjsonEvents(own), c.options);
        expected.push({ unit, reports: reports.map(({ data: _, ...r }) => r) });
      }
      expect(await exported({ ...c, lines: tagged }, pg.env, true)).toBe(sortedJson(expected));
      expect(sortedJson(expected[1]!.reports)).not.toBe(sortedJson(expected[2]!.reports));
    }, 120_000);

    it("reads a count written as a JSON number with a point as its text, refused as in CSV (docs/evaluation.md)", async () => {
      const c: RequestCase = {
        name: "1200.0",
        bundle: SLICED,
        lines: ['{"type":"requests","metric":"Avail","at":"2026-03-04T10:06:00Z","total":1200.0,"failed":600}'],
        options: { from: "2026-03", asOf: "2026-12-31" },
      };
      expect(await streaming(c)).not.toMatch(/^error/);
      expect(await exported(c, pg.env)).toBe(
        'error EventDataError: line 1, field "total": must be a whole number of requests, 0 or more',
      );
    }, 60_000);
  },
);
