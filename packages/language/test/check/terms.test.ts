/**
 * Defined terms against the text that uses them (issue 15, "User definitions"): what a text writes
 * as a defined term, where the warning points inside a text block, and which terms count as
 * defined. The codes' basic cases are fixtures (SLA6007-…, SLA6008-…, ok-defined-terms).
 */
import { describe, expect, it } from "vitest";
import { checkProgram, GENERATED_TERMS, memoryHost } from "../../src/index.ts";
import { quotedTerms } from "../../src/terms.ts";

const HEAD = `agreement Demo "Demo Agreement" {
  timezone "UTC"
}
party Acme "Acme Ltd" { role provider }
party Beta "Beta plc" { role customer }
`;

function termWarnings(source: string) {
  const uri = "file:///terms.sla";
  return checkProgram(uri, memoryHost({ [uri]: source }))
    .diagnostics.filter((d) => d.code === "SLA6007" || d.code === "SLA6008")
    .map((d) => ({
      code: d.code,
      at: `${d.range.start.line}:${d.range.start.column}`,
      text: source.slice(d.range.start.offset, d.range.end.offset),
    }));
}

describe("quotedTerms", () => {
  it.each([
    ['a "Critical Incident" occurs', ["Critical Incident"]],
    ["a “Critical Incident” occurs", ["Critical Incident"]],
    ['the "**Service Desk**" and "_Hours_"', ["Service Desk", "Hours"]],
    ['"Period of Service" and "Terms and Conditions"', ["Period of Service", "Terms and Conditions"]],
    ['"Client-Caused Outage" and "Supplier’s Premises"', ["Client-Caused Outage", "Supplier’s Premises"]],
    ['"One Two Three Four Five Six"', ["One Two Three Four Five Six"]],
    ['"One Two Three Four Five Six Seven"', []],
    ['"urgent", "Severity 1", "Read this first.", "24x7", "of Note", "Terms of"', []],
    ['"" and "Comma, Term"', []],
    ['"Two  Spaces"', ["Two Spaces"]],
    ['"Incident" then "Incident" again', ["Incident"]],
    ['an unmatched "Quote', []],
    ['the words "SLA Credit Request", the words: "Claim", marked “Urgent”, entitled "Annex A"', []],
    ['the "Key Date" (the "Date")', ["Key Date", "Date"]],
  ])("finds the terms of %j", (text, terms) => {
    expect(quotedTerms(text)).toEqual(terms);
  });

  it("finds 50,000 different terms in one pass", () => {
    const word = (i: number) =>
      [...i.toString(26)].map((d) => String.fromCharCode(65 + Number.parseInt(d, 26))).join("");
    const text = Array.from({ length: 50_000 }, (_, i) => `"Term X${word(i)}"`).join(" and ");
    expect(quotedTerms(text)).toHaveLength(50_000);
  });

  it("reads a line break as a space", () => {
    expect(quotedTerms('each "Production\n    Environment" only')).toEqual(["Production Environment"]);
  });
});

describe("SLA6008 quoted term that nothing defines", () => {
  it("points at the term inside a text block, on its own line", () => {
    const source = `${HEAD}clause Scope "Scope" {
  text """
    The levels apply to each
    "Production Environment" only.
  """
}
`;
    expect(termWarnings(source)).toEqual([{ code: "SLA6008", at: "9:6", text: "Production Environment" }]);
  });

  it("offers to define the term in the agreement", () => {
    const source = `${HEAD}clause Scope "Scope" { text "Each \\"Key Date\\" is fixed." }\n`;
    const uri = "file:///terms.sla";
    const [warning] = checkProgram(uri, memoryHost({ [uri]: source })).diagnostics.filter((d) => d.code === "SLA6008");
    expect(warning.fixes?.map((f) => f.title)).toEqual(['Define "Key Date" in the agreement']);
    const [edit] = warning.fixes![0].edits;
    expect(edit.newText).toBe('  define "Key Date" as "…"\n');
    expect(edit.range.start.line).toBe(2);
  });

  it("points at the whole text when the term is not written as it reads (a term broken over two lines)", () => {
    const source = `${HEAD}clause Scope "Scope" {
  text """
    Each "Production
    Environment" only.
  """
}
`;
    const [warning] = termWarnings(source);
    expect(warning.code).toBe("SLA6008");
    expect(warning.text.startsWith('"""')).toBe(true);
  });

  it("warns once per text for a term quoted twice, and again in another clause", () => {
    const clause = (name: string) => `clause ${name} "${name}" { text "A \\"Key Date\\" and a \\"Key Date\\"." }\n`;
    expect(termWarnings(`${HEAD}${clause("One")}${clause("Two")}`).map((w) => w.at)).toEqual(["6:30", "7:30"]);
  });

  it("accepts every term the written contract defines itself, and its plural", () => {
    const quoted = GENERATED_TERMS.flatMap((t) => [`"${t}"`, t.endsWith("s") ? `"${t}"` : `"${t}s"`]).join(", ");
    const source = `${HEAD}clause Terms "Terms" { text """\n    ${quoted}\n  """ }\n`;
    expect(termWarnings(source)).toEqual([]);
  });

  it("accepts a party's label and its caused-outage term, and declaration names and titles", () => {
    const source = `agreement Demo "Demo Agreement" { timezone "UTC" }
party Acme "Acme Ltd" { role provider  called "Vendor" }
party Beta "Beta plc" { role customer  called "Buyer" }
clause Scope "Scope Of Work" {
  text "The \\"Vendor\\", the \\"Buyer\\", a \\"Buyer-Caused Outage\\", \\"Acme Ltd\\", \\"Acme\\" and \\"Scope Of Work\\"."
}
`;
    expect(termWarnings(source)).toEqual([]);
  });

  it("is case-sensitive about capitals but not a defined term's plural", () => {
    const source = `agreement Demo "Demo Agreement" {
  timezone "UTC"
  define "Key Date" as "a date in the plan"
}
party Acme "Acme Ltd" { role provider }
party Beta "Beta plc" { role customer }
clause Scope "Scope" { text "All \\"Key Dates\\" are fixed." }
`;
    expect(termWarnings(source)).toEqual([]);
  });
});

describe("SLA6007 defined term that no clause uses", () => {
  it("does not report a definition that replaces one the written contract writes itself", () => {
    const source = `agreement Demo "Demo Agreement" {
  timezone "UTC"
  define "Service Credit" as "a credit against the fees"
  define "Key Date" as "a date in the plan"
}
party Acme "Acme Ltd" { role provider }
party Beta "Beta plc" { role customer }
`;
    expect(termWarnings(source)).toEqual([{ code: "SLA6007", at: "4:10", text: '"Key Date"' }]);
  });

  it("counts a use in any text the contract writes, not only in clauses", () => {
    const source = `agreement Demo "Demo Agreement" {
  timezone "UTC"
  define "Unavailable" as "without external connectivity"
  define "Support Hours" as "06:30 to 20:30"
  define "Spare" as "not used"
}
party Acme "Acme Ltd" { role provider }
party Beta "Beta plc" { role customer }
calendar SupportHours "Support Hours" { monday to sunday 06:30 to 20:30 }
service Web "Web" { provider Acme  customer Beta  hours SupportHours }
metric Up "Uptime" { service Web  type availability  downtime "A minute in which the service is Unavailable" }
objective O "O" { metric Up  target at least 99% per calendar month }
`;
    expect(termWarnings(source)).toEqual([{ code: "SLA6007", at: "5:10", text: '"Spare"' }]);
  });
});
