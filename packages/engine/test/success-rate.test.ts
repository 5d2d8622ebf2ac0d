/**
 * Success rate metrics (`type success rate`): the requests that did not fail, in percent of all
 * requests of the window's `requests` records, exactly; only records in the service's hours count.
 */
import { compileBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import { type EventItem, evaluate, ndjsonEvents, renderReportMarkdown } from "../src/index.ts";

function compile(hours = "24x7", target = "target at least 99.9% per calendar month", zone = "UTC"): RuleBundle {
  const text = `agreement Shop "Shop SLA" {
  effective 2026-01-01
  timezone "${zone}"
  currency EUR
}
party Acme "Acme" { role provider }
party Globex "Globex" { role customer }
calendar Office {
  monday to friday 09:00 to 17:00
}
service Api "API" {
  provider Acme
  customer Globex
  fee EUR 2,000 per month
  hours ${hours}
}
metric Success "API success rate" {
  service Api
  type success rate
}
objective Level "API success" {
  metric Success
  ${target}
}
remedy Credits {
  for Level
  credit 10% of monthly fee when below 99.9% but at least 99.0%
  credit 25% of monthly fee when below 99.0%
}
`;
  const uri = "file:///contract/api.sla";
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return compileBundle(program) as RuleBundle;
}

const requests = (at: string, total: number | string, failed: number | string, field = "failed") =>
  JSON.stringify({ type: "requests", metric: "Success", at, total, [field]: failed });

async function report(bundle: RuleBundle, lines: string[], month = "2026-03") {
  const [r] = await evaluate(bundle, ndjsonEvents(lines), { from: month, asOf: "2026-12-31" });
  return r!;
}

describe("success rate", () => {
  it("adds up the window's requests and compares good ÷ total exactly", async () => {
    // 999 of 1,000 did not fail: exactly 99.9%, which is at least 99.9%
    const exact = await report(compile(), [
      requests("2026-03-01T00:00:00Z", 600, 1),
      requests("2026-03-31T23:59:59.999Z", 400, "400", "good"),
      requests("2026-04-01T00:00:00Z", 10, 10), // April's
      requests("2026-02-28T23:59:59Z", 10, 10), // February's
    ]);
    expect(exact.objectives[0]).toMatchObject({
      kind: "success rate",
      met: true,
      value: "99.9",
      unit: "percent",
      requests: { records: 2, total: "1000", failed: "1", succeeded: "999" },
    });
    expect(exact.credits).toEqual([]);

    // one more failed request of 1,001: 99.8001998…%, a credit of 10%
    const below = await report(compile(), [
      requests("2026-03-01T00:00:00Z", 600, 1),
      requests("2026-03-31T23:59:59.999Z", 400, "400", "good"),
      requests("2026-03-15T12:00:00Z", 1, 1),
    ]);
    expect(below.objectives[0]).toMatchObject({ met: false, value: "99.8001998001998001998001998" });
    expect(below.objectives[0]!.breachDetails[0]!.detail).toBe(
      "Success 99.8001998001998001998001998% is not at least 99.9%",
    );
    expect(below.credits).toMatchObject([{ remedy: "Credits", percent: "10", amount: "200.00" }]);
  });

  it("adds counts beyond 2^53 exactly", async () => {
    const big = 9_007_199_254_740_991;
    const r = await report(compile(), [
      requests("2026-03-02T00:00:00Z", big, 0),
      requests("2026-03-03T00:00:00Z", big, 0),
      requests("2026-03-04T00:00:00Z", 2, 2),
    ]);
    expect(r.objectives[0]!.requests).toEqual({
      records: 3,
      total: "18014398509481984",
      failed: "2",
      succeeded: "18014398509481982",
    });
    expect(r.objectives[0]).toMatchObject({ met: true, value: "99.99999999999998889776975375" });
  });

  it("is met without a value when the window has no requests", async () => {
    const r = await report(compile(), [requests("2026-03-02T00:00:00Z", 0, 0)]);
    expect(r.objectives[0]).toMatchObject({ met: true, value: null, requests: { total: "0" } });
    expect(r.objectives[0]!.notes).toContain(
      "No Success requests in this window: the objective counts as met and has no value.",
    );
  });

  it("counts only the requests in the service's hours, and says how many records it left out", async () => {
    const r = await report(compile("Office"), [
      requests("2026-03-02T09:00:00Z", 100, 0), // Monday 09:00
      requests("2026-03-02T17:00:00Z", 100, 100), // Monday 17:00: after hours
      requests("2026-03-07T12:00:00Z", 100, 100), // Saturday
    ]);
    expect(r.objectives[0]).toMatchObject({ met: true, value: "100", requests: { records: 1, total: "100" } });
    expect(r.objectives[0]!.excluded).toEqual([
      { kind: "measurements", count: 2, reason: "request records outside service hours" },
    ]);
  });

  it("counts the windows of the agreement's zone", async () => {
    // 2026-03-31T23:30Z is 1 April 00:30 in London (BST): April's
    const r = await report(compile("24x7", undefined, "Europe/London"), [
      requests("2026-03-31T23:30:00Z", 10, 10),
      requests("2026-03-31T22:30:00Z", 10, 0),
    ]);
    expect(r.objectives[0]).toMatchObject({ value: "100", requests: { records: 1 } });
  });

  it("writes the requests in the Markdown report", async () => {
    const r = await report(compile(), [requests("2026-03-02T00:00:00Z", 8, 1)]);
    expect(renderReportMarkdown(r)).toContain("- Requests: 7 of 8 did not fail (1 failed), from 1 records");
  });

  it("finds each hour's requests among half a million records without reading them all for every hour", async () => {
    // 500,000 records out of order over March, an hourly target: 744 windows, each found by binary
    // search in the records sorted once (reading every record for every window is 3.7 × 10^8 steps)
    const start = Date.parse("2026-03-01T00:00:00Z");
    const n = 500_000;
    const step = (31 * 86_400_000) / n;
    const items: EventItem[] = [];
    for (let i = 0; i < n; i++) {
      const k = (i * 7919) % n; // a permutation of 0…n−1, so the records come out of order
      items.push({
        type: "requests",
        line: i + 1,
        metric: "Success",
        at: start + Math.floor(k * step),
        total: 3,
        failed: k % 100_000 === 0 ? 3 : 0,
      });
    }
    const [r] = await evaluate(compile("24x7", "target at least 99.9% per hour"), items, {
      from: "2026-03",
      asOf: "2026-12-31",
    });
    const windows = r!.objectives[0]!.windows!;
    expect(windows).toHaveLength(744);
    expect(windows.reduce((sum, w) => sum + w.requests!.records, 0)).toBe(n);
    // five records of 3 failed requests, in five different hours of about 2,016 requests each
    expect(windows.filter((w) => !w.met)).toHaveLength(5);
  });
});
