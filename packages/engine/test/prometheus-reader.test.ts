/**
 * The Prometheus reader against a fake `fetch`: chunked `query_range` requests that neither
 * overlap nor leave gaps, the failed share compared exactly, steps without traffic left out, and
 * every failure a clear `PrometheusError`. The real server is in test/prometheus/evaluate.test.ts.
 */
import { compileBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import { evaluate, PrometheusError, prometheusCoverage, prometheusRecords } from "../src/index.ts";
import { queryRange } from "../src/readers/prometheus-http.ts";

const CONTRACT = `agreement Shop "Shop SLA" {
  effective 2026-01-01
  term 1 year
  timezone "UTC"
  currency EUR
}
party Acme "Acme" { role provider }
party Globex "Globex" { role customer }
service Web "Web shop" {
  provider Acme
  customer Globex
  fee EUR 1,000 per month
  hours 24x7
}
metric Avail "Availability" {
  service Web
  type availability
  indicator prometheus good "sum(rate(ok[$window]))" total "sum(rate(all[$window]))" slice 1 minute above 5%
}
objective Uptime "Uptime" {
  metric Avail
  target at least 99.9% per calendar month
}
`;

function compile(text: string): RuleBundle {
  const uri = "file:///contract/shop.sla";
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return compileBundle(program) as RuleBundle;
}

type Answer = (params: URLSearchParams) => { status?: number; body: string };

/** A fetch that answers `query_range` posts with `answer`, and records every request's parameters. */
function fakeFetch(answer: Answer): { fetch: typeof fetch; requests: URLSearchParams[] } {
  const requests: URLSearchParams[] = [];
  const fake = async (_url: unknown, init?: { body?: unknown }) => {
    const params = new URLSearchParams(String(init?.body));
    requests.push(params);
    const { status = 200, body } = answer(params);
    return new Response(body, { status, statusText: status === 200 ? "OK" : "Bad Gateway" });
  };
  return { fetch: fake as unknown as typeof fetch, requests };
}

const matrix = (...series: [number, string][][]) =>
  JSON.stringify({
    status: "success",
    data: { resultType: "matrix", result: series.map((values) => ({ metric: {}, values })) },
  });

/** Every step of the request, valued by `value(seconds, query)`. */
function everyStep(value: (t: number, query: string) => string | undefined): Answer {
  return (p) => {
    const values: [number, string][] = [];
    for (let t = Number(p.get("start")); t <= Number(p.get("end")); t += Number(p.get("step"))) {
      const v = value(t, p.get("query")!);
      if (v !== undefined) values.push([t, v]);
    }
    return { body: matrix(values) };
  };
}

describe("queryRange", () => {
  it("asks in chunks of at most 10,000 steps that meet without overlapping", async () => {
    const { fetch, requests } = fakeFetch(everyStep(() => "1"));
    const samples = await queryRange(
      "http://p:9090",
      { query: "up", start: 0, end: 25_000 * 60_000, stepMs: 60_000 },
      fetch,
    );
    expect(samples).toHaveLength(25_001);
    expect(samples.map((s) => s.at)).toEqual(Array.from({ length: 25_001 }, (_, i) => i * 60_000));
    expect(requests.map((r) => [r.get("start"), r.get("end"), r.get("step")])).toEqual([
      ["0", "599940", "60"],
      ["600000", "1199940", "60"],
      ["1200000", "1500000", "60"],
    ]);
  });

  it("refuses several series, Prometheus's errors and answers that are not its API", async () => {
    const range = { query: "rate(x[5m])", start: 0, end: 60_000, stepMs: 60_000 };
    const two = fakeFetch(() => ({ body: matrix([[0, "1"]], [[0, "2"]]) }));
    await expect(queryRange("http://p:9090", range, two.fetch)).rejects.toThrow(
      "Prometheus at http://p:9090, query rate(x[5m]): gives 2 series; an indicator query must give one (aggregate it, e.g. sum(…))",
    );
    const bad = fakeFetch(() => ({
      status: 400,
      body: JSON.stringify({ status: "error", errorType: "bad_data", error: "1:6: parse error: unexpected" }),
    }));
    await expect(queryRange("http://p:9090", range, bad.fetch)).rejects.toThrow(
      "query rate(x[5m]): bad_data: 1:6: parse error: unexpected",
    );
    const proxy = fakeFetch(() => ({ status: 502, body: "<html>bad gateway</html>" }));
    await expect(queryRange("http://p:9090", range, proxy.fetch)).rejects.toThrow(
      /HTTP 502 Bad Gateway, not a Prometheus API answer: <html>bad gateway<\/html>/,
    );
    const refused = (async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    }) as unknown as typeof fetch;
    await expect(queryRange("http://p:9090", range, refused)).rejects.toThrow(
      new PrometheusError("cannot reach Prometheus at http://p:9090, query rate(x[5m]): ECONNREFUSED"),
    );
  });
});

describe("queryRange with credentials in the URL", () => {
  it("sends them as Basic authorization, and never shows them", async () => {
    const seen: { url: string; authorization: string | null }[] = [];
    const fetch = (async (url: URL, init: { headers: Record<string, string> }) => {
      seen.push({ url: String(url), authorization: init.headers.authorization ?? null });
      return new Response("{}", { status: 401, statusText: "Unauthorized" });
    }) as unknown as typeof globalThis.fetch;
    const failed = queryRange(
      "http://ops:s%C3%A9cret@p:9090/prom",
      { query: "up", start: 0, end: 0, stepMs: 60_000 },
      fetch,
    );
    await expect(failed).rejects.toThrow(
      "Prometheus at http://p:9090/prom, query up: HTTP 401: the answer is not a success",
    );
    await expect(failed).rejects.not.toThrow(/cret/);
    expect(seen).toEqual([
      {
        url: "http://p:9090/prom/api/v1/query_range",
        authorization: `Basic ${Buffer.from("ops:sécret").toString("base64")}`,
      },
    ]);
  });
});

describe("prometheusRecords", () => {
  const bundle = compile(CONTRACT);
  const march = Date.parse("2026-03-01T00:00:00Z") / 1000;

  it("makes a slice an outage only when its failed share is above the threshold, exactly, or its good series is absent", async () => {
    // 1 - 0.95 is 0.050000000000000044 in binary floating point: above 5% there, exactly 5% here
    const { fetch } = fakeFetch(
      everyStep((t, query) => {
        const minute = (t - march) / 60;
        if (minute < 1 || minute > 5) return undefined;
        if (query.startsWith("sum(rate(all")) return minute === 4 ? "0" : "1";
        // 5: every request failed, and the good series is absent (empty, not 0)
        return { 1: "0.95", 2: "0.9499", 3: "NaN", 4: "0" }[minute];
      }),
    );
    const records = [];
    for await (const r of prometheusRecords(bundle, { from: "2026-03" }, { url: "http://p:9090", fetch }))
      records.push(r);
    expect(records).toEqual([
      {
        type: "outage",
        line: 1,
        service: "Web",
        start: Date.parse("2026-03-01T00:01:00Z"),
        end: Date.parse("2026-03-01T00:02:00Z"),
        cause: "unplanned",
        announced: null,
      },
      {
        type: "outage",
        line: 2,
        service: "Web",
        start: Date.parse("2026-03-01T00:04:00Z"),
        end: Date.parse("2026-03-01T00:05:00Z"),
        cause: "unplanned",
        announced: null,
      },
    ]);
  });

  it("reads in the contract's time-slice downtime when the indicator has no slice of its own", async () => {
    const contractSlice = compile(
      CONTRACT.replace(" slice 1 minute above 5%", "").replace(
        "  type availability\n",
        "  type availability\n  downtime per 5 minutes when error rate at least 5%\n",
      ),
    );
    const { fetch, requests } = fakeFetch(
      everyStep((t, query) => {
        const step = (t - march) / 300;
        if (step < 1 || step > 2) return undefined;
        if (query.startsWith("sum(rate(all")) return "1";
        return { 1: "0.95", 2: "0.9501" }[step]; // exactly 5% failed: at least 5%; then less
      }),
    );
    const records = [];
    for await (const r of prometheusRecords(contractSlice, { from: "2026-03" }, { url: "http://p:9090", fetch }))
      records.push(r);
    expect(new Set(requests.map((r) => r.get("query")))).toEqual(
      new Set(["sum(rate(ok[300s]))", "sum(rate(all[300s]))"]),
    );
    expect(records).toEqual([
      {
        type: "outage",
        line: 1,
        service: "Web",
        start: Date.parse("2026-03-01T00:00:00Z"),
        end: Date.parse("2026-03-01T00:05:00Z"),
        cause: "unplanned",
        announced: null,
      },
    ]);
  });

  it("leaves the time of known maintenance to it: a bad slice gives only its parts outside", async () => {
    const { fetch } = fakeFetch(
      everyStep((t, query) => {
        const minute = (t - march) / 60;
        if (minute < 1 || minute > 3) return undefined;
        return query.startsWith("sum(rate(all") ? "1" : "0";
      }),
    );
    const at = (time: string) => Date.parse(`2026-03-01T${time}Z`);
    const knownOutages = new Map([["Web", [{ start: at("00:00:30"), end: at("00:02:00") }]]]);
    const outages = [];
    for await (const r of prometheusRecords(bundle, { from: "2026-03" }, { url: "http://p:9090", fetch, knownOutages }))
      outages.push([
        r.line,
        new Date((r as { start: number }).start).toISOString(),
        new Date((r as { end: number }).end).toISOString(),
      ]);
    expect(outages).toEqual([
      [1, "2026-03-01T00:00:00.000Z", "2026-03-01T00:00:30.000Z"],
      [2, "2026-03-01T00:02:00.000Z", "2026-03-01T00:03:00.000Z"],
    ]);
  });

  it("tells the evaluation where its data begins, so a month without a failure is not a month without data", async () => {
    const { fetch } = fakeFetch(everyStep((t) => (t > march + 86_400 ? "1" : undefined)));
    const observed = { earliest: null as number | null };
    const records = prometheusRecords(bundle, { from: "2026-03" }, { url: "http://p:9090", fetch, observed });
    const [report] = await evaluate(bundle, records, { from: "2026-03", observedFrom: observed });
    expect(report!.data.records).toBe(0);
    expect(observed.earliest).toBe((march + 86_400) * 1000);
    expect(report!.data.from).toBe("2026-03-01T00:00:00Z");
    expect(report!.objectives[0]).toMatchObject({ met: true, value: "100" });
    const [unaware] = await evaluate(bundle, [], { from: "2026-03" });
    expect(unaware!.data.from).toBeNull();
  });

  it("queries each slice's own minute, from before the window (incidents crossing its start) to after it", async () => {
    const { fetch, requests } = fakeFetch(everyStep(() => undefined));
    for await (const _ of prometheusRecords(
      bundle,
      { from: "2026-03", now: Date.parse("2026-03-20T00:00:00Z") },
      {
        url: "http://p:9090",
        fetch,
      },
    ));
    expect(new Set(requests.map((r) => r.get("query")))).toEqual(
      new Set(["sum(rate(ok[60s]))", "sum(rate(all[60s]))"]),
    );
    const starts = requests.map((r) => Number(r.get("start")));
    const ends = requests.map((r) => Number(r.get("end")));
    // 35 days of look-back before 1 March; nothing asked after now
    expect(Math.min(...starts)).toBe(march - 35 * 86_400 + 60);
    expect(Math.max(...ends)).toBe(Date.parse("2026-03-20T00:00:00Z") / 1000);
  });
});

describe("prometheusCoverage", () => {
  it("refuses an availability indicator without a slice, and lists what it cannot read", () => {
    expect(() => prometheusCoverage(compile(CONTRACT.replace(" slice 1 minute above 5%", "")))).toThrow(
      "metric Avail: an availability target counts downtime, so its indicator needs a slice that says when time is down (`slice 1 minute above 5%`, or `downtime per 1 minute when error rate above 5%` on the metric)",
    );
    const withMore = compile(`${CONTRACT}
metric Manual "Manual error rate" {
  service Web
  type error rate
}
objective FewErrors {
  metric Manual
  target at most 1% per calendar month
}
objective Desk {
  service Web
  severity 1 "Down"
  response within 1 hour during 24x7
  at least 90% of tickets per calendar month
}
objective Limits {
  service Web
  max outage per incident 30 minutes
}
service Api "API" {
  provider Acme
  customer Globex
  hours 24x7
}
objective ApiLimits {
  service Api
  max outage per incident 30 minutes
}
`);
    const coverage = prometheusCoverage(withMore);
    expect([...coverage.outageServices.keys()]).toEqual(["Web"]);
    expect(coverage.uncovered).toEqual([
      "FewErrors (metric Manual has no indicator)",
      "Desk (support tickets)",
      "ApiLimits (the outages of Api: no availability indicator with a slice)",
    ]);
  });
});
