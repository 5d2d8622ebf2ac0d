/** Syntax errors that say what the definition accepts where the parser stopped. */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.ts";

function messages(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`);
}

describe("syntax errors from the definition", () => {
  it("says where a word belongs that the property before it does not take", () => {
    expect(messages("metric M {\n  type availability percentile 97\n}\n")).toEqual([
      "2:21 Expected a property or '}', found 'percentile': `percentile` belongs to `type latency percentile N`.",
    ]);
  });

  it("names the declaration a stray property word belongs in", () => {
    expect(messages("objective O {\n  metric M\n  latency percentile 97\n}\n")).toEqual([
      "3:3 Expected a property or '}', found 'latency': `latency` belongs to `type latency` of a metric.",
    ]);
  });

  it("reads a band as published tables write it", () => {
    expect(messages("remedy R {\n  credit 10% of monthly fee when below 99.99% but at least 99.0%\n}\n")).toEqual([]);
  });

  it("says a credit tier is one threshold or one band", () => {
    expect(
      messages("remedy R {\n  credit 10% of monthly fee when below 99.99% but at least 99.0% but above 98%\n}\n"),
    ).toEqual([
      "2:66 Expected a property or '}', found 'but': a credit tier is one threshold (`when below 99.0%`) or one band (`when below 99.99% but at least 99.0%`); give each further tier its own `credit` line.",
    ]);
  });

  it("never quotes as 'after' a token that comes later", () => {
    for (const message of messages("metric M {\n  type availability percentile 97\n}\n")) {
      expect(message).not.toContain("after '97'");
    }
  });
});
