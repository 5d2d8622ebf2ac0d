import { describe, expect, it } from "vitest";
import { declarationsOf, parse, propertyOf } from "../../src/index.ts";
import { corpus } from "../helpers.ts";

function only(text: string) {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  return declarationsOf(result.file);
}

describe("parser", () => {
  it.each(corpus().map((c) => [c.path.replace(/^.*\/(examples|conformance)\//, "$1/"), c.text]))(
    "parses %s without a syntax error (except the announced one)",
    (path, text) => {
      const errors = parse(text).diagnostics;
      if (path.endsWith("syntax-recovery.sla")) expect(errors.map((d) => d.range.start.line)).toEqual([28]);
      else expect(errors).toEqual([]);
    },
  );

  it("recovers after a syntax error and keeps the declaration that follows", () => {
    const text = corpus().find((c) => c.path.endsWith("syntax-recovery.sla"))!.text;
    const names = declarationsOf(parse(text).file).map((d) => d.name?.text);
    expect(names).toContain("Uptime");
    expect(names).toContain("Other");
  });

  it("decodes literals: durations know unit and length, amounts keep exact decimals", () => {
    const [service] = only("service S { fee GBP 12,000.50 per quarter }");
    const fee = propertyOf(service as never, "fee" as never) as unknown as {
      amount: { currency: string; amount: string };
      period: string;
    };
    expect(fee.amount).toMatchObject({ currency: "GBP", amount: "12000.50" });
    expect(fee.period).toBe("quarter");
    const [objective] = only("objective O { response within 2 business hours during 24x7 }");
    expect(objective.properties[0]).toMatchObject({
      kind: "response",
      duration: { amount: "2", unit: "business hour" },
      during: { kind: "Always" },
    });
  });

  it("gives every node exact positions", () => {
    const [party] = only('party Acme "Acme Ltd." { role provider }');
    expect(party.name!.range).toEqual({
      start: { offset: 6, line: 1, column: 7 },
      end: { offset: 10, line: 1, column: 11 },
    });
    expect(party.properties[0].range.start.column).toBe(26);
    expect(party.properties[0].range.end.column).toBe(39);
  });

  it("reads every kind of window and condition", () => {
    const [remedy] = only(`remedy R {
  credit 5% of monthly fee for each breach
  credit 10% of annual fee when below 99.5%
  cap 20% of quarterly fee per rolling 30 days
}`);
    expect(remedy.properties.map((p) => p.kind)).toEqual(["credit", "credit", "cap"]);
    expect(remedy.properties[0]).toMatchObject({ condition: { kind: "each breach" }, basis: { period: "month" } });
    expect(remedy.properties[1]).toMatchObject({
      condition: { kind: "threshold", comparator: { op: "below" }, threshold: { value: "99.5" } },
    });
    expect(remedy.properties[2]).toMatchObject({
      window: { period: "rolling", length: { amount: "30", unit: "day" } },
    });
  });

  it("decodes text blocks without their layout", () => {
    const [clause] = only('clause C {\n  text """\n    First line,\n      indented.\n  """\n}');
    expect(clause.properties[0]).toMatchObject({ value: { value: "First line,\n  indented.", block: true } });
  });

  it("never throws, whatever the input", () => {
    for (const text of [
      "",
      "}",
      "{{{{",
      "agreement",
      '"""',
      "/*",
      "party X { role }",
      "\u0000\ufeff\u202e",
      "1,2,3,,,%%%",
    ]) {
      expect(() => parse(text)).not.toThrow();
    }
  });

  it("reports a missing closing brace at the end of the file", () => {
    const { diagnostics } = parse("party X { role provider");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toBe("Expected '}' after 'provider', found the end of the file.");
    expect(diagnostics[0].range.start).toEqual({ offset: 23, line: 1, column: 24 });
  });

  it("names a stray word between declarations as a missing declaration, and keeps what follows", () => {
    const { file, diagnostics } = parse("party A { role provider }\nx\nparty B { role customer }");
    expect(diagnostics.map((d) => [d.range.start.line, d.message])).toEqual([
      [2, "Expected a declaration (agreement, party, service, …), found 'x'."],
    ]);
    expect(declarationsOf(file).map((d) => d.name?.text)).toEqual(["A", "B"]);
  });

  it("ends a token that runs to a final line break at the start of the next line", () => {
    const text = 'clause C { text """\n  abc\n';
    const unterminated = parse(text).diagnostics.find((d) => d.code === "SLA1003")!;
    expect(unterminated.range.end).toEqual({ offset: text.length, line: 3, column: 1 });
  });

  it("turns unterminated strings into one precise diagnostic", () => {
    const { diagnostics } = parse('party X "Acme {\n}');
    expect(diagnostics.map((d) => d.code)).toContain("SLA1002");
  });
});
