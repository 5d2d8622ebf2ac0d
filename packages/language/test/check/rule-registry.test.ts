/**
 * The rule registry: every rule is a named entry, and a rule that throws yields one internal-error
 * diagnostic (SLA9001) naming it while every other diagnostic of the check is still published.
 */
import { describe, expect, it } from "vitest";
import { type Diagnostic, checkLoadedProgram, checkProgram, loadProgram, memoryHost } from "../../src/index.ts";
import { RULES } from "../../src/check/rules/index.ts";

const uri = "file:///r/main.sla";

// A syntax error (SLA1005), an unknown name (SLA2002), a value error (SLA4001) and a tier that
// contradicts the target (SLA5xxx): one from each stage around the failing rule.
const TEXT = `agreement A { currency USD }
party P { role provider }
party C { role customer }
service S { provider P customer C fee USD 100 per month }
metric M { service S type availability }
objective O { metric M target at least 99.9% per calendar month }
objective Bad { metric Missing target at least 120% per calendar month }
remedy R { for O credit 10% of monthly fee when below 99.95% }
party Broken { role }
`;

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code).sort();
}

describe("rule registry", () => {
  it("names every rule once", () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("valuesRule");
    expect(names).toContain("outageBudgetRule");
  });

  it("turns a throwing rule into one SLA9001 naming it and keeps every other diagnostic", () => {
    const expected = checkProgram(uri, memoryHost({ [uri]: TEXT })).diagnostics;
    expect(expected.length).toBeGreaterThan(2);
    const throwing = {
      name: "throwingRule",
      check: () => {
        throw new TypeError("cannot read 'x' of undefined");
      },
    };
    const position = Math.floor(RULES.length / 2);
    const rules = [...RULES.slice(0, position), throwing, ...RULES.slice(position)];
    const { diagnostics } = checkLoadedProgram(loadProgram(uri, memoryHost({ [uri]: TEXT })), rules);

    const internal = diagnostics.filter((d) => d.code === "SLA9001");
    expect(internal).toHaveLength(1);
    expect(internal[0].uri).toBe(uri);
    expect(internal[0].severity).toBe("error");
    expect(internal[0].message).toContain("Internal error in rule throwingRule: please report it");
    expect(internal[0].message).toContain("TypeError: cannot read 'x' of undefined");
    expect(codes(diagnostics.filter((d) => d.code !== "SLA9001"))).toEqual(codes(expected));
  });

  it("keeps what a rule reported before it threw", () => {
    const early = { code: "SLA4001", severity: "error" as const, message: "m", uri, range: expected0() };
    const rule = {
      name: "halfwayRule",
      check: (context: { report(d: Diagnostic): void }) => {
        context.report(early);
        throw new Error("later");
      },
    };
    const { diagnostics } = checkLoadedProgram(loadProgram(uri, memoryHost({ [uri]: "" })), [rule]);
    expect(diagnostics.map((d) => d.code)).toEqual(["SLA4001", "SLA9001"]);
  });

  it("reports each of several failing rules", () => {
    const rules = ["a", "b"].map((name) => ({
      name,
      check: () => {
        throw new Error(name);
      },
    }));
    const { diagnostics } = checkLoadedProgram(loadProgram(uri, memoryHost({ [uri]: "" })), rules);
    expect(diagnostics.map((d) => d.message.slice(0, 24))).toEqual([
      "Internal error in rule a",
      "Internal error in rule b",
    ]);
  });
});

function expected0() {
  const start = { offset: 0, line: 1, column: 1 };
  return { start, end: start };
}
