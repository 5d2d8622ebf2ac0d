import { describe, expect, it } from "vitest";
import { compileBundle, type RuleBundle, renderContract } from "../src/index.ts";
import { usesDurationUnit, usesFeeBasis, usesWindowPeriod } from "../src/render/questions.ts";
import { join } from "node:path";
import { checkFile, cleanConformanceFiles, conformanceDir, errorsOf, exampleFiles, examplesDir } from "./helpers.ts";

const cases = [
  ...exampleFiles(),
  { name: "conformance-hosting", path: join(conformanceDir, "hosting.sla") },
  ...cleanConformanceFiles(),
];
const cloudHosting = () => bundleOf(join(examplesDir, "cloud-hosting.sla"));

function bundleOf(path: string): RuleBundle {
  const program = checkFile(path);
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

describe("the contract's typed questions", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(3));

  // The renderer used to search the bundle's JSON for these strings; the typed questions walk the
  // bundle's types, and must find every place the search found.
  for (const { name, path } of cases) {
    it(`${name}: find what a search of the bundle's JSON finds`, () => {
      const bundle = bundleOf(path);
      // a metric's indicator (its slice's length) is kept out of the contract, so not searched
      const json = JSON.stringify({ ...bundle, metrics: bundle.metrics.map(({ indicator: _, ...metric }) => metric) });
      for (const unit of ["business day", "business hour", "day", "hour", "minute", "month"] as const)
        expect(usesDurationUnit(bundle, unit), unit).toBe(json.includes(`"unit":"${unit}"`));
      for (const basis of ["monthly fee", "quarterly fee", "annual fee"] as const)
        expect(usesFeeBasis(bundle, basis), basis).toBe(json.includes(`"basis":"${basis}"`));
      for (const period of ["week", "calendar month", "calendar quarter", "rolling"] as const)
        expect(usesWindowPeriod(bundle, period), period).toBe(json.includes(`"period":"${period}"`));
    });
  }

  it("defines Business Day when the only business-day duration is a report's deadline", () => {
    const bundle = cloudHosting();
    expect(renderContract(bundle)).not.toContain('"**Business Day**"');
    bundle.reporting.push({
      name: "rep",
      title: null,
      reports: [
        {
          objectives: [],
          frequency: "monthly",
          within: { amount: "5", unit: "business day", text: "5 business days" },
          source: bundle.objectives[0].source,
        },
      ],
      review: null,
      source: bundle.objectives[0].source,
    });
    expect(renderContract(bundle)).toMatch(/"\*\*Business Day\*\*" means any day from Monday to Friday/);
  });
});

/** Every `clause N` cites a section that exists, and the ones whose words name a section cite it. */
function expectCitationsRight(markdown: string) {
  const titles = new Map<number, string>();
  for (const m of markdown.matchAll(/^## (\d+)\. (.*)$/gm)) titles.set(Number(m[1]), m[2]);
  expect(markdown).not.toContain("\u0000");
  expect(markdown).not.toMatch(/clauses? \?/);
  for (const m of markdown.matchAll(/clauses? (\d+)/g)) expect(titles.has(Number(m[1])), m[0]).toBe(true);
  const cited = (pattern: RegExp) => {
    const m = pattern.exec(markdown);
    return m ? titles.get(Number(m[1])) : undefined;
  };
  if (markdown.includes('"**Service Credit**"'))
    expect(cited(/"\*\*Service Credit\*\*" means an amount credited to .*? under clauses? (\d+)/)).toBe(
      "Service Credits",
    );
  if (markdown.includes('"**Scheduled Maintenance**"')) expect(cited(/conditions in clause (\d+)/)).toBe("Exclusions");
  if (markdown.includes("has the meaning given in clause"))
    expect(cited(/has the meaning given in clause (\d+)\.\d+/)).toBe("Measurement");
  if (markdown.includes("Without prejudice to clause "))
    expect(cited(/Without prejudice to clauses? (\d+)/)).toMatch(/^(Corrective Actions|Termination Rights)$/);
}

describe("section numbers", () => {
  for (const { name, path } of cases) {
    it(`${name}: every clause cited is the section its words name`, () => {
      expectCitationsRight(renderContract(bundleOf(path)));
    });
  }

  it("numbers the definitions first when there are no parties, and cites the sections after them", () => {
    const bundle = cloudHosting();
    bundle.parties = [];
    const markdown = renderContract(bundle);
    expect(markdown).toMatch(/^## 1\. Definitions and Interpretation$/m);
    expect(markdown).toMatch(/^## 2\. Services$/m);
    expectCitationsRight(markdown);
  });
});
