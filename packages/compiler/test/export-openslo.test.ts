/**
 * `sla export openslo` and `sla import openslo`: OpenSLO v1 documents for every objective with an
 * indicator source, valid against the schema's required fields, and a round trip through import.
 *
 * No official OpenSLO v1 JSON Schema is installable offline, so OPENSLO_V1 below writes down the
 * required fields of Service, SLI and SLO from the OpenSLO v1 specification (github.com/OpenSLO/OpenSLO,
 * README "Service", "SLI", "SLO"): apiVersion, kind, metadata.name (a DNS label), and each kind's
 * required spec fields and their enumerations.
 */
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { compileBundle, exportOpenSlo, importOpenSlo, OpenSloError } from "../src/index.ts";
import { INDICATOR_CONTRACT } from "./export/contract.ts";
import { checkSource, errorsOf, exampleFiles, checkFile, Ajv2020 } from "./helpers.ts";

const query = {
  type: "object",
  required: ["metricSource"],
  properties: {
    metricSource: {
      type: "object",
      required: ["type", "spec"],
      properties: { type: { type: "string" }, spec: { type: "object" } },
    },
  },
};
const metadata = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$" },
    displayName: { type: "string" },
  },
};
const OPENSLO_V1 = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: { apiVersion: { const: "openslo/v1" }, kind: { enum: ["Service", "SLI", "SLO"] }, metadata },
  oneOf: [
    {
      properties: {
        kind: { const: "SLI" },
        spec: {
          type: "object",
          required: ["ratioMetric"],
          properties: {
            ratioMetric: {
              type: "object",
              required: ["counter", "total"],
              oneOf: [{ required: ["good"] }, { required: ["bad"] }],
              properties: { counter: { type: "boolean" }, good: query, bad: query, total: query },
            },
          },
        },
      },
    },
    {
      properties: {
        kind: { const: "SLO" },
        spec: {
          type: "object",
          required: ["service", "timeWindow", "budgetingMethod", "objectives"],
          oneOf: [{ required: ["indicatorRef"] }, { required: ["indicator"] }],
          properties: {
            service: { type: "string" },
            indicatorRef: { type: "string" },
            budgetingMethod: { enum: ["Occurrences", "Timeslices", "RatioTimeslices"] },
            timeWindow: {
              type: "array",
              minItems: 1,
              maxItems: 1,
              items: {
                type: "object",
                required: ["duration", "isRolling"],
                properties: {
                  duration: { type: "string", pattern: "^[1-9][0-9]*[smhdwMQY]$" },
                  isRolling: { type: "boolean" },
                  calendar: {
                    type: "object",
                    required: ["startTime", "timeZone"],
                    properties: {
                      startTime: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$" },
                      timeZone: { type: "string" },
                    },
                  },
                },
                anyOf: [{ properties: { isRolling: { const: true } } }, { required: ["calendar"] }],
              },
            },
            objectives: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                required: ["target"],
                properties: { target: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 } },
              },
            },
          },
        },
      },
    },
    {
      properties: { kind: { const: "Service" }, spec: { type: "object" } },
    },
  ],
};
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(OPENSLO_V1);

function documents(yaml: string): Record<string, unknown>[] {
  return parseAllDocuments(yaml).map((d) => d.toJS() as Record<string, unknown>);
}

function exported(text: string): string {
  const program = checkSource({ "file:///work/shop.sla": text });
  expect(errorsOf(program)).toEqual([]);
  const yaml = exportOpenSlo(compileBundle(program));
  expect(yaml).toBeDefined();
  return yaml!;
}

describe("sla export openslo", () => {
  const yaml = exported(INDICATOR_CONTRACT);

  it("writes a Service, an SLI per metric and an SLO per objective with an indicator, each valid", () => {
    const docs = documents(yaml);
    expect(docs.map((d) => `${d.kind} ${(d.metadata as { name: string }).name}`)).toEqual([
      "Service checkout",
      "SLI avail",
      "SLO uptime",
      "SLI failures",
      "SLO few-errors",
      "SLI speed",
      "SLO fast",
    ]);
    for (const doc of docs) expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("writes targets as the exact decimals of the contract, windows in the agreement's time zone", () => {
    expect(yaml).toContain("      target: 0.999\n");
    expect(yaml).toContain("      target: 0.995\n");
    expect(yaml).toContain("      target: 0.99\n");
    const slo = documents(yaml).find((d) => (d.metadata as { name: string }).name === "uptime")!;
    expect((slo.spec as { timeWindow: unknown }).timeWindow).toEqual([
      { duration: "1M", isRolling: false, calendar: { startTime: "2026-01-01 00:00:00", timeZone: "Europe/London" } },
    ]);
    expect(yaml).toContain("duration: 28d\n      isRolling: true");
  });

  it("writes a target that binary floating point would round as its decimal text", () => {
    const text = INDICATOR_CONTRACT.replace("at least 99.9%", "at least 99.99999999999999999%");
    expect(exported(text)).toContain("target: 0.9999999999999999999\n");
  });

  it("turns a latency histogram into the ratio of its threshold's bucket to all requests", () => {
    expect(yaml).toContain(
      'query: sum(rate(http_request_duration_seconds_bucket{job="checkout",le="0.3"}[{{.window}}]))',
    );
    expect(yaml).toContain(
      'query: sum(rate(http_request_duration_seconds_bucket{job="checkout",le="+Inf"}[{{.window}}]))',
    );
  });

  it("leaves out objectives without an indicator, and writes nothing for a contract without one", () => {
    expect(yaml).not.toContain("checked");
    const desk = exampleFiles().find((e) => e.name === "service-desk")!;
    // support terms only: tickets have no indicator in a monitoring system
    expect(exportOpenSlo(compileBundle(checkFile(desk.path)))).toBeUndefined();
  });

  for (const example of exampleFiles().filter((e) => e.name !== "service-desk"))
    it(`exports every objective of examples/${example.name}.sla with an indicator, valid, and round-trips it`, () => {
      const bundle = compileBundle(checkFile(example.path));
      const yaml = exportOpenSlo(bundle)!;
      expect(yaml).toBeDefined();
      const docs = documents(yaml);
      for (const doc of docs) expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      const withIndicator = bundle.objectives.filter((o) => bundle.metrics.find((m) => m.name === o.metric)?.indicator);
      expect(withIndicator.length).toBeGreaterThan(0);
      expect(docs.filter((d) => d.kind === "SLO")).toHaveLength(withIndicator.length);
      const { contract, notCarried } = importOpenSlo([{ path: `${example.name}.yaml`, text: yaml }]);
      expect(notCarried).toEqual([]);
      const program = checkSource({ "file:///work/imported.sla": contract });
      expect(errorsOf(program)).toEqual([]);
      expect(documents(exportOpenSlo(compileBundle(program))!)).toEqual(docs);
    });
});

describe("sla import openslo", () => {
  const yaml = exported(INDICATOR_CONTRACT);

  it("gives a contract that checks clean and exports the same documents (round trip)", () => {
    const { contract, notCarried } = importOpenSlo([{ path: "shop.yaml", text: yaml }]);
    expect(notCarried).toEqual([]);
    const program = checkSource({ "file:///work/imported.sla": contract });
    expect(program.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    const again = exportOpenSlo(compileBundle(program))!;
    expect(documents(again)).toEqual(documents(yaml));
  });

  it("reports what it cannot carry over", () => {
    const text = `apiVersion: openslo/v1
kind: SLO
metadata: { name: slow }
spec:
  service: web
  indicatorRef: missing
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 1M, isRolling: false }]
  objectives: [{ target: 0.9 }]
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: page }
spec: {}
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: thresholds }
spec: { thresholdMetric: { metricSource: { type: Datadog, spec: {} } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: by-threshold }
spec:
  service: web
  indicatorRef: thresholds
  budgetingMethod: Timeslices
  timeWindow: [{ duration: 1M, isRolling: false }]
  objectives: [{ target: 0.9 }]
`;
    const { notCarried } = importOpenSlo([{ path: "x.yaml", text }]);
    expect(notCarried).toEqual([
      "x.yaml:11:1 (AlertPolicy page): an OpenSLO AlertPolicy has no place in a contract; skipped",
      "x.yaml:1:1 (SLO slow): its SLI missing is not among the files; skipped",
      "x.yaml:16:1 (SLI thresholds): only Prometheus ratio metrics (good or bad over total) are carried over",
      "x.yaml:21:1 (SLO by-threshold): its SLI could not be carried over; skipped",
    ]);
  });

  it("carries a slice as Timeslices budgeting and back", () => {
    const text = INDICATOR_CONTRACT.replace(
      'total "sum(rate(http_requests_total{job=\\"checkout\\"}[$window]))"\n}\n\nmetric Failures',
      'total "sum(rate(http_requests_total{job=\\"checkout\\"}[$window]))" slice 5 minutes above 2.5%\n}\n\nmetric Failures',
    );
    expect(text).toContain("slice 5 minutes above 2.5%");
    const yaml = exported(text);
    const docs = documents(yaml);
    for (const doc of docs) expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const spec = (name: string) =>
      docs.find((d) => d.kind === "SLO" && (d.metadata as { name: string }).name === name)!.spec as Record<
        string,
        unknown
      >;
    expect(spec("uptime").budgetingMethod).toBe("Timeslices");
    expect(spec("uptime").objectives).toEqual([
      { displayName: "Checkout uptime", target: 0.999, timeSliceTarget: 0.975, timeSliceWindow: "5m" },
    ]);
    expect(yaml).toContain("timeSliceTarget: 0.975\n");
    expect(spec("few-errors").budgetingMethod).toBe("Occurrences");
    const { contract, notCarried } = importOpenSlo([{ path: "shop.yaml", text: yaml }]);
    expect(notCarried).toEqual([]);
    expect(contract).toContain('[$window]))" slice 5 minutes above 2.5%\n');
    const program = checkSource({ "file:///work/imported.sla": contract });
    expect(errorsOf(program)).toEqual([]);
    expect(documents(exportOpenSlo(compileBundle(program))!)).toEqual(docs);
  });

  it("writes days, hours and billing months as calendar windows, and imports them back", () => {
    const text = INDICATOR_CONTRACT.replace(
      "target at least 99.9% per calendar month",
      "target at least 99.9% per billing month from day 15",
    )
      .replace("target at most 0.5% per rolling 28 days", "target at most 0.5% per calendar day")
      .replace("target at most 300 milliseconds per calendar month", "target at most 300 milliseconds per hour")
      .replace("target at least 99.5% per calendar month", "target at least 99.5% per week")
      .replace(
        'metric Manual "Manual checks" {',
        'metric Manual "Manual checks" {\n  indicator prometheus good "sum(rate(ok[$window]))" total "sum(rate(all[$window]))"',
      );
    const docs = documents(exported(text));
    for (const doc of docs) expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const windows = docs
      .filter((d) => d.kind === "SLO")
      .map((d) => (d.spec as { timeWindow: { duration: string; calendar: { startTime: string } }[] }).timeWindow[0]);
    expect(windows.map((w) => [w!.duration, w!.calendar.startTime])).toEqual([
      ["1M", "2026-01-15 00:00:00"],
      ["1d", "2026-01-01 00:00:00"],
      ["1h", "2026-01-01 00:00:00"],
      // 1 January 2026 is a Thursday: the agreement's first ISO week began on Monday 29 December
      ["1w", "2025-12-29 00:00:00"],
    ]);
    const { contract, notCarried } = importOpenSlo([{ path: "shop.yaml", text: exported(text) }]);
    expect(notCarried).toEqual([]);
    expect(contract).toContain("target at least 99.9% per billing month from day 15\n");
    expect(contract).toContain("  effective 2026-01-01\n");
    const program = checkSource({ "file:///work/imported.sla": contract });
    expect(errorsOf(program)).toEqual([]);
    expect(documents(exportOpenSlo(compileBundle(program))!)).toEqual(docs);
    // a billing month alone: its start is the only date there is
    const billingOnly = exported(text)
      .split("---\n")
      .filter((d) => !/name: (few-errors|fast)\n/.test(d))
      .join("---\n");
    const alone = importOpenSlo([{ path: "billing.yaml", text: billingOnly }]).contract;
    expect(alone).toContain("  effective 2026-01-15\n");
    expect(alone).toContain("per billing month from day 15\n");
  });

  it("counts Timeslices it cannot carry over as Occurrences, and says so", () => {
    const yaml = exported(INDICATOR_CONTRACT).replace(
      "budgetingMethod: Occurrences\n  objectives:\n    - displayName: Checkout uptime\n      target: 0.999\n",
      "budgetingMethod: Timeslices\n  objectives:\n    - displayName: Checkout uptime\n      target: 0.999\n      timeSliceTarget: 0.9\n      timeSliceWindow: 7m\n",
    );
    expect(yaml).toContain("timeSliceWindow: 7m");
    const { contract, notCarried } = importOpenSlo([{ path: "shop.yaml", text: yaml }]);
    expect(notCarried).toEqual([
      expect.stringMatching(
        /^shop\.yaml:\d+:1 \(SLO uptime\): objective 1: Timeslices \(timeSliceTarget 0\.9, timeSliceWindow 7m\) is counted as Occurrences/,
      ),
    ]);
    expect(contract).not.toContain("slice");
  });

  it("names the file, line and column of a YAML error", () => {
    expect(() => importOpenSlo([{ path: "bad.yaml", text: "kind: SLO\nmetadata: [\n" }])).toThrow(OpenSloError);
    expect(() => importOpenSlo([{ path: "bad.yaml", text: "kind: SLO\nmetadata: [\n" }])).toThrow(
      /^bad\.yaml:\d+:\d+: /,
    );
  });
});
