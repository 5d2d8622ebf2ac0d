/**
 * Indicator sources on metrics (`indicator prometheus …`): carried in the bundle for the exports,
 * kept out of the written contract.
 */
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract } from "../src/index.ts";
import { INDICATOR_CONTRACT } from "./export/contract.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

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
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
  });

  it("stays out of the Markdown contract", () => {
    const { bundle } = build();
    const markdown = renderContract(bundle);
    expect(markdown).not.toContain("http_requests_total");
    expect(markdown).not.toContain("prometheus");
    const { bundle: plain } = build(INDICATOR_CONTRACT.replace(/^ {2}indicator .*$/gm, ""));
    expect(renderContract(plain)).toBe(markdown);
  });

  it("carries a slice, and tells a histogram's threshold from the slice's length", () => {
    const sliced = INDICATOR_CONTRACT.replace(
      'total "sum(rate(http_requests_total{job=\\"checkout\\"}[$window]))"\n}\n\nmetric Failures',
      'total "sum(rate(http_requests_total{job=\\"checkout\\"}[$window]))" slice 30 seconds above 0.5%\n}\n\nmetric Failures',
    );
    expect(sliced).toContain("slice 30 seconds above 0.5%");
    const { program, bundle } = build(sliced);
    expect(errorsOf(program)).toEqual([]);
    expect(bundle.metrics.find((m) => m.name === "Avail")!.indicator).toMatchObject({
      kind: "good-total",
      slice: { length: { amount: "30", unit: "second", seconds: "30" }, above: "0.5" },
    });
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
    expect(renderContract(bundle)).toBe(renderContract(build().bundle));
    // a slice after a histogram: the threshold stays the histogram's, the slice is refused (SLA4020)
    const histogram = INDICATOR_CONTRACT.replace(
      "below 300 milliseconds",
      "below 300 milliseconds slice 1 minute above 5%",
    );
    const { program: refused, bundle: kept } = build(histogram);
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["SLA4020"]);
    expect(refused.diagnostics[0]!.message).toBe(
      "The indicator's slice says when time is downtime, so only an availability metric takes one, not a latency metric.",
    );
    expect(kept.metrics.find((m) => m.name === "Speed")!.indicator).toMatchObject({
      threshold: { amount: "300", unit: "millisecond" },
    });
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
