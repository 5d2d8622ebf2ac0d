/**
 * Contracts that checked clean but made evaluation crash or run away (issue 19, fault 3). Each is
 * now a checker error with its own code; the same value reaching the engine through a bundle is a
 * validation error naming the field; and values at the limits still evaluate.
 */
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../../packages/compiler/src/index.ts";
import { BundleValidationError, evaluate, ndjsonEvents, validateBundle } from "../../packages/engine/src/index.ts";
import { compileText, eventsFor, exampleText } from "./example-bundles.ts";

const outsourcing = exampleText("it-outsourcing.sla");
const desk = exampleText("service-desk.sla");

/** The example with one wording replaced: it must be there to be replaced. */
function variant(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const faults: { what: string; text: string; code: string; message?: RegExp }[] = [
  {
    what: "claim within 100000000 days (was RangeError: Invalid time value)",
    text: variant(outsourcing, "claim within 45 days", "claim within 100000000 days"),
    code: "SLA4014",
  },
  {
    what: "terminate within 1000000000 months (was Invalid unit value NaN)",
    text: variant(outsourcing, "breached 3 times within 6 months", "breached 3 times within 1000000000 months"),
    code: "SLA4014",
  },
  {
    what: "for 1000000000 consecutive months (ran past 60 s)",
    text: variant(outsourcing, "for 3 consecutive months", "for 1000000000 consecutive months"),
    code: "SLA4015",
  },
  {
    what: "resolution within 100000000 business days (ran past 10 minutes at 3.7 GB)",
    text: variant(desk, "resolution within 3 business days", "resolution within 100000000 business days"),
    code: "SLA4016",
  },
  {
    what: "max outage per incident 1 month (checked clean, then 'must be a fixed length')",
    text: variant(outsourcing, "max outage per incident 15 minutes", "max outage per incident 1 month"),
    code: "SLA4017",
  },
  {
    what: "response within 1000000 business hours (was the false 'has no working hours')",
    text: variant(desk, "response within 1 business hour", "response within 1000000 business hours"),
    code: "SLA4016",
    message: /on 'UkBusinessHours' \(42\.5 working hours a week on 5 days\) takes longer than 10 years/,
  },
  {
    what: "claim within 1.5 months (checked clean, then 'only whole numbers of months are supported')",
    text: variant(outsourcing, "claim within 45 days", "claim within 1.5 months"),
    code: "SLA4018",
  },
  {
    what: "resolution within 1.5 business days (checked clean, then 'only whole business days')",
    text: variant(desk, "resolution within 3 business days", "resolution within 1.5 business days"),
    code: "SLA4018",
  },
];

describe("values the engine cannot evaluate in bounded time are checker errors", () => {
  it.each(faults.map((f) => [f.what, f] as const))("%s", (_what, fault) => {
    const { errors, bundle } = compileText(fault.text);
    expect(bundle).toBeNull();
    const error = errors.find((e) => e.startsWith(fault.code));
    expect(error, errors.join("\n")).toBeDefined();
    if (fault.message) expect(error).toMatch(fault.message);
    expect(errors.join("\n")).not.toContain("no working hours");
  });
});

describe("the same values in a bundle are validation errors, not crashes", () => {
  const clean = (text: string) => {
    const { bundle, errors } = compileText(text);
    if (!bundle) throw new Error(errors.join("\n"));
    return bundle;
  };
  const patched: [string, RuleBundle, (b: RuleBundle) => void, RegExp][] = [
    [
      "a claim of 100000000 days",
      clean(outsourcing),
      (b) => {
        b.remedies.find((r) => r.claimWithin)!.claimWithin = {
          text: "100000000 days",
          amount: "100000000",
          unit: "day",
          seconds: "8640000000000",
        };
      },
      /^invalid rule bundle: \$\.remedies\[\d+\]\.claimWithin\.amount "100000000 days" is longer than 10 years/,
    ],
    [
      "a resolution of 100000000 business days",
      clean(desk),
      (b) => {
        b.objectives.find((o) => o.support?.resolution)!.support!.resolution!.within = {
          text: "100000000 business days",
          amount: "100000000",
          unit: "business day",
        };
      },
      /^invalid rule bundle: \$\.objectives\[\d+\]\.support\.resolution\.within\.amount "100000000 business days" of working time/,
    ],
    [
      "a claim of 1.5 months",
      clean(outsourcing),
      (b) => {
        b.remedies.find((r) => r.claimWithin)!.claimWithin = { text: "1.5 months", amount: "1.5", unit: "month" };
      },
      /^invalid rule bundle: \$\.remedies\[\d+\]\.claimWithin\.amount "1\.5 months": only whole months are evaluated/,
    ],
    [
      "an exercise period of 100000000 business days",
      clean(outsourcing),
      (b) => {
        b.remedies[0].exerciseWithin = { text: "100000000 business days", amount: "100000000", unit: "business day" };
      },
      /^invalid rule bundle: \$\.remedies\[0\]\.exerciseWithin\.amount "100000000 business days" of working time/,
    ],
    [
      "an exercise period of 1.5 months",
      clean(outsourcing),
      (b) => {
        b.remedies[0].exerciseWithin = { text: "1.5 months", amount: "1.5", unit: "month" };
      },
      /^invalid rule bundle: \$\.remedies\[0\]\.exerciseWithin\.amount "1\.5 months": only whole months are evaluated/,
    ],
  ];
  it.each(patched.map((p) => [p[0], p] as const))("%s", async (_what, [, original, patch, message]) => {
    const bundle = structuredClone(original);
    patch(bundle);
    await expect(validateBundle(bundle)).rejects.toThrow(message);
    await expect(evaluate(bundle, ndjsonEvents(eventsFor(bundle)), { from: "2026-05" })).rejects.toBeInstanceOf(
      BundleValidationError,
    );
  });
});

describe("values at the limits evaluate", () => {
  it("ten years of business days, 120 consecutive months and a ten-year look-back", async () => {
    let text = variant(desk, "resolution within 10 business days", "resolution within 2605 business days");
    text = variant(text, "response within 1 business day during", "response within 19530 business hours during");
    const { errors, bundle } = compileText(text);
    expect(errors).toEqual([]);
    const reports = await evaluate(bundle!, ndjsonEvents(eventsFor(bundle!)), { from: "2026-05" });
    expect(reports).toHaveLength(1);

    let hosting = variant(outsourcing, "for 3 consecutive months", "for 120 consecutive months");
    hosting = variant(hosting, "within 6 months", "within 120 months");
    hosting = variant(hosting, "claim within 45 days", "claim within 3653 days");
    const limits = compileText(hosting);
    expect(limits.errors).toEqual([]);
    const months = await evaluate(limits.bundle!, ndjsonEvents(eventsFor(limits.bundle!)), { from: "2026-05" });
    expect(months).toHaveLength(1);
  }, 120_000);
});
