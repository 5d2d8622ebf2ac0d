/**
 * Time-slice downtime from request records (`downtime per 1 minute when error rate above 5%`): the
 * engine adds up each slice's requests and makes each bad slice an unplanned outage of the
 * service. Boundaries: a slice exactly at the threshold, slices without requests, a run of bad
 * slices across a window's end, slices on a half-hour zone's clock through its clock change, and
 * the same data given as Prometheus slices giving the same report.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import {
  csvEvents,
  type EventItem,
  EventDataError,
  type EvaluationReport,
  evaluate,
  ndjsonEvents,
  prometheusRecords,
} from "../src/index.ts";
import { openDuckDb } from "../src/sql/duckdb.ts";
import { evaluateWithSql } from "../src/sql/evaluate-sql.ts";

function contract(metric: string, zone = "UTC", objective = "target at least 99.9% per calendar month") {
  return `agreement Shop "Shop SLA" {
  effective 2026-01-01
  timezone "${zone}"
  currency EUR
}
party Acme "Acme" { role provider }
party Globex "Globex" { role customer }
service Web "Web shop" {
  provider Acme
  customer Globex
  fee EUR 1,000 per month
  hours 24x7
  exclude maintenance { notice 5 days }
  exclude customer caused
}
metric Avail "Availability" {
  service Web
  type availability
  ${metric}
}
objective Uptime "Uptime" {
  metric Avail
  ${objective}
}
remedy Credits {
  for Uptime
  credit 10% of monthly fee when below 99.9%
}
`;
}

function compile(text: string): RuleBundle {
  const uri = "file:///contract/shop.sla";
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return compileBundle(program) as RuleBundle;
}

const ABOVE_5 = compile(contract("downtime per 1 minute when error rate above 5%"));

const requests = (at: string, total: number | string, failed: number | string, field = "failed") =>
  JSON.stringify({ type: "requests", metric: "Avail", at, total, [field]: failed });

async function march(bundle: RuleBundle, lines: string[], month = "2026-03"): Promise<EvaluationReport> {
  const [report] = await evaluate(bundle, ndjsonEvents(lines), { from: month, asOf: "2026-12-31" });
  return report!;
}

/** Each incident's records as `line start–end` (times without the date when on the same day). */
function incidents(report: EvaluationReport) {
  return report.objectives[0]!.counted.map((c) =>
    "records" in c && c.kind === "incident"
      ? { start: c.start, end: c.end, downtime: c.downtime.seconds, lines: c.records.map((r) => r.line) }
      : c,
  );
}

describe("time-slice downtime from request records", () => {
  it("counts a slice whose failed share is above the threshold, exactly, and no slice without requests", async () => {
    const report = await march(ABOVE_5, [
      requests("2026-03-04T10:00:10Z", 100, 5), // exactly 5%: not above
      requests("2026-03-04T10:01:00Z", 60, 3), // two records of one slice: 6 of 120 is 5%
      requests("2026-03-04T10:01:59.999Z", 60, 3),
      requests("2026-03-04T10:02:00Z", 1_000_000, 50_001), // 5.0001%: above
      requests("2026-03-04T10:03:30Z", 0, 0), // no requests: not downtime
      requests("2026-03-04T10:04:30Z", 3, "2", "good"), // 1 of 3 failed
      requests("2026-03-04T10:05:00Z", 9_007_199_254_740_991, 9_007_199_254_740_991), // every request failed
    ]);
    expect(incidents(report)).toEqual([
      { start: "2026-03-04T10:02:00Z", end: "2026-03-04T10:03:00Z", downtime: "60", lines: [4] },
      { start: "2026-03-04T10:04:00Z", end: "2026-03-04T10:06:00Z", downtime: "120", lines: [6] },
    ]);
    expect(report.objectives[0]).toMatchObject({ downtime: { seconds: "180" }, met: true });
    expect(report.data).toMatchObject({ records: 7, used: 7, from: "2026-03-01T00:00:00Z" });
  });

  it("counts a slice at exactly the threshold with `at least`", async () => {
    const bundle = compile(contract("downtime per 5 minutes when error rate at least 5%"));
    const report = await march(bundle, [
      requests("2026-03-04T10:00:00Z", 100, 5),
      requests("2026-03-04T10:09:59Z", 100, 4),
      requests("2026-03-04T10:05:00Z", 100, 0),
    ]);
    expect(incidents(report)).toEqual([
      { start: "2026-03-04T10:00:00Z", end: "2026-03-04T10:05:00Z", downtime: "300", lines: [1] },
    ]);
  });

  it("splits a run of bad slices across a window's end and judges the incident where it began", async () => {
    const bundle = compile(
      contract(
        "downtime per 1 minute when error rate above 5%",
        "UTC",
        "target at least 99.9% per calendar month\n  max outage per incident 3 minutes",
      ),
    );
    const lines = ["2026-03-31T23:58:00Z", "2026-03-31T23:59:00Z", "2026-04-01T00:00:00Z", "2026-04-01T00:01:00Z"].map(
      (at) => requests(at, 10, 10),
    );
    const [end, start] = [await march(bundle, lines), await march(bundle, lines, "2026-04")];
    expect(end.objectives[0]).toMatchObject({ downtime: { seconds: "120" }, breaches: 1 });
    expect(start.objectives[0]).toMatchObject({ downtime: { seconds: "120" }, breaches: 0 });
    expect(end.objectives[0]!.breachDetails[0]).toMatchObject({ kind: "per incident", at: "2026-04-01T00:01:00Z" });
    expect(incidents(start)[0]).toMatchObject({ start: "2026-03-31T23:58:00Z", end: "2026-04-01T00:02:00Z" });
  });

  it("cuts slices from each local hour's start, through a half-hour zone's clock change", async () => {
    // Adelaide: +10:30 until 03:00 on 5 April 2026, then +09:30. Local hours start at :30 UTC.
    const bundle = compile(contract("downtime per 1 hour when error rate above 50%", "Australia/Adelaide"));
    const report = await march(
      bundle,
      [
        requests("2026-04-04T16:10:00Z", 2, 2), // 02:40 ACDT: the hour from 15:30Z
        requests("2026-04-04T16:40:00Z", 2, 2), // 02:10 ACST, after the change: the hour from 16:30Z
        requests("2026-04-04T16:29:59Z", 2, 0), // the first slice's other requests: 2 of 4 failed, not above 50%
        requests("2026-03-31T13:29:59Z", 1, 1), // 23:59 on 31 March local: the last hour of the March window
      ],
      "2026-04",
    );
    expect(incidents(report)).toEqual([
      { start: "2026-04-04T16:30:00Z", end: "2026-04-04T17:30:00Z", downtime: "3600", lines: [2] },
    ]);
    const [marchReport] = await evaluate(bundle, ndjsonEvents([requests("2026-03-31T13:29:59Z", 1, 1)]), {
      from: "2026-03",
      asOf: "2026-12-31",
    });
    // 23:00–24:00 local on 31 March, wholly in March's window (which ends at 13:30Z)
    expect(incidents(marchReport!)).toEqual([
      { start: "2026-03-31T12:30:00Z", end: "2026-03-31T13:30:00Z", downtime: "3600", lines: [1] },
    ]);
  });

  it("cuts one-minute slices through the hour the clocks go back in New York", async () => {
    const bundle = compile(contract("downtime per 1 minute when error rate above 5%", "America/New_York"));
    // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z): the same wall-clock minute, two slices
    const report = await march(
      bundle,
      [requests("2026-11-01T05:30:20Z", 1, 1), requests("2026-11-01T06:30:20Z", 1, 1)],
      "2026-11",
    );
    expect(incidents(report).map((i) => (i as { start: string }).start)).toEqual([
      "2026-11-01T05:30:00Z",
      "2026-11-01T06:30:00Z",
    ]);
    expect(report.objectives[0]).toMatchObject({ downtime: { seconds: "120" } });
  });

  it("leaves announced maintenance excluded: a bad slice gives only its time outside it", async () => {
    const report = await march(ABOVE_5, [
      '{"type":"outage","service":"Web","start":"2026-03-04T10:00:30Z","end":"2026-03-04T10:02:00Z","cause":"maintenance","announced":"2026-02-01T00:00:00Z"}',
      requests("2026-03-04T10:00:00Z", 10, 10),
      requests("2026-03-04T10:01:00Z", 10, 10),
      requests("2026-03-04T10:02:00Z", 10, 10),
      '{"type":"outage","service":"Web","start":"2026-03-04T10:02:30Z","end":"2026-03-04T10:04:00Z","cause":"unplanned"}',
    ]);
    // 30 s of the first slice, none of the second, the third with the unplanned outage after it
    expect(report.objectives[0]).toMatchObject({ downtime: { seconds: "150" } });
    expect(incidents(report)).toEqual([
      { start: "2026-03-04T10:00:00Z", end: "2026-03-04T10:00:30Z", downtime: "30", lines: [2] },
      { start: "2026-03-04T10:02:00Z", end: "2026-03-04T10:04:00Z", downtime: "120", lines: [4, 5] },
    ]);
    expect(report.objectives[0]!.excluded).toMatchObject([
      { line: 1, cause: "maintenance", duration: { seconds: "90" } },
    ]);
  });

  it("pays credits on slice downtime as on outage records", async () => {
    // 45 bad minutes of 44,640: 99.899…%, below 99.9%
    const lines = Array.from({ length: 45 }, (_, i) =>
      requests(new Date(Date.UTC(2026, 2, 10, 0, i, 5)).toISOString(), 20, 2),
    );
    const report = await march(ABOVE_5, lines);
    expect(report.objectives[0]).toMatchObject({ met: false, downtime: { seconds: "2700" } });
    expect(report.credits).toMatchObject([{ remedy: "Credits", percent: "10", amount: "100.00" }]);
  });

  it("reads request records from CSV, with good instead of failed", async () => {
    const csv = [
      "type,metric,at,total,good",
      "requests,Avail,2026-03-04T10:00:10Z,100,94",
      "requests,Avail,2026-03-04T10:01:10Z,100,95",
    ];
    const [report] = await evaluate(ABOVE_5, csvEvents(csv), { from: "2026-03", asOf: "2026-12-31" });
    expect(incidents(report!)).toEqual([
      { start: "2026-03-04T10:00:00Z", end: "2026-03-04T10:01:00Z", downtime: "60", lines: [2] },
    ]);
  });

  it("refuses a request record it cannot count, naming the line and field", async () => {
    const bad: [string, string][] = [
      [
        requests("2026-03-04T10:00:00Z", 10, 11),
        'line 1, field "failed": failed requests are more than the total of 10',
      ],
      [
        requests("2026-03-04T10:00:00Z", 10, 11, "good"),
        'line 1, field "good": good requests are more than the total of 10',
      ],
      [
        requests("2026-03-04T10:00:00Z", 10.5, 1),
        'line 1, field "total": must be a whole number of requests, 0 or more',
      ],
      [
        requests("2026-03-04T10:00:00Z", "-1", 0),
        'line 1, field "total": must be a whole number of requests, 0 or more',
      ],
      [requests("2026-03-04T10:00:00Z", "9007199254740992", 0), 'line 1, field "total": 9007199254740992 is too large'],
      ['{"type":"requests","metric":"Avail","at":"2026-03-04T10:00:00Z","failed":1}', 'line 1, field "total": missing'],
      [
        '{"type":"requests","metric":"Avail","at":"2026-03-04T10:00:00Z","total":1}',
        'line 1, field "failed": missing (give the failed requests as failed, or the successful ones as good)',
      ],
      [
        '{"type":"requests","metric":"Avail","at":"2026-03-04T10:00:00Z","total":2,"failed":1,"good":1}',
        'line 1, field "good": give either failed or good, not both',
      ],
    ];
    for (const [line, message] of bad) {
      const run = evaluate(ABOVE_5, ndjsonEvents([line]), { from: "2026-03" });
      await expect(run).rejects.toThrow(EventDataError);
      await expect(run).rejects.toThrow(message);
    }
  });

  it("ignores the requests of a metric without time-slice downtime, and counts them as data", async () => {
    const bundle = compile(contract('downtime "A minute without an answer"'));
    const report = await march(bundle, [requests("2026-03-04T10:00:00Z", 10, 10)]);
    expect(report.objectives[0]).toMatchObject({ downtime: { seconds: "0" } });
    expect(report.data).toMatchObject({ records: 1, used: 0, ignored: 1 });
  });

  it("checks and ignores a CSV's request records in DuckDB as the streaming engine does, for a contract without request forms", async () => {
    // before the records table had request columns, DuckDB read this CSV's requests row without its
    // total and refused it ('field "total": missing') where the streaming engine ignored it
    const bundle = compile(contract('downtime "A minute without an answer"'));
    const csv = [
      "type,service,metric,start,end,cause,at,total,failed",
      "outage,Web,,2026-03-04T10:00:00Z,2026-03-04T11:00:00Z,unplanned,,,",
      "requests,,Avail,,,,2026-03-04T10:00:00Z,10,1",
    ];
    const dir = mkdtempSync(join(tmpdir(), "sla-requests-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "events.csv"), `${csv.join("\n")}\n`);
      const options = { from: "2026-03", asOf: "2026-04-30" };
      const streaming = await evaluate(bundle, csvEvents(csv), options);
      const viaSql = await evaluateWithSql(bundle, { format: "csv", paths: [join(dir, "events.csv")] }, options, db);
      expect(viaSql).toEqual(streaming);
      expect(viaSql[0]!.data).toMatchObject({ records: 2, used: 1, ignored: 1 });
      writeFileSync(join(dir, "bad.csv"), `${csv[0]}\nrequests,,Avail,,,,2026-03-04T10:00:00Z,10,11\n`);
      await expect(
        evaluateWithSql(bundle, { format: "csv", paths: [join(dir, "bad.csv")] }, options, db),
      ).rejects.toThrow('line 2, field "failed": failed requests are more than the total of 10');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is refused for an objective held for each unit on its service: request records carry no unit", async () => {
    const bundle = compile(
      contract(
        "downtime per 1 minute when error rate above 5%",
        "UTC",
        "target at least 99.9% per calendar month",
      ).replace(
        "objective Uptime",
        "objective RegionLimits {\n  service Web\n  for each region\n  max outage per incident 30 minutes\n}\nobjective Uptime",
      ),
    );
    await expect(evaluate(bundle, [], { from: "2026-03" })).rejects.toThrow(
      "objective RegionLimits is held for each region, but the downtime of service Web includes the time slices of metric Avail, counted from requests records, which carry no unit",
    );
  });
});

describe("the same requests as Prometheus slices", () => {
  const both = compile(
    contract(
      'downtime per 1 minute when error rate above 5%\n  indicator prometheus good "sum(rate(ok[$window]))" total "sum(rate(all[$window]))" slice 1 minute above 5%',
      "Europe/London",
    ),
  );
  // a deterministic mix over the last days of March (the clocks go forward on the 29th) into April
  const start = Date.parse("2026-03-27T00:00:00Z");
  const minutes = 6 * 24 * 60;
  const traffic = Array.from({ length: minutes }, (_, i) => {
    const total = (i * 7919) % 13; // some minutes without requests
    const failed = i % 97 < 3 ? total : i % 89 === 0 ? Math.ceil(total * 0.05) : 0;
    return { at: start + i * 60_000, total, failed };
  });

  it("gives the same report, but for the lines the records have", async () => {
    const lines = traffic.map((t) => requests(new Date(t.at + 30_000).toISOString(), t.total, t.failed));
    const fromRequests = await evaluate(both, ndjsonEvents(lines), {
      from: "2026-03",
      to: "2026-04",
      asOf: "2026-05-01",
    });

    const byEnd = new Map(traffic.map((t) => [(t.at + 60_000) / 1000, t]));
    const fake = async (_url: unknown, init?: { body?: unknown }) => {
      const p = new URLSearchParams(String(init?.body));
      const good = p.get("query")!.startsWith("sum(rate(ok");
      const values: [number, string][] = [];
      for (let t = Number(p.get("start")); t <= Number(p.get("end")); t += Number(p.get("step"))) {
        const m = byEnd.get(t);
        if (m && m.total > 0) values.push([t, String(good ? m.total - m.failed : m.total)]);
      }
      const body = { status: "success", data: { resultType: "matrix", result: [{ metric: {}, values }] } };
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const options = { from: "2026-03", to: "2026-04", asOf: "2026-05-01" };
    const observed = { earliest: null as number | null };
    const fromPrometheus = await evaluate(
      both,
      prometheusRecords(both, options, { url: "http://p:9090", fetch: fake as unknown as typeof fetch, observed }),
      { ...options, observedFrom: observed },
    );
    const comparable = (reports: EvaluationReport[]) =>
      JSON.parse(JSON.stringify(reports, (key, value) => (key === "line" || key === "data" ? undefined : value)));
    expect(fromRequests[0]!.objectives[0]!.counted.length).toBeGreaterThan(10);
    expect(comparable(fromRequests)).toEqual(comparable(fromPrometheus));
  });
});

describe("many slices and many outages", () => {
  it("cuts a hundred days of bad minutes around thousands of customer-caused outages in one pass", async () => {
    // 144,000 bad minutes and 12,000 customer-caused outages of 5 minutes: one pass over both, not
    // every slice against every outage
    const from = Date.parse("2026-02-01T00:00:00Z");
    const items: EventItem[] = [];
    for (let i = 0; i < 12_000; i++)
      items.push({
        type: "outage",
        line: items.length + 1,
        service: "Web",
        start: from + i * 12 * 60_000,
        end: from + i * 12 * 60_000 + 5 * 60_000,
        cause: "customer",
        announced: null,
      });
    for (let i = 0; i < 144_000; i++)
      items.push({
        type: "requests",
        line: items.length + 1,
        metric: "Avail",
        at: from + i * 60_000,
        total: 4,
        failed: 4,
      });
    const [report] = await evaluate(ABOVE_5, items, { from: "2026-03", asOf: "2026-12-31" });
    // March: 44,640 minutes, of which the customer's outages (5 of every 12) take 18,600; the rest
    // is one run of 7 bad minutes after each: 3,720 incidents, each one outage record
    expect(report!.objectives[0]).toMatchObject({ downtime: { seconds: String((44_640 - 18_600) * 60) } });
    expect(report!.objectives[0]!.counted).toHaveLength(3_720);
  });
});
