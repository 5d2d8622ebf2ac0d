/** The credit forms of real agreements: parsed into the AST, kept by the formatter. */
import { describe, expect, it } from "vitest";
import { format, parse } from "../../src/index.ts";
import { type CreditProperty, declarationsOf, type RemedyDeclaration } from "../../src/syntax/ast.ts";
import { withoutPositions } from "../helpers.ts";

function remedy(body: string): RemedyDeclaration {
  const { file, diagnostics } = parse(`remedy R {\n  for Uptime\n${body}\n}\n`);
  expect(diagnostics).toEqual([]);
  return declarationsOf(file)[0] as RemedyDeclaration;
}

function credits(body: string): CreditProperty[] {
  return remedy(body).properties.filter((p): p is CreditProperty => p.kind === "credit");
}

/** Formatting keeps the words and the meaning, and is already canonical for canonical text. */
function formatsAsWritten(body: string): void {
  const text = `remedy R {\n  for Uptime\n${body}\n}\n`;
  const once = format(text);
  expect(once.errors).toEqual([]);
  expect(once.text).toBe(text);
  expect(withoutPositions(parse(once.text).file)).toEqual(withoutPositions(parse(text).file));
}

describe("fixed-amount credits", () => {
  it("hold the amount and no percentage", () => {
    const [c] = credits("  credit USD 1,500.00 when below 99.0%");
    expect(c.amount).toMatchObject({ kind: "Money", currency: "USD", amount: "1500.00" });
    expect(c.percentage).toBeUndefined();
    expect(c.basis).toBeUndefined();
  });

  it("format as written", () => {
    formatsAsWritten("  credit USD 500.00 when below 99.0%\n  credit GBP 25 for each breach");
  });
});

describe("at or below, at or above", () => {
  it("mean at most and at least, in tiers and bands", () => {
    const [a, b] = credits(
      "  credit 10% of monthly fee when at or below 99.9%\n  credit 5% of monthly fee when at or above 99.0% but below 99.5%",
    );
    expect(a.condition).toMatchObject({ kind: "threshold", comparator: { op: "at most" } });
    expect(b.condition).toMatchObject({
      kind: "threshold",
      comparator: { op: "at least" },
      bound: { comparator: { op: "below" } },
    });
  });

  it("are also a target's words", () => {
    const { file, diagnostics } = parse("objective O {\n  target at or above 99.9% per calendar month\n}\n");
    expect(diagnostics).toEqual([]);
    expect(JSON.stringify(declarationsOf(file)[0])).toContain('"op":"at least"');
  });

  it("format as written", () => {
    formatsAsWritten("  credit 10% of monthly fee when at or below 99.9%");
  });

  it("need both words after `or`", () => {
    expect(parse("remedy R {\n  credit 10% of monthly fee when at or 99.9%\n}\n").diagnostics).not.toEqual([]);
  });
});

describe("cumulative credits and a minimum credit", () => {
  it("are remedy properties", () => {
    const r = remedy(
      "  credits are cumulative\n  credit 10% of monthly fee when below 99.9%\n  minimum credit USD 1.00",
    );
    expect(r.properties.find((p) => p.kind === "credits cumulative")).toMatchObject({ mode: "cumulative" });
    expect(r.properties.find((p) => p.kind === "minimum credit")).toMatchObject({
      amount: { currency: "USD", amount: "1.00" },
    });
  });

  it("`not cumulative` is the other mode, not `cumulative`", () => {
    const r = remedy("  credits are not cumulative");
    expect(r.properties.find((p) => p.kind === "credits cumulative")).toMatchObject({ mode: "not cumulative" });
  });

  it("format as written", () => {
    formatsAsWritten(
      "  credits are not cumulative\n  credit 10% of monthly fee when below 99.9%\n  minimum credit USD 1.00",
    );
  });
});

describe("a cap on all credits", () => {
  it("is a service property with a percentage of a fee and a window", () => {
    const { file, diagnostics } = parse("service S {\n  cap all credits at 50% of monthly fee per calendar month\n}\n");
    expect(diagnostics).toEqual([]);
    const service = declarationsOf(file)[0];
    expect(JSON.stringify(service)).toContain('"kind":"cap all credits"');
    expect(format("service S {\n  cap   all credits at 50% of monthly fee   per calendar month\n}\n").text).toBe(
      "service S {\n  cap all credits at 50% of monthly fee per calendar month\n}\n",
    );
  });

  it("needs its window", () => {
    expect(parse("service S {\n  cap all credits at 50% of monthly fee\n}\n").diagnostics).not.toEqual([]);
  });
});

describe("credits per unit of downtime", () => {
  it("hold the rounding, the unit and whether only downtime beyond the allowance counts", () => {
    const [started, full] = credits(
      "  credit USD 100.00 for each started 30 minutes of downtime beyond the allowance\n  credit 5% of monthly fee for each full 1 hour of downtime",
    );
    expect(started.condition).toMatchObject({
      kind: "each unit",
      rounding: "started",
      unit: { amount: "30", unit: "minute" },
      beyondAllowance: true,
    });
    expect(full.condition).toMatchObject({ kind: "each unit", rounding: "full", beyondAllowance: false });
  });

  it("format as written", () => {
    formatsAsWritten("  credit USD 100.00 for each started 30 minutes of downtime beyond the allowance");
  });

  it("need the rounding and the unit", () => {
    expect(parse("remedy R {\n  credit USD 1.00 for each 30 minutes of downtime\n}\n").diagnostics).not.toEqual([]);
    expect(parse("remedy R {\n  credit USD 1.00 for each full of downtime\n}\n").diagnostics).not.toEqual([]);
  });
});

describe("credits banded by the number of breaches", () => {
  it("hold the range or `or more`, and the period", () => {
    const [range, more, exactly] = credits(
      "  credit 5% of monthly fee when breached 1 to 2 times per calendar quarter\n  credit 15% of monthly fee when breached 5 or more times per calendar quarter\n  credit 10% of monthly fee when breached 3 times per calendar year",
    );
    expect(range.condition).toMatchObject({
      kind: "breaches",
      from: { value: "1" },
      to: { value: "2" },
      orMore: false,
    });
    expect(more.condition).toMatchObject({ kind: "breaches", from: { value: "5" }, orMore: true });
    expect(exactly.condition).toMatchObject({ kind: "breaches", from: { value: "3" }, orMore: false });
    expect(exactly.condition).not.toHaveProperty("to", expect.anything());
  });

  it("format as written", () => {
    formatsAsWritten("  credit 15% of monthly fee when breached 5 or more times per calendar quarter");
  });

  it("need the period", () => {
    expect(parse("remedy R {\n  credit 5% of monthly fee when breached 1 to 2 times\n}\n").diagnostics).not.toEqual([]);
  });
});
