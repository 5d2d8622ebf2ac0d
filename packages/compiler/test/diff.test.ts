/**
 * `diffBundles`: one pair of contracts for each kind of change, a pair with no change and a pair
 * that only reformats; the change list's JSON shape; and the sentences in text and Markdown.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format } from "@sla/language";
import { type Change, changesJson, changesMarkdown, changesText, diffBundles, NO_CHANGES } from "../src/index.ts";
import { BASE, bundleOf, edited } from "./diff-helpers.ts";
import { plainSentence } from "../src/diff/sentence.ts";

const base = bundleOf(BASE);

function changes(...edits: [string, string][]): Change[] {
  return diffBundles(base, bundleOf(edited(...edits)));
}

function sentences(list: Change[]): string[] {
  return list.map((c) => plainSentence(c.sentence));
}

describe("a change of each kind", () => {
  it("a target raised, with the permitted downtime it allows", () => {
    const list = changes(
      ["target at least 99.95% per calendar month", "target at least 99.99% per calendar month"],
      ["credit 5% of monthly fee when below 99.95%", "credit 5% of monthly fee when below 99.99%"],
    );
    const target = list.filter((c) => c.kind === "target");
    expect(sentences(target)).toEqual([
      "The target of “Core platform availability” is raised from 99.95% to 99.99%; permitted downtime in a 30-day month falls from 21m 36s to 4m 19.2s",
    ]);
    expect(target[0].path).toBe("objectives.Availability.target");
    expect(target[0].before).toEqual({
      comparator: "at least",
      value: { kind: "percentage", value: "99.95", text: "99.95%" },
    });
  });

  it("a target lowered on an at-most objective is a relaxation", () => {
    const list = changes(["target at most 0.5% per calendar month", "target at most 1.0% per calendar month"]);
    expect(sentences(list)).toEqual(["The target of “Overnight batch quality” is lowered from 0.5% to 1.0%"]);
  });

  it("an objective added, removed and renamed", () => {
    const added = changes([
      "objective BatchQuality",
      'objective Throughput "Batch throughput" {\n  metric BatchCompletion\n  target at most 2% per calendar month\n}\n\nobjective BatchQuality',
    ]);
    expect(added.map((c) => [c.kind, c.path])).toEqual([["objective-added", "objectives.Throughput"]]);
    expect(sentences(added)).toEqual(["Objective “Batch throughput” is added"]);
    const renamed = changes([
      'objective BatchQuality "Overnight batch quality"',
      'objective BatchQuality "Nightly batch quality"',
    ]);
    expect(sentences(renamed)).toEqual(["Objective “Overnight batch quality” is renamed “Nightly batch quality”"]);
    expect(renamed[0]).toMatchObject({
      kind: "objective-title",
      before: "Overnight batch quality",
      after: "Nightly batch quality",
    });
  });

  it("the measurement window", () => {
    const list = changes(["target at most 0.5% per calendar month", "target at most 0.5% per calendar quarter"]);
    expect(list.map((c) => c.kind)).toEqual(["window"]);
    expect(sentences(list)).toEqual([
      "The measurement window of “Overnight batch quality” changes from per calendar month to per calendar quarter",
    ]);
  });

  it("credit tiers added, removed and changed", () => {
    const list = changes(
      [
        "credit 10% of monthly fee when below 99.5%\n",
        "credit 12% of monthly fee when below 99.5%\n  credit 30% of monthly fee when below 98.0%\n",
      ],
      ["credit 20% of monthly fee when below 99.0%\n", ""],
      ["cap 20% of monthly fee per calendar month", "cap 30% of monthly fee per calendar month"],
    );
    expect(sentences(list)).toEqual([
      "The credit below 99.5% in “Availability service credits” is raised from 10% to 12% of the Monthly Fee",
      "A credit tier of 30% below 98.0% is added to “Availability service credits”",
      "A credit tier of 20% below 99.0% is removed from “Availability service credits”",
      "The cap on the credits of “Availability service credits” is raised from 20% to 30% of the Monthly Fee per calendar month",
    ]);
    expect(list.map((c) => c.kind)).toEqual(["tier", "tier-added", "tier-removed", "cap"]);
  });

  it("a credit on another fee basis at the same percentage is changed, neither raised nor lowered", () => {
    const after = structuredClone(base);
    const credit = after.remedies.find((r) => r.name === "AvailabilityCredits")!.credits[0];
    if ("amount" in credit) throw new Error("the base contract's first credit is a percentage");
    credit.basis = "annual fee";
    expect(sentences(diffBundles(base, after))).toEqual([
      "The credit below 99.95% in “Availability service credits” is changed from 5% of the Monthly Fee to 5% of the Annual Fee",
    ]);
  });

  it("the claim period", () => {
    const list = changes(["claim within 45 days", "claim within 30 days"]);
    expect(list).toEqual([
      {
        kind: "claim-period",
        path: "remedies.AvailabilityCredits.claimWithin",
        before: { text: "45 days", amount: "45", unit: "day", seconds: "3888000" },
        after: { text: "30 days", amount: "30", unit: "day", seconds: "2592000" },
        sentence: expect.any(String),
      },
    ]);
    expect(sentences(list)).toEqual([
      "The claim period of “Availability service credits” is shortened from 45 to 30 days",
    ]);
  });

  it("exclusions: a notice, an allowance, one removed", () => {
    const list = changes(
      ["notice 10 days", "notice 5 business days"],
      ["at most 6 hours per calendar month", "at most 8 hours per calendar month"],
      ["  exclude force majeure\n", ""],
    );
    expect(sentences(list)).toEqual([
      "The maintenance notice for “Core insurance platform hosting and operations” changes from 10 days to 5 Business Days",
      "The maintenance allowance for “Core insurance platform hosting and operations” changes from 6 hours per calendar month to 8 hours per calendar month",
      "The force majeure exclusion is removed from “Core insurance platform hosting and operations”",
    ]);
    expect(list.map((c) => c.path)).toEqual([
      "services.CoreSystems.exclusions[maintenance].notice",
      "services.CoreSystems.exclusions[maintenance].allowance",
      "services.CoreSystems.exclusions[force majeure]",
    ]);
  });

  it("a party's name, role and address", () => {
    const list = changes(
      ['party Tailspin "Tailspin Insurance plc"', 'party Tailspin "Tailspin Group plc"'],
      ["8 St Andrew Square", "10 St Andrew Square"],
    );
    expect(sentences(list)).toEqual([
      "Party “Tailspin Insurance plc” is renamed “Tailspin Group plc”",
      "The address of “Tailspin Group plc” changes from “8 St Andrew Square, Edinburgh EH2 2BD” to “10 St Andrew Square, Edinburgh EH2 2BD”",
    ]);
  });

  it("the fee, termination, a bonus, reporting and the term", () => {
    const list = changes(
      ["fee GBP 240,000.00 per month", "fee GBP 250,000.00 per month"],
      ["terminate when breached 3 times within 6 months", "terminate when breached 2 times within 6 months"],
      ["bonus 2% of monthly fee when above 99.99%", "bonus 3% of monthly fee when above 99.99%"],
      ["monthly within 5 business days", "monthly within 10 business days"],
      ["term 60 months", "term 48 months"],
    );
    expect(sentences(list)).toEqual([
      "The term is shortened from 60 to 48 months",
      "The fee for “Core insurance platform hosting and operations” is raised from GBP 240,000.00 per month to GBP 250,000.00 per month",
      "The right to terminate under “Termination for chronic failure” changes from after 3 breaches within 6 months to after 2 breaches within 6 months",
      "The bonus above 99.99% for 3 consecutive windows in “Availability bonus” is raised from 2% to 3% of the Monthly Fee",
      "The time to deliver the report on “Core platform availability”, “Limits on individual outages”, “Overnight batch quality” and “Major incident handling” is lengthened from 5 to 10 Business Days",
    ]);
    expect(list.map((c) => c.kind)).toEqual(["agreement", "service", "termination", "bonus", "reporting"]);
  });

  it("clause text: only the sentence that changed is quoted", () => {
    const list = changes(["negotiate in good faith any adjustment", "agree in good faith any adjustment"]);
    expect(list.map((c) => c.kind)).toEqual(["clause-text"]);
    expect(sentences(list)).toEqual([
      "In “Benchmarking”, “The parties shall negotiate in good faith any adjustment the benchmarker recommends.” becomes “The parties shall agree in good faith any adjustment the benchmarker recommends.”",
    ]);
  });

  it("a clause sentence added", () => {
    const list = changes([
      "the benchmarker recommends.\n",
      "the benchmarker recommends. The Provider bears the benchmarker's fees.\n",
    ]);
    expect(sentences(list)).toEqual(["In “Benchmarking”, “The Provider bears the benchmarker's fees.” is added"]);
  });
});

describe("nothing goes unlisted", () => {
  it("a service's contact", () => {
    const list = changes([
      "  customer Tailspin\n  fee",
      '  customer Tailspin\n  contact "servicedesk@contoso.example"\n  fee',
    ]);
    expect(list.map((c) => [c.kind, c.path])).toEqual([["service", "services.CoreSystems.contact"]]);
  });

  it("a property no rule compares is still reported, by its name", () => {
    const after = structuredClone(base) as unknown as { services: Record<string, unknown>[] };
    after.services[0].escalationPath = "Tier 2 on-call";
    const list = diffBundles(base, after as unknown as typeof base);
    expect(list.map((c) => [c.kind, c.path, plainSentence(c.sentence)])).toEqual([
      [
        "service",
        "services.CoreSystems.escalationPath",
        "The escalation path of “Core insurance platform hosting and operations” changes from none to “Tier 2 on-call”",
      ],
    ]);
  });

  it("items with the same key are matched in order", () => {
    const after = structuredClone(base);
    const actions = after.remedies.find((r) => r.name === "CorrectiveAction")!.actions;
    actions.push({ ...actions[0] });
    const list = diffBundles(base, after);
    expect(list.map((c) => [c.kind, c.path])).toEqual([
      ["action-added", "remedies.CorrectiveAction.actions[Root cause analysis report#2]"],
    ]);
    expect(diffBundles(after, base).map((c) => c.kind)).toEqual(["action-removed"]);
  });
});

describe("no change", () => {
  it("the same contract gives no changes", () => {
    expect(diffBundles(base, bundleOf(BASE))).toEqual([]);
    expect(changesText([])).toBe(`${NO_CHANGES}\n`);
  });

  it("reformatting, comments, order of declarations and reflowed clause text give no changes", () => {
    const moved = BASE.replace(/(reporting Governance[\s\S]*?\n}\n)\n(clause Benchmarking[\s\S]*?\n}\n)/, "$2\n$1");
    expect(moved).not.toBe(BASE);
    const reflowed = moved
      .replace("// An IT outsourcing agreement", "// A comment that changed. An IT outsourcing agreement")
      .replace("recommends.", "recommends.\n   ")
      .replace(
        "Once in each contract year the Customer may appoint",
        "Once in each contract year the Customer\n    may appoint",
      );
    const reformatted = format(reflowed.replace(/\n {2}/g, "\n      ")).text;
    expect(reformatted).not.toBe(BASE);
    expect(diffBundles(base, bundleOf(reformatted.replace(/\n/g, "\n\n")))).toEqual([]);
  });
});

describe("outputs", () => {
  const list = changes(
    ["claim within 45 days", "claim within 30 days"],
    ['party Tailspin "Tailspin Insurance plc"', 'party Tailspin "Tailspin *Insurance* plc"'],
  );

  it("JSON is a list of { kind, path, before, after, sentence }, without source positions", () => {
    const json = JSON.parse(changesJson(list)) as Record<string, unknown>[];
    expect(json.map((c) => Object.keys(c))).toEqual([
      ["kind", "path", "before", "after", "sentence"],
      ["kind", "path", "before", "after", "sentence"],
    ]);
    expect(JSON.stringify(json)).not.toContain('"source"');
    expect(json[0]).toMatchObject({
      kind: "party-title",
      before: "Tailspin Insurance plc",
      after: "Tailspin *Insurance* plc",
    });
  });

  it("Markdown puts titles in italics, escaped; text in quotes", () => {
    expect(changesMarkdown(list)).toBe(
      "- Party *Tailspin Insurance plc* is renamed *Tailspin \\*Insurance\\* plc*.\n- The claim period of *Availability service credits* is shortened from 45 to 30 days.\n",
    );
    expect(changesText(list)).toBe(
      "Party “Tailspin Insurance plc” is renamed “Tailspin *Insurance* plc”.\nThe claim period of “Availability service credits” is shortened from 45 to 30 days.\n",
    );
  });
});

describe("a fee as charged", () => {
  const charged = readFileSync(new URL("../../../test/cases/fee-as-charged.sla", import.meta.url), "utf8");
  const fixed = charged.replace("fee as charged per month", "fee USD 1,000.00 per month");

  it("is one change of the fee, in words, both ways", () => {
    const [there, back] = [
      diffBundles(bundleOf(fixed), bundleOf(charged)),
      diffBundles(bundleOf(charged), bundleOf(fixed)),
    ];
    expect(sentences(there)).toEqual([
      "The fee for “Compute” changes from USD 1,000.00 per month to the charges paid in each month",
    ]);
    expect(sentences(back)).toEqual([
      "The fee for “Compute” changes from the charges paid in each month to USD 1,000.00 per month",
    ]);
  });
});
