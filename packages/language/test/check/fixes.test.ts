/**
 * Fixes: applying a diagnostic's fix removes that diagnostic and brings no new error; and the edits
 * read well (a property inserted on its own line, indented like its neighbours).
 */
import { describe, expect, it } from "vitest";
import { checkProgram, type Diagnostic, type DiagnosticFix, memoryHost } from "../../src/index.ts";
import { checkFixture, FIXTURE_URI, fixtureFiles, fixtureNames } from "./fixtures.ts";

function apply(files: Record<string, string>, fix: DiagnosticFix): Record<string, string> {
  const result = { ...files };
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  for (const edit of edits) {
    const text = result[edit.uri];
    result[edit.uri] = text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset);
  }
  return result;
}

function count(diagnostics: Diagnostic[], code: string): number {
  return diagnostics.filter((d) => d.code === code).length;
}

const withFixes = fixtureNames().flatMap((name) =>
  checkFixture(name)
    .diagnostics.filter((d) => d.uri === FIXTURE_URI + name && d.fixes?.length)
    .flatMap((d) => d.fixes!.map((fix) => ({ name, d, fix }))),
);

describe("every fix of every fixture", () => {
  it("covers the fixable checks", () => {
    const codes = new Set(withFixes.map((x) => x.d.code));
    for (const code of [
      "SLA2002",
      "SLA3002",
      "SLA3004",
      "SLA3005",
      "SLA3006",
      "SLA4003",
      "SLA4004",
      "SLA4008",
      "SLA4012",
      "SLA5002",
      "SLA5003",
    ]) {
      expect(codes).toContain(code);
    }
  });

  it.each(withFixes.map((x) => [`${x.name} ${x.d.code} line ${x.d.range.start.line}: ${x.fix.title}`, x] as const))(
    "%s",
    (_title, { name, d, fix }) => {
      const before = checkFixture(name).diagnostics;
      const files = apply(fixtureFiles(), fix);
      const after = checkProgram(FIXTURE_URI + name, memoryHost(files)).diagnostics;
      expect(count(after, d.code)).toBeLessThan(count(before, d.code));
      const newErrors = after.filter(
        (a) => a.severity === "error" && !before.some((b) => b.code === a.code && b.message === a.message),
      );
      expect(newErrors.map((e) => `${e.code} ${e.message}`)).toEqual([]);
    },
  );
});

describe("fix text", () => {
  const uri = "file:///fixtures/x.sla";
  const fixOf = (text: string, code: string) => {
    const d = checkProgram(uri, memoryHost({ [uri]: text })).diagnostics.find((x) => x.code === code);
    expect(d?.fixes?.length).toBeGreaterThan(0);
    return apply({ [uri]: text }, d!.fixes![0])[uri];
  };

  it("inserts a missing property on its own line, indented like the others", () => {
    const text = `objective Uptime {
  metric Avail
  target at least 99.9% per calendar month
}

remedy Credits {
    credit 10% of monthly fee when below 99.9%
}

metric Avail { type availability }
`;
    expect(fixOf(text, "SLA3006")).toContain(`remedy Credits {
    for Uptime
    credit 10% of monthly fee when below 99.9%
}`);
  });

  it("inserts into a one-line body on the same line", () => {
    expect(fixOf(`party Vendor "Vendor Inc." { address "1 High Street" }\n`, "SLA3006")).toBe(
      `party Vendor "Vendor Inc." { role provider address "1 High Street" }\n`,
    );
    expect(fixOf(`party Vendor {}\n`, "SLA3006")).toBe(`party Vendor { role provider }\n`);
  });

  it("reorders falling credits so they rise as service worsens", () => {
    const text = `agreement A { effective 2026-01-01 currency USD }
party P { role provider }
party C { role customer }
service S { provider P customer C fee USD 100 per month }
metric M { service S type availability }
objective U { metric M target at least 99.9% per calendar month }
remedy R {
  for U
  credit 25% of monthly fee when below 99.9%
  credit 10% of monthly fee when below 99%
  credit 50% of monthly fee when below 95%
}
`;
    const fixed = fixOf(text, "SLA5002");
    expect(fixed).toContain(
      "credit 10% of monthly fee when below 99.9%\n  credit 25% of monthly fee when below 99%\n  credit 50%",
    );
  });

  it("inserts into an empty multi-line body indented by two spaces", () => {
    expect(fixOf(`  party Vendor {\n  }\n`, "SLA3006")).toBe(`  party Vendor {\n    role provider\n  }\n`);
  });

  it("removes a repeated property with its line", () => {
    const text = `agreement Demo {
  timezone "UTC"
  timezone "Europe/London" // second
  currency USD
}
`;
    expect(fixOf(text, "SLA3005")).toBe(`agreement Demo {
  timezone "UTC"
  currency USD
}
`);
  });

  it("removes a repeated property from a one-line body", () => {
    expect(fixOf(`party P { role provider role customer }\n`, "SLA3005")).toBe(`party P { role provider }\n`);
  });

  it("moves a tier that pays while the target is met to the target", () => {
    const text = `metric Avail { type availability }
objective Uptime { metric Avail target at least 99.9% per calendar month }
remedy Credits { for Uptime credit 10% of monthly fee when at most 99.9% }
`;
    expect(fixOf(text.replace("at most 99.9%", "below 99.95%"), "SLA5003")).toContain(
      "credit 10% of monthly fee when below 99.9% }",
    );
  });

  it("offers the same move, not preferred, for a tier that pays at exactly the target (a warning)", () => {
    const text = `metric Avail { type availability }
objective Uptime { metric Avail target at least 99.9% per calendar month }
remedy Credits { for Uptime credit 10% of monthly fee when at most 99.9% }
`;
    expect(fixOf(text, "SLA5010")).toContain("credit 10% of monthly fee when below 99.9% }");
  });

  it("suggests the nearest time zone", () => {
    expect(fixOf(`calendar C { timezone "Europe/Londn" }\n`, "SLA4008")).toBe(
      `calendar C { timezone "Europe/London" }\n`,
    );
  });
});
