/**
 * Indicator sources on metrics (`indicator prometheus …`): carried in the bundle for the exports,
 * kept out of the written contract.
 */
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { bundleSchema, compileBundle, renderContract } from "../src/index.ts";
import { INDICATOR_CONTRACT } from "./export/contract.ts";
import { checkSource, errorsOf } from "./helpers.ts";

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(bundleSchema);

function build(text = INDICATOR_CONTRACT) {
  const program = checkSource({ "file:///work/shop.sla": text });
  return { program, bundle: compileBundle(program) };
}

describe("a metric's indicator", () => {
  it("is carried in the bundle in each of its three forms, valid against the schema", () => {
    const { program, bundle } = build();
    expect(errorsOf(program)).toEqual([]);
    const byName = Object.fromEntries(bundle.metrics.map((m) => [m.name, m.indicator]));
    expect(byName.Avail).toEqual({
      source: "prometheus",
      kind: "good-total",
      good: 'sum(rate(http_requests_total{job="checkout",code!~"5.."}[$window]))',
      total: 'sum(rate(http_requests_total{job="checkout"}[$window]))',
    });
    expect(byName.Failures).toMatchObject({ kind: "errors-total", errors: expect.stringContaining('code=~"5.."') });
    expect(byName.Speed).toMatchObject({
      kind: "histogram",
      histogram: 'http_request_duration_seconds_bucket{job="checkout"}',
      threshold: { amount: "300", unit: "millisecond", seconds: "0.3" },
    });
    expect(byName.Manual).toBeUndefined();
    expect("indicator" in bundle.metrics.find((m) => m.name === "Manual")!).toBe(false);
    expect(validate(bundle), JSON.stringify(validate.errors)).toBe(true);
  });

  it("stays out of the Markdown contract", () => {
    const { bundle } = build();
    const markdown = renderContract(bundle);
    expect(markdown).not.toContain("http_requests_total");
    expect(markdown).not.toContain("prometheus");
    const { bundle: plain } = build(INDICATOR_CONTRACT.replace(/^ {2}indicator .*$/gm, ""));
    expect(renderContract(plain)).toBe(markdown);
  });

  it("must fit the metric's type (SLA4019)", () => {
    const text = INDICATOR_CONTRACT.replace(
      'type latency percentile 99\n  indicator prometheus histogram "http_request_duration_seconds_bucket{job=\\"checkout\\"}" below 300 milliseconds',
      'type latency percentile 99\n  indicator prometheus good "a" total "b"',
    );
    const line = text.split("\n").findIndex((l) => l.includes('good "a"')) + 1;
    const { program } = build(text);
    expect(program.diagnostics.map((d) => `${d.code} ${d.range.start.line}`)).toEqual([`SLA4019 ${line}`]);
  });
});
