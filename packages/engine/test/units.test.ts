import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import {
  BundleProblemError,
  csvEvents,
  EventDataError,
  evaluate,
  ndjsonEvents,
  renderReportCsv,
  renderReportMarkdown,
} from "../src/index.ts";
import { ChargeDataError } from "../src/errors.ts";
import { generateSql } from "../src/sql/generate.ts";
import { compile } from "./sql/unit-cases.ts";

const AVAILABILITY = `
service Compute "Compute" {
  provider Acme
  customer Globex
  fee USD 100.00 for each instance per month
  hours 24x7
}
metric Up { service Compute  type availability }
objective Uptime {
  metric Up
  for each instance
  target at least 99.9% per calendar month
}
remedy Credits {
  for Uptime
  credit 10% of monthly fee when below 99.9%
  terminate when breached 2 times within 2 months
}
`;

const outage = (unit: string | null, start: string, end: string) =>
  JSON.stringify({
    type: "outage",
    service: "Compute",
    ...(unit === null ? {} : { unit }),
    start,
    end,
    cause: "unplanned",
  });

async function run(bundle: RuleBundle, lines: string[], period = "2026-03", skipInvalid = false) {
  return evaluate(bundle, ndjsonEvents(lines), { from: period, asOf: "2026-12-31", skipInvalid });
}

describe("objectives held for each unit", () => {
  it("counts a unit's outages for that unit only, even where they overlap another's", async () => {
    const reports = await run(compile(AVAILABILITY), [
      outage("a", "2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z"),
      outage("b", "2026-03-02T00:30:00Z", "2026-03-02T00:40:00Z"),
    ]);
    const entry = reports[0].objectives[0];
    expect(entry.forEach).toBe("instance");
    expect(entry.perUnit?.map((u) => [u.unitName, u.downtime?.seconds, u.met])).toEqual([
      ["a", "3600", false],
      ["b", "600", true],
    ]);
    expect(entry.met).toBe(false);
    expect(entry.breaches).toBe(1);
    // each unit's credit is of its own fee: 10% of USD 100.00
    expect(reports[0].credits.map((c) => [c.unitName, c.amount])).toEqual([["a", "10.00"]]);
  });

  it("lists a unit named only by records of other months, met with no downtime", async () => {
    const reports = await run(compile(AVAILABILITY), [
      outage("old", "2026-01-05T00:00:00Z", "2026-01-05T00:01:00Z"),
      outage("a", "2026-03-02T00:00:00Z", "2026-03-02T00:01:00Z"),
    ]);
    expect(reports[0].objectives[0].perUnit?.map((u) => [u.unitName, u.value])).toEqual([
      ["a", "99.99775985663082437275985663"],
      ["old", "100"],
    ]);
  });

  it("has no verdict when no record names a unit", async () => {
    const entry = (await run(compile(AVAILABILITY), []))[0].objectives[0];
    expect(entry.perUnit).toEqual([]);
    expect(entry.met).toBeNull();
    expect(entry.notes[0]).toBe("Held for each instance: no record names one, so there is none to evaluate.");
  });

  it("gives each unit its own termination right", async () => {
    const reports = await run(
      compile(AVAILABILITY),
      [
        outage("a", "2026-02-02T00:00:00Z", "2026-02-02T02:00:00Z"),
        outage("b", "2026-02-02T00:00:00Z", "2026-02-02T02:00:00Z"),
        outage("a", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
      ],
      "2026-03",
    );
    expect(reports[0].terminationRights.map((t) => [t.unitName, t.breaches, t.exercisable])).toEqual([
      ["a", 2, true],
      ["b", 1, false],
    ]);
  });

  it("refuses a record without a unit, naming its line, or passes over it with --skip-invalid", async () => {
    const bundle = compile(AVAILABILITY);
    const lines = [
      outage("a", "2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z"),
      outage(null, "2026-03-03T00:00:00Z", "2026-03-03T01:00:00Z"),
    ];
    await expect(run(bundle, lines)).rejects.toThrow(EventDataError);
    await expect(run(bundle, lines)).rejects.toThrow(
      'line 2, field "unit": missing: the outages of service Compute are evaluated for each instance',
    );
    const skipped = await run(bundle, lines, "2026-03", true);
    expect(skipped[0].data.skipped).toBe(1);
    expect(skipped[0].objectives[0].perUnit?.map((u) => u.unitName)).toEqual(["a"]);
  });

  it("refuses a unit that is not text or longer than 200 characters", async () => {
    const line = JSON.stringify({
      type: "outage",
      service: "Compute",
      unit: 7,
      start: "2026-03-02T00:00:00Z",
      end: "2026-03-02T00:01:00Z",
      cause: "unplanned",
    });
    await expect(run(compile(AVAILABILITY), [line])).rejects.toThrow('line 1, field "unit": must be text');
    const long = outage("x".repeat(201), "2026-03-02T00:00:00Z", "2026-03-02T00:01:00Z");
    await expect(run(compile(AVAILABILITY), [long])).rejects.toThrow("is longer than 200 characters");
    const longest = outage("x".repeat(200), "2026-03-02T00:00:00Z", "2026-03-02T00:01:00Z");
    expect((await run(compile(AVAILABILITY), [longest]))[0].objectives[0].perUnit).toHaveLength(1);
  });

  it("reads the unit from a CSV column, and writes each unit in the report's CSV and Markdown", async () => {
    const bundle = compile(AVAILABILITY);
    const csv = [
      "type,service,unit,start,end,cause",
      "outage,Compute,eu-1,2026-03-02T00:00:00Z,2026-03-02T01:00:00Z,unplanned",
    ];
    const reports = await evaluate(bundle, csvEvents(csv), { from: "2026-03", asOf: "2026-12-31" });
    expect(reports[0].objectives[0].perUnit?.[0].unitName).toBe("eu-1");
    const table = renderReportCsv(reports).split("\r\n");
    expect(table[0].endsWith(",unit_name")).toBe(true);
    expect(table.filter((row) => row.endsWith(",eu-1")).map((row) => row.split(",")[0])).toEqual([
      "objective",
      "credit",
    ]);
    const md = renderReportMarkdown(reports[0]);
    expect(md).toContain("| Uptime | at least 99.9% | for each instance: 0 of 1 met | no | 1 |");
    expect(md).toContain("### Uptime, instance eu-1");
    expect(md).toContain("| Credits | Uptime, instance eu-1 |");
  });

  it("judges each unit's tickets and measurements on their own", async () => {
    const bundle = compile(`
service Desk "Desk" {
  provider Acme
  customer Globex
  fee USD 50.00 for each account per month
  hours 24x7
}
metric Latency { service Desk  type latency percentile 50 }
objective Fast {
  metric Latency
  for each account
  target at most 200 milliseconds per calendar month
}
objective Support {
  service Desk
  for each account
  severity 1 "Down"
  response within 1 hour during 24x7
  at least 100% of tickets per calendar month
}
remedy SupportCredits {
  for Support
  credit 20% of monthly fee when below 100%
}
`);
    const m = (unit: string, at: string, value: number) =>
      JSON.stringify({ type: "measurement", metric: "Latency", unit, at, value });
    const t = (unit: string, opened: string, responded: string) =>
      JSON.stringify({ type: "ticket", service: "Desk", unit, severity: 1, opened, responded, resolved: responded });
    const reports = await run(bundle, [
      m("x", "2026-03-01T00:00:00Z", 100),
      m("x", "2026-03-01T00:01:00Z", 150),
      m("y", "2026-03-01T00:00:00Z", 900),
      t("x", "2026-03-03T10:00:00Z", "2026-03-03T10:30:00Z"),
      t("y", "2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z"),
    ]);
    const [fast, support] = reports[0].objectives;
    expect(fast.perUnit?.map((u) => [u.unitName, u.value, u.met])).toEqual([
      ["x", "100", true],
      ["y", "900", false],
    ]);
    expect(support.perUnit?.map((u) => [u.unitName, u.tickets?.met, u.met])).toEqual([
      ["x", 1, true],
      ["y", 0, false],
    ]);
    expect(reports[0].credits.map((c) => [c.unitName, c.amount])).toEqual([["y", "10.00"]]);
  });

  const CHARGED = `
service Storage "Storage" {
  provider Acme
  customer Globex
  fee as charged for each region per month
  hours 24x7
}
metric Up { service Storage  type availability }
objective Regional {
  metric Up
  for each region
  target at least 99.9% per calendar month
}
remedy Credits {
  for Regional
  credit 10% of monthly fee when below 99.9%
}
`;
  const charge = (unit: string | null, amount: string) =>
    JSON.stringify({
      type: "charge",
      service: "Storage",
      ...(unit === null ? {} : { unit }),
      period: "2026-03",
      amount,
      currency: "USD",
    });
  const storageOutage = (unit: string) =>
    JSON.stringify({
      type: "outage",
      service: "Storage",
      unit,
      start: "2026-03-02T00:00:00Z",
      end: "2026-03-02T02:00:00Z",
      cause: "unplanned",
    });

  it("takes a unit's credit of its own charges", async () => {
    const reports = await run(compile(CHARGED), [
      charge("eu", "300.00"),
      charge("eu", "33.33"),
      charge("us", "9000.00"),
      storageOutage("eu"),
    ]);
    expect(reports[0].credits.map((c) => [c.unitName, c.amount])).toEqual([["eu", "33.33"]]);
    expect(reports[0].objectives[0].perUnit?.map((u) => u.unitName)).toEqual(["eu", "us"]);
  });

  it("refuses a charge without a unit, and a credit of a unit without charges names the unit", async () => {
    await expect(run(compile(CHARGED), [charge(null, "1.00")])).rejects.toThrow(
      'line 1, field "unit": missing: the fee of service Storage is charged per region',
    );
    const missing = run(compile(CHARGED), [charge("us", "1.00"), storageOutage("eu")]);
    await expect(missing).rejects.toThrow(ChargeDataError);
    await expect(run(compile(CHARGED), [charge("us", "1.00"), storageOutage("eu")])).rejects.toThrow(
      "no charge record for service Storage and region eu in 2026-03",
    );
  });

  it("evaluates thousands of units in one pass over the records", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++)
      lines.push(
        outage(
          `i-${String(i).padStart(5, "0")}`,
          "2026-03-02T00:00:00Z",
          i % 2 ? "2026-03-02T02:00:00Z" : "2026-03-02T00:01:00Z",
        ),
      );
    const reports = await run(compile(AVAILABILITY), lines);
    expect(reports[0].objectives[0].perUnit).toHaveLength(5000);
    expect(reports[0].credits).toHaveLength(2500);
    expect(reports[0].totalCredit.amount).toBe("25000.00");
  });

  it("caps all the units' credits together, at a share of the sum of their fees, units in code-point order", async () => {
    const bundle = compile(
      AVAILABILITY.replace(
        "  hours 24x7\n}",
        "  hours 24x7\n  cap all credits at 6% of monthly fee per calendar month\n}",
      ),
    );
    // four instances known (d only from February): USD 400.00 of fees, a cap of USD 24.00
    const reports = await run(bundle, [
      outage("d", "2026-02-02T00:00:00Z", "2026-02-02T00:00:01Z"),
      outage("c", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
      outage("a", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
      outage("b", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
    ]);
    expect(reports[0].credits.map((c) => [c.unitName, c.amount, c.capped, c.serviceCap?.remaining])).toEqual([
      ["a", "10.00", false, "24.00"],
      ["b", "10.00", false, "14.00"],
      ["c", "4.00", true, "4.00"],
    ]);
    expect(reports[0].totalCredit.amount).toBe("24.00");
  });

  it("caps thousands of units' credits in one pass", async () => {
    const bundle = compile(
      AVAILABILITY.replace(
        "  hours 24x7\n}",
        "  hours 24x7\n  cap all credits at 5% of monthly fee per calendar month\n}",
      ),
    );
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++)
      lines.push(outage(`i-${String(i).padStart(5, "0")}`, "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"));
    const reports = await run(bundle, lines);
    // 5% of 4,000 × USD 100.00 = USD 20,000.00: the first 2,000 instances' USD 10.00 each
    expect(reports[0].totalCredit.amount).toBe("20000.00");
    expect(reports[0].credits[1999].amount).toBe("10.00");
    expect(reports[0].credits[2000].amount).toBe("0.00");
  });

  it("is computed by the SQL engine, per unit (sql-units.test.ts compares its reports with these)", async () => {
    const sql = await generateSql(compile(AVAILABILITY), { from: "2026-03", dialect: "duckdb" });
    expect(sql.results.map((r) => r.name)).toEqual(expect.arrayContaining(["unit_outage_incidents", "units"]));
  });

  it("refuses a bundle whose per-unit terms would have to be guessed", async () => {
    const bundle = compile(AVAILABILITY);
    const wholeFee = { ...bundle, services: bundle.services.map(({ feeUnit: _unit, ...s }) => s) };
    await expect(run(wholeFee as RuleBundle, [])).rejects.toThrow(BundleProblemError);
    await expect(run(wholeFee as RuleBundle, [])).rejects.toThrow(
      "remedy Credits: a percentage of the fee of service Compute (the whole service) for objective Uptime (for each instance)",
    );
  });
});
