/**
 * Request-based contracts (success rates, time-slice downtime) with records that reach their
 * boundaries, shared by the back-to-back tests of DuckDB (`sql-requests.test.ts`) and of the
 * exported SQL on PostgreSQL (`test/postgres/requests.test.ts`): every engine must give the
 * streaming engine's report byte for byte.
 */
import { readFileSync } from "node:fs";
import { compileBundle } from "@sla/compiler";
import fc from "fast-check";
import { checkProgram, memoryHost } from "@sla/language";
import type { RuleBundle } from "../../src/bundle.ts";

export interface RequestCase {
  name: string;
  bundle: RuleBundle;
  /** NDJSON lines. */
  lines: string[];
  options: { from: string; to?: string; asOf: string };
}

function compile(text: string): RuleBundle {
  const uri = "file:///contract/requests.sla";
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return compileBundle(program) as RuleBundle;
}

/** A service with an availability metric cut into time slices, and a success rate beside it. */
export function contract(o: {
  zone?: string;
  slice?: string;
  hours?: string;
  window?: string;
  outageLimit?: string;
  /** More declarations after the contract's own. */
  extra?: string;
}): RuleBundle {
  return compile(`agreement Shop "Shop SLA" {
  effective 2026-01-01
  timezone "${o.zone ?? "UTC"}"
  currency EUR
}
party Acme "Acme" { role provider }
party Globex "Globex" { role customer }
calendar Office {
  monday to friday 09:00 to 17:00
}
service Web "Web shop" {
  provider Acme
  customer Globex
  fee EUR 1,000 per month
  hours ${o.hours ?? "24x7"}
  exclude maintenance { notice 5 days }
  exclude customer caused
}
metric Avail "Availability" {
  service Web
  type availability
  ${o.slice ?? "downtime per 1 minute when error rate above 5%"}
}
metric Success "Checkout success rate" {
  service Web
  type success rate
}
objective Uptime "Uptime" {
  metric Avail
  target at least 99.9% per ${o.window ?? "calendar month"}
  ${o.outageLimit ?? ""}
}
objective Checkout "Checkout" {
  metric Success
  target at least 99.9% per ${o.window ?? "calendar month"}
}
remedy Credits {
  for Uptime
  credit 10% of monthly fee when below 99.9%
}
remedy CheckoutCredits {
  for Checkout
  credit 10% of monthly fee when below 99.9% but at least 99.0%
  credit 25% of monthly fee when below 99.0%
}
${o.extra ?? ""}`);
}

const requests = (
  metric: string,
  at: string | number,
  total: number | string,
  failed: number | string | boolean,
  field = "failed",
) =>
  JSON.stringify({
    type: "requests",
    metric,
    at: typeof at === "number" ? new Date(at).toISOString() : at,
    total,
    [field]: failed,
  });
const avail = (at: string | number, total: number | string, failed: number | string | boolean, field = "failed") =>
  requests("Avail", at, total, failed, field);
const success = (at: string | number, total: number | string, failed: number | string | boolean, field = "failed") =>
  requests("Success", at, total, failed, field);

/** Six days of minutes across a clock change, some without requests, some bad, some at 5%. */
function traffic(start: string, minutes: number, metric = "Avail"): string[] {
  const from = Date.parse(start);
  return Array.from({ length: minutes }, (_, i) => {
    const total = (i * 7919) % 13;
    const failed = i % 97 < 3 ? total : i % 89 === 0 ? Math.ceil(total * 0.05) : 0;
    return requests(metric, from + i * 60_000 + 30_000, total, failed);
  });
}

const AS_OF = "2026-12-31";

export function requestCases(): RequestCase[] {
  const month = (from: string) => ({ from, asOf: AS_OF });
  return [
    {
      name: "slices at and above the threshold, slices without requests, good instead of failed, counts at 2^53 − 1",
      bundle: contract({}),
      lines: [
        avail("2026-03-04T10:00:10Z", 100, 5),
        avail("2026-03-04T10:01:00Z", 60, 3),
        avail("2026-03-04T10:01:59.999Z", 60, 3),
        avail("2026-03-04T10:02:00Z", 1_000_000, 50_001),
        avail("2026-03-04T10:03:30Z", 0, 0),
        avail("2026-03-04T10:04:30Z", 3, "2", "good"),
        avail("2026-03-04T10:05:00Z", 9_007_199_254_740_991, 9_007_199_254_740_991),
        avail("2026-03-04T10:05:01Z", 9_007_199_254_740_991, 0),
        avail("2026-03-04T10:05:02Z", " 00012 ", "-0"),
        success("2026-03-02T00:00:00Z", 9_007_199_254_740_991, 0),
        success("2026-03-03T00:00:00Z", 9_007_199_254_740_991, 0),
        success("2026-03-04T00:00:00Z", 2, 2),
        '{"type":"requests","metric":"Unknown","at":"2026-03-04T00:00:00Z","total":2,"failed":1}',
      ],
      options: month("2026-03"),
    },
    {
      name: "`at least` on 5-minute slices",
      bundle: contract({ slice: "downtime per 5 minutes when error rate at least 5%" }),
      lines: [
        avail("2026-03-04T10:00:00Z", 100, 5),
        avail("2026-03-04T10:09:59Z", 100, 4),
        avail("2026-03-04T10:05:00Z", 100, 0),
      ],
      options: month("2026-03"),
    },
    {
      name: "a run of bad slices across a month's end, with a per-incident limit, over both months",
      bundle: contract({ outageLimit: "max outage per incident 3 minutes" }),
      lines: ["2026-03-31T23:58:00Z", "2026-03-31T23:59:00Z", "2026-04-01T00:00:00Z", "2026-04-01T00:01:00Z"].map(
        (at) => avail(at, 10, 10),
      ),
      options: { from: "2026-03", to: "2026-04", asOf: AS_OF },
    },
    {
      name: "hour slices in Adelaide, a half-hour zone, through its clock change",
      bundle: contract({ zone: "Australia/Adelaide", slice: "downtime per 1 hour when error rate above 50%" }),
      lines: [
        avail("2026-04-04T16:10:00Z", 2, 2),
        avail("2026-04-04T16:40:00Z", 2, 2),
        avail("2026-04-04T16:29:59Z", 2, 0),
        avail("2026-03-31T13:29:59Z", 1, 1),
      ],
      options: { from: "2026-03", to: "2026-04", asOf: AS_OF },
    },
    {
      name: "15-minute slices on Lord Howe Island, whose clocks go back half an hour",
      bundle: contract({ zone: "Australia/Lord_Howe", slice: "downtime per 15 minutes when error rate above 5%" }),
      lines: traffic("2026-04-03T12:00:00Z", 3 * 24 * 60),
      options: month("2026-04"),
    },
    {
      name: "one-minute slices through the hour the clocks go back in New York",
      bundle: contract({ zone: "America/New_York" }),
      lines: [avail("2026-11-01T05:30:20Z", 1, 1), avail("2026-11-01T06:30:20Z", 1, 1)],
      options: month("2026-11"),
    },
    {
      name: "six days of minutes across London's spring clock change, with a success rate and hourly windows",
      bundle: contract({ zone: "Europe/London", window: "calendar day" }),
      lines: [
        ...traffic("2026-03-27T00:00:00Z", 6 * 24 * 60),
        ...traffic("2026-03-28T00:00:00Z", 2 * 24 * 60, "Success"),
      ],
      options: { from: "2026-03", to: "2026-04", asOf: AS_OF },
    },
    {
      name: "Kolkata: hours start at :30 UTC",
      bundle: contract({ zone: "Asia/Kolkata", slice: "downtime per 30 minutes when error rate above 5%" }),
      lines: traffic("2026-03-10T00:00:00Z", 24 * 60),
      options: month("2026-03"),
    },
    {
      name: "announced maintenance keeps its time; an unplanned outage after a bad slice joins its incident",
      bundle: contract({}),
      lines: [
        '{"type":"outage","service":"Web","start":"2026-03-04T10:00:30Z","end":"2026-03-04T10:02:00Z","cause":"maintenance","announced":"2026-02-01T00:00:00Z"}',
        avail("2026-03-04T10:00:00Z", 10, 10),
        avail("2026-03-04T10:01:00Z", 10, 10),
        avail("2026-03-04T10:02:00Z", 10, 10),
        '{"type":"outage","service":"Web","start":"2026-03-04T10:02:30Z","end":"2026-03-04T10:04:00Z","cause":"unplanned"}',
        '{"type":"outage","service":"Web","start":"2026-03-05T10:00:00Z","end":"2026-03-05T10:00:20Z","cause":"customer"}',
        '{"type":"outage","service":"Web","start":"2026-03-05T10:00:40Z","end":"2026-03-05T10:01:10Z","cause":"force majeure"}',
        avail("2026-03-05T10:00:00Z", 10, 10),
        avail("2026-03-05T10:01:00Z", 10, 10),
        avail("2026-03-05T10:02:00Z", 10, 10),
      ],
      options: month("2026-03"),
    },
    {
      name: "45 bad minutes pay a credit; a success rate below 99% pays the larger one",
      bundle: contract({}),
      lines: [
        ...Array.from({ length: 45 }, (_, i) => avail(Date.UTC(2026, 2, 10, 0, i, 5), 20, 2)),
        success("2026-03-01T00:00:00Z", 600, 1),
        success("2026-03-31T23:59:59.999Z", 400, "400", "good"),
        success("2026-03-15T12:00:00Z", 20, 19),
        success("2026-04-01T00:00:00Z", 10, 10),
        success("2026-02-28T23:59:59Z", 10, 10),
      ],
      options: month("2026-03"),
    },
    {
      name: "office hours: requests and slices outside the service's hours",
      bundle: contract({ hours: "Office", zone: "Europe/London" }),
      lines: [
        success("2026-03-02T09:00:00Z", 100, 0),
        success("2026-03-02T17:00:00Z", 100, 100),
        success("2026-03-07T12:00:00Z", 100, 100),
        avail("2026-03-02T16:59:30Z", 10, 10),
        avail("2026-03-02T17:00:30Z", 10, 10),
        avail("2026-03-07T12:00:00Z", 10, 10),
      ],
      options: month("2026-03"),
    },
    {
      name: "no request records at all",
      bundle: contract({}),
      lines: [
        '{"type":"outage","service":"Web","start":"2026-03-04T10:00:00Z","end":"2026-03-04T10:30:00Z","cause":"unplanned"}',
      ],
      options: month("2026-03"),
    },
    {
      name: "beside an objective held for each instance of another service: request records carry no unit",
      bundle: contract({
        extra: `service Compute "Compute" {
  provider Acme
  customer Globex
  fee EUR 100.00 for each instance per month
  hours 24x7
}
metric ComputeUp { service Compute  type availability }
objective ComputeUptime {
  metric ComputeUp
  for each instance
  target at least 99.9% per calendar month
}
`,
      }),
      lines: [
        '{"type":"outage","service":"Compute","unit":"i-1","start":"2026-03-04T10:00:00Z","end":"2026-03-04T12:00:00Z","cause":"unplanned"}',
        '{"type":"outage","service":"Web","start":"2026-03-05T10:00:30Z","end":"2026-03-05T10:01:30Z","cause":"customer"}',
        avail("2026-03-05T10:00:00Z", 10, 10),
        `${avail("2026-03-05T10:01:00Z", 10, 10).slice(0, -1)},"unit":"i-1"}`,
        `${avail("2026-03-05T10:02:00Z", 10, 10).slice(0, -1)},"unit":"i-2"}`,
        `${success("2026-03-05T10:00:00Z", 10, 5).slice(0, -1)},"unit":"i-1"}`,
        success("2026-03-06T10:00:00Z", 1000, 0),
      ],
      options: month("2026-03"),
    },
    githubEnterprise(),
    githubEnterprise(true),
  ];
}

/**
 * test/cases/real-github-enterprise-requests-2021-q1 as it is (its fee as charged read from its
 * charge records), or with a fixed quarterly fee and without its charge records, so its requests
 * are tested apart from its fees.
 */
function githubEnterprise(charged = false): RequestCase {
  const dir = new URL("../../../../test/cases/", import.meta.url);
  const spec = JSON.parse(readFileSync(new URL("real-github-enterprise-requests-2021-q1.case.json", dir), "utf8"));
  const text = readFileSync(new URL(spec.contract, dir), "utf8");
  const lines = readFileSync(new URL(spec.events, dir), "utf8")
    .split("\n")
    .filter((l: string) => l.trim() !== "" && (charged || !l.includes('"charge"')));
  return {
    name: `GitHub Enterprise's request-based SLA, Q1 2021, ${charged ? "its fees as charged" : "with a fixed fee"}`,
    bundle: compile(charged ? text : text.replaceAll("fee as charged per quarter", "fee USD 2,500 per quarter")),
    lines,
    options: charged
      ? { from: "2021-01", to: "2021-03", asOf: AS_OF }
      : { from: "2021-01", to: "2021-04", asOf: AS_OF },
  };
}

/** Request records each engine must refuse with the streaming reader's words, naming the line and field. */
export const BAD_REQUEST_RECORDS: string[] = [
  avail("2026-03-04T10:00:00Z", 10, 11),
  avail("2026-03-04T10:00:00Z", 10, 11, "good"),
  avail("2026-03-04T10:00:00Z", 10.5, 1),
  avail("2026-03-04T10:00:00Z", "-1", 0),
  avail("2026-03-04T10:00:00Z", "9007199254740992", 0),
  avail("2026-03-04T10:00:00Z", 10, "1.5"),
  avail("2026-03-04T10:00:00Z", 10, true),
  avail("2026-03-04T10:00:00Z", "1e3", 0),
  '{"type":"requests","metric":"Avail","at":"2026-03-04T10:00:00Z","failed":1}',
  '{"type":"requests","metric":"Avail","at":"2026-03-04T10:00:00Z","total":1}',
  '{"type":"requests","metric":"Avail","at":"2026-03-04T10:00:00Z","total":2,"failed":1,"good":1}',
  '{"type":"requests","metric":"Avail","at":"2026-03-04 10:00","total":2,"failed":1}',
  '{"type":"requests","metric":5,"at":"2026-03-04T10:00:00Z","total":2,"failed":1}',
  '{"type":"requests","at":"2026-03-04T10:00:00Z","total":2,"failed":1}',
];

/** A contract with time slices, for the bad records. */
export const SLICED: RuleBundle = contract({});

const shape = fc.record({
  zone: fc.constantFrom("UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"),
  office: fc.boolean(),
  length: fc.constantFrom("1 minute", "5 minutes", "15 minutes", "30 minutes", "1 hour"),
  comparison: fc.constantFrom("above", "at least"),
  threshold: fc.constantFrom("5", "0.1", "50", "99.99", "2.5"),
  window: fc.constantFrom("calendar month", "week", "calendar day"),
  outageLimit: fc.boolean(),
});

// 25 March to 10 April 2026: London's clocks go forward on 29 March, Lord Howe's back on 5 April
const START = Date.UTC(2026, 2, 25);
const SPAN = 16 * 86_400_000;
const burst = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  minutes: fc.integer({ min: 1, max: 90 }),
  every: fc.constantFrom(20_000, 60_000, 300_000),
  total: fc.integer({ min: 0, max: 40 }),
  failedShare: fc.constantFrom(0, 0.05, 0.5, 1),
  metric: fc.constantFrom("Avail", "Avail", "Success", "Avial"),
});
const outage = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  minutes: fc.integer({ min: 1, max: 120 }),
  cause: fc.constantFrom("unplanned", "customer", "maintenance", "force majeure"),
});

/**
 * Generated request-based contracts and records: time slices of every length that divides an
 * hour, above or at least thresholds with decimals, in zones whose clocks change by an hour or half
 * an hour (or not at all, or at :30 UTC), over weeks around the clock changes of March and April,
 * beside a success rate (and records of a near-miss metric) and outage records of every cause.
 */
export function generatedRequestCase(): fc.Arbitrary<RequestCase> {
  return fc.tuple(shape, fc.array(burst, { maxLength: 8 }), fc.array(outage, { maxLength: 4 })).map(([s, bs, os]) => {
    const lines: string[] = [];
    for (const b of bs)
      for (let t = 0; t < b.minutes * 60_000; t += b.every)
        lines.push(requests(b.metric, START + b.offset + t, b.total, Math.round(b.total * b.failedShare)));
    for (const o of os) {
      const start = START + o.offset;
      lines.push(
        JSON.stringify({
          type: "outage",
          service: "Web",
          start: new Date(start).toISOString(),
          end: new Date(start + o.minutes * 60_000).toISOString(),
          cause: o.cause,
          ...(o.cause === "maintenance" ? { announced: "2026-01-01T00:00:00Z" } : {}),
        }),
      );
    }
    return {
      name: JSON.stringify(s),
      bundle: contract({
        zone: s.zone,
        hours: s.office ? "Office" : "24x7",
        slice: `downtime per ${s.length} when error rate ${s.comparison} ${s.threshold}%`,
        window: s.window,
        outageLimit: s.outageLimit ? "max outage per incident 20 minutes" : "",
      }),
      lines,
      options: { from: "2026-03", to: "2026-04", asOf: AS_OF },
    };
  });
}
