/**
 * Request-based indicators in the bundle, the contract and `sla diff`: `type success rate` (unit
 * percent, its meaning clause) and `downtime per 1 minute when error rate above 5%` (the bundle's
 * `downtimeSlice`, the sentence saying which periods are Downtime, a changed slice in the diff).
 */
import { describe, expect, it } from "vitest";
import { compileBundle, diffBundles, renderContract } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const contract = (metrics: string) => `
agreement Demo "Demo SLA" {
  effective 2026-01-01
  timezone "UTC"
  currency GBP
}
party P "Provider Ltd" { role provider }
party C "Customer plc" { role customer }
service Api "API" {
  provider P
  customer C
  fee GBP 1,000.00 per month
}
${metrics}
objective Uptime { metric Avail  target at least 99.9% per calendar month }
objective Success { metric Requests  target at least 99.5% per calendar month }
`;

function build(avail: string) {
  const program = checkSource({
    "file:///work/main.sla": contract(`metric Avail "API availability" {
  service Api
  type availability
  ${avail}
}
metric Requests "API success rate" {
  service Api
  type success rate
}`),
  });
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

/** The diff's sentences with the names' markers written as quotes, as `sla diff` prints them. */
function sentences(before: ReturnType<typeof build>, after: ReturnType<typeof build>): string[] {
  return diffBundles(before, after).map((c) => c.sentence.replace(/[\u0001\u0002]/g, '"'));
}

describe("request-based indicators", () => {
  it("carry the slice and the success rate in the bundle", () => {
    const bundle = build("downtime per 1 minute when error rate above 5%");
    expect(validateBundle(bundle)).toBe(true);
    expect(bundle.metrics[0].downtimeSlice).toEqual({
      length: { text: "1 minute", amount: "1", unit: "minute", seconds: "60" },
      comparison: "above",
      threshold: "5",
    });
    expect(bundle.metrics[1]).toMatchObject({ type: "success rate", unit: "percent" });
    expect(build("").metrics[0]).not.toHaveProperty("downtimeSlice");
  });

  it("say in the contract which periods are Downtime and how a success rate is worked out", () => {
    const text = renderContract(build("downtime per 5 minutes when error rate at least 2.5%"));
    expect(text).toContain(
      "Each period of 5 minutes in which the error rate of the requests to the Service (the failed requests ÷ all requests × 100) is at least 2.5% is Downtime in full; the periods follow one another from the start of each hour, and a period in which the Service receives no requests is not Downtime.",
    );
    expect(text).toContain(
      "is the share of the requests to the Service within the Service Hours in a Measurement Period that did not fail, as a percentage: (all requests − failed requests) ÷ all requests × 100",
    );
  });

  it("name a changed slice in sla diff", () => {
    const before = build("downtime per 1 minute when error rate above 5%");
    const after = build("downtime per 5 minutes when error rate above 5%");
    expect(sentences(before, after)).toContain(
      'The time-slice downtime of "API availability" changes from a 1 minute slice with an error rate above 5% to a 5 minutes slice with an error rate above 5%',
    );
    expect(sentences(build(""), before)).toContain(
      'The time-slice downtime of "API availability" changes from none to a 1 minute slice with an error rate above 5%',
    );
  });
});
