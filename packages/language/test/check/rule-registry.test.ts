/**
 * The rule registry: every rule is a named entry, and a rule that throws yields one internal-error
 * diagnostic (SLA9001) naming it while every other diagnostic of the check is still published.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Diagnostic, checkLoadedProgram, checkProgram, loadProgram, memoryHost } from "../../src/index.ts";
import { RULES } from "../../src/check/rules/index.ts";

const rulesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/check/rules");

/** The sibling modules (`./x.ts`) a module of rules/ imports. */
function siblingImports(file: string): string[] {
  const text = readFileSync(join(rulesDir, file), "utf8");
  return [...text.matchAll(/^(?:import|export)[^;]*?from "\.\/([\w-]+\.ts)";/gms)].map((m) => m[1]);
}

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
    expect(names).toContain("percentagesRule");
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

describe("rule modules", () => {
  // A rule module is one the registry imports rules from; the others are shared helpers.
  const ruleModules = new Set(siblingImports("index.ts"));
  const modules = readdirSync(rulesDir).filter((f) => f.endsWith(".ts") && f !== "index.ts");

  it("are found, and the helpers too", () => {
    expect(ruleModules.size).toBeGreaterThanOrEqual(8);
    for (const helper of ["support.ts", "goals.ts", "literals.ts"]) expect(ruleModules.has(helper), helper).toBe(false);
  });

  it("import no other rule module, directly or through a helper", () => {
    const sideways = modules.flatMap((file) =>
      siblingImports(file)
        .filter((imported) => ruleModules.has(imported))
        .map((imported) => `${file} imports ${imported}`),
    );
    expect(sideways).toEqual([]);
  });

  it("register every rule they export, each a named function of the registry", async () => {
    const registered = new Set(RULES.map((r) => r.check));
    const unregistered: string[] = [];
    for (const file of ruleModules) {
      const exports = (await import(join(rulesDir, file))) as Record<string, unknown>;
      const rules = Object.entries(exports).filter(
        ([name, value]) => name.endsWith("Rule") && typeof value === "function",
      );
      expect(rules.length, file).toBeGreaterThan(0);
      for (const [name, rule] of rules) {
        if (!registered.has(rule as never)) unregistered.push(`${file}: ${name}`);
        else expect(RULES.find((r) => r.check === rule)?.name, `${file}: ${name}`).toBe(name);
      }
    }
    expect(unregistered).toEqual([]);
  });

  it("split values and limits into named rules (no monolithic valuesRule or limitsRule)", () => {
    const names = RULES.map((r) => r.name);
    expect(names).not.toContain("valuesRule");
    expect(names).not.toContain("limitsRule");
    expect(names).toEqual(expect.arrayContaining(["currencyRule", "durationsRule", "durationLimitsRule"]));
  });
});

function expected0() {
  const start = { offset: 0, line: 1, column: 1 };
  return { start, end: start };
}
