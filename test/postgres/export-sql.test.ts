import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EvaluationReport, RuleBundle } from "@sla/engine";
import { evaluate, ndjsonEvents } from "@sla/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportsFromExport, unitReportsFromExport } from "../../packages/cli/src/sql-export.ts";
import { sortedJson } from "../../packages/engine/test/sql/back-to-back.ts";
import { build } from "../back-to-back/pipeline.ts";
import { type PostgresServer, postgresMissing, startPostgres } from "./harness.ts";
import { runExport } from "./run-export.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, "../..");
const SHARED = join(REPO, "../shared/spec/conformance/evaluation");
const CASES = [
  ...readdirSync(SHARED)
    .filter((f) => f.endsWith(".case.json"))
    .map((f) => join(SHARED, f)),
  ...readdirSync(join(REPO, "test/cases"))
    .filter((f) => f.endsWith(".case.json"))
    .map((f) => join(REPO, "test/cases", f)),
];
const AS_OF = "2026-11-27T12:00:00Z";

interface Case {
  bundle: RuleBundle;
  ndjson: string;
  options: { from: string; asOf: string };
}

function loadCase(path: string): Case {
  const spec = JSON.parse(readFileSync(path, "utf8")) as { contract: string; events: string; period: string };
  const { bundle } = build(readFileSync(join(dirname(path), spec.contract), "utf8"));
  const ndjson = readFileSync(join(dirname(path), spec.events), "utf8");
  return { bundle: bundle as RuleBundle, ndjson, options: { from: spec.period, asOf: AS_OF } };
}

async function streaming(c: Case): Promise<string> {
  return sortedJson(await evaluate(c.bundle, ndjsonEvents(c.ndjson.split("\n")), c.options));
}

/** The record types the records table holds; the fields of others (a change of control's `party`) have no column. */
const SQL_RECORD_TYPES = new Set(["outage", "ticket", "measurement", "requests", "charge"]);

/**
 * The exported SQL's reports equal the streaming engine's on the case's records, or the export
 * refuses a record of a type whose fields have no column in words, never evaluating it
 * differently (docs/evaluation.md). Every contract feature is computed, none refused.
 */
async function backToBack(path: string, dialect: "duckdb" | "postgres", env: Record<string, string>): Promise<void> {
  const c = loadCase(path);
  const types = new Set(
    c.ndjson
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => (JSON.parse(l) as { type?: string }).type ?? ""),
  );
  if ([...types].some((t) => !SQL_RECORD_TYPES.has(t))) {
    // a record whose fields have no column
    await expect(exported(c, dialect, env)).rejects.toThrow(/^line \d+, field "\w+": missing$/);
    return;
  }
  // measurement-plan coverage included: the SQL computes it too
  expect(await exported(c, dialect, env)).toBe(await streaming(c));
}

/** Exports the case, runs run.sh over its records, and reads the reports back from the results. */
async function exported(c: Case, dialect: "duckdb" | "postgres", env: Record<string, string>): Promise<string> {
  return sortedJson(await runExport(c, dialect, env, reportsFromExport));
}

/**
 * --by-unit: each unit's report has the figures of its own records (the data section counts the
 * whole file): the streaming engine over the file with the other units' lines blank, so every
 * line keeps its number.
 */
async function perUnit(dialect: "duckdb" | "postgres", env: Record<string, string>): Promise<void> {
  const c = loadCase(join(SHARED, "hosting-2026-03.case.json"));
  const lines = c.ndjson.trimEnd().split("\n");
  const unitOf = (i: number) => (i % 3 === 0 ? "eu-west" : i % 3 === 1 ? "us-east" : "");
  const tagged = lines.map((l, i) => (unitOf(i) ? JSON.stringify({ ...JSON.parse(l), unit: unitOf(i) }) : l));
  const units = await runExport({ ...c, ndjson: tagged.join("\n") }, dialect, env, unitReportsFromExport, true);
  expect(units.map((u) => u.unit)).toEqual(["", "eu-west", "us-east"]);
  const figures = (reports: EvaluationReport[]) => sortedJson(reports.map(({ data: _data, ...rest }) => rest));
  for (const { unit, reports } of units) {
    const own = lines.map((l, i) => (unitOf(i) === unit ? l : ""));
    const streamed = await evaluate(c.bundle, ndjsonEvents(own), c.options);
    expect(figures(reports), unit).toBe(figures(streamed));
  }
  // the units differ, so a unit's figures cannot be the whole file's
  expect(figures(units[1].reports)).not.toBe(figures(units[2].reports));
}

const missing = postgresMissing();

describe.skipIf(missing !== undefined)(
  missing ?? "sla export sql --dialect postgres, run by psql on a real server, gives the streaming engine's reports",
  () => {
    let pg: PostgresServer;
    beforeAll(() => {
      pg = startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());

    it.each(CASES.map((p) => [p.slice(REPO.length - "main".length), p]))(
      "%s",
      (_name, path) => backToBack(path, "postgres", pg.env),
      60_000,
    );

    it("--by-unit: a report per unit, each with its own records' figures", () => perUnit("postgres", pg.env), 60_000);
  },
);

describe("sla export sql --dialect duckdb, run by run.sh, gives the streaming engine's reports", () => {
  // the duckdb command is the shim: the same SQL text through @duckdb/node-api
  let bin: string;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), "sla-duckdb-bin-"));
    writeFileSync(join(bin, "duckdb"), `#!/bin/sh\nexec "${process.execPath}" "${join(HERE, "duckdb-shim.mjs")}"\n`);
    chmodSync(join(bin, "duckdb"), 0o755);
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it.each(CASES.map((p) => [p.slice(REPO.length - "main".length), p]))(
    "%s",
    (_name, path) => backToBack(path, "duckdb", { PATH: `${bin}:${process.env.PATH}` }),
    60_000,
  );

  it(
    "--by-unit: a report per unit, each with its own records' figures",
    () => perUnit("duckdb", { PATH: `${bin}:${process.env.PATH}` }),
    60_000,
  );
});
