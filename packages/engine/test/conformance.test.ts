import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import { evaluate, ndjsonEvents } from "../src/index.ts";

// The conformance case, with hosting.sla written by hand as the bundle a compiler produces.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const bundle = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
const lines = fixture("hosting-2026-03.ndjson").split("\n");
const expected = JSON.parse(fixture("hosting-2026-03.case.json")).expect;

/** The conformance runner's comparison: named array entries by name/remedy, decimals within 1e-9. */
function same(want: unknown, got: unknown, path: string): string[] {
  if (want !== null && typeof want === "object") {
    if (Array.isArray(want)) {
      return want.flatMap((w, i) => {
        const key = w?.name ?? w?.remedy;
        const g = Array.isArray(got)
          ? key
            ? got.find((x) => x?.name === key || x?.remedy === key)
            : got[i]
          : undefined;
        return g === undefined ? [`${path}[${key ?? i}] missing`] : same(w, g, `${path}[${key ?? i}]`);
      });
    }
    if (got === null || typeof got !== "object") return [`${path}: not an object`];
    return Object.keys(want).flatMap((k) =>
      same((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  const num = /^-?\d+(\.\d+)?$/;
  if (typeof want === "string" && num.test(want) && got !== undefined && num.test(String(got))) {
    return Math.abs(Number(want) - Number(got)) <= 1e-9 ? [] : [`${path}: expected ${want}, got ${got}`];
  }
  return want === got ? [] : [`${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
}

describe("conformance case hosting-2026-03", async () => {
  const [report] = await evaluate(bundle, ndjsonEvents(lines), { from: "2026-03" });
  const objective = (name: string) => report.objectives.find((o) => o.name === name)!;

  it("matches every expected field the way the runner compares them", () => {
    expect(same(expected, report, "report")).toEqual([]);
  });

  it("gives the exact decimal strings", () => {
    expect(objective("Uptime").value).toBe("99.59623149394347240915208614");
    expect(objective("ApiSpeed").value).toBe("295");
    expect(objective("Sev1Support").value).toBe("50");
    expect(objective("Sev2Support").value).toBe("100");
    expect(report.credits.map((c) => [c.remedy, c.percent, c.amount, c.currency])).toEqual([
      ["UptimeCredits", "10", "1200.00", "GBP"],
      ["OutageCredits", "15", "1800.00", "GBP"],
    ]);
    expect(report.totalCredit).toEqual({ amount: "3000.00", currency: "GBP" });
  });

  it("derives Uptime from 743 scheduled hours and 3 hours of downtime", () => {
    const uptime = objective("Uptime");
    expect(report.window.hours).toBe("743");
    expect(uptime.scheduled?.hours).toBe("743");
    expect(uptime.downtime?.seconds).toBe("10800");
    // 10:00–10:45 and 10:30–11:00 merge into one hour; the late maintenance on the 15th counts.
    expect(uptime.counted.map((c) => c.kind === "incident" && [c.start, c.end, c.downtime.seconds])).toEqual([
      ["2026-03-04T10:00:00Z", "2026-03-04T11:00:00Z", "3600"],
      ["2026-03-15T01:00:00Z", "2026-03-15T03:00:00Z", "7200"],
    ]);
    // The announced maintenance fits the 4 h allowance; the customer-caused hour is excluded.
    expect(uptime.excluded.map((e) => e.kind === "outage" && [e.line, e.cause, e.duration.seconds])).toEqual([
      [3, "maintenance", "10800"],
      [5, "customer", "3600"],
    ]);
  });

  it("counts two incidents over 30 minutes and a total over 40 minutes for OutageLimits", () => {
    const limits = objective("OutageLimits");
    expect(limits.breaches).toBe(3);
    expect(limits.breachDetails.map((b) => [b.kind, b.at])).toEqual([
      ["per incident", "2026-03-04T10:30:00Z"],
      ["per incident", "2026-03-15T01:30:00Z"],
      ["total outage", "2026-03-04T10:40:00Z"],
    ]);
  });

  it("takes the nearest-rank 95th percentile: rank 19 of 20", () => {
    expect(objective("ApiSpeed").measurements).toEqual({
      count: 20,
      percentile: "95",
      rank: 19,
      statistic: "percentile",
    });
  });

  it("counts the Friday 17:00 severity 2 ticket on business hours and business days", () => {
    const [t] = objective("Sev2Support").counted;
    expect(t.kind === "ticket" && [t.response?.elapsed?.seconds, t.response?.deadline, t.resolution?.deadline]).toEqual(
      ["5400", "2026-03-16T09:00:00Z", "2026-03-18T17:00:00Z"],
    );
  });

  it("states the claim deadline, the termination count and the bonus look-back", () => {
    // 30 days after 2026-04-01T00:00+01:00.
    expect(report.claimDeadline).toBe("2026-04-30T23:00:00Z");
    expect(report.terminationRights[0]).toMatchObject({
      remedy: "ChronicFailure",
      breaches: 1,
      required: 3,
      exercisable: false,
    });
    expect(report.bonusChecks[0].earned).toBe(false);
    expect(report.actions).toHaveLength(6);
  });
});
