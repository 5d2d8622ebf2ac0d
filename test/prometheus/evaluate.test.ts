/**
 * `sla evaluate --prometheus` against a real Prometheus on loopback, its storage filled with known
 * series (`promtool tsdb create-blocks-from openmetrics`): the reports are identical, to the last
 * decimal, to `sla evaluate --events` on the same data written as events. Skipped, saying why, only
 * when the prometheus binary is absent (`.ci/run` installs Debian's `prometheus` package).
 *
 * Availability is read from request counters through `rate()`: whether a minute is down depends on
 * its failed share only, far from the 5% threshold. The error rate is read from per-minute gauges
 * through `sum_over_time()`, whose sums are exact, so the events can hold the same percentages
 * (`rate()` extrapolates in binary floating point, which no one writing events reproduces).
 * Latency is a histogram read through `histogram_quantile`, whose median is exact here: in a
 * 5-minute step every request is in the (0.25, 0.5] bucket (the median 0.375 s) or above the
 * highest finite one (1 s).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratch, sla } from "../../packages/cli/test/run.ts";
import { freePort, prometheusMissing, type RunningPrometheus, startPrometheus } from "./server.ts";

if (prometheusMissing) console.warn(`skipping the sla evaluate --prometheus tests: ${prometheusMissing}`);

const CONTRACT = String.raw`agreement Shop "Shop platform SLA" {
  effective 2026-01-01
  term 1 year
  timezone "Europe/London"
  currency GBP
}

party Acme "Acme Hosting Ltd" { role provider }
party Globex "Globex plc" { role customer }

service Checkout "Checkout API" {
  provider Acme
  customer Globex
  fee GBP 10,000 per month
  hours 24x7
}

metric Avail "Checkout availability" {
  service Checkout
  type availability
  indicator prometheus good "sum(rate(http_requests_total{job=\"checkout\",code!~\"5..\"}[$window]))" total "sum(rate(http_requests_total{job=\"checkout\"}[$window]))" slice 1 minute above 5%
}

metric Failures "Checkout error rate" {
  service Checkout
  type error rate
  indicator prometheus errors "sum(sum_over_time(checkout_failed_per_minute[$window]))" total "sum(sum_over_time(checkout_requests_per_minute[$window]))"
}

metric Speed "Checkout latency" {
  service Checkout
  type latency percentile 50
  indicator prometheus histogram "http_request_duration_seconds_bucket{job=\"checkout\"}" below 400 milliseconds
}

objective Uptime "Checkout uptime" {
  metric Avail
  target at least 99.9% per calendar month
  max outage per incident 30 minutes
}

objective FewErrors "Few failed requests" {
  metric Failures
  target at most 0.1% per calendar month
}

objective Fast "Fast checkout" {
  metric Speed
  target at most 400 milliseconds per calendar month
}

remedy UptimeCredits {
  for Uptime
  credit 10% of monthly fee when below 99.9%
  credit 25% of monthly fee when below 99.0%
}

remedy ErrorCredits {
  for FewErrors
  credit 5% of monthly fee when above 0.1%
}
`;

/** Two days of traffic across the spring clock change in London (29 March 2026, 01:00 UTC). */
const FROM = Date.parse("2026-03-28T12:00:00Z");
const MINUTES = 48 * 60;
/** Minutes (from FROM) in which 30 of every 130 requests fail: a 45-minute and a 15-minute incident. */
const DOWN = new Set([...range(600, 645), ...range(1800, 1815)]);
/** A minute with 3% failures: not down. */
const NEARLY = 900;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Minutes in which every request takes over a second: six 5-minute steps. */
const SLOW = new Set(range(1200, 1230));

const requests = (m: number) => 1000 + (m % 7) * 10;
const failed = (m: number) => (m % 50 === 0 ? 25 : m % 3);

/** OpenMetrics text: request counters every 15 s, per-minute gauges, in seconds since the epoch. */
function openMetrics(): string {
  const out: string[] = [];
  const counter = (code: string, perStep: (m: number) => number) => {
    let total = 0;
    for (let i = 0; i < MINUTES * 4; i++) {
      total += perStep(Math.floor(i / 4));
      out.push(`http_requests_total{job="checkout",code="${code}"} ${total} ${(FROM + i * 15_000 + 7_000) / 1000}`);
    }
  };
  out.push("# TYPE http_requests counter");
  counter("200", (m) => (DOWN.has(m) ? 100 : m === NEARLY ? 97 : 100));
  counter("500", (m) => (DOWN.has(m) ? 30 : m === NEARLY ? 3 : 0));
  const gauge = (name: string, value: (m: number) => number) => {
    out.push(`# TYPE ${name} gauge`);
    for (let m = 0; m < MINUTES; m++) out.push(`${name} ${value(m)} ${(FROM + m * 60_000 + 37_000) / 1000}`);
  };
  out.push("# TYPE http_request_duration_seconds histogram");
  const buckets = ["0.25", "0.5", "1", "+Inf"] as const;
  const perBucket = (le: (typeof buckets)[number], m: number) =>
    le === "+Inf" ? 20 : le === "0.25" || SLOW.has(m) ? 0 : 20;
  for (const le of buckets) {
    let total = 0;
    for (let i = 0; i < MINUTES * 4; i++) {
      total += perBucket(le, Math.floor(i / 4));
      out.push(
        `http_request_duration_seconds_bucket{job="checkout",le="${le}"} ${total} ${(FROM + i * 15_000 + 7_000) / 1000}`,
      );
    }
  }
  for (const [suffix, perStep] of [
    ["count", () => 20],
    ["sum", (m: number) => (SLOW.has(m) ? 40 : 7.5)],
  ] as const) {
    let total = 0;
    for (let i = 0; i < MINUTES * 4; i++) {
      total += perStep(Math.floor(i / 4));
      out.push(
        `http_request_duration_seconds_${suffix}{job="checkout"} ${total} ${(FROM + i * 15_000 + 7_000) / 1000}`,
      );
    }
  }
  gauge("checkout_requests_per_minute", requests);
  gauge("checkout_failed_per_minute", failed);
  return `${out.join("\n")}\n# EOF\n`;
}

const Exact = Decimal.clone({ precision: 40 });

/** Each test runs `sla` several times (each a few seconds), on a machine others share. */
const SLOW_TEST_MS = 180_000;

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** The down minutes but those `skip` leaves out, as runs of consecutive minutes `[first, last + 1)`. */
function downRuns(skip: (minute: number) => boolean = () => false): [number, number][] {
  const runs: [number, number][] = [];
  for (const m of [...DOWN].sort((a, b) => a - b).filter((m) => !skip(m))) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === m) last[1] = m + 1;
    else runs.push([m, m + 1]);
  }
  return runs;
}

/** The same data as events, but for the down minutes `skip` leaves out: an outage per run of down minutes, as the reader gives them. */
function events(skip: (minute: number) => boolean = () => false): string {
  const lines: string[] = [];
  for (const [first, end] of downRuns(skip))
    lines.push(
      JSON.stringify({
        type: "outage",
        service: "Checkout",
        start: iso(FROM + first * 60_000),
        end: iso(FROM + end * 60_000),
        cause: "unplanned",
      }),
    );
  for (let step = 0; step < MINUTES / 5; step++) {
    const minutes = range(step * 5, step * 5 + 5);
    const sum = (f: (m: number) => number) => minutes.reduce((s, m) => s + f(m), 0);
    const value = new Exact(sum(failed)).times(100).div(sum(requests)).toNumber();
    lines.push(JSON.stringify({ type: "measurement", metric: "Failures", at: iso(FROM + step * 300_000), value }));
  }
  for (let step = 0; step < MINUTES / 5; step++)
    lines.push(
      JSON.stringify({
        type: "measurement",
        metric: "Speed",
        at: iso(FROM + step * 300_000),
        value: SLOW.has(step * 5) ? 1000 : 375,
      }),
    );
  return `${lines.join("\n")}\n`;
}

describe.skipIf(prometheusMissing)("sla evaluate --prometheus against a real Prometheus", () => {
  const dir = scratch();
  const contract = join(dir, "shop.sla");
  const eventsFile = join(dir, "shop.ndjson");
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    writeFileSync(contract, CONTRACT);
    writeFileSync(eventsFile, events());
    prometheus = await startPrometheus(openMetrics());
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
  });

  it(
    "gives the same report as the same data given as events, to the last decimal",
    () => {
      for (const format of ["json", "md", "csv"]) {
        const fromEvents = sla([
          "evaluate",
          contract,
          "--events",
          eventsFile,
          "--period",
          "2026-03",
          "--format",
          format,
        ]);
        expect(fromEvents.stderr).toBe("");
        expect(fromEvents.code).toBe(0);
        const fromPrometheus = sla([
          "evaluate",
          contract,
          "--prometheus",
          prometheus.url,
          "--period",
          "2026-03",
          "--format",
          format,
        ]);
        expect(fromPrometheus.stderr).toBe("");
        expect(fromPrometheus.code).toBe(0);
        expect(fromPrometheus.stdout).toBe(fromEvents.stdout);
      }
    },
    SLOW_TEST_MS,
  );

  it(
    "counts the down minutes, not the nearly-down one, and the error rate's mean",
    () => {
      const run = sla(["evaluate", contract, "--prometheus", prometheus.url, "--period", "2026-03"]);
      const report = JSON.parse(run.stdout);
      const [uptime, errors, fast] = report.objectives;
      // 60 down minutes of March's 743 hours (the clocks went forward): 1 - 60 / 44580
      expect(uptime.value).toBe(new Exact(44_580 - 60).times(100).div(44_580).toSignificantDigits(28).toFixed());
      expect(uptime.breaches).toBe(2);
      expect(report.data.records).toBe(downRuns().length + (2 * MINUTES) / 5);
      expect(errors.value).toBe("0.1440615302401413441319444444");
      // the median of 576 five-minute medians, 6 of them slow
      expect(fast.value).toBe("375");
      expect(fast.met).toBe(true);
      // the 99th percentile: the slow steps' 1 s (rank 571 of 576)
      const p99 = join(dir, "p99.sla");
      writeFileSync(p99, CONTRACT.replace("type latency percentile 50", "type latency percentile 99"));
      const slow = JSON.parse(sla(["evaluate", p99, "--prometheus", prometheus.url, "--period", "2026-03"]).stdout);
      expect(slow.objectives[2]).toMatchObject({ name: "Fast", value: "1000", met: false });
      // 10% for the uptime, 5% for the error rate, of GBP 10,000
      expect(report.totalCredit).toEqual({ amount: "1500.00", currency: "GBP" });
    },
    SLOW_TEST_MS,
  );

  it(
    "gives the report that the same requests give as request records with the contract's own slice",
    () => {
      // the contract defines Downtime by the same slice as the indicator reads; the records give
      // each minute's requests and failures (four counter steps of 15 s a minute)
      const sliced = join(dir, "sliced.sla");
      writeFileSync(
        sliced,
        CONTRACT.replace(
          "  type availability\n",
          "  type availability\n  downtime per 1 minute when error rate above 5%\n",
        ),
      );
      const lines = events()
        .split("\n")
        .filter((line) => line.includes('"measurement"'));
      for (let m = 0; m < MINUTES; m++) {
        const bad = DOWN.has(m) ? 30 : m === NEARLY ? 3 : 0;
        const at = iso(FROM + m * 60_000 + 20_000);
        lines.push(JSON.stringify({ type: "requests", metric: "Avail", at, total: 4 * (100 + bad), failed: 4 * bad }));
      }
      const requestsFile = join(dir, "requests.ndjson");
      writeFileSync(requestsFile, `${lines.join("\n")}\n`);
      const fromRequests = sla(["evaluate", sliced, "--events", requestsFile, "--period", "2026-03"]);
      const fromPrometheus = sla(["evaluate", sliced, "--prometheus", prometheus.url, "--period", "2026-03"]);
      expect(fromRequests.stderr).toBe("");
      expect(fromPrometheus.stderr).toBe("");
      // the records' lines and the data read differ by source; everything else is the same
      const comparable = (text: string) =>
        JSON.parse(text, (key, value) => (key === "line" || key === "data" ? undefined : value));
      const report = comparable(fromRequests.stdout);
      expect(report.objectives[0]).toMatchObject({ name: "Uptime", breaches: 2 });
      expect(report.objectives[0].counted).toHaveLength(2);
      expect(report).toEqual(comparable(fromPrometheus.stdout));
    },
    SLOW_TEST_MS,
  );

  it(
    "reads the data of other objectives from --events, and refuses a second source for the same data",
    () => {
      const withTickets = join(dir, "tickets.sla");
      writeFileSync(
        withTickets,
        `${CONTRACT}
objective Priority1 "Priority 1" {
  service Checkout
  severity 1 "Checkout is down"
  response within 15 minutes during 24x7
  at least 95% of tickets per calendar month
}
`,
      );
      const tickets = join(dir, "tickets.ndjson");
      writeFileSync(
        tickets,
        '{"type":"ticket","service":"Checkout","severity":1,"opened":"2026-03-28T22:00:00Z","responded":"2026-03-28T22:30:00Z"}\n',
      );
      const alone = sla(["evaluate", withTickets, "--prometheus", prometheus.url, "--period", "2026-03"]);
      expect(alone.code).toBe(2);
      expect(alone.stderr).toContain("give the data of Priority1 (support tickets) with --events too");
      const both = sla([
        "evaluate",
        withTickets,
        "--prometheus",
        prometheus.url,
        "--events",
        tickets,
        "--period",
        "2026-03",
      ]);
      expect(both.stderr).toBe("");
      expect(both.code).toBe(0);
      const report = JSON.parse(both.stdout);
      expect(report.objectives.find((o: { name: string }) => o.name === "Priority1").met).toBe(false);
      expect(report.objectives.find((o: { name: string }) => o.name === "Uptime").breaches).toBe(2);
      const twice = sla([
        "evaluate",
        contract,
        "--prometheus",
        prometheus.url,
        "--events",
        eventsFile,
        "--period",
        "2026-03",
      ]);
      expect(twice.code).toBe(2);
      expect(twice.stderr).toContain(
        'line 1, field "service": the unplanned downtime of Checkout is read from Prometheus (metric Avail\'s slices); give it in one source',
      );
    },
    SLOW_TEST_MS,
  );

  it(
    "leaves announced maintenance from --events to the contract's exclusion, as the events source does",
    () => {
      const excluding = join(dir, "maintenance.sla");
      writeFileSync(
        excluding,
        CONTRACT.replace("  hours 24x7\n}", "  hours 24x7\n  exclude maintenance {\n    notice 7 days\n  }\n}"),
      );
      // the first 20 minutes of the 45-minute incident were announced maintenance
      const maintenance = `${JSON.stringify({
        type: "outage",
        service: "Checkout",
        start: iso(FROM + 600 * 60_000),
        end: iso(FROM + 620 * 60_000),
        cause: "maintenance",
        announced: iso(FROM - 10 * 86_400_000),
      })}\n`;
      const planned = join(dir, "planned.ndjson");
      writeFileSync(planned, maintenance);
      const allEvents = join(dir, "planned-and-observed.ndjson");
      writeFileSync(allEvents, maintenance + events((m) => m >= 600 && m < 620));
      const fromEvents = sla(["evaluate", excluding, "--events", allEvents, "--period", "2026-03"]);
      expect(fromEvents.code).toBe(0);
      const fromBoth = sla([
        "evaluate",
        excluding,
        "--prometheus",
        prometheus.url,
        "--events",
        planned,
        "--period",
        "2026-03",
      ]);
      expect(fromBoth.stderr).toBe("");
      expect(fromBoth.code).toBe(0);
      expect(fromBoth.stdout).toBe(fromEvents.stdout);
      const uptime = JSON.parse(fromBoth.stdout).objectives[0];
      // 40 unplanned minutes: 99.91%, met, and no incident over 30 minutes
      expect(uptime).toMatchObject({ met: true, breaches: 0, downtime: { seconds: "2400" } });
    },
    SLOW_TEST_MS,
  );

  it(
    "says what went wrong: Prometheus's own error, an HTTP error, nothing listening",
    async () => {
      const badQuery = join(dir, "bad-query.sla");
      writeFileSync(
        badQuery,
        CONTRACT.replace(
          "sum(sum_over_time(checkout_failed_per_minute",
          "sum(sum_over_time((checkout_failed_per_minute",
        ),
      );
      const promql = sla(["evaluate", badQuery, "--prometheus", prometheus.url, "--period", "2026-03"]);
      expect(promql.code).toBe(2);
      expect(promql.stdout).toBe("");
      expect(promql.stderr).toMatch(
        /^sla: evaluate: Prometheus at http:\/\/127\.0\.0\.1:\d+, query .*: bad_data: .*parse error/m,
      );
      const http = sla([
        "evaluate",
        contract,
        "--prometheus",
        `${prometheus.url}/no/such/prefix`,
        "--period",
        "2026-03",
      ]);
      expect(http.code).toBe(2);
      expect(http.stderr).toMatch(/HTTP 404/);
      const nobody = `http://127.0.0.1:${await freePort()}`;
      const closed = sla(["evaluate", contract, "--prometheus", nobody, "--period", "2026-03"]);
      expect(closed.code).toBe(2);
      expect(closed.stderr).toContain(`evaluate: cannot reach Prometheus at ${nobody}`);
      expect(closed.stderr).toContain("ECONNREFUSED");
    },
    SLOW_TEST_MS,
  );
});

describe("sla evaluate --prometheus without a server", () => {
  const dir = scratch();
  const contract = join(dir, "shop.sla");
  writeFileSync(contract, CONTRACT);

  it("refuses a URL that is not http(s), the DuckDB engine, and an availability indicator without a slice", () => {
    const url = sla(["evaluate", contract, "--prometheus", "prometheus:9090", "--period", "2026-03"]);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('evaluate: --prometheus "prometheus:9090" is not an http:// or https:// URL');
    const duckdb = sla([
      "evaluate",
      contract,
      "--prometheus",
      "http://127.0.0.1:9090",
      "--engine",
      "duckdb",
      "--period",
      "2026-03",
    ]);
    expect(duckdb.code).toBe(2);
    expect(duckdb.stderr).toContain("evaluate: --prometheus reads with the streaming engine, not --engine duckdb");
    const noSlice = join(dir, "no-slice.sla");
    writeFileSync(noSlice, CONTRACT.replace(" slice 1 minute above 5%", ""));
    const run = sla(["evaluate", noSlice, "--prometheus", "http://127.0.0.1:1", "--period", "2026-03"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "evaluate: --prometheus: metric Avail: an availability target counts downtime, so its indicator needs a slice",
    );
  });
});
